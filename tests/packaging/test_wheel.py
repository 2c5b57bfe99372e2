"""The wheel is complete: installed into a fresh venv outside the repository, the demo runs real MPI."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.packaging.installed_app import REPO, check_demo, check_version

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(REPO)],
        check=True, capture_output=True, timeout=300,
    )
    (built,) = out.glob("mpi_explorer-*.whl")
    return built


def test_the_wheel_holds_the_resources_the_license_and_both_entry_points(wheel: Path):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = archive.read(next(n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    for resource in (
        "explorer/resources/samples/mpi-hello/task.json",
        "explorer/resources/samples/mpi-progress/progress.py",
        "explorer/resources/icons/hicolor/scalable/apps/io.github.mpi_explorer.MPIExplorer.svg",
        "explorer/resources/desktop/io.github.mpi_explorer.MPIExplorer.desktop",
        "explorer/resources/desktop/io.github.mpi_explorer.MPIExplorer.metainfo.xml",
        "explorer/resources/translations/mpi_explorer_de.qm",
        "explorer/resources/node_sampler/mpi_explorer_sampler.py",  # the pool wizard uploads it to the nodes
    ):
        assert resource in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "[gui_scripts]\nmpi-explorer = explorer.__main__:main" in entry_points
    assert "[console_scripts]\nmpi-explorer-cli = explorer.__main__:main" in entry_points
    assert "License-Expression: MIT" in metadata and "License: " not in metadata


def test_installed_from_the_wheel_it_answers_version_and_runs_the_demo(wheel: Path, tmp_path: Path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    install = subprocess.run(
        [venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        capture_output=True, text=True, timeout=900,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    check_version([str(venv / "bin" / "mpi-explorer")], elsewhere)
    check_demo([str(venv / "bin" / "mpi-explorer")], elsewhere)


def test_the_sdist_holds_what_it_takes_to_build_install_and_test(tmp_path: Path):
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--outdir", str(tmp_path), str(REPO)],
        check=True, capture_output=True, timeout=300,
    )
    (sdist,) = tmp_path.glob("mpi_explorer-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for name in (
        "LICENSE", "README.md", "pyproject.toml", "tests/conftest.py", "tests/packaging/test_wheel.py",
        "scripts/test.sh", "installer/mpi-explorer.spec", "explorer/resources/samples/mpi-hello/hello.py",
        "explorer/resources/icons/hicolor/48x48/apps/io.github.mpi_explorer.MPIExplorer.png",
    ):
        assert name in names, name
    assert not any("__pycache__" in name for name in names)
