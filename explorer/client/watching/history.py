"""Pool and job history: counts by state over time, with the resize and failure events, in bounded memory.

    history = PoolHistory(monitor, "mpi-pool")         # or JobHistory(monitor, "job-1")
    remove = history.add_listener(on_change)            # on_change() after the series or events moved
    history.start() ... history.stop()                  # a view's `Watcher`: live while the view is shown

Two sources, kept apart in each point's `source`:

- **observed**: every snapshot the monitor hands out (the same polls the views make: no extra
  request for the counts) is counted by state. Between two points the counts held: the monitor
  hands out only changed answers, and while a history is stopped (its view hidden) or the
  service does not answer, a point with no counts says "not known from here".
- **service**: once, when first started, what the service's own times say of the past, so a
  chart opened late still begins at the job's creation. A job's tasks carry `creationTime`,
  `previousState`/`previousStateTransitionTime`, `stateTransitionTime` and
  `executionInfo.startTime`/`endTime`/`result`: the last run of each task is known to the
  second (`TaskTimesQuery`). What cannot be known: earlier attempts of a retried or requeued
  task (Batch keeps the last), a `preparing` spell unless it is the previous state, and deleted
  tasks. A pool's nodes carry `allocationTime` (joined the pool) and `stateTransitionTime`
  (entered the state they are in): each node still in the pool is counted from the first and
  its state from the second; in between it is counted as `unreported` (in the pool, state not
  kept by Batch). Nodes removed from the pool, and every earlier state, are not known: the
  past is a floor, not the whole. The pool's `allocationStateTransitionTime` dates its last
  resize start or end, and `resizeErrors` that resize's errors. A job's history asks for its tasks' times
  again when started after a span not known (its view was hidden) and fills that span from them.

Memory: a point is a time and one count per state (never per node or task). A series keeps
at most `MAX_POINTS`; past that, points closer than a resolution (doubled each time) are
merged into one holding the later counts, so a 10,000-node pool watched 8 h at 1 s polls
ends with ~1,600 points of ~15 s (~0.8 MB, see tests/benchmarks/bench_history.py).
Events keep the last `MAX_EVENTS` (how many went is counted); a poll that sees 500 nodes fail
makes one event naming the first few.
"""

from __future__ import annotations

import asyncio
import bisect
import csv
import logging
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any, ClassVar

from azure.batch.aio import BatchClient

from explorer.client.connecting.connection_state import ConnectionState, ConnectionStatus
from explorer.client.watching.list_pages import list_json, quote_segment
from explorer.client.watching.monitor import Diff, Monitor, Subscription, Update
from explorer.client.watching.queries import Fetched, JobsQuery, JobTasksQuery, PoolNodesQuery
from explorer.client.watching.snapshots import Json, NodeSnapshot, TaskSnapshot, failure_text, parse_time

log = logging.getLogger(__name__)

MAX_POINTS = 2000
MAX_EVENTS = 1000
NAMED_IN_EVENT = 5
"""Ids named in one failure event; the rest are counted."""
RECONSTRUCT_MAX_TASKS = 10_000
"""Jobs with more tasks are not reconstructed from their tasks' times (a list of 10 pages)."""

UNREPORTED = "unreported"
NODE_STATES: tuple[str, ...] = (
    "idle", "running", "creating", "starting", "waitingforstarttask", "starttaskfailed", "unusable", "rebooting",
    "reimaging", "upgradingos", "leavingpool", "offline", "preempted", "deallocating", "deallocated", "unknown",
    UNREPORTED,
)
"""Batch's node states, then `unreported`: a node known to be in the pool whose state then is not known."""
TASK_STATES: tuple[str, ...] = ("active", "preparing", "running", "succeeded", "failed")
"""Batch's task states, completed split by result."""
FAILED_NODE_STATES = frozenset({"unusable", "starttaskfailed"})


class Source(str, Enum):
    OBSERVED = "observed"
    SERVICE = "service"
    """Reconstructed from the service's own times."""


class EventKind(str, Enum):
    RESIZE = "resize"
    RESIZE_ENDED = "resize ended"
    RESIZE_ERROR = "resize error"
    NODE_FAILURE = "node failure"
    TASK_FAILURE = "task failure"

    @property
    def is_failure(self) -> bool:
        return self in (EventKind.RESIZE_ERROR, EventKind.NODE_FAILURE, EventKind.TASK_FAILURE)


