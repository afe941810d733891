#!/usr/bin/env bash
# The main job on the bundled sample: set up, analyse and store the German Wikinews sample
# in lagebild.duckdb, then show what was found. Usage: scripts/demo.sh [DB]
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-lagebild.duckdb}
scripts/setup.sh
LB=.venv/bin/lagebild
$LB ingest samples --db "$DB" --dedup
$LB stats --db "$DB"
echo; echo "== events"; $LB events --db "$DB" --limit 15
echo; echo "== quotes"; $LB quotes --db "$DB" --limit 8
echo; echo "== places"; $LB places --db "$DB" --limit 10
echo; echo "Next: .venv/bin/lagebild serve --db $DB   (then open http://127.0.0.1:8000/)"
