"""Every process a task attempt starts, found by what the service started, and ended as a whole.

A command may leave processes behind: `cmd &` in a shell, daemons that double-fork and
call setsid (MPI process managers do), a coordination command's background service.
Each attempt (and each start-task run) gets a *scope*; everything its processes start
is found through it, never by reading every process on the host:

- **cgroup** (cgroup v2 where the service may create cgroups under its own: as root, or
  in a delegated systemd user slice): one cgroup per scope. Whatever its processes do
  (setsid, double fork), their descendants stay in it: `cgroup.procs` lists them,
  `cgroup.kill` ends them, and the cgroup's path is all a restarted service needs.
  Python cannot fork straight into a cgroup (clone3's CLONE_INTO_CGROUP), and moving
  the child after the fork races with the child's own first fork, so the service steps
  into the scope's cgroup for the fork and back out. Every spawn happens on the event
  loop's thread, one at a time, so no other fork can slip in meanwhile.
- **session** otherwise: every process a scope starts leads a session and process group
  of its own (killpg reaches whatever stays in the group), and the service is a child
  subreaper (PR_SET_CHILD_SUBREAPER), so whatever leaves the group is re-parented to the
  service when its parent dies, and is told apart among the service's children by the
  run marker in its environment or by its session. Listing the service's children costs
  one read per service thread where the kernel offers /proc/PID/task/TID/children, else
  a pass over /proc/*/stat, which is then shared by every scope ending at the time and
  rate-limited to a small share of a core.

A pid is never reused while the service relies on it: a leader stays a zombie (its exit
status read with WNOWAIT) until its scope has ended, and orphans are the service's own
children until it reaps them. What a scope started is recorded (`record()`) with the
attempt in the state; after a crash of the service, `end_recorded()` ends whatever the
previous run left, checking process start times so a pid taken by another process in
the meantime is never signalled.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from explorer.localbatch.running import cgroups
from explorer.localbatch.running import host_processes as host
from explorer.localbatch.running.host_processes import RUN_MARKER

log = logging.getLogger(__name__)

GRACE_SECONDS = 2.0  # between SIGTERM and SIGKILL
_KILL_WAIT_SECONDS = 10.0  # after SIGKILL, before giving up on a process stuck in the kernel
_POLL_SECONDS = 0.02
# The orphan sweep in session mode may use at most this share of a core when it has to read /proc.
_SWEEP_CPU_SHARE = 0.1


def _returncode(result: os.waitid_result) -> int:
    """waitid's result as subprocess reports it: the exit status, or minus the signal."""
    return result.si_status if result.si_code == os.CLD_EXITED else -result.si_status


# --- one started process --------------------------------------------------------------------


class Leader:
    """A process a scope started directly. It stays a zombie until its scope has ended, so its
    pid (and with it its process group id) cannot be taken by another process meanwhile."""

    def __init__(self, popen: subprocess.Popen[bytes], start: int) -> None:
        self.popen = popen
        self.pid = popen.pid
        self.start = start
        self.returncode: int | None = None
        self.reaped = False

    async def wait(self) -> int:
        """Until the process exits: its exit status (negative: the signal), without reaping it."""
        if self.returncode is None:
            try:
                pidfd = os.pidfd_open(self.pid)
            except (AttributeError, OSError):
                self.returncode = await asyncio.to_thread(self._peek, 0)
            else:
                try:
                    await _readable(pidfd)
                finally:
                    os.close(pidfd)
                self.returncode = self._peek(0)
        assert self.returncode is not None
        return self.returncode

    def _peek(self, flags: int) -> int | None:
        try:
            result = os.waitid(os.P_PID, self.pid, os.WEXITED | os.WNOWAIT | flags)
        except ChildProcessError:  # reaped behind our back: nothing else in the service may do that
            log.error("process %s was reaped by someone else: its exit status is lost", self.pid)
            self.reaped = True
            return 255
        return None if result is None else _returncode(result)

    def exited(self) -> bool:
        if self.returncode is None:
            self.returncode = self._peek(os.WNOHANG)
        return self.returncode is not None

    def reap(self) -> None:
        if self.reaped or not self.exited():
            return
        with contextlib.suppress(ChildProcessError):  # see _peek
            os.waitpid(self.pid, 0)
        self.popen.returncode = self.returncode  # so subprocess never waits for it again
        self.reaped = True