@dataclass(frozen=True)
class HistoryEvent:
    at: datetime
    kind: EventKind
    text: str
    reported: bool = True
    """`at` is the service's own time; False: the time of the poll that saw it."""


@dataclass(frozen=True)
class HistoryPoint:
    """From `at` until the next point: `counts` (one per state of the series), or not known (None)."""

    at: datetime
    counts: tuple[int, ...] | None
    source: Source = Source.OBSERVED


class StateSeries:
    """Counts by state as steps, at most `max_points` of them (older detail merged, see the module's docstring)."""

    def __init__(self, states: Sequence[str], *, max_points: int = MAX_POINTS) -> None:
        self.states = tuple(states)
        self.max_points = max_points
        self.resolution = 0.0
        """Seconds: a point closer than this to the one before it is merged into it (0: none merged yet)."""
        self._points: list[HistoryPoint] = []

    @property
    def points(self) -> tuple[HistoryPoint, ...]:
        return tuple(self._points)

    def __len__(self) -> int:
        return len(self._points)

    def row(self, counts: Mapping[str, int]) -> tuple[int, ...]:
        return tuple(counts.get(state, 0) for state in self.states)

    def record(self, at: datetime, counts: Mapping[str, int], source: Source = Source.OBSERVED) -> bool:
        """Counts seen at `at`; False if they say nothing new (unchanged, or older than the last point)."""
        return self._add(HistoryPoint(at, self.row(counts), source))

    def mark_unknown(self, at: datetime) -> bool:
        """Nothing is known from `at` (watching stopped, no answer) until the next point."""
        return self._add(HistoryPoint(at, None))

    def prepend(self, points: Iterable[HistoryPoint]) -> int:
        """Put `points` (time-ordered) before the first point held; those not earlier are left out. Returns how many."""
        first = self._points[0].at if self._points else None
        earlier = [p for p in points if first is None or p.at < first]
        self._points[:0] = _without_repeats(earlier)
        self._points = _without_repeats(self._points)
        self._bound()
        return len(earlier)

    def fill_unknown(self, points: Sequence[HistoryPoint], until: datetime) -> int:
        """Put `points` (time-ordered, from the service's times as of `until`) into each span not known that
        ended by `until`: the point in force at its start begins it, those inside follow. Returns how many
        spans were filled."""
        times = [p.at for p in points]
        held, kept, filled = self._points, [], 0
        for point, after in zip(held, [*held[1:], None], strict=True):
            if point.counts is not None or after is None or after.at > until:
                kept.append(point)
                continue
            begin = bisect.bisect_right(times, point.at)
            inside = points[begin:bisect.bisect_left(times, after.at)]
            start = points[begin - 1] if begin else None
            kept.append(HistoryPoint(point.at, start.counts, start.source) if start is not None else point)
            kept.extend(inside)
            filled += bool(inside or start)
        self._points = _without_repeats(kept)
        self._bound()
        return filled

    @property
    def has_unknown(self) -> bool:
        return any(p.counts is None for p in self._points)

    def value_at(self, at: datetime) -> HistoryPoint | None:
        """The point in force at `at` (None before the first)."""
        found = None
        for point in self._points:
            if point.at > at:
                break
            found = point
        return found

    def _add(self, point: HistoryPoint) -> bool:
        points = self._points
        last = points[-1] if points else None
        if last is not None and (point.at < last.at or (point.counts == last.counts and point.source == last.source)):
            return False
        if last is not None and point.at == last.at:
            points[-1] = point
        elif last is not None and self._mergeable(last, point) and len(points) > 1:
            points[-1] = HistoryPoint(last.at, point.counts, point.source)
            if points[-2].counts == point.counts and points[-2].source == point.source:
                points.pop()
        else:
            points.append(point)
        self._bound()
        return True

    def _mergeable(self, earlier: HistoryPoint, later: HistoryPoint) -> bool:
        return (earlier.counts is not None and later.counts is not None and earlier.source == later.source
                and (later.at - earlier.at).total_seconds() < self.resolution)

    def _bound(self) -> None:
        if len(self._points) <= self.max_points:
            return
        span = (self._points[-1].at - self._points[0].at).total_seconds()
        self.resolution = max(self.resolution, span / self.max_points)
        while len(self._points) > self.max_points // 2 and self.resolution > 0:
            self.resolution *= 2
            self._points = self._thinned()

    def _thinned(self) -> list[HistoryPoint]:
        kept: list[HistoryPoint] = []
        for point in self._points:
            if kept and self._mergeable(kept[-1], point):
                kept[-1] = HistoryPoint(kept[-1].at, point.counts, point.source)
            else:
                kept.append(point)
        return _without_repeats(kept)


