"""One watched task, as typed snapshots of what the service has reported about it.

    watch = TaskWatch(monitor, "job", "task", on_snapshot)   # on_snapshot(TaskWatchSnapshot)
    watch.start()      # subscribe (the task view does so while it is visible)
    watch.refresh()    # poll now (F5, after an action)
    watch.stop()

The watch combines the monitor's task query (the task and its subtasks) with a probe
of the primary's output files (`TaskFilesQuery`), both polled by the monitor, so both
go through its connection state and backoff. The probe is subscribed only while a file
the phases wait for has not appeared, and polled again at once when the task's state
changes: a probe refused because the task had not started yet is asked again, not kept
as an answer. The phase rules are in `phases.py`; each snapshot says what is known and
leaves the rest unknown: while the service does not answer, what was going on is
drawn as known until its last answer and unknown after.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import cast

from explorer.client.connecting.connection_state import ConnectionState, ConnectionStatus
from explorer.client.watching.monitor import Monitor, Subscription, Update
from explorer.client.watching.phases import (
    APPLICATION_OUTPUT,
    COORDINATION_OUTPUT,
    FailureCause,
    Moment,
    TaskPhases,
)
from explorer.client.watching.queries import JobsQuery, PoolNodesQuery, PoolsQuery, TaskFilesQuery, TaskQuery
from explorer.client.watching.snapshots import (
    FileProbe,
    JobSnapshot,
    NodeSnapshot,
    PoolSnapshot,
    SubtaskSnapshot,
    TaskSnapshot,
)
from explorer.client.watching.wait_reasons import WaitReason, why_waiting
from explorer.core.timeline import InstancePhases, Phase

log = logging.getLogger(__name__)


class Stage(str, Enum):
    """Where the task is, as far as the service has said."""

    QUEUED = "queued"
    """Active: waiting for its nodes."""
    STARTING = "starting"
    """On its nodes, the application command not (known to be) started: downloads, coordination."""
    RUNNING = "running"
    """The application command runs."""
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    GONE = "gone"
    """The task does not exist (or no longer)."""


@dataclass(frozen=True)
class TaskWatchSnapshot:
    task: TaskSnapshot | None
    """None only when the task was never found (`stage` GONE)."""
    subtasks: Mapping[int, SubtaskSnapshot]
    stage: Stage
    attempt: int
    """1, then one more per retry or requeue; the phases are the current attempt's."""
    instances: tuple[InstancePhases, ...]
    total: int
    ready: int
    """Instances the service reported ready (all of them once the application started)."""
    failed: int
    coordination_started: Moment | None
    """When the primary's coordination command started (its output appeared), if known."""
    application_started: Moment | None
    application_ran: bool | None
    """True once it started, False once the task ended without it, None while not known."""
    origin: datetime | None
    """The task's creation time: time zero of a timeline."""
    ended: datetime | None
    unknown_since: datetime | None
    """Set while the service does not answer: nothing is known after this time."""
    missing: str | None = None
    """The error code when the task does not exist."""
    waiting: tuple[WaitReason, ...] = ()
    """While queued: why, as far as the job, pool and nodes polled show (most important first)."""
    failure: FailureCause | None = None
    """Once failed: which instance made it fail, on which node, in which phase."""

    @property
    def not_reported(self) -> int:
        """Instances whose readiness the service has not reported (yet)."""
        return max(0, self.total - self.ready - self.failed)

    @property
    def done(self) -> bool:
        return self.stage in (Stage.SUCCEEDED, Stage.FAILED, Stage.GONE)

    def phase_of(self, number: int) -> Phase | None:
        """The last phase known of instance `number` (UNKNOWN while the service is silent)."""
        row = next((r for r in self.instances if r.instance_id == number), None)
        if row is None or not row.segments:
            return None
        return row.segments[-1].phase


Listener = Callable[[TaskWatchSnapshot], None]