async def _poll_until(done: Callable[[], bool], timeout: float) -> bool:
    """Check `done` every few milliseconds until it is true (True) or `timeout` passes (False)."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(_POLL_SECONDS)
    return True


async def _readable(fd: int) -> None:
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
    try:
        await ready
    finally:
        loop.remove_reader(fd)


# --- one scope -------------------------------------------------------------------------------


@dataclass
class ProcessScope:
    """The processes of one attempt: started with `ProcessTracking.spawn`, ended with `end()`."""

    tracking: ProcessTracking
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    started_at: float = field(default_factory=time.time)
    leaders: list[Leader] = field(default_factory=list)
    closed: bool = False
    cgroup_made: bool = False
    # Some process was still running when the scope ended, or a leader failed: MPI ranks
    # killed on the way may have left shared memory behind.
    unclean: bool = False

    @property
    def cgroup(self) -> Path | None:
        base = self.tracking.cgroup_base
        return None if base is None else base / f"{cgroups.CGROUP_PREFIX}{self.run_id}"

    def record(self) -> dict:
        """What a restarted service needs to find this scope's processes (JSON)."""
        record: dict = {"runId": self.run_id, "boot": self.tracking.boot, "startedAt": self.started_at}
        if self.cgroup is not None:
            record["cgroup"] = str(self.cgroup)
        else:
            record["leaders"] = [[leader.pid, leader.start] for leader in self.leaders]
        return record

    async def end(self) -> None:
        """End everything the scope started (SIGTERM, a grace period, SIGKILL), then reap its leaders.

        Returns when nothing of it runs any more; no new process can join it afterwards.
        """
        self.closed = True  # spawns run on the loop's thread too: none is half done now
        try:
            if self.cgroup is not None:
                await self.tracking.end_cgroup(self.cgroup, self)
            else:
                await self._end_session()
        finally:
            for leader in self.leaders:
                leader.reap()
            if any(leader.returncode not in (0, None) for leader in self.leaders):
                self.unclean = True
            self.tracking.forget(self)

    async def _end_session(self) -> None:
        """Signal each leader's group (what stayed in it) and each orphan of the scope until none lives.

        A live member of a group whose leader has exited is a descendant of that leader whose
        parent chain is broken: the topmost survivor has been re-parented to the service, so
        the sweep finds it, and its own children once it is gone. So what is left is exactly:
        the leaders still running, and the scope's orphans.
        """
        loop = asyncio.get_running_loop()
        asked: set[int] = set()  # groups (as -pgid) and orphans sent SIGTERM already: once is enough
        killing = False
        deadline = loop.time() + GRACE_SECONDS
        while True:
            for leader in self.leaders:
                if sig := _next_signal(-leader.pid, asked, killing):
                    _signal_group(leader.pid, sig)  # safe: the leader, a zombie at worst, holds the group id
            running = [leader.pid for leader in self.leaders if not leader.exited()]
            orphans = await self.tracking.orphans_of(self.run_id)
            for pid in orphans:
                if sig := _next_signal(pid, asked, killing):
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, sig)  # our unreaped child: the pid is still that process
            if not running and not orphans:
                return
            self.unclean = True
            if loop.time() >= deadline:
                if killing:
                    log.error("processes of run %s did not end after SIGKILL: leaders %s, others %s", self.run_id, running, orphans)
                    return
                killing, deadline = True, loop.time() + _KILL_WAIT_SECONDS
                continue
            await asyncio.sleep(_POLL_SECONDS)


def _next_signal(target: int, asked: set[int], killing: bool) -> int:
    """SIGKILL when killing; else SIGTERM the first time and 0 (nothing to send) after."""
    if killing:
        return signal.SIGKILL
    if target in asked:
        return 0
    asked.add(target)
    return signal.SIGTERM