def _without_repeats(points: Iterable[HistoryPoint]) -> list[HistoryPoint]:
    kept: list[HistoryPoint] = []
    for point in points:
        if not kept or (point.counts, point.source) != (kept[-1].counts, kept[-1].source):
            kept.append(point)
    return kept


class EventLog:
    """The last `max_events` events in time order; `dropped` says how many older ones went."""

    def __init__(self, max_events: int = MAX_EVENTS) -> None:
        self._events: deque[HistoryEvent] = deque(maxlen=max_events)
        self.dropped = 0

    def __iter__(self):
        return iter(self._events)

    def __len__(self) -> int:
        return len(self._events)

    def add(self, event: HistoryEvent) -> None:
        if len(self._events) == self._events.maxlen:
            self.dropped += 1
        self._events.append(event)
        if len(self._events) > 1 and self._events[-2].at > event.at:
            ordered = sorted(self._events, key=lambda e: e.at)
            self._events.clear()
            self._events.extend(ordered)


def name_some(ids: Sequence[str]) -> str:
    named = ", ".join(ids[:NAMED_IN_EVENT])
    return named if len(ids) <= NAMED_IN_EVENT else f"{named} and {len(ids) - NAMED_IN_EVENT} more"


def node_bucket(node: NodeSnapshot) -> str:
    return node.state if node.state in NODE_STATES else "unknown"


def recount(
    counts: Counter[str] | None, previous: Mapping[Any, Any] | None, items: Mapping[Any, Any], diff: Diff,
    bucket: Callable[[Any], str],
) -> Counter[str]:
    """`items` counted by `bucket`: the last `counts` moved by the diff's ids (10,000 nodes cost what the diff
    costs), or all over when there is nothing to start from. Every id whose item differs between `previous`
    and `items` is in the diff (a monitor's first or repeated snapshot lists them all as added)."""
    if counts is None or previous is None:
        return Counter(bucket(item) for item in items.values())
    counts = counts.copy()
    for key in (*diff.added, *diff.changed, *diff.removed):
        old, new = previous.get(key), items.get(key)
        if old is not None:
            counts[bucket(old)] -= 1
        if new is not None:
            counts[bucket(new)] += 1
    return +counts  # without the states at zero


def task_bucket(state: str | None, failed: bool) -> str:
    """The series' state of a task: its Batch state, completed split by result."""
    if state == "completed":
        return "failed" if failed else "succeeded"
    return state if state in TASK_STATES else "active"


def _task_bucket(task: TaskSnapshot) -> str:
    return task_bucket(task.state, task_failed(task))


def task_failed(task: TaskSnapshot) -> bool:
    """As the job view counts: completed with a non-zero exit code or a failure (a task that never ran)."""
    return task.state == "completed" and (task.exit_code != 0 or task.failure is not None)


# --- the service's own times ---------------------------------------------------------------


@dataclass(frozen=True)
class PoolAllocation:
    """What a pool says of its size and its last resize."""

    id: str
    allocation_state: str | None
    allocation_state_transition_time: datetime | None
    target_dedicated_nodes: int
    target_low_priority_nodes: int
    resize_errors: tuple[str, ...]
    creation_time: datetime | None

    SELECT: ClassVar[tuple[str, ...]] = (
        "id", "allocationState", "allocationStateTransitionTime", "targetDedicatedNodes", "targetLowPriorityNodes",
        "resizeErrors", "creationTime",
    )

    @classmethod
    def from_json(cls, pool: Json) -> PoolAllocation:
        return cls(
            id=pool["id"],
            allocation_state=pool.get("allocationState"),
            allocation_state_transition_time=parse_time(pool.get("allocationStateTransitionTime")),
            target_dedicated_nodes=pool.get("targetDedicatedNodes") or 0,
            target_low_priority_nodes=pool.get("targetLowPriorityNodes") or 0,
            resize_errors=tuple(filter(None, (failure_text(e) for e in pool.get("resizeErrors") or ()))),
            creation_time=parse_time(pool.get("creationTime")),
        )

    @property
    def targets(self) -> tuple[int, int]:
        return self.target_dedicated_nodes, self.target_low_priority_nodes


