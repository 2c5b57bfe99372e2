#!/usr/bin/env bash
# Set up from nothing: the venv with the package (and EXTRAS, e.g. "[test]"), and
# Azurite, the Azure Storage emulator the app and the tests use as linked storage.
# Usage: bash scripts/setup.sh [EXTRAS]
# Quick and quiet when nothing changed: the install is skipped while pyproject.toml and
# the extras are those of the last install (a stamp in .venv records them).
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"                                   # e.g. "[test,dev]"
requested=$(printf '%s' "$extras" | tr -d '[] ' | tr ',' '\n' | sed '/^$/d' | sort -u)
stamp=.venv/.installed                            # line 1: python + pyproject hash; then the extras
wanted="$(python3 --version 2>&1) $(sha256sum pyproject.toml | cut -d' ' -f1)"
up_to_date() {
    [ -x .venv/bin/python ] && [ -f "$stamp" ] && [ "$(head -n1 "$stamp")" = "$wanted" ] || return 1
    # every extra asked for now was installed then (run.sh asks for none, the tests for [test])
    [ -z "$(comm -23 <(printf '%s\n' "$requested" | sed '/^$/d') <(tail -n +2 "$stamp" | sort -u))" ]
}
if ! up_to_date; then
    installed=$( { [ -f "$stamp" ] && [ "$(head -n1 "$stamp")" = "$wanted" ] && tail -n +2 "$stamp"; } || true)
    all=$(printf '%s\n%s\n' "$requested" "$installed" | sed '/^$/d' | sort -u)
    spec=""
    [ -n "$all" ] && spec="[$(printf '%s' "$all" | paste -sd, -)]"
    python3 -m venv .venv
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    # setuptools explains its editable mode at length on every install: a UserWarning, not news.
    PYTHONWARNINGS=ignore::UserWarning \
        .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${spec}"
    printf '%s\n%s\n' "$wanted" "$all" | sed '/^$/d' > "$stamp"
fi
# node_modules/ is not committed; --no-save/--no-package-lock leave no package.json or lock file.
# 3.37 or later: older ones compute user-delegation SAS signatures of the storage SDK's current version wrongly.
azurite_version=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' node_modules/azurite/package.json 2>/dev/null || true)
if [ -z "${AZURITE_BLOB:-}" ] && { [ ! -x node_modules/.bin/azurite-blob ] || \
        [ "$(printf '%s\n' 3.37.0 "$azurite_version" | sort -V | head -1)" != 3.37.0 ]; }; then
    if command -v npm >/dev/null; then
        npm install --prefix . --no-save --no-package-lock --no-audit --no-fund --loglevel=error 'azurite@^3.37' >/dev/null
    else
        echo "npm not found: Azurite is not installed, so uploads to linked storage are off" >&2
    fi
fi
