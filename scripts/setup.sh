#!/usr/bin/env bash
# Set up from nothing: the venv with the package (and EXTRAS, e.g. "[test]"), and
# Azurite, the Azure Storage emulator the app and the tests use as linked storage.
# Usage: bash scripts/setup.sh [EXTRAS]
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".${1:-}"
# node_modules/ is not committed; --no-save/--no-package-lock leave no package.json or lock file.
if [ -z "${AZURITE_BLOB:-}" ] && [ ! -x node_modules/.bin/azurite-blob ]; then
    if command -v npm >/dev/null; then
        npm install --prefix . --no-save --no-package-lock --no-audit --no-fund --loglevel=error azurite@3 >/dev/null
    else
        echo "npm not found: Azurite is not installed, so uploads to linked storage are off" >&2
    fi
fi
