#!/usr/bin/env bash
# Build MPI Explorer for macOS: "MPI Explorer.app" (Info.plist and icns from the spec) and a .dmg.
#
#     bash installer/macos/build-macos.sh
#
# Needs Python 3.10+ (python3) and the Xcode command line tools (hdiutil, codesign).
# The app is ad-hoc signed; set CODESIGN_IDENTITY to sign it with a Developer ID instead.
# On macOS the app works with Azure Batch accounts; Local Batch runs on Linux only.
# Results: build/installer/MPI Explorer.app and build/installer/mpi-explorer-VERSION-macos.dmg
set -euo pipefail
cd "$(dirname "$0")/../.."
out=build/installer
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[bundle]"
version=$(.venv/bin/python -c 'import explorer; print(explorer.__version__)')
mkdir -p "$out/icons"
.venv/bin/python installer/render_icons.py --icns "$out/icons/mpi-explorer.icns"
MPI_EXPLORER_ICON_DIR="$PWD/$out/icons" .venv/bin/pyinstaller --noconfirm --log-level WARN \
    --distpath "$out" --workpath "$out/pyinstaller" installer/mpi-explorer.spec
app="$out/MPI Explorer.app"
"$app/Contents/MacOS/mpi-explorer" --version
codesign --force --deep --sign "${CODESIGN_IDENTITY:--}" "$app"
dmg="$out/mpi-explorer-$version-macos.dmg"
rm -f "$dmg"
hdiutil create -volname "MPI Explorer $version" -srcfolder "$app" -ov -format UDZO "$dmg"
echo "built: $app and $dmg"
