#!/usr/bin/env bash
# Set everything up from nothing and run every check (the README's test command): the layer
# contracts, lint, types, then the whole test suite in random order (it prints the seed;
# replay an order with `bash scripts/test.sh -p randomly --randomly-seed=N`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh '[test,dev,bundle]'
# The validators the desktop-file tests run (Debian packages), installed where this may be done.
if ! command -v desktop-file-validate >/dev/null || ! command -v appstreamcli >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq desktop-file-utils appstream >/dev/null
    else
        echo "desktop-file-validate/appstreamcli missing: their tests are skipped (apt-get install desktop-file-utils appstream)" >&2
    fi
fi
.venv/bin/lint-imports
.venv/bin/ruff check .
.venv/bin/mypy
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
