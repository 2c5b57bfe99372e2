"""The frozen Linux bundle: built by installer/build-linux.sh, it runs the demo with its own MPICH and
Python, and its .deb installs into a throw-away root where `mpi-explorer --version` runs.

Slow (a PyInstaller build: 2-3 minutes on 2 cores); `pytest -m "not slow"` leaves it out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from explorer import __version__
from explorer.resources import APP_ID
from tests.packaging.installed_app import REPO, check_demo, check_version

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (Debian, Ubuntu)"),
    pytest.mark.timeout(1200),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("installer")
    env = {**os.environ, "OUT_DIR": str(out), "DEB_COMPRESSION": "gzip"}
    result = subprocess.run(
        ["bash", str(REPO / "installer" / "build-linux.sh")], env=env, capture_output=True, text=True, timeout=1100
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return out


def test_the_frozen_app_answers_version_and_runs_the_demo_with_its_own_mpi(built: Path, tmp_path: Path):
    executable = built / "mpi-explorer" / "mpi-explorer"
    check_version([str(executable)], tmp_path)
    stdout = check_demo([str(executable)], tmp_path)
    assert "pi monte carlo: 4 ranks" in stdout
    coordination = next(
        (Path(os.environ["XDG_DATA_HOME"]) / "mpi-explorer" / "localbatch").glob(
            "nodes/mpi-demo/*/workitems/mpi-demo/job-1/mpi-progress-*/1/stdout.txt"
        )
    ).read_text()
    # the coordination command found the bundle's mpiexec and a python3 with mpi4py
    assert f"{built / 'mpi-explorer' / '_internal' / 'bin' / 'mpiexec'}\nmpi4py " in coordination, coordination


def test_the_tarball_holds_the_folder_and_the_desktop_files(built: Path):
    (tarball,) = built.glob(f"mpi-explorer-{__version__}-linux-*.tar.gz")
    with tarfile.open(tarball) as archive:
        names = set(archive.getnames())
    top = f"mpi-explorer-{__version__}"
    for name in (
        "mpi-explorer", "LICENSE", "_internal/bin/mpiexec", "_internal/bin/python3", "_internal/lib/libmpi.so.12",
        f"share/applications/{APP_ID}.desktop", f"share/metainfo/{APP_ID}.metainfo.xml",
        f"share/icons/hicolor/scalable/apps/{APP_ID}.svg", f"share/icons/hicolor/256x256/apps/{APP_ID}.png",
    ):
        assert f"{top}/{name}" in names


def test_the_deb_installs_into_a_throw_away_root_and_starts(built: Path, tmp_path: Path):
    (deb,) = built.glob(f"mpi-explorer_{__version__}_*.deb")
    root = tmp_path / "root"
    (root / "var" / "lib" / "dpkg" / "info").mkdir(parents=True)
    (root / "var" / "lib" / "dpkg" / "updates").mkdir()
    (root / "var" / "lib" / "dpkg" / "status").touch()
    # --force-depends: the empty root has no libc6 or libgl1; this machine's are used to run it.
    result = subprocess.run(
        ["dpkg", f"--root={root}", "--force-depends", "--log=/dev/null", "-i", str(deb)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for installed in (
        f"usr/share/applications/{APP_ID}.desktop", f"usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"usr/share/icons/hicolor/48x48/apps/{APP_ID}.png", "opt/mpi-explorer/mpi-explorer",
    ):
        assert (root / installed).is_file(), installed
    check_version([str(root / "usr" / "bin" / "mpi-explorer")], tmp_path)
