#!/usr/bin/env bash
# Set everything up from nothing and run the whole test suite (the README's test command).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
# Azurite (Azure Storage emulator) for the storage tests; node_modules/ is not committed.
# --no-save/--no-package-lock: no package.json or lock file appears in the repo.
if [ -z "${AZURITE_BLOB:-}" ] && [ ! -x node_modules/.bin/azurite-blob ]; then
    npm install --prefix . --no-save --no-package-lock --no-audit --no-fund --loglevel=error azurite@3 >/dev/null
fi
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
