#!/usr/bin/env bash
# Check that the lower bounds in pyproject.toml install and work: a fresh venv on the oldest
# Python we claim (3.10) with every dependency at its minimum, then a smoke test: the imports,
# `mpi-explorer --version`, and the wheel/Local Batch/MPI path via the offscreen demo.
#
#     bash scripts/check-min-deps.sh [PYTHON]      # default: pyenv's 3.10, else python3.10
#
# Also run by hand for the newest Python (e.g. PYTHON=python3.13 with --latest) to see the
# PySide6 cap is only where it is needed. Takes a few minutes (downloads from PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=minimum
if [ "${1:-}" = "--latest" ]; then mode=latest; shift; fi
python="${1:-}"
if [ -z "$python" ]; then
    python=$(ls -d /root/.pyenv/versions/3.10*/bin/python3 2>/dev/null | head -n1 || true)
    python="${python:-python3.10}"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"
pip=("$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check)
exec 2> >(grep -v "^WARNING: Location" >&2)  # this machine's pip config names missing local indexes
"${pip[@]}" --upgrade pip
if [ "$mode" = minimum ]; then
    # Every ">=X" of [project.dependencies] that applies to this Python, pinned to "==X.*".
    "$work/venv/bin/python" - pyproject.toml > "$work/constraints.txt" <<'PY'
import re, sys
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: read the list by hand, it is simple enough
    tomllib = None
text = open(sys.argv[1], encoding="utf-8").read()
if tomllib:
    deps = tomllib.loads(text)["project"]["dependencies"]
else:
    block = text.split("dependencies = [", 1)[1].split("\n]", 1)[0]
    deps = re.findall(r'^\s*"([^"]+)"', block, re.M)
try:
    from packaging.markers import Marker
except ModuleNotFoundError:
    from pip._vendor.packaging.markers import Marker
for dep in deps:
    spec, _, marker = dep.partition(";")
    if marker and not Marker(marker.strip()).evaluate():
        continue
    name = re.match(r"[A-Za-z0-9_.-]+", spec).group(0)
    low = re.search(r">=\s*([0-9][^,\s]*)", spec)
    if low:
        print(f"{name}=={low.group(1)}.*")  # the oldest release line claimed (its newest patch)
PY
    echo "minimum versions:"; sed 's/^/  /' "$work/constraints.txt"
    "${pip[@]}" -c "$work/constraints.txt" .
else
    "${pip[@]}" .
fi
"$work/venv/bin/python" -m pip list --format=freeze | grep -iE '^(pyside6|qasync|pyqtgraph|numpy|azure|isodate|aiohttp|keyring|platformdirs|psutil|mpich|mpi4py)' | sed 's/^/  installed: /'
cd "$work"
"$work/venv/bin/mpi-explorer" --version
export XDG_CONFIG_HOME="$work/c" XDG_DATA_HOME="$work/d" XDG_STATE_HOME="$work/s" XDG_CACHE_HOME="$work/k"
QT_QPA_PLATFORM=offscreen "$work/venv/bin/mpi-explorer" --demo --screenshot "$work/shot.png" --quit-after 15
stdout=$(find "$work/d" -path '*mpi-progress-*' -name stdout.txt -not -path '*/[0-9]/*' | head -n1)
grep -q "pi monte carlo: 4 ranks" "$stdout"
! grep -q " ERROR " "$work/s/mpi-explorer/log/explorer.log"
echo "ok: $mode versions on $("$python" --version 2>&1): the demo ran 4 MPI ranks"
