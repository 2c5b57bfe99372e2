#!/usr/bin/env bash
# Extract every string marked for translation in explorer/ into the catalogues and compile them.
#
#   bash scripts/update-translations.sh
#
# Run it after adding or changing a user-visible string (tests/unit/ui/test_translations.py fails
# until the catalogues match the sources), and after translating a .ts file. The catalogues live in
# explorer/resources/translations/: mpi_explorer_en.ts lists every message in the source language
# (English needs no translation: it is the reference the test compares against), and one
# mpi_explorer_<language>.ts per language, compiled into the mpi_explorer_<language>.qm the app
# loads for that locale (explorer/ui/translation.py). A new language: add it to LANGUAGES, run
# this, translate its .ts with pyside6-linguist, run this again, commit the .ts and the .qm.
set -euo pipefail
cd "$(dirname "$0")/.."

LANGUAGES=(de)
BIN=${BIN:-.venv/bin}
DIR=${DIR:-explorer/resources/translations}

# Sorted and without line numbers: the catalogues change only when a message does (no merge
# conflicts from moved lines), and the same sources give the same bytes.
mapfile -t sources < <(find explorer -name '*.py' -not -path 'explorer/resources/*' | LC_ALL=C sort)
lupdate() {
    "$BIN/pyside6-lupdate" -silent -locations none -no-obsolete -sort-messages -source-language en \
        -target-language "$1" "${sources[@]}" -ts "$DIR/mpi_explorer_$1.ts"
}

lupdate en
for language in "${LANGUAGES[@]}"; do
    lupdate "$language"
    "$BIN/pyside6-lrelease" -silent "$DIR/mpi_explorer_$language.ts" -qm "$DIR/mpi_explorer_$language.qm"
done