@dataclass(frozen=True)
class PoolAllocationQuery:
    """One pool's allocation fields (a small GET a poll, while its history is watched)."""

    pool_id: str

    async def fetch(self, client: BatchClient, previous: Fetched | None = None) -> Fetched:
        pool = await client.get_pool(self.pool_id, select=list(PoolAllocation.SELECT))
        return Fetched({self.pool_id: PoolAllocation.from_json(pool.as_dict())})

    def is_active(self, fetched: Fetched) -> bool:
        return any(p.allocation_state != "steady" for p in fetched.items.values())


@dataclass(frozen=True)
class NodeTimes:
    id: str
    state: str | None
    allocation_time: datetime | None
    state_transition_time: datetime | None

    SELECT: ClassVar[tuple[str, ...]] = ("id", "state", "allocationTime", "stateTransitionTime")

    @classmethod
    def from_json(cls, node: Json) -> NodeTimes:
        return cls(node["id"], node.get("state"), parse_time(node.get("allocationTime")),
                   parse_time(node.get("stateTransitionTime")))


@dataclass(frozen=True)
class TaskTimes:
    id: str
    state: str | None
    creation_time: datetime | None
    previous_state: str | None
    previous_state_transition_time: datetime | None
    state_transition_time: datetime | None
    start_time: datetime | None
    end_time: datetime | None
    failed: bool
    exit_code: int | None

    SELECT: ClassVar[tuple[str, ...]] = (
        "id", "state", "creationTime", "previousState", "previousStateTransitionTime", "stateTransitionTime",
        "executionInfo",
    )

    @classmethod
    def from_json(cls, task: Json) -> TaskTimes:
        execution = task.get("executionInfo") or {}
        result, exit_code = execution.get("result"), execution.get("exitCode")
        failed = result == "failure" if result else (exit_code != 0 or execution.get("failureInfo") is not None)
        return cls(
            id=task["id"],
            state=task.get("state"),
            creation_time=parse_time(task.get("creationTime")),
            previous_state=task.get("previousState"),
            previous_state_transition_time=parse_time(task.get("previousStateTransitionTime")),
            state_transition_time=parse_time(task.get("stateTransitionTime")),
            start_time=parse_time(execution.get("startTime")),
            end_time=parse_time(execution.get("endTime")),
            failed=task.get("state") == "completed" and failed,
            exit_code=exit_code,
        )

    def transitions(self) -> list[tuple[datetime, str]]:
        """(time, series state) of this task's life as far as the service still says, in time order."""
        bucket = task_bucket(self.state, self.failed)
        steps: list[tuple[datetime, str]] = []
        if self.creation_time is not None:
            steps.append((self.creation_time, "active"))
        if self.previous_state is not None and self.previous_state_transition_time is not None:
            steps.append((self.previous_state_transition_time, task_bucket(self.previous_state, False)))
        if self.start_time is not None and self.state in ("running", "completed"):
            steps.append((self.start_time, "running"))
        if self.state == "completed" and self.end_time is not None:
            steps.append((self.end_time, bucket))
        if self.state_transition_time is not None:
            steps.append((self.state_transition_time, bucket))
        steps.sort(key=lambda step: step[0])
        return steps


@dataclass(frozen=True)
class PastTimes:
    """The one answer of a `*TimesQuery`: items of the service's times, or why there are none."""

    as_of: datetime
    items: tuple[Any, ...] = ()
    too_many: int | None = None
    """The job has this many tasks, more than `limit`: not listed."""
    rebuilt: tuple[list[HistoryPoint], list[HistoryEvent]] | None = None
    """A pool's past (`pool_past`) worked out off the event loop while its nodes' times were fetched: the
    sweep over every node took a few hundred milliseconds at 10,000 nodes."""


@dataclass(frozen=True)
class TaskTimesQuery:
    """A job's tasks' own times, once (its history unsubscribes after the first answer)."""

    job_id: str
    limit: int = RECONSTRUCT_MAX_TASKS

    async def fetch(self, client: BatchClient, previous: Fetched | None = None) -> Fetched:
        as_of = datetime.now(timezone.utc)
        counts = (await client.get_job_task_counts(self.job_id)).task_counts
        total = counts.active + counts.running + counts.completed
        if total > self.limit:
            return Fetched({self.job_id: PastTimes(as_of, too_many=total)})
        tasks = await list_json(client, f"/jobs/{quote_segment(self.job_id)}/tasks", TaskTimes.SELECT,
                                TaskTimes.from_json)
        return Fetched({self.job_id: PastTimes(as_of, tuple(tasks.values()))})

    def is_active(self, fetched: Fetched) -> bool:
        return False


