#!/usr/bin/env bash
# Set everything up from nothing and run the whole test suite (the README's test command).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh '[test,bundle]'
# The validators the desktop-file tests run (Debian packages), installed where this may be done.
if ! command -v desktop-file-validate >/dev/null || ! command -v appstreamcli >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq desktop-file-utils appstream >/dev/null
    else
        echo "desktop-file-validate/appstreamcli missing: their tests are skipped (apt-get install desktop-file-utils appstream)" >&2
    fi
fi
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
