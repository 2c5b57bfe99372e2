"""Finding and ending the processes a test started: the app, Local Batch, Azurite, their tasks."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import psutil


def processes_under(root: Path) -> list[psutil.Process]:
    """Every process that belongs to a run under `root`: started with one of its paths in its
    environment or command line (the app, Local Batch, Azurite), or working inside it (tasks).

    What was read of each is in `process.info` ("cmdline", "cwd"), as it was at the scan:
    a short-lived task process may be gone a moment later."""
    root_text = str(root)
    found = []
    for process in psutil.process_iter(["cmdline", "cwd", "environ", "status"]):
        info = process.info
        if process.pid == os.getpid() or info["status"] == psutil.STATUS_ZOMBIE:
            continue
        cmdline, cwd, environ = info["cmdline"] or [], info["cwd"] or "", info["environ"] or {}
        if (
            any(value.startswith(root_text) for value in environ.values())
            or any(root_text in arg for arg in cmdline)
            or cwd.startswith(root_text)
        ):
            found.append(process)
    return found


def kill_all(processes: list[psutil.Process]) -> None:
    for process in processes:
        try:
            process.send_signal(signal.SIGKILL)
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(processes, timeout=10)


def serve_processes(data_dir: Path) -> list[psutil.Process]:
    """The `localbatch serve` processes on `data_dir`."""
    return [
        process for process in processes_under(data_dir)
        if "serve" in process.info["cmdline"] and str(data_dir) in process.info["cmdline"]
    ]


def processes_with_env(name: str, value: str) -> list[list[str]]:
    """The command lines of the processes whose environment has `name` set to `value`."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        try:
            if process.environ().get(name) == value:
                found.append(process.info["cmdline"])
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return found


def task_processes(job_id: str | None = None, task_id: str | None = None, under: Path | None = None) -> list[int]:
    """Live processes of a task (by its Batch environment), or of every task of a service's data dir."""
    found = []
    for process in psutil.process_iter():
        try:
            env = process.environ()
        except (psutil.Error, OSError):
            continue
        if "AZ_BATCH_TASK_ID" not in env:
            continue
        if under is not None:
            if env.get("AZ_BATCH_NODE_ROOT_DIR", "").startswith(str(under)):
                found.append(process.pid)
        elif env.get("AZ_BATCH_JOB_ID") == job_id and env.get("AZ_BATCH_TASK_ID") == task_id:
            found.append(process.pid)
    return found


def process_runs(pid: int, marker: str) -> bool:
    """Whether pid is a live (not zombie) process whose command line carries marker."""
    proc = Path(f"/proc/{pid}")
    try:
        alive = proc.joinpath("stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
        return alive and marker in proc.joinpath("cmdline").read_bytes().decode(errors="replace")
    except (FileNotFoundError, ProcessLookupError):
        return False
