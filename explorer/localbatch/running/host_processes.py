"""What /proc says about a process, and signalling one without hitting a reused pid.

Everything here reads the kernel's view of one process (or, for the few callers that
need it, of every one); nothing keeps state.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

RUN_MARKER = "LOCALBATCH_RUN_ID"
"""Set in the environment of every process a scope starts: the scope's run id."""

_PR_SET_CHILD_SUBREAPER = 36


@dataclass(frozen=True)
class ProcStat:
    state: str
    ppid: int
    pgid: int
    sid: int
    start: int  # clock ticks after boot: with the pid, the identity of a process


def proc_stat(pid: int) -> ProcStat | None:
    """A process's state, parent, group, session and start time; None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as source:
            data = source.read()
    except OSError:
        return None
    fields = data[data.rfind(b")") + 2 :].split()  # the command name may hold spaces and parentheses
    try:
        return ProcStat(fields[0].decode(), int(fields[1]), int(fields[2]), int(fields[3]), int(fields[19]))
    except (IndexError, ValueError):
        return None


def run_marker(pid: int) -> str | None:
    """The run id in a process's environment (None without one, or when it cannot be read)."""
    prefix = RUN_MARKER.encode() + b"="
    try:
        with open(f"/proc/{pid}/environ", "rb") as source:
            environ = source.read()
    except OSError:
        return None
    for entry in environ.split(b"\0"):
        if entry.startswith(prefix):
            return entry[len(prefix) :].decode(errors="replace")
    return None


def boot_id() -> str:
    """This boot of the machine: after a reboot no recorded process can still exist."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def all_pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def children(pid: int) -> list[int]:
    """The children of a process: from the kernel's per-thread lists, else from a pass over /proc."""
    try:
        tids = os.listdir(f"/proc/{pid}/task")
        found: list[int] = []
        for tid in tids:
            with contextlib.suppress(FileNotFoundError):  # a thread that just ended
                with open(f"/proc/{pid}/task/{tid}/children") as source:
                    found.extend(int(child) for child in source.read().split())
        return found
    except OSError:
        pass
    children = []
    for candidate in all_pids():
        stat = proc_stat(candidate)
        if stat is not None and stat.ppid == pid:
            children.append(candidate)
    return children


def kernel_lists_children() -> bool:
    return os.path.exists(f"/proc/self/task/{threading.get_native_id()}/children")



def signal_verified(pid: int, start: int, sig: int) -> None:
    """Signal the process only if `pid` still names the process that started at `start`."""

    def same_start() -> bool:
        stat = proc_stat(pid)
        return stat is not None and stat.start == start

    signal_if(pid, sig, same_start)


def signal_if(pid: int, sig: int, still_it: Callable[[], bool]) -> None:
    """Signal `pid` if `still_it()` holds once a pidfd is open: a pid reused after the check is never hit."""
    try:
        pidfd = os.pidfd_open(pid)
    except OSError:
        return
    try:
        if still_it():  # checked after opening: if it holds, the pidfd is that very process
            signal.pidfd_send_signal(pidfd, sig)
    except (OSError, ProcessLookupError):
        pass
    finally:
        os.close(pidfd)


def become_subreaper() -> None:
    """Orphaned descendants of our tasks come to us instead of init, so they can be found and ended."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")
    except (OSError, AttributeError) as error:
        log.warning("cannot become a child subreaper (%s): daemons that leave their task's session may outlive it", error)
