"""SIGTERM, SIGINT and SIGHUP to the app end it as File > Quit does: nothing of ours is left running.

The real app runs as a subprocess (offscreen), with its own user dirs: its Local
Batch, the task processes of a running MPI task and Azurite are all children or
grandchildren that a crude exit would orphan.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.processes import kill_all, processes_under
from tests.support.waiting import wait_until_sync

USER_DIRS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")


def start_app(home: Path, *args: str) -> tuple[subprocess.Popen, Path]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for name in USER_DIRS:
        env[name] = str(home / name.lower())
        Path(env[name]).mkdir(parents=True)
    app = subprocess.Popen(
        [sys.executable, "-m", "explorer", *args], env=env,
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    return app, Path(env["XDG_STATE_HOME"]) / "mpi-explorer" / "log" / "explorer.log"


def logged(log: Path, text: str) -> bool:
    try:
        return text in log.read_text()
    except FileNotFoundError:
        return False


def task_processes(home: Path) -> list:
    nodes = home / "xdg_data_home" / "mpi-explorer" / "localbatch" / "nodes"
    return [p for p in processes_under(home) if (p.info["cwd"] or "").startswith(str(nodes))]


@pytest.fixture
def home(tmp_path):
    yield tmp_path
    kill_all(processes_under(tmp_path))  # so that a failure here leaves nothing behind either


def test_sigterm_while_an_mpi_task_runs_stops_the_app_local_batch_its_tasks_and_azurite(home):
    app, log = start_app(home, "--demo")
    wait_until_sync(lambda: logged(log, "demo task mpi-progress-") or app.poll() is not None, what="the demo task submitted", timeout=180)
    assert app.poll() is None, app.stderr.read()
    wait_until_sync(lambda: task_processes(home), what="the MPI task's processes", timeout=120)
    children = [p.info["cmdline"] for p in processes_under(home) if p.pid != app.pid]
    assert any("localbatch" in " ".join(c) for c in children) and any("azurite" in " ".join(c) for c in children)

    app.send_signal(signal.SIGTERM)
    assert app.wait(120) == 0, app.stderr.read()
    assert processes_under(home) == []
    assert logged(log, "SIGTERM received: quitting")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGHUP])
def test_sigint_and_sighup_quit_as_well(home, signum):
    app, log = start_app(home)
    wait_until_sync(lambda: logged(log, "Local Batch ready at") or app.poll() is not None, what="Local Batch ready", timeout=180)
    assert app.poll() is None, app.stderr.read()
    app.send_signal(signum)
    assert app.wait(120) == 0, app.stderr.read()
    assert processes_under(home) == []
