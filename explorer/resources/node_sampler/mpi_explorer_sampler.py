#!/usr/bin/env python3
"""MPI Explorer's node sampler: CPU, memory, network and disk figures of a Batch node, every few seconds.

Standard library only, Python 3.8+, Linux (/proc): it runs on a stock Batch image's python3. Started
by a pool's start task (see the MPI Explorer README, "Node metrics"), it appends one JSON line per
sample to ``$AZ_BATCH_NODE_SHARED_DIR/mpi-explorer/metrics.jsonl``, which the explorer reads through
the Batch node-files API by byte ranges. Every line is one record (``"v": 1``)::

    {"v": 1, "t": 1733070000.0, "dt": 5.0, "scope": "host",
     "cpu": {"busy": 12.5, "cores": [10.0, 15.0]},             # % busy over the last dt seconds
     "mem": {"total": B, "used": B, "available": B},
     "net": {"rx": B/s, "tx": B/s},                             # every interface but lo
     "disk": {"read": B/s, "write": B/s, "free": B, "size": B},  # physical disks; free space of the node's disk
     "tasks": [{"dir": "workitems/job/job-1/task", "cpu": 99.0, "rss": B, "procs": 4}]}

``tasks`` groups the processes whose working directory is under the node's root directory by the
task directory they run in (``startup`` for the start task): a task's CPU in % of one core (as
``top`` says it) and its resident memory, which is how an idle MPI rank shows. Reading another
user's working directory needs root, so run the start task elevated to see every task.

The file is rotated to ``metrics.jsonl.1`` when it would pass ``--max-bytes`` (default 1 MB: the two
files stay under 2 MB, several hours of samples). A lock file keeps a second sampler on the node from
starting (it says so and exits 0); SIGTERM and SIGINT end it cleanly.

    python3 mpi_explorer_sampler.py [--interval 5] [--out FILE] [--max-bytes N] [--node-root DIR] [--count N]
"""

from __future__ import annotations

import argparse
import errno
import fcntl
import json
import os
import signal
import sys
import time

VERSION = 1
METRICS_RELATIVE_PATH = "shared/mpi-explorer/metrics.jsonl"
"""Where the figures go, relative to the node's root directory (also the node-files API's path)."""
DEFAULT_INTERVAL = 5.0
DEFAULT_MAX_BYTES = 1_000_000
SECTOR_BYTES = 512  # /proc/diskstats counts 512-byte sectors whatever the device's own size
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


# --- reading the kernel's counters --------------------------------------------------------------------


def read_cpu_times(proc="/proc"):
    """(busy, total) jiffies for the whole host and for each core, from /proc/stat."""
    whole, cores = (0, 0), []
    with open(os.path.join(proc, "stat")) as stat:
        for line in stat:
            if not line.startswith("cpu"):
                break
            name, *fields = line.split()
            values = [int(v) for v in fields[:8]]  # user nice system idle iowait irq softirq steal
            total = sum(values)
            idle = values[3] + (values[4] if len(values) > 4 else 0)
            if name == "cpu":
                whole = (total - idle, total)
            else:
                cores.append((total - idle, total))
    return whole, cores


def read_memory(proc="/proc"):
    """(total, available) bytes, from /proc/meminfo."""
    values = {}
    with open(os.path.join(proc, "meminfo")) as meminfo:
        for line in meminfo:
            key, _, rest = line.partition(":")
            if key in ("MemTotal", "MemAvailable", "MemFree"):
                values[key] = int(rest.split()[0]) * 1024
    total = values.get("MemTotal", 0)
    return total, values.get("MemAvailable", values.get("MemFree", 0))


def read_network(proc="/proc"):
    """(received, sent) bytes over every interface but loopback, from /proc/net/dev."""
    rx = tx = 0
    with open(os.path.join(proc, "net", "dev")) as dev:
        for line in dev:
            name, colon, rest = line.partition(":")
            if not colon or name.strip() == "lo":
                continue
            fields = rest.split()
            if len(fields) >= 9:
                rx += int(fields[0])
                tx += int(fields[8])
    return rx, tx


def physical_disks(sys_block="/sys/block"):
    """The whole disks (no partitions, loop, RAM or device-mapper devices, which would count bytes twice)."""
    try:
        names = os.listdir(sys_block)
    except OSError:
        return set()
    return {name for name in names if os.path.exists(os.path.join(sys_block, name, "device"))}


def read_disk(disks, proc="/proc"):
    """(read, written) bytes of the given disks, from /proc/diskstats."""
    read = written = 0
    with open(os.path.join(proc, "diskstats")) as stats:
        for line in stats:
            fields = line.split()
            if len(fields) >= 10 and fields[2] in disks:
                read += int(fields[5]) * SECTOR_BYTES
                written += int(fields[9]) * SECTOR_BYTES
    return read, written