@dataclass(frozen=True)
class NodeTimesQuery:
    """A pool's nodes' own times, once."""

    pool_id: str

    async def fetch(self, client: BatchClient, previous: Fetched | None = None) -> Fetched:
        as_of = datetime.now(timezone.utc)
        nodes = await list_json(client, f"/pools/{quote_segment(self.pool_id)}/nodes", NodeTimes.SELECT,
                                NodeTimes.from_json)
        items = tuple(nodes.values())
        return Fetched({self.pool_id: PastTimes(as_of, items, rebuilt=await asyncio.to_thread(pool_past, items))})

    def is_active(self, fetched: Fetched) -> bool:
        return False


def sweep(
    states: Sequence[str], lives: Iterable[Sequence[tuple[datetime, str]]], *, since: datetime | None = None,
) -> list[HistoryPoint]:
    """Counts by state over time from each item's (time, state) steps: one point per distinct time."""
    changes: dict[datetime, Counter[str]] = {}
    for steps in lives:
        before: str | None = None
        for at, state in steps:
            if state == before:
                continue
            delta = changes.setdefault(at, Counter())
            delta[state] += 1
            if before is not None:
                delta[before] -= 1
            before = state
    counts: Counter[str] = Counter()
    points = [HistoryPoint(since, (0,) * len(states), Source.SERVICE)] if since is not None else []
    for at in sorted(changes):
        counts.update(changes[at])
        row = tuple(counts.get(s, 0) for s in states)
        if since is not None and at < since:
            points[0] = HistoryPoint(since, row, Source.SERVICE)
        else:
            points.append(HistoryPoint(at, row, Source.SERVICE))
    return _without_repeats(points)


def job_past(tasks: Sequence[TaskTimes], created: datetime | None) -> tuple[list[HistoryPoint], list[TaskTimes]]:
    """Tasks by state since the job's creation from the tasks' own times, and the failed tasks."""
    points = sweep(TASK_STATES, (t.transitions() for t in tasks), since=created)
    return points, [t for t in tasks if t.failed]


def pool_past(nodes: Sequence[NodeTimes]) -> tuple[list[HistoryPoint], list[HistoryEvent]]:
    """Nodes still in the pool: counted from joining, in their state from entering it (`unreported` before)."""
    lives = []
    for node in nodes:
        steps = []
        if node.allocation_time is not None:
            steps.append((node.allocation_time, UNREPORTED))
        if node.state_transition_time is not None:
            steps.append((node.state_transition_time, node.state if node.state in NODE_STATES else "unknown"))
        lives.append(sorted(steps, key=lambda step: step[0]))
    failed: dict[datetime, list[str]] = {}
    for node in nodes:
        if node.state in FAILED_NODE_STATES and node.state_transition_time is not None:
            failed.setdefault(node.state_transition_time, []).append(node.id)
    events = [_node_failure(ids, at, "", reported=True) for at, ids in failed.items()]
    return sweep(NODE_STATES, lives), events


def _task_failure(task_id: str, exit_code: int | None, at: datetime, reported: bool) -> HistoryEvent:
    code = "" if exit_code is None else f" (exit code {exit_code})"
    return HistoryEvent(at, EventKind.TASK_FAILURE, f"Task {task_id} failed{code}", reported)


def _node_failure(ids: Sequence[str], at: datetime, state: str, reported: bool) -> HistoryEvent:
    what = f"node{'s' if len(ids) > 1 else ''}"
    became = f" became {state}" if state else " failed"
    return HistoryEvent(at, EventKind.NODE_FAILURE, f"{len(ids)} {what}{became}: {name_some(ids)}", reported)


# --- watching --------------------------------------------------------------------------------

Listener = Callable[[], None]


