#!/usr/bin/env bash
# Set up and run the whole default test suite (what CI runs). Usage: scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
.venv/bin/ruff check src tests scripts
.venv/bin/mypy
# -rs: every skipped check is listed with its reason, so a skip is never read as a pass
.venv/bin/python -m pytest -q -rs -p no:cacheprovider "$@"
