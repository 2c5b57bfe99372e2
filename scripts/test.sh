#!/usr/bin/env bash
# Set everything up from nothing and run every check (the README's test command): the layer
# contracts, lint, types, then the whole test suite in random order (it prints the seed;
# replay an order with `bash scripts/test.sh -p randomly --randomly-seed=N`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh '[test,dev]'
.venv/bin/lint-imports
.venv/bin/ruff check .
.venv/bin/mypy
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