class _History:
    """A `Watcher` (see ui.views.base_view): subscribes while started, marks what it missed as unknown."""

    def __init__(self, monitor: Monitor, series: StateSeries) -> None:
        self.series = series
        self.events = EventLog()
        self.past: str | None = None
        """What the service's own times gave (or why not), in words; None until they came."""
        self._monitor = monitor
        self._subscriptions: list[Subscription] = []
        self._past_subscription: Subscription | None = None
        self._past_done = False
        self._listeners: list[Listener] = []
        self._items: Mapping[Any, Any] | None = None
        """The counted items (a pool's nodes, a job's tasks) as last reported."""
        self._counts: Counter[str] | None = None
        self._started_at: datetime | None = None

    # -- Watcher --------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return bool(self._subscriptions)

    def start(self) -> None:
        if self.active:
            return
        self._started_at = _now()
        self._subscriptions = [self._monitor.subscribe(q, cb) for q, cb in self._queries()]
        self._subscriptions.append(self._monitor.add_state_listener(self._on_connection))
        if not self._past_done or self._past_fills_gaps():
            self._past_subscription = self._monitor.subscribe(self._past_query(), self._on_past)

    def stop(self) -> None:
        subscriptions, self._subscriptions = self._subscriptions, []
        for subscription in [*subscriptions, self._past_subscription]:
            if subscription is not None:
                subscription.close()
        self._past_subscription = None
        if subscriptions and self.series.mark_unknown(_now()):
            self._changed()

    def refresh(self) -> None:
        for query, _ in self._queries():
            self._monitor.refresh(query)

    def catch_up(self) -> None:
        """After the service did not answer (the series says "not known"), the counts the monitor has confirmed
        since: an unchanged answer is not handed out, so without this the span would stay unknown until a change.
        The owner calls it now and then (the History tab: with its clock)."""
        points = self.series.points
        if not self.active or not points or points[-1].counts is not None or self._counts is None:
            return
        polled = self._monitor.last_polled(self._queries()[0][0])
        if polled is not None and polled > points[-1].at and self.series.record(polled, self._counts):
            self._changed()

    def add_listener(self, listener: Listener) -> Listener:
        """`listener()` after every change; returns what removes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    # -- for subclasses -------------------------------------------------------------------

    def _queries(self) -> list[tuple[Any, Callable[[Update], None]]]:
        """What to subscribe while started, the query of the counted items first."""
        raise NotImplementedError

    def _past_query(self) -> Any:
        raise NotImplementedError

    def _past_fills_gaps(self) -> bool:
        """Whether the service's times are asked again when started after a span not known, to fill it."""
        return False

    def _apply_past(self, past: PastTimes) -> None:
        raise NotImplementedError

    def _bucket(self, item: Any) -> str:
        """The series' state an item counts in."""
        raise NotImplementedError

    def _record(self, at: datetime) -> bool:
        """Record the counts as of `at` (once counted); True if the series changed."""
        return self._counts is not None and self.series.record(at, self._counts)

    def _mark_failures(self, items: Mapping[Any, Any], previous: Mapping[Any, Any], diff: Diff, at: datetime) -> bool:
        """Add an event for each item that failed since `previous`; True if one was added."""
        raise NotImplementedError

    def _on_items(self, update: Update) -> None:
        """The counted items' update: counted again, recorded, and what failed since the last one marked."""
        if update.missing is not None:
            return
        at, previous = self._moment(update), self._items
        items = self._items = update.items
        self._counts = recount(self._counts, previous, items, update.diff, self._bucket)
        changed = self._record(at)
        if previous is not None:
            changed |= self._mark_failures(items, previous, update.diff, at)
        if changed:
            self._changed()

    def _moment(self, update: Update) -> datetime:
        """When an update's counts held: its poll, or the (re)start for the snapshot the monitor repeats
        on subscribing."""
        at = update.polled_at or _now()
        return max(at, self._started_at) if self._started_at is not None else at

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    def _on_connection(self, state: ConnectionState) -> None:
        if state.status is not ConnectionStatus.CONNECTED and self.series.points:
            lost = self._monitor.connection.last_contact or _now()
            if self.series.mark_unknown(max(lost, self.series.points[-1].at)):
                self._changed()

    def _on_past(self, update: Update) -> None:
        past = next(iter(update.items.values()), None)
        if update.missing is None and not isinstance(past, PastTimes):
            return
        if self._past_subscription is not None:
            self._past_subscription.close()
            self._past_subscription = None
        self._past_done = True
        if isinstance(past, PastTimes):
            self._apply_past(past)
            self._changed()


