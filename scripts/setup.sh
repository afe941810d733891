#!/usr/bin/env bash
# Create .venv and install lagebild into it (idempotent). Usage: scripts/setup.sh [--test]
# --test also installs the test tools, the build extra (pyowm: the slow test rebuilds the gazetteer index) and
# Debian chromium (for the browser tests; needs root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install --quiet -e ".[test,build]" 2>&1 | grep -v -E "^(WARNING: Location|  )" || true
  if ! command -v chromium >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  fi
else
  .venv/bin/python -m pip install --quiet -e . 2>&1 | grep -v -E "^(WARNING: Location|  )" || true
fi
.venv/bin/python -c "import lagebild" || { echo "setup failed: lagebild does not import" >&2; exit 1; }