def _signal_group(pgid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


# --- the service-wide part ----------------------------------------------------------------------


@dataclass
class _Orphan:
    start: int
    run_id: str | None
    # For an orphan with neither marker nor session to go by: the scopes alive when it was first
    # seen. It belongs to one of them; it is ended once none of them is left.
    candidates: frozenset[str] = frozenset()


class ProcessTracking:
    """The service's way of finding and ending the processes of its scopes (see the module doc)."""

    def __init__(self, cgroup_base: Path | None, home_cgroup: Path | None = None) -> None:
        self.cgroup_base = cgroup_base
        self._home = home_cgroup
        self._home_procs: int | None = None
        self.boot = host.boot_id()
        self._scopes: dict[str, ProcessScope] = {}
        self._leader_scope: dict[int, str] = {}
        # Session mode: the service's children that are not leaders, as of the last sweep.
        self._orphans: dict[int, _Orphan] = {}
        self._sweeps_requested = 0
        self._sweeps_done = 0
        self._sweep_changed: asyncio.Condition | None = None
        self._sweeper: asyncio.Task | None = None
        self._sweep_interval = 0.0

    @property
    def mode(self) -> str:
        return "cgroup" if self.cgroup_base is not None else "session"

    @classmethod
    def for_service(cls, use_cgroups: bool = True) -> ProcessTracking:
        """cgroups when this process may create and enter them, else sessions with the service as subreaper."""
        if use_cgroups:
            home = cgroups.own()
            reason = "no cgroup v2 hierarchy" if home is None else cgroups.probe(home)
            if home is not None and reason is None:
                log.info("task processes are tracked in cgroups under %s", home)
                return cls(home, home)
            log.info("task processes are tracked by session (cgroups unavailable: %s)", reason)
        else:
            log.info("task processes are tracked by session (cgroups not used)")
        host.become_subreaper()
        return cls(None)

    def scope(self) -> ProcessScope:
        scope = ProcessScope(self)
        self._scopes[scope.run_id] = scope
        return scope

    def _go_home(self) -> None:
        """Back into the service's own cgroup (its cgroup.procs kept open: this happens at every spawn)."""
        assert self._home is not None
        if self._home_procs is None:
            self._home_procs = cgroups.opened_procs(self._home)
        cgroups.enter_by(self._home_procs)

    def forget(self, scope: ProcessScope) -> None:
        self._scopes.pop(scope.run_id, None)
        for leader in scope.leaders:
            if self._leader_scope.get(leader.pid) == scope.run_id:
                del self._leader_scope[leader.pid]

    # --- starting ----------------------------------------------------------------------------
    def spawn(
        self, scope: ProcessScope, argv: list[str], cwd: Path, env: dict[str, str], stdout: IO[bytes], stderr: IO[bytes]
    ) -> Leader:
        """Start a process in the scope (a fork and exec; the scope's cgroup is made on first use).

        Raises FileNotFoundError/PermissionError/NotADirectoryError as subprocess does,
        and RuntimeError once the scope has ended.
        """
        cgroup = scope.cgroup
        if cgroup is not None and not scope.cgroup_made:
            cgroup.mkdir(exist_ok=True)
            scope.cgroup_made = True
        if scope.closed:
            raise RuntimeError(f"run {scope.run_id} has ended: no process may start in it")
        if cgroup is not None:
            cgroups.enter(cgroup)
        try:
            popen = subprocess.Popen(
                argv, cwd=cwd, env={**env, RUN_MARKER: scope.run_id}, stdin=subprocess.DEVNULL,
                stdout=stdout, stderr=stderr, start_new_session=True,
            )
        finally:
            if cgroup is not None:
                self._go_home()
        start = 0
        if cgroup is None:  # recorded by session: the start time tells the process from a later one with its pid
            stat = host.proc_stat(popen.pid)  # an unreaped child of ours: the pid is still this process
            start = stat.start if stat else 0
        leader = Leader(popen, start)
        scope.leaders.append(leader)
        self._leader_scope[leader.pid] = scope.run_id
        return leader

    # --- ending: cgroups --------------------------------------------------------------------
    async def end_cgroup(self, cgroup: Path, scope: ProcessScope | None = None) -> bool:
        """SIGTERM every process in the cgroup, SIGKILL what is left after the grace period, remove it.

        True when the cgroup is gone (or never existed). (cgroupfs lives in kernel memory:
        reading and writing it never waits for a disk, so it is done on the loop.)
        """
        if scope is not None and not scope.cgroup_made:
            return True  # nothing ever started in it
        if cgroups.remove(cgroup):
            return True  # it was empty: the common case, one system call
        members = cgroups.members(cgroup)
        if os.getpid() in members:  # a failed step back out of it after a spawn: never kill ourselves
            assert self._home is not None
            self._go_home()
            members.remove(os.getpid())
        if members:
            if scope is not None:
                scope.unclean = True
            relative = cgroups.relative_path(cgroup)
            for pid in members:
                cgroups.signal_member(pid, relative, signal.SIGTERM)
            if not await _poll_until(lambda: not cgroups.populated(cgroup), GRACE_SECONDS):

                def killed() -> bool:
                    cgroups.kill(cgroup, relative)
                    return not cgroups.populated(cgroup)

                if not await _poll_until(killed, _KILL_WAIT_SECONDS):
                    log.error("processes in %s did not end after SIGKILL: %s", cgroup, cgroups.members(cgroup))
                    return False
        if not cgroups.remove(cgroup):
            log.warning("%s is empty but cannot be removed yet", cgroup)
        return True

    # --- ending: sessions (the orphan sweep) ------------------------------------------------------
    async def orphans_of(self, run_id: str) -> list[int]:
        """The service's live children that belong to the run, as of a sweep that started after this call."""
        await self._fresh_sweep()
        alive = set(self._scopes)
        found = []
        for pid, orphan in self._orphans.items():
            if orphan.run_id == run_id or (orphan.run_id is None and run_id in orphan.candidates):
                found.append(pid)
            elif orphan.run_id not in alive and not orphan.candidates & alive:
                found.append(pid)  # its scope has ended, whichever it was: ending it is right
        return found

    async def _fresh_sweep(self) -> None:
        if self._sweep_changed is None:
            self._sweep_changed = asyncio.Condition()
        if self._sweeper is None or self._sweeper.done():
            self._sweeper = asyncio.get_running_loop().create_task(self._sweep_forever(), name="orphan sweep")
        self._sweeps_requested += 1
        wanted = self._sweeps_requested
        async with self._sweep_changed:
            self._sweep_changed.notify_all()
            await self._sweep_changed.wait_for(lambda: self._sweeps_done >= wanted)

    async def _sweep_forever(self) -> None:
        assert self._sweep_changed is not None
        while True:
            async with self._sweep_changed:
                await self._sweep_changed.wait_for(lambda: self._sweeps_requested > self._sweeps_done)
                target = self._sweeps_requested
            started = time.monotonic()
            leaders = dict(self._leader_scope)
            try:
                seen, zombies = await asyncio.to_thread(_sweep, leaders)
            except Exception:  # noqa: BLE001 - the sweep must go on; a scope waiting for it must not hang
                log.exception("orphan sweep failed")
                seen, zombies = {}, []
            self._reap(zombies)
            self._update_orphans(seen)
            spent = time.monotonic() - started
            async with self._sweep_changed:
                self._sweeps_done = target
                self._sweep_changed.notify_all()
            # Where the sweep reads all of /proc, keep it to a small share of a core.
            self._sweep_interval = 0.0 if host.kernel_lists_children() else spent * (1 / _SWEEP_CPU_SHARE - 1)
            await asyncio.sleep(self._sweep_interval)

    def _reap(self, zombies: list[int]) -> None:
        """Reap orphans that have exited. On the loop's thread, where leaders are started: a pid
        that is not a leader now cannot become one while its zombie holds it."""
        for pid in zombies:
            if pid not in self._leader_scope:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, os.WNOHANG)

    def _update_orphans(self, seen: dict[int, tuple[int, str | None, int, int]]) -> None:
        orphans: dict[int, _Orphan] = {}
        leaders = self._leader_scope  # as of now: a leader started during the sweep is no orphan
        for pid, (start, marker, pgid, sid) in seen.items():
            if pid in leaders:
                continue
            known = self._orphans.get(pid)
            if known is not None and known.start == start:
                orphans[pid] = known
                continue
            run_id = marker if marker in self._scopes else leaders.get(sid) or leaders.get(pgid) or marker
            candidates = frozenset() if run_id else frozenset(self._scopes)
            orphans[pid] = _Orphan(start, run_id, candidates)
        self._orphans = orphans

    async def close(self) -> None:
        if self._home_procs is not None:
            os.close(self._home_procs)
            self._home_procs = None
        if self._sweeper is not None:
            self._sweeper.cancel()
            await asyncio.gather(self._sweeper, return_exceptions=True)

    # --- after a crash of the service ----------------------------------------------------------
    async def end_recorded(self, records: Iterable[dict]) -> list[dict]:
        """End every process a previous run of the service recorded in these scopes.

        Returns the records whose processes could not be ended (so their tasks must not run again).
        """
        records = list(records)
        failed = []
        for record in records:
            cgroup = record.get("cgroup")
            if cgroup and not await self.end_cgroup(Path(cgroup)):
                failed.append(record)
        session_records = [r for r in records if not r.get("cgroup") and r.get("boot") == self.boot]
        if session_records:
            survivors = await _end_recorded_sessions(session_records)
            failed += [r for r in session_records if r["runId"] in survivors]
        return failed