class PoolHistory(_History):
    """Nodes by state over time for one pool, with its resizes and node failures."""

    def __init__(self, monitor: Monitor, pool_id: str, *, max_points: int = MAX_POINTS) -> None:
        super().__init__(monitor, StateSeries(NODE_STATES, max_points=max_points))
        self.pool_id = pool_id
        self.allocation: PoolAllocation | None = None
        self._past_applied = False

    def _queries(self) -> list[tuple[Any, Callable[[Update], None]]]:
        return [(PoolNodesQuery(self.pool_id), self._on_items), (PoolAllocationQuery(self.pool_id), self._on_pool)]

    def _past_query(self) -> NodeTimesQuery:
        return NodeTimesQuery(self.pool_id)

    def _bucket(self, item: NodeSnapshot) -> str:
        return node_bucket(item)

    def _mark_failures(
        self, items: Mapping[Any, NodeSnapshot], previous: Mapping[Any, NodeSnapshot], diff: Diff, at: datetime,
    ) -> bool:
        """Nodes that moved to a failed state, one event per state (at their time, if they all share one)."""
        moved: dict[str, list[str]] = {}
        for key in (*diff.added, *diff.changed):
            node, before = items[key], previous.get(key)
            if node.state in FAILED_NODE_STATES and (before is None or before.state != node.state):
                moved.setdefault(node.state, []).append(node.id)
        for state, ids in moved.items():
            when = {items[i].state_transition_time for i in ids}
            reported_at = when.pop() if len(when) == 1 else None
            self.events.add(_node_failure(ids, reported_at or at, state, reported_at is not None))
        return bool(moved)

    def _on_pool(self, update: Update) -> None:
        pool = update.items.get(self.pool_id)
        if not isinstance(pool, PoolAllocation):
            return
        before, self.allocation = self.allocation, pool
        if before is None and self._past_applied:
            events = resize_events(None, pool, self._moment(update))  # the nodes' times came first
        elif before is not None and before != pool:
            events = resize_events(before, pool, self._moment(update))
        else:
            return
        for event in events:
            self.events.add(event)
        self._changed()

    def _apply_past(self, past: PastTimes) -> None:
        self._past_applied = True
        assert past.rebuilt is not None  # NodeTimesQuery always rebuilds it
        points, events = past.rebuilt
        self.series.prepend(points)
        if self.allocation is not None:
            events = [*events, *resize_events(None, self.allocation, past.as_of)]
        for event in events:
            self.events.add(event)
        self.past = (f"shaded: rebuilt from the times of the {len(past.items)} nodes still in the pool, each counted "
                     "from when it joined; Batch keeps only the state a node is in (before it: unreported), and "
                     "nodes since removed are not shown")


def resize_events(before: PoolAllocation | None, pool: PoolAllocation, seen_at: datetime) -> list[HistoryEvent]:
    """What the pool's allocation says happened since `before` (None: its last resize, from its own times)."""
    moved_at = pool.allocation_state_transition_time
    if before is None and moved_at is None:
        return []
    new_transition = moved_at is not None and (before is None or moved_at != before.allocation_state_transition_time)
    when, reported = (moved_at, True) if new_transition and moved_at is not None else (seen_at, False)
    steady = pool.allocation_state == "steady"
    dedicated, spot = pool.targets
    events = []
    retargeted = before is not None and pool.targets != before.targets
    if retargeted or (new_transition and not steady):
        was = f" (from {before.targets[0]}, {before.targets[1]})" if before is not None else ""
        events.append(HistoryEvent(when, EventKind.RESIZE, f"Resize to {dedicated} dedicated, {spot} spot nodes{was}",
                                   reported))
    if steady and (new_transition or (before is not None and before.allocation_state != "steady")):
        events.append(HistoryEvent(when, EventKind.RESIZE_ENDED,
                                   f"Resize ended: target {dedicated} dedicated, {spot} spot nodes", reported))
    if pool.resize_errors and (before is None or pool.resize_errors != before.resize_errors):
        events.append(HistoryEvent(when, EventKind.RESIZE_ERROR, "Resize error: " + "; ".join(pool.resize_errors),
                                   reported))
    return events


