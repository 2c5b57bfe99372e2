"""cgroup v2 plumbing for process scopes: where this process's cgroup is, and making,
entering, listing, signalling and removing cgroups under it.

cgroupfs lives in kernel memory: reading and writing it never waits for a disk.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import signal
import uuid
from pathlib import Path

from explorer.localbatch.running.host_processes import signal_if

log = logging.getLogger(__name__)

CGROUP_PREFIX = "localbatch-"


def mount_point() -> Path | None:
    try:
        with open("/proc/self/mountinfo") as source:
            for line in source:
                left, _, right = line.partition(" - ")
                if right.split(" ", 1)[0] == "cgroup2":
                    return Path(left.split()[4])
    except OSError:
        pass
    return None


def own() -> Path | None:
    mount = mount_point()
    if mount is None:
        return None
    try:
        with open("/proc/self/cgroup") as source:
            for line in source:
                if line.startswith("0::"):
                    path = mount / line[3:].strip().lstrip("/")
                    return path if path.is_dir() else None
    except OSError:
        pass
    return None


def probe(home: Path) -> str | None:
    """None when this process can create a cgroup under its own, enter it and come back; else why not."""
    probe = home / f"{CGROUP_PREFIX}probe-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    try:
        probe.mkdir()
    except OSError as error:
        return f"cannot create a cgroup under {home}: {error.strerror}"
    try:
        enter(probe)
        enter(home)
    except OSError as error:
        with contextlib.suppress(OSError):
            enter(home)
        return f"cannot move into a cgroup under {home}: {error.strerror}"
    finally:
        with contextlib.suppress(OSError):
            probe.rmdir()
    return None


def enter(cgroup: Path) -> None:
    """Move this process (all its threads) into the cgroup."""
    with open(cgroup / "cgroup.procs", "w") as procs:
        procs.write(str(os.getpid()))


def opened_procs(cgroup: Path) -> int:
    """A descriptor of the cgroup's cgroup.procs, to move this process there again and again."""
    return os.open(cgroup / "cgroup.procs", os.O_WRONLY | os.O_CLOEXEC)


def enter_by(procs_fd: int) -> None:
    os.write(procs_fd, str(os.getpid()).encode())


def members(cgroup: Path) -> list[int]:
    try:
        return [int(pid) for pid in (cgroup / "cgroup.procs").read_text().split()]
    except (FileNotFoundError, ValueError):
        return []


def populated(cgroup: Path) -> bool:
    try:
        return "populated 1" in (cgroup / "cgroup.events").read_text()
    except FileNotFoundError:
        return False


def relative_path(cgroup: Path) -> str:
    mount = mount_point()
    return "/" + str(cgroup.relative_to(mount)) if mount is not None and cgroup.is_relative_to(mount) else str(cgroup)


def signal_member(pid: int, relative: str, sig: int) -> None:
    """Signal a process listed in the cgroup, unless it has left it (and its pid been reused) meanwhile."""

    def inside() -> bool:
        with open(f"/proc/{pid}/cgroup") as source:
            return any(line.startswith("0::") and line[3:].strip() == relative for line in source)

    signal_if(pid, sig, inside)


def remove(cgroup: Path) -> bool:
    """Remove an empty cgroup; False while processes are in it (EBUSY)."""
    try:
        cgroup.rmdir()
    except FileNotFoundError:
        pass
    except OSError as error:
        if error.errno == errno.EBUSY:
            return False
        log.warning("cannot remove %s: %s", cgroup, error)
    return True


def kill(cgroup: Path, relative: str) -> None:
    try:
        (cgroup / "cgroup.kill").write_text("1")  # Linux 5.14+
    except FileNotFoundError:
        for pid in members(cgroup):
            signal_member(pid, relative, signal.SIGKILL)
