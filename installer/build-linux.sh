#!/usr/bin/env bash
# Build the Linux bundle: a self-contained folder, a tarball and a .deb.
#
#     bash installer/build-linux.sh            # into build/installer/
#
# Needs: the venv with the bundle extra (this script installs it: scripts/setup.sh '[bundle]'),
# dpkg-deb (Debian/Ubuntu). Results (VERSION from explorer/__init__.py, ARCH from dpkg):
#   build/installer/mpi-explorer/                          the folder (run ./mpi-explorer)
#   build/installer/mpi-explorer-VERSION-linux-ARCH.tar.gz  the folder, plus share/ (desktop file, icons, metainfo)
#   build/installer/mpi-explorer_VERSION_ARCH.deb          /opt/mpi-explorer, /usr/bin/mpi-explorer, and the
#                                                          .desktop file, icons and metainfo in /usr/share
# DEB_COMPRESSION (default xz; gzip is faster) is passed to dpkg-deb -Z.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${OUT_DIR:-build/installer}"
bash scripts/setup.sh '[bundle]'
python=.venv/bin/python
version=$($python -c 'import explorer; print(explorer.__version__)')
app_id=$($python -c 'from explorer.resources import APP_ID; print(APP_ID)')
arch=$(dpkg --print-architecture 2>/dev/null || uname -m)
resources=explorer/resources
rm -rf "$out/mpi-explorer" "$out/root"
mkdir -p "$out"

echo "== PyInstaller: $out/mpi-explorer/"
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath "$out" --workpath "$out/pyinstaller" \
    installer/mpi-explorer.spec
"$out/mpi-explorer/mpi-explorer" --version

# The freedesktop files under PREFIX/share, as a package or `make install` would place them.
install_share() {
    local share="$1/share"
    install -Dm644 "$resources/desktop/$app_id.desktop" "$share/applications/$app_id.desktop"
    install -Dm644 "$resources/desktop/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
    for icon in "$resources"/icons/hicolor/*/apps/*; do
        install -Dm644 "$icon" "$share/icons/${icon#"$resources/icons/"}"
    done
}

echo "== tarball"
stage="$out/root/tar/mpi-explorer-$version"
mkdir -p "$stage"
cp -a "$out/mpi-explorer/." "$stage/"
install_share "$stage"
install -m644 LICENSE "$stage/LICENSE"
tarball="$out/mpi-explorer-$version-linux-$arch.tar.gz"
tar -C "$out/root/tar" -czf "$tarball" "mpi-explorer-$version"

echo "== .deb"
root="$out/root/deb"
mkdir -p "$root/opt" "$root/usr/bin" "$root/DEBIAN" "$root/usr/share/doc/mpi-explorer"
cp -a "$out/mpi-explorer" "$root/opt/mpi-explorer"
ln -s ../../opt/mpi-explorer/mpi-explorer "$root/usr/bin/mpi-explorer"  # relative: works under dpkg --root too
install_share "$root/usr"
install -m644 LICENSE "$root/usr/share/doc/mpi-explorer/copyright"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
# The newest glibc symbol anything in the bundle asks for (it was built against this machine's).
# (objdump fails on the scripts among them: only its output counts.)
glibc=$( { find "$out/mpi-explorer" -type f \( -name '*.so*' -o -perm -u+x \) -exec objdump -T {} + 2>/dev/null || true; } \
    | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: mpi-explorer
Version: $version
Architecture: $arch
Maintainer: The MPI Explorer authors <mpi-explorer@users.noreply.github.com>
Installed-Size: $size
Depends: libc6 (>= $glibc), libgl1, libegl1, fontconfig-config
Section: devel
Priority: optional
Homepage: https://github.com/mpi-explorer/mpi-explorer
Description: explorer for MPI multi-instance tasks on Azure Batch
 Submit, watch and debug MPI multi-instance tasks on Azure Batch, or on this
 machine with Local Batch, which runs them with MPICH on local compute nodes.
 Self-contained: Python, Qt, MPICH and mpi4py come with it.
CONTROL
deb="$out/mpi-explorer_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" --build "$root" "$deb" >/dev/null
rm -rf "$out/root"
echo "built: $out/mpi-explorer/  $tarball  $deb"