def _sweep(leaders: dict[int, str]) -> tuple[dict[int, tuple[int, str | None, int, int]], list[int]]:
    """The service's children that are not (known) leaders: the live ones, pid -> (start, marker, pgid, sid),
    and the zombies. Reaping is the loop's business: a leader started since `leaders` was copied may be one."""
    me = os.getpid()
    seen, zombies = {}, []
    for pid in host.children(me):
        if pid in leaders:
            continue
        stat = host.proc_stat(pid)
        if stat is None or stat.ppid != me:
            continue
        if stat.state == "Z":
            zombies.append(pid)
            continue
        seen[pid] = (stat.start, host.run_marker(pid), stat.pgid, stat.sid)
    return seen, zombies


async def _end_recorded_sessions(records: list[dict]) -> set[str]:
    """End the processes of scopes a previous run recorded by session; the run ids with survivors."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + GRACE_SECONDS
    sig = signal.SIGTERM
    while True:
        members = await asyncio.to_thread(_recorded_members, records)
        if not members:
            return set()
        for (pid, start) in members:
            host.signal_verified(pid, start, sig)
        if loop.time() >= deadline:
            if sig == signal.SIGKILL:
                log.error("processes of a previous run did not end after SIGKILL: %s", sorted(members))
                return set(members.values())
            sig, deadline = signal.SIGKILL, loop.time() + _KILL_WAIT_SECONDS
        await asyncio.sleep(_POLL_SECONDS * 5)


def _recorded_members(records: list[dict]) -> dict[tuple[int, int], str]:
    """Live processes of recorded scopes: (pid, start) -> run id. Reads all of /proc once (after a crash only)."""
    run_ids = {record["runId"] for record in records}
    # A session or group id names a recorded leader only if that pid was not reused: the leader is
    # either gone (its id stays reserved while any member lives) or still the recorded process.
    groups: dict[int, tuple[int, str]] = {}
    for record in records:
        for pid, start in record.get("leaders") or []:
            stat = host.proc_stat(pid)
            if stat is None or stat.start == start:
                groups[pid] = (start, record["runId"])
    members = {}
    for pid in host.all_pids():
        stat = host.proc_stat(pid)
        if stat is None or stat.state == "Z":
            continue
        owner = groups.get(stat.sid) or groups.get(stat.pgid)
        if owner is not None and stat.start >= owner[0]:
            members[(pid, stat.start)] = owner[1]
            continue
        marker = host.run_marker(pid)
        if marker in run_ids:
            members[(pid, stat.start)] = marker
    return members