class JobHistory(_History):
    """Tasks by state over time for one job, with its task failures."""

    def __init__(self, monitor: Monitor, job_id: str, *, max_points: int = MAX_POINTS,
                 max_tasks: int = RECONSTRUCT_MAX_TASKS) -> None:
        super().__init__(monitor, StateSeries(TASK_STATES, max_points=max_points))
        self.job_id = job_id
        self.max_tasks = max_tasks
        self.created: datetime | None = None
        self._failures_seen: set[tuple[str, datetime | None]] = set()
        self._past: PastTimes | None = None
        self._past_points: list[HistoryPoint] = []

    def _queries(self) -> list[tuple[Any, Callable[[Update], None]]]:
        return [(JobTasksQuery(self.job_id), self._on_items), (JobsQuery(), self._on_jobs)]

    def _past_query(self) -> TaskTimesQuery:
        return TaskTimesQuery(self.job_id, self.max_tasks)

    def _past_fills_gaps(self) -> bool:
        """A job's tasks' times say what happened while the view was hidden (a pool's nodes' do not)."""
        return self.series.has_unknown and (self._past is None or self._past.too_many is None)

    def _on_jobs(self, update: Update) -> None:
        job = update.items.get(self.job_id)
        if job is not None and job.creation_time != self.created:
            self.created = job.creation_time
            if self._past is not None:  # the tasks' times came first: begin them at the creation now known
                self._apply_past(self._past)
                self._changed()

    def _bucket(self, item: TaskSnapshot) -> str:
        return _task_bucket(item)

    def _record(self, at: datetime) -> bool:
        closes_gap = bool(self.series.points) and self.series.points[-1].counts is None
        changed = super()._record(at)
        if closes_gap and self._past is not None:  # the tasks' times came before this: fill the span now ended
            changed |= bool(self.series.fill_unknown(self._past_points, self._past.as_of))
        return changed

    def _mark_failures(
        self, items: Mapping[Any, TaskSnapshot], previous: Mapping[Any, TaskSnapshot], diff: Diff, at: datetime,
    ) -> bool:
        changed = False
        for key in (*diff.added, *diff.changed):
            task, before = items[key], previous.get(key)
            if task_failed(task) and (before is None or not task_failed(before)):
                ended = task.end_time
                changed |= self._add_failure(task.id, task.exit_code, ended or at, ended is not None)
        return changed

    def _add_failure(self, task_id: str, exit_code: int | None, at: datetime, reported: bool) -> bool:
        key = (task_id, at if reported else None)
        if key in self._failures_seen:
            return False
        self._failures_seen.add(key)
        self.events.add(_task_failure(task_id, exit_code, at, reported))
        return True

    def _apply_past(self, past: PastTimes) -> None:
        self._past = past
        if past.too_many is not None:
            self.past = (f"not rebuilt from the tasks' times: {past.too_many} tasks, more than {self.max_tasks}; "
                         "the history begins when watching did")
            return
        created = self.created
        points, failed = job_past(past.items, created)
        self._past_points = points
        self.series.prepend(points)
        self.series.fill_unknown(points, past.as_of)
        for task in failed:
            at = task.end_time or task.state_transition_time
            if at is not None:
                self._add_failure(task.id, task.exit_code, at, True)
        self.past = (f"shaded: rebuilt from the {len(past.items)} tasks' own times since the job's creation; Batch "
                     "keeps only each task's last attempt (earlier retries and requeues are not shown), and deleted "
                     "tasks are not shown")


# --- export ----------------------------------------------------------------------------------


def csv_rows(series: StateSeries, events: Iterable[HistoryEvent]) -> list[list[str]]:
    """The series and its events as CSV rows, in time order: a header, then one row per point
    (`source` observed, service, or "not known" for a span with no counts) and one per event."""
    rows: list[tuple[datetime, int, list[str]]] = []
    blank = [""] * len(series.states)
    for point in series.points:
        if point.counts is None:
            rows.append((point.at, 0, [_iso(point.at), "not known", *blank, ""]))
        else:
            rows.append((point.at, 0, [_iso(point.at), point.source.value, *map(str, point.counts), ""]))
    for event in events:
        how = "" if event.reported else " (seen by a poll)"
        rows.append((event.at, 1, [_iso(event.at), f"event: {event.kind.value}{how}", *blank, event.text]))
    rows.sort(key=lambda row: (row[0], row[1]))
    return [["time (UTC)", "source", *series.states, "event"], *(row for _, _, row in rows)]


def write_csv(path: Path, rows: Sequence[Sequence[str]]) -> None:
    """Write `rows` to `path` whole or not at all (a temporary file beside it, then renamed). Blocking: in a thread."""
    part = path.with_name(f".{path.name}.part")
    try:
        with part.open("w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(rows)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


def _iso(at: datetime) -> str:
    return at.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _now() -> datetime:
    return datetime.now(timezone.utc)
