"""Running a command line the way a Batch node does: no shell, own session, a clean environment.

Every process starts in the scope of its attempt (`process_scopes`), which finds and ends
whatever it leaves behind; a `Run` is one started command line and its exit.
"""

from __future__ import annotations

import asyncio
import os
import shlex
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from explorer.installation.frozen import tools_bin_dir
from explorer.localbatch.files import node_files
from explorer.localbatch.running.process_scopes import Leader, ProcessScope

_TASK_FILES = ThreadPoolExecutor(max_workers=1, thread_name_prefix="localbatch-task-files")
"""Where the directories and output files of starting commands are made: one thread for all of them.
Making inodes in parallel does not make them sooner (the filesystem serialises them), it only spins the
kernel on its locks, taking the CPU the event loop and the tasks need (bench_scheduler, 50 nodes)."""

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
    # Start the output files empty (a task attempt) or append to them (start-task retries).
    truncate: bool = True


@dataclass(frozen=True)
class RunOutcome:
    exit_code: int | None
    timed_out: bool = False


class Run:
    """A started command line; `wait()` returns its outcome. Ending it is its scope's business."""

    def __init__(self, spec: RunSpec, leader: Leader) -> None:
        self.spec = spec
        self.leader = leader

    @property
    def pid(self) -> int:
        return self.leader.pid

    async def wait(self) -> RunOutcome:
        """Until the process exits, or its timeout passes (then the caller ends the scope)."""
        try:
            exit_code = await asyncio.wait_for(self.leader.wait(), self.spec.timeout)
        except asyncio.TimeoutError:
            return RunOutcome(exit_code=None, timed_out=True)
        return RunOutcome(exit_code=exit_code)


async def start(spec: RunSpec, scope: ProcessScope, prepare: Callable[[], None] | None = None) -> Run:
    """Start a command line in the scope; raises CommandLineError when it cannot start.

    `prepare` (blocking, e.g. making the working directory) runs in the worker thread that
    opens the output files. The fork itself happens on the event loop's thread: a fork from
    a worker thread would only make the two contend for the GIL.
    """
    argv = split_command_line(spec.command_line)
    stdout, stderr = await asyncio.get_running_loop().run_in_executor(_TASK_FILES, _open_outputs, spec, prepare)
    with stdout, stderr:
        try:
            leader = scope.tracking.spawn(scope, argv, spec.cwd, spec.env, stdout, stderr)
        except FileNotFoundError:
            raise CommandLineError(
                "CommandProgramNotFound", f"The program '{argv[0]}' of the command line was not found."
            ) from None
        except PermissionError:
            raise CommandLineError(
                "CommandProgramNotExecutable", f"The program '{argv[0]}' of the command line is not executable."
            ) from None
    return Run(spec, leader)


def _open_outputs(spec: RunSpec, prepare: Callable[[], None] | None) -> tuple[BinaryIO, BinaryIO]:
    """The run's stdout and stderr files, opened (blocking: run in a thread).

    Truncated means new: each is a new file (a requeued task runs in the same directory) made now,
    so that a client learns from its creation time when the command started."""
    if prepare is not None:
        prepare()
    spec.stdout_path.parent.mkdir(parents=True, exist_ok=True)
    stdout = _open_output(spec.stdout_path, spec.truncate)
    try:
        return stdout, _open_output(spec.stderr_path, spec.truncate)
    except BaseException:
        stdout.close()
        raise


def _open_output(path: Path, new: bool) -> BinaryIO:
    if not new:
        return open(path, "ab")  # noqa: SIM115 - the caller closes it once the child has its copy
    path.unlink(missing_ok=True)
    opened = open(path, "wb")  # noqa: SIM115 - as above
    node_files.note_opened(opened.fileno())
    return opened
