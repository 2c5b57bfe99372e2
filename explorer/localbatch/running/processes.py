"""Running a command line the way a Batch node does: no shell, own session, hard limits.

Every process gets a marker in its environment (LOCALBATCH_RUN_ID). Killing a run
kills its process group and then any process that still carries the marker, so
daemons that left the group (setsid, double fork) do not outlive their task.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shlex
import signal
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import psutil

from explorer.frozen import tools_bin_dir

log = logging.getLogger(__name__)

RUN_MARKER = "LOCALBATCH_RUN_ID"
_KILL_GRACE_SECONDS = 2.0
# What a task inherits from the service's own environment; everything else (keys!) stays out.
_INHERITED = ("HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "USER", "LOGNAME", "TMPDIR", "TERM")


def base_environment() -> dict[str, str]:
    """A node's environment: a clean base with this interpreter's bin dir (mpiexec, python3) first on PATH."""
    env = {name: os.environ[name] for name in _INHERITED if name in os.environ}
    bin_dir = str(tools_bin_dir())
    env["PATH"] = os.pathsep.join([bin_dir, os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin")])
    return env


class CommandLineError(ValueError):
    """The command line cannot be run (bad quoting, program not found)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def split_command_line(command_line: str) -> list[str]:
    try:
        argv = shlex.split(command_line)
    except ValueError as error:
        raise CommandLineError("CommandLineInvalid", f"The command line cannot be parsed: {error}") from None
    if not argv:
        raise CommandLineError("CommandLineInvalid", "The command line is empty.")
    return argv


@dataclass
class RunSpec:
    command_line: str
    cwd: Path
    env: dict[str, str]
    stdout_path: Path
    stderr_path: Path
    timeout: float | None = None
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    # False for a multi-instance coordination command: the daemons it starts must live
    # until the whole task ends, when the owner kills everything with the run id.
    kill_leftovers: bool = True


@dataclass(frozen=True)
class RunOutcome:
    exit_code: int | None
    timed_out: bool = False
    killed: bool = False


class Run:
    """A started process; `wait()` returns its outcome, `kill()` ends it and its descendants."""

    def __init__(self, spec: RunSpec, process: asyncio.subprocess.Process) -> None:
        self.spec = spec
        self.process = process
        self._killed = False

    @property
    def pid(self) -> int:
        return self.process.pid

    async def wait(self) -> RunOutcome:
        try:
            exit_code = await asyncio.wait_for(self.process.wait(), self.spec.timeout)
        except asyncio.TimeoutError:
            await self.kill()
            return RunOutcome(exit_code=self.process.returncode, timed_out=True, killed=True)
        if self.spec.kill_leftovers:
            # The main process is gone; anything it left behind dies with the task.
            await kill_marked(self.spec.run_id)
        return RunOutcome(exit_code=exit_code, killed=self._killed)

    async def kill(self) -> None:
        self._killed = True
        await kill_tree(self.process.pid, self.spec.run_id)
        if self.process.returncode is None:
            try:
                await asyncio.wait_for(self.process.wait(), _KILL_GRACE_SECONDS * 2)
            except asyncio.TimeoutError:
                log.warning("process %s did not exit after SIGKILL", self.process.pid)


async def start(spec: RunSpec) -> Run:
    """Start a command line; raises CommandLineError when it cannot start."""
    argv = split_command_line(spec.command_line)
    env = {**spec.env, RUN_MARKER: spec.run_id}
    stdout, stderr = await asyncio.to_thread(_open_outputs, spec)
    with stdout, stderr:
        try:
            process = await asyncio.create_subprocess_exec(
                *argv,
                cwd=spec.cwd,
                env=env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=stdout,
                stderr=stderr,
                start_new_session=True,
            )
        except FileNotFoundError:
            raise CommandLineError(
                "CommandProgramNotFound", f"The program '{argv[0]}' of the command line was not found."
            ) from None
        except PermissionError:
            raise CommandLineError(
                "CommandProgramNotExecutable", f"The program '{argv[0]}' of the command line is not executable."
            ) from None
    return Run(spec, process)


def _open_outputs(spec: RunSpec) -> tuple[BinaryIO, BinaryIO]:
    """The run's stdout and stderr files, opened for appending (in a thread: it touches the disk)."""
    spec.stdout_path.parent.mkdir(parents=True, exist_ok=True)
    stdout = open(spec.stdout_path, "ab")  # handed to the caller's with
    try:
        return stdout, open(spec.stderr_path, "ab")
    except BaseException:
        stdout.close()
        raise


def _marked_processes(run_id: str) -> list[psutil.Process]:
    marked = []
    for process in psutil.process_iter():
        try:
            if process.environ().get(RUN_MARKER) == run_id:
                marked.append(process)
        except (psutil.Error, OSError):
            continue
    return marked


async def kill_marked(run_id: str) -> None:
    """Kill every process that carries the run's marker: SIGTERM, a grace period, SIGKILL."""
    processes = await asyncio.to_thread(_marked_processes, run_id)
    if not processes:
        return
    for process in processes:
        try:
            process.terminate()
        except psutil.Error:
            pass
    _, alive = await asyncio.to_thread(psutil.wait_procs, processes, _KILL_GRACE_SECONDS)
    for process in alive:
        try:
            process.kill()
        except psutil.Error:
            pass
    await asyncio.to_thread(psutil.wait_procs, alive, _KILL_GRACE_SECONDS)


async def kill_tree(pid: int, run_id: str) -> None:
    try:
        os.killpg(pid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        pass
    await kill_marked(run_id)
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