def disk_space(path):
    """(free, size) bytes of the file system holding ``path`` (free: what an unprivileged user may use)."""
    try:
        st = os.statvfs(path)
    except OSError:
        return 0, 0
    return st.f_bavail * st.f_frsize, st.f_blocks * st.f_frsize


def task_group(relative):
    """The task directory a working directory (relative to the node root) belongs to."""
    parts = relative.split(os.sep)
    if parts[0] == "workitems" and len(parts) >= 4:
        return "/".join(parts[:4])
    return parts[0]


def scan_processes(roots, proc="/proc"):
    """For each node root, its processes: {root: {pid: (group, cpu ticks, rss bytes, start time)}}.

    A process belongs to the first root its working directory lies under. One pass over /proc
    serves every root (Local Batch samples all its nodes with one pass).
    """
    prefixes = [(root, root.rstrip(os.sep) + os.sep) for root in roots]
    found: dict = {root: {} for root in roots}
    own = os.getpid()  # the sampler is no task
    for entry in os.listdir(proc):
        if not entry.isdigit() or int(entry) == own:
            continue
        try:
            cwd = os.readlink(os.path.join(proc, entry, "cwd"))
        except OSError:
            continue  # gone, or another user's (not root)
        for root, prefix in prefixes:
            if cwd.startswith(prefix):
                counters = _process_counters(os.path.join(proc, entry, "stat"))
                if counters is not None:
                    found[root][int(entry)] = (task_group(cwd[len(prefix):]),) + counters
                break
    return found


def _process_counters(stat_path):
    try:
        with open(stat_path) as stat:
            text = stat.read()
    except OSError:
        return None
    fields = text[text.rfind(")") + 2:].split()  # the command name may hold spaces and parentheses
    try:
        ticks = int(fields[11]) + int(fields[12])  # utime + stime
        return ticks, int(fields[21]) * PAGE_BYTES, int(fields[19])  # rss pages, start time
    except (IndexError, ValueError):
        return None


# --- turning counters into figures ----------------------------------------------------------------------


def _rate(now, before, seconds):
    return max(0.0, (now - before) / seconds) if seconds > 0 else 0.0


def _busy(now, before):
    busy, total = now[0] - before[0], now[1] - before[1]
    return round(100.0 * busy / total, 1) if total > 0 else 0.0


class HostSampler:
    """The host-wide figures; each `sample()` says what happened since the one before."""

    def __init__(self, work_path, proc="/proc", sys_block="/sys/block"):
        self.work_path = work_path
        self._proc = proc
        self._disks = physical_disks(sys_block)
        self._last = None

    def _counters(self):
        return (time.monotonic(), read_cpu_times(self._proc), read_network(self._proc),
                read_disk(self._disks, self._proc))

    def prime(self):
        self._last = self._counters()

    def sample(self):
        before = self._last if self._last is not None else self._counters()
        now = self._counters()
        self._last = now
        seconds = now[0] - before[0]
        (cpu_now, cores_now), (cpu_before, cores_before) = now[1], before[1]
        total, available = read_memory(self._proc)
        free, size = disk_space(self.work_path)
        return {
            "dt": round(seconds, 3),
            "cpu": {"busy": _busy(cpu_now, cpu_before),
                    "cores": [_busy(n, b) for n, b in zip(cores_now, cores_before)]},  # noqa: B905 (3.8: no strict)
            "mem": {"total": total, "used": total - available, "available": available},
            "net": {"rx": round(_rate(now[2][0], before[2][0], seconds)),
                    "tx": round(_rate(now[2][1], before[2][1], seconds))},
            "disk": {"read": round(_rate(now[3][0], before[3][0], seconds)),
                     "write": round(_rate(now[3][1], before[3][1], seconds)), "free": free, "size": size},
        }


class TaskSampler:
    """CPU and memory of one node root's processes by task directory, from successive scans."""

    def __init__(self):
        self._last = {}  # pid -> (start time, ticks)
        self._at = None

    def sample(self, processes, now=None):
        """Figures from this scan (`scan_processes(...)[root]`) against the one before. A process
        started since then counts with all its ticks; one that ended takes its last ticks with it."""
        now = time.monotonic() if now is None else now
        seconds = now - self._at if self._at is not None else 0.0
        groups: dict = {}
        for pid, (group, ticks, rss, started) in processes.items():
            previous = self._last.get(pid)
            used = ticks - previous[1] if previous is not None and previous[0] == started else ticks
            figures = groups.setdefault(group, [0, 0, 0])
            figures[0] += max(0, used)
            figures[1] += rss
            figures[2] += 1
        self._last = {pid: (values[3], values[1]) for pid, values in processes.items()}
        self._at = now
        return [
            {"dir": group, "cpu": round(100.0 * used / CLOCK_TICKS / seconds, 1) if seconds > 0 else 0.0,
             "rss": rss, "procs": count}
            for group, (used, rss, count) in sorted(groups.items())
        ]


