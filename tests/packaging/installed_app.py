"""Running an installed `mpi-explorer` the way a user would: from a folder outside the repository."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from PySide6.QtGui import QImage

from explorer import __version__
from tests.support.processes import processes_with_env

REPO = Path(__file__).resolve().parents[2]


def check_version(command: list[str], cwd: Path) -> None:
    result = subprocess.run([*command, "--version"], cwd=cwd, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"mpi-explorer {__version__}"


def check_demo(command: list[str], cwd: Path, quit_after: float = 12.0) -> str:
    """Run the offscreen demo to its end; it must have run the sample with real MPI. Returns the primary's stdout."""
    assert not cwd.resolve().is_relative_to(REPO), "run it from outside the repository"
    shot = cwd / "demo.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [*command, "--demo", "--screenshot", str(shot), "--quit-after", str(quit_after)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    image = QImage(str(shot))
    assert not image.isNull() and image.width() >= 800, "no screenshot of the window"
    log = (Path(env["XDG_STATE_HOME"]) / "mpi-explorer" / "log" / "explorer.log").read_text()
    assert "demo task mpi-progress-" in log and " ERROR " not in log, log[-3000:]
    data = Path(env["XDG_DATA_HOME"]) / "mpi-explorer" / "localbatch"
    outputs = list(data.glob("nodes/mpi-demo/*/workitems/mpi-demo/job-1/mpi-progress-*/stdout.txt"))
    assert len(outputs) == 1, outputs
    stdout = outputs[0].read_text()
    assert "pi monte carlo: 4 ranks on nodes" in stdout and "step 1/" in stdout, stdout
    assert not processes_with_env("XDG_DATA_HOME", env["XDG_DATA_HOME"]), "the app left processes behind"
    return stdout
