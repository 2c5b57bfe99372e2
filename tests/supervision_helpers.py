"""Helpers for the tests of a supervised, single Local Batch: held tasks, our processes, waiting.

A *held task* appends a line to a runs file each time it starts, then waits until a
flag file exists: the test knows exactly when it runs, lets it end when it wants,
and counts how many times it ran.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import psutil
from azure.batch import models

T = TypeVar("T")


class HeldTask:
    def __init__(self, directory: Path, task_id: str = "held") -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.id = task_id
        self.runs_file = directory / f"{task_id}.runs"
        self.flag = directory / f"{task_id}.go"

    def body(self) -> models.BatchTaskCreateOptions:
        script = (
            f"echo run >> {shlex.quote(str(self.runs_file))}; "
            f"while [ ! -e {shlex.quote(str(self.flag))} ]; do sleep 0.05; done; echo done"
        )
        return models.BatchTaskCreateOptions(id=self.id, command_line=f"/bin/bash -c {shlex.quote(script)}")

    @property
    def runs(self) -> int:
        try:
            return len(self.runs_file.read_text().splitlines())
        except FileNotFoundError:
            return 0

    def release(self) -> None:
        self.flag.touch()


def wait_for(check: Callable[[], T], timeout: float = 60.0, what: str = "condition") -> T:
    """Poll a synchronous check until it is truthy (for conditions outside any event loop)."""
    deadline = time.monotonic() + timeout
    while not (value := check()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)
    return value


async def eventually(check: Callable[[], T], what: str, timeout: float = 60.0) -> T:
    """Wait until `check()` is truthy, letting the loop (and so a window) run in between."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not (value := check()):
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await asyncio.sleep(0.05)
    return value


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
