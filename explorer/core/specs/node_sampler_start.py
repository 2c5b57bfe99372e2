"""The start task that runs MPI Explorer's node sampler on every node of a pool.

The sampler (a resource file, `SAMPLER_FILE`) is copied to the node's shared directory and started
there in the background (setsid, nohup), so the start task itself ends at once. It must not run
from the start task's working directory: Batch could not run the start task again while a process
started from there lives. A sampler already running (the start task run again) keeps the node's
lock and the new one leaves. An existing start task keeps its own command, run after the launch:

    /bin/sh -c '<launch>; exec <the start task's command>'

That command then runs under /bin/sh: its quoting is read by the shell, as Batch's own command
lines are when they are split into arguments.
"""

from __future__ import annotations

import shlex
from dataclasses import replace

from explorer.core.specs.pool_spec import StartTask
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.user_identity import AutoUser, AutoUserScope, ElevationLevel, UserIdentity

SAMPLER_FILE = "mpi_explorer_sampler.py"
SAMPLER_LAUNCH = (
    'd="$AZ_BATCH_NODE_SHARED_DIR/mpi-explorer" && mkdir -p "$d" && cp ' + SAMPLER_FILE + ' "$d/" && '
    '(cd "$d" && setsid nohup python3 ' + SAMPLER_FILE + " >sampler.log 2>&1 </dev/null &)"
)
"""What starts the sampler (/bin/sh): the copy done before the start task goes on, the sampler in the
background, its own output in sampler.log beside it."""
_PREFIX = "/bin/sh -c "
SAMPLER_IDENTITY = UserIdentity(auto_user=AutoUser(AutoUserScope.POOL, ElevationLevel.ADMIN))
"""Elevated, so it may read every task's working directory (/proc/PID/cwd) and sample it."""


def sampler_command(command_line: str = "") -> str:
    """The start task's command line: the launch, then `command_line` if there is one."""
    script = SAMPLER_LAUNCH + (f"; exec {command_line}" if command_line.strip() else "")
    return _PREFIX + shlex.quote(script)


def with_sampler(start_task: StartTask | None, sampler: ResourceFile) -> StartTask:
    """`start_task` (or a new one) that also starts the sampler; `sampler` is its resource file."""
    sampler = replace(sampler, file_path=SAMPLER_FILE)
    start_task, _had = without_sampler(start_task)  # never twice
    if start_task is None:
        return StartTask(sampler_command(), (sampler,), user_identity=SAMPLER_IDENTITY, wait_for_success=False)
    return replace(start_task, command_line=sampler_command(start_task.command_line),
                   resource_files=(*start_task.resource_files, sampler))


def without_sampler(start_task: StartTask | None) -> tuple[StartTask | None, bool]:
    """The start task as it was before `with_sampler` (None: there was none), and whether it had the sampler."""
    if start_task is None or not start_task.command_line.startswith(_PREFIX):
        return start_task, False
    try:
        [script] = shlex.split(start_task.command_line[len(_PREFIX):])
    except ValueError:
        return start_task, False
    if not script.startswith(SAMPLER_LAUNCH):
        return start_task, False
    rest = script[len(SAMPLER_LAUNCH):].lstrip("; ")
    files = tuple(f for f in start_task.resource_files if f.file_path != SAMPLER_FILE)
    if not rest:
        return None, True
    command = rest[len("exec "):] if rest.startswith("exec ") else rest
    return replace(start_task, command_line=command, resource_files=files), True
