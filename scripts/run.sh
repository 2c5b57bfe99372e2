#!/usr/bin/env bash
# Set everything up from nothing and start MPI Explorer (with its embedded Local Batch).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
exec .venv/bin/mpi-explorer "$@"
