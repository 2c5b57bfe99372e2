#!/usr/bin/env bash
# Set everything up from nothing and start MPI Explorer (with its embedded Local Batch).
# Arguments go to mpi-explorer: e.g. --demo, or `localbatch serve` for the service alone.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/mpi-explorer "$@"