class TaskWatch:
    def __init__(self, monitor: Monitor, job_id: str, task_id: str, on_snapshot: Listener) -> None:
        self.job_id, self.task_id = job_id, task_id
        self.task_query = TaskQuery(job_id, task_id)
        self.files_query: TaskFilesQuery | None = None
        """The probe subscribed now, if any."""
        self.snapshot: TaskWatchSnapshot | None = None
        self._monitor = monitor
        self._on_snapshot = on_snapshot
        self._phases = TaskPhases()
        self._subscriptions: list[Subscription] = []
        self._files: Subscription | None = None
        self._missing: str | None = None
        self._unknown_since: datetime | None = None
        self._hold_until: datetime | None = None
        """A probe sent then found a file appear: snapshots wait for a task poll at least as new."""
        self._final_probe_for: int | None = None
        """The attempt whose files were probed after it completed (nothing more to learn)."""
        self._queue = _QueueWatch(monitor, job_id, self._emit)

    @property
    def active(self) -> bool:
        return bool(self._subscriptions)

    def start(self) -> None:
        if self.active:
            return
        self.snapshot, self._hold_until = None, None  # started again: hand out the snapshot again, as the monitor does
        self._subscriptions = [
            self._monitor.subscribe(self.task_query, self._on_task),
            self._monitor.add_state_listener(self._on_connection),
        ]
        self._on_connection(self._monitor.state)
        self._sync_files(state_changed=True)

    def stop(self) -> None:
        subscriptions, self._subscriptions = self._subscriptions, []
        for subscription in subscriptions:
            subscription.close()
        self._close_files()
        self._queue.stop()

    def refresh(self) -> None:
        self._monitor.refresh(self.task_query)
        if self.files_query is not None:
            self._monitor.refresh(self.files_query)

    # -- monitor callbacks -----------------------------------------------------------

    def _on_task(self, update: Update) -> None:
        self._missing = update.missing
        if self._hold_until is not None and (update.polled_at is None or update.polled_at >= self._hold_until):
            self._hold_until = None
        task = update.task
        if task is not None:
            before = self._phases.task
            subtasks = cast(Mapping[int, SubtaskSnapshot], update.items)
            self._phases.observe_task(task, subtasks, update.polled_at or _now(), update.previous_poll_at)
            changed = before is None or (before.state, before.attempt) != (task.state, task.attempt)
            self._sync_files(state_changed=changed)
        self._queue.follow(self.active and task is not None and task.state == "active")
        self._emit()

    def _on_files(self, update: Update) -> None:
        if update.missing is not None:
            return  # the task is gone: the task query says so
        polled_at = update.polled_at or _now()
        known = (self._phases.appeared(COORDINATION_OUTPUT), self._phases.application_started)
        self._phases.observe_files(cast(Mapping[str, FileProbe], update.items), polled_at)
        if known != (self._phases.appeared(COORDINATION_OUTPUT), self._phases.application_started):
            # Something started: the task's state has moved on too. Show both together, so a
            # snapshot never pairs a new file with an older state ("preparing", yet running).
            self._hold_until = polled_at
            self._monitor.refresh(self.task_query)
        completed_at = self._phases.completed_seen_at
        if completed_at is not None and polled_at >= completed_at:
            self._final_probe_for = self._phases.attempt
        self._sync_files(state_changed=False)
        self._emit()

    def _on_connection(self, state: ConnectionState) -> None:
        if state.status is ConnectionStatus.CONNECTED:
            unknown = None
        else:
            unknown = self._unknown_since or self._monitor.connection.last_contact or _now()
        if unknown != self._unknown_since:
            self._unknown_since = unknown
            self._emit()

    # -- the probe of the primary's files ----------------------------------------------

    def _wanted_files(self) -> tuple[str, ...]:
        phases, task = self._phases, self._phases.task
        if task is None or task.state == "active" or self._final_probe_for == phases.attempt:
            return ()
        names = []
        if task.instances > 1 and phases.appeared(COORDINATION_OUTPUT) is None and phases.application_ran is not False:
            names.append(COORDINATION_OUTPUT)
        if phases.application_started is None and phases.application_ran is not False:
            names.append(APPLICATION_OUTPUT)
        return tuple(names)

    def _sync_files(self, state_changed: bool) -> None:
        wanted = self._wanted_files() if self.active else ()
        current = self.files_query.names if self.files_query else ()
        if wanted != current:
            self._close_files()
            if wanted:
                self.files_query = TaskFilesQuery(self.job_id, self.task_id, wanted)
                self._files = self._monitor.subscribe(self.files_query, self._on_files)
        elif wanted and state_changed and self.files_query is not None:
            self._monitor.refresh(self.files_query)  # e.g. refused while queued: ask again now

    def _close_files(self) -> None:
        if self._files is not None:
            self._files.close()
        self._files, self.files_query = None, None

    # -- snapshots ----------------------------------------------------------------------

    def _emit(self) -> None:
        if self._hold_until is not None:
            return
        snapshot = self._snapshot()
        if snapshot is None or snapshot == self.snapshot:
            return
        self.snapshot = snapshot
        self._on_snapshot(snapshot)

    def _snapshot(self) -> TaskWatchSnapshot | None:
        phases, task = self._phases, self._phases.task
        if task is None and self._missing is None:
            return None  # nothing heard yet
        unknown_since = None if phases.ended else self._unknown_since
        return TaskWatchSnapshot(
            task=task,
            subtasks=phases.subtasks,
            stage=self._stage(),
            attempt=phases.attempt,
            instances=phases.instances(unknown_since),
            total=phases.total,
            ready=phases.ready_count(),
            failed=phases.failed_count(),
            coordination_started=phases.appeared(COORDINATION_OUTPUT),
            application_started=phases.application_started,
            application_ran=phases.application_ran,
            origin=task.creation_time if task else None,
            ended=phases.ended,
            unknown_since=self._unknown_since,
            missing=self._missing,
            waiting=self._queue.reasons(task) if task is not None and task.state == "active" else (),
            failure=phases.failure_cause(),
        )

    def _stage(self) -> Stage:
        task = self._phases.task
        if self._missing is not None or task is None:
            return Stage.GONE
        if task.state == "active":
            return Stage.QUEUED
        if task.state == "completed":
            return Stage.SUCCEEDED if self._phases.succeeded else Stage.FAILED
        return Stage.RUNNING if self._phases.application_started else Stage.STARTING


