#!/usr/bin/env bash
# Set everything up from nothing and start MPI Explorer (with its embedded Local Batch).
# Arguments go to mpi-explorer: e.g. --demo, --debug, or `localbatch serve` for the service alone.
# When nothing changed it installs nothing (setup.sh keeps a stamp). Before Qt is loaded,
# mpi-explorer checks the system libraries Qt's X11 plugin needs and, if some are missing,
# prints the apt-get line that installs them (explorer/installation/system_libs.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/mpi-explorer "$@"