def record(host, tasks, scope="host", at=None):
    """One line of the file: the host's figures and the tasks', stamped with the wall clock."""
    line = {"v": VERSION, "t": round(time.time() if at is None else at, 3), "scope": scope}
    line.update(host)
    line["tasks"] = tasks
    return line


# --- the file -------------------------------------------------------------------------------------------


class MetricsFile:
    """Appends records to a JSON-lines file, rotated to ``<file>.1`` before it passes ``max_bytes``.

    Each record is one ``write()`` on an O_APPEND descriptor, so a reader sees whole lines or a
    line still being written (which it keeps for later), never two interleaved. A file removed
    or replaced behind its back (node clean-up) is opened again.
    """

    def __init__(self, path, max_bytes=DEFAULT_MAX_BYTES):
        self.path = path
        self.max_bytes = max(4096, int(max_bytes))
        self._fd = None

    def append(self, line):
        data = (json.dumps(line, separators=(",", ":")) + "\n").encode()
        fd = self._open()
        if os.fstat(fd).st_size + len(data) > self.max_bytes:
            os.replace(self.path, self.path + ".1")
            self.close()
            fd = self._open()
        os.write(fd, data)

    def _open(self):
        if self._fd is not None:
            try:
                if os.stat(self.path).st_ino == os.fstat(self._fd).st_ino:
                    return self._fd
            except OSError:
                pass
            self.close()
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        return self._fd

    def close(self):
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class AlreadySampled(Exception):
    """Another sampler holds the node's lock."""


def lock(metrics_path):
    """Hold ``<file>.lock`` (flock) for as long as the returned descriptor stays open."""
    fd = os.open(metrics_path + ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        os.close(fd)
        if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            raise AlreadySampled(metrics_path) from None
        raise
    return fd


def take_lock(metrics_path):
    """`lock`, with this sampler's pid written in the lock file (to find it, to stop it)."""
    fd = lock(metrics_path)
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    return fd


# --- the command ----------------------------------------------------------------------------------------


class _Stop(Exception):
    pass


def _stop(_signum, _frame):
    raise _Stop()


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Sample this node's CPU, memory, network and disk for MPI Explorer.")
    root = os.environ.get("AZ_BATCH_NODE_ROOT_DIR")
    shared = os.environ.get("AZ_BATCH_NODE_SHARED_DIR") or (os.path.join(root, "shared") if root else None)
    default_out = os.path.join(shared, "mpi-explorer", "metrics.jsonl") if shared else None
    parser.add_argument("--interval", type=float, default=DEFAULT_INTERVAL, help="seconds between samples (5)")
    parser.add_argument("--out", default=default_out, help="the file ($AZ_BATCH_NODE_SHARED_DIR/mpi-explorer/metrics.jsonl)")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="rotate past this size (1000000)")
    parser.add_argument("--node-root", default=root, help="group the processes under this directory by task "
                                                           "($AZ_BATCH_NODE_ROOT_DIR)")
    parser.add_argument("--count", type=int, default=0, help="stop after this many samples (0: run until SIGTERM)")
    args = parser.parse_args(argv)
    if not args.out:
        parser.error("--out is needed outside a Batch node (AZ_BATCH_NODE_SHARED_DIR is not set)")
    if args.interval < 0.5:
        parser.error("--interval must be at least 0.5 seconds")
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    try:
        lock = take_lock(args.out)
    except AlreadySampled:
        print(f"mpi-explorer sampler: another sampler writes {args.out} already", file=sys.stderr)
        return 0
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    root = os.path.realpath(args.node_root) if args.node_root else None
    host = HostSampler(root or os.path.dirname(os.path.abspath(args.out)))
    tasks = TaskSampler()
    out = MetricsFile(args.out, args.max_bytes)
    taken = 0
    try:
        host.prime()
        if root:
            tasks.sample(scan_processes([root])[root])
        deadline = time.monotonic()
        while not args.count or taken < args.count:
            deadline = max(deadline + args.interval, time.monotonic() - args.interval)  # after a suspend: no burst
            time.sleep(max(0.0, deadline - time.monotonic()))
            figures = host.sample()
            task_figures = tasks.sample(scan_processes([root])[root]) if root else []
            out.append(record(figures, task_figures))
            taken += 1
    except _Stop:
        pass
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        out.close()
        os.close(lock)
    return 0


if __name__ == "__main__":
    sys.exit(main())