@dataclass(frozen=True)
class TaskEnd:
    """A watched task completed: how it ended."""

    job_id: str
    task_id: str
    succeeded: bool
    exit_code: int | None
    failure: str | None


class TaskEndWatch:
    """Only whether a task ends, for a word when it does: the task query alone (the one a `TaskWatch`
    of the same task subscribes; the monitor polls a query once for all its subscribers).

    ``on_end(TaskEnd)`` once, when the task is found completed, if it ended after the watch started
    (`END_SLACK` s of clock difference allowed: the first answer may come after a quick task ended);
    a task that had ended before, or is gone, ends the watch without a word. ``on_over()``, if given,
    once the watch ended by itself (after ``on_end``, or without a word).
    """

    END_SLACK = timedelta(seconds=5)

    def __init__(
        self, monitor: Monitor, job_id: str, task_id: str, on_end: Callable[[TaskEnd], None],
        on_over: Callable[[], None] | None = None,
    ) -> None:
        self.job_id, self.task_id = job_id, task_id
        self._monitor, self._on_end, self._on_over = monitor, on_end, on_over
        self._subscription: Subscription | None = None
        self._was_running: bool | None = None
        self._started_at = _now()

    @property
    def active(self) -> bool:
        return self._subscription is not None

    def start(self) -> None:
        if self._subscription is None:
            self._subscription = self._monitor.subscribe(TaskQuery(self.job_id, self.task_id), self._on_task)

    def stop(self) -> None:
        subscription, self._subscription = self._subscription, None
        if subscription is not None:
            subscription.close()

    def move_to(self, monitor: Monitor) -> None:
        """Follow on through `monitor` (the service came back on another endpoint), keeping what was seen:
        a task that ended meanwhile still gets its word."""
        active = self.active
        self.stop()
        self._monitor = monitor
        if active:
            self.start()

    def _on_task(self, update: Update) -> None:
        task = update.task
        if self._subscription is None:
            return
        if update.missing is not None:
            self._over()
            return
        if task is None:
            return
        if self._was_running is None:
            ended = task.end_time or task.state_transition_time
            self._was_running = task.state != "completed" or (
                ended is not None and ended >= self._started_at - self.END_SLACK)
        if task.state == "completed":
            self.stop()
            if self._was_running:
                succeeded = task.exit_code == 0 and task.failure is None
                self._on_end(TaskEnd(self.job_id, self.task_id, succeeded, task.exit_code, task.failure))
            self._over()

    def _over(self) -> None:
        self.stop()
        if self._on_over is not None:
            self._on_over()


class _QueueWatch:
    """The job, its pool and the pool's nodes, watched while the task is queued (to say why it waits).

    The job and pool lists are the navigator's polls (one query each, shared); the nodes are
    the pool view's, if it is open.
    """

    def __init__(self, monitor: Monitor, job_id: str, on_change: Callable[[], None]) -> None:
        self._monitor, self._job_id, self._on_change = monitor, job_id, on_change
        self._subscriptions: dict[str, Subscription] = {}
        self._job: JobSnapshot | None = None
        self._pool: PoolSnapshot | None = None
        self._pool_id: str | None = None
        self._nodes: Mapping[str, NodeSnapshot] | None = None
        self._pool_missing = False

    def follow(self, queued: bool) -> None:
        if not queued:
            self.stop()
        elif "jobs" not in self._subscriptions:
            self._subscriptions["jobs"] = self._monitor.subscribe(JobsQuery(), self._on_jobs)

    def stop(self) -> None:
        subscriptions, self._subscriptions = self._subscriptions, {}
        for subscription in subscriptions.values():
            subscription.close()
        self._job, self._pool, self._pool_id, self._nodes, self._pool_missing = None, None, None, None, False

    def reasons(self, task: TaskSnapshot) -> tuple[WaitReason, ...]:
        return why_waiting(task, self._job, self._pool, self._nodes, pool_missing=self._pool_missing)

    def _on_jobs(self, update: Update) -> None:
        self._job = cast(Mapping[str, JobSnapshot], update.items).get(self._job_id)
        pool_id = self._job.pool_id if self._job else None
        if pool_id != self._pool_id:
            for name in ("pools", "nodes"):
                if name in self._subscriptions:
                    self._subscriptions.pop(name).close()
            self._pool_id, self._pool, self._nodes, self._pool_missing = pool_id, None, None, False
            if pool_id is not None:
                self._subscriptions["pools"] = self._monitor.subscribe(PoolsQuery(), self._on_pools)
                self._subscriptions["nodes"] = self._monitor.subscribe(PoolNodesQuery(pool_id), self._on_nodes)
        self._on_change()

    def _on_pools(self, update: Update) -> None:
        self._pool = cast(Mapping[str, PoolSnapshot], update.items).get(self._pool_id or "")
        self._on_change()

    def _on_nodes(self, update: Update) -> None:
        self._pool_missing = update.missing is not None
        self._nodes = None if update.missing else cast(Mapping[str, NodeSnapshot], update.items)
        self._on_change()


def _now() -> datetime:
    return datetime.now(timezone.utc)
