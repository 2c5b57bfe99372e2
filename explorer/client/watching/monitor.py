"""Live snapshots for the views: poll what is subscribed, diff, hand out typed updates.

    monitor = Monitor(connection.client)
    sub = monitor.subscribe(PoolNodesQuery("mpi-pool"), on_update)   # on_update(Update)
    monitor.add_state_listener(on_state)                              # on_state(ConnectionState)
    ...
    sub.close(); await monitor.close()

One asyncio task per distinct query, alive while it has subscribers. It polls fast
(`fast_interval`) while something it shows is moving and slowly otherwise. Failures
go through one `ConnectionTracker` (backoff, Retry-After, visible state) and never
escape; polling resumes by itself. Only the latest snapshot is kept per query.
Files read live (`file_reader`) go through the same tracker.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from azure.batch.aio import BatchClient
from azure.core.exceptions import ResourceNotFoundError

from explorer.client.connecting.connection_state import Backoff, ConnectionState, ConnectionTracker, StateListener
from explorer.client.errors import error_code
from explorer.client.files import FileLocation, NodeFiles
from explorer.client.waiting import wait_event
from explorer.client.watching.file_reader import RemoteFileReader
from explorer.client.watching.node_metrics import POLL_SECONDS, NodeKey, NodeMetricsReader, NodeMetricsWatch
from explorer.client.watching.queries import Fetched, Query
from explorer.client.watching.snapshots import TaskSnapshot

log = logging.getLogger(__name__)

DIFF_IN_THREAD_ABOVE = 1000
"""Items beyond which a snapshot is compared with the previous one in a worker thread (~1 µs each, ~0.1 µs
when it is the same object, as the decoding of a list keeps the snapshots of unchanged items)."""


@dataclass(frozen=True)
class Diff:
    """Ids added, changed and removed since the previous update of the same query."""

    added: tuple[Hashable, ...] = ()
    changed: tuple[Hashable, ...] = ()
    removed: tuple[Hashable, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    @classmethod
    def between(cls, old: Mapping[Hashable, Any], new: Mapping[Hashable, Any]) -> Diff:
        """By id; an item that is the same object is unchanged without comparing its fields."""
        missing = object()
        changed = []
        added = []
        for key, value in new.items():
            before = old.get(key, missing)
            if before is missing:
                added.append(key)
            elif before is not value and before != value:
                changed.append(key)
        removed = () if len(old) == len(new) - len(added) else tuple(key for key in old if key not in new)
        return cls(tuple(added), tuple(changed), removed)


@dataclass(frozen=True)
class Update:
    """The full snapshot of a query plus what changed.

    `items`: snapshots keyed by id, in server order (subtasks, keyed by int, for a
    TaskQuery). `task`: the watched task itself (TaskQuery only). `missing`: the error
    code when the pool/job/task being watched does not exist (items are then empty).
    `polled_at`: when the request that brought this snapshot was sent (this machine's
    clock); `previous_poll_at`: when the one before it was, whose answer was the previous
    snapshot (unchanged answers are not handed out): what changed, changed in between.
    """

    query: Query
    items: Mapping[Hashable, Any]
    diff: Diff
    task: TaskSnapshot | None = None
    missing: str | None = None
    polled_at: datetime | None = None
    previous_poll_at: datetime | None = None


Callback = Callable[[Update], None]


class Subscription:
    def __init__(self, on_close: Callable[[], None]) -> None:
        self._on_close: Callable[[], None] | None = on_close

    def close(self) -> None:
        if self._on_close is not None:
            on_close, self._on_close = self._on_close, None
            on_close()

    @property
    def closed(self) -> bool:
        return self._on_close is None


@dataclass(eq=False)
class _Watch:
    query: Query
    callbacks: list[Callback] = field(default_factory=list)
    last: Update | None = None
    fetched: Fetched | None = None
    """The latest answer (published or not), which the next fetch may reuse."""
    polled_at: datetime | None = None
    runner: asyncio.Task | None = None
    wake: asyncio.Event = field(default_factory=asyncio.Event)


class Monitor:
    def __init__(
        self,
        client: BatchClient,
        *,
        fast_interval: float = 1.0,
        slow_interval: float = 10.0,
        backoff: Backoff = Backoff(),
        max_busy_fraction: float = 0.2,
    ) -> None:
        """`max_busy_fraction`: a query whose poll takes long (a slow service, a huge list)
        waits at least `elapsed * (1 / fraction - 1)` before the next poll, so neither
        the service nor the machine is kept busy by one watch."""
        self._client = client
        self.fast_interval = fast_interval
        self.slow_interval = slow_interval
        self._idle_factor = 1 / max_busy_fraction - 1
        self._tracker = ConnectionTracker(backoff)
        self._watches: dict[Query, _Watch] = {}
        self.poll_count = 0
        """Completed polls (successful or not), for diagnostics and tests."""

    @property
    def state(self) -> ConnectionState:
        return self._tracker.state

    @property
    def connection(self) -> ConnectionTracker:
        """The one connection state every poll and live read goes through."""
        return self._tracker

    def file_reader(self, location: FileLocation, path: str) -> RemoteFileReader:
        """A reader of a task or node file whose requests wait out this monitor's backoff."""
        return RemoteFileReader(self._client, location, path, self._tracker)

    def node_metrics_watch(
        self, on_update: Callable[[NodeKey, NodeMetricsReader], None], interval: float = POLL_SECONDS,
    ) -> NodeMetricsWatch:
        """A watch of nodes' figures whose requests wait out this monitor's backoff."""
        return NodeMetricsWatch(
            lambda key: NodeMetricsReader(self._client, NodeFiles(*key), self._tracker), on_update, interval=interval)

    def add_state_listener(self, listener: StateListener) -> Subscription:
        return Subscription(self._tracker.add_listener(listener))

    def subscribe(self, query: Query, callback: Callback) -> Subscription:
        """Start (or join) polling `query`; `callback` gets every change, first the full snapshot."""
        watch = self._watches.get(query)
        if watch is None:
            watch = self._watches[query] = _Watch(query)
            watch.runner = asyncio.get_running_loop().create_task(self._run(watch), name=f"monitor {query}")
        elif watch.last is not None:
            asyncio.get_running_loop().call_soon(self._deliver_first, watch, callback)
        watch.callbacks.append(callback)
        return Subscription(lambda: self._unsubscribe(watch, callback))

    def last_polled(self, query: Query) -> datetime | None:
        """When `query`'s latest answer was asked for, changed or not (None if it is not watched): unchanged
        answers are not handed out, and a history learns from this that its last counts still held then."""
        watch = self._watches.get(query)
        return watch.polled_at if watch is not None else None

    def refresh(self, query: Query | None = None) -> None:
        """Poll now (after a user action), one query or all of them."""
        for watch in self._watches.values():
            if query is None or watch.query == query:
                watch.wake.set()

    def retry_now(self) -> None:
        """Cut a backoff short or leave the failed state."""
        self._tracker.retry_now()

    async def close(self) -> None:
        runners = [w.runner for w in self._watches.values() if w.runner]
        self._watches.clear()
        for runner in runners:
            runner.cancel()
        for runner in runners:
            with contextlib.suppress(asyncio.CancelledError):
                await runner

    def _unsubscribe(self, watch: _Watch, callback: Callback) -> None:
        watch.callbacks.remove(callback)
        if not watch.callbacks and self._watches.get(watch.query) is watch:
            del self._watches[watch.query]
            if watch.runner:
                watch.runner.cancel()

    async def _run(self, watch: _Watch) -> None:
        while True:
            await self._tracker.wait_ready()
            sent_at = self._tracker.now()
            polled_at = datetime.now(timezone.utc)
            try:
                fetched = await watch.query.fetch(self._client, watch.fetched)
                missing = None
            except asyncio.CancelledError:
                raise
            except ResourceNotFoundError as exc:
                fetched, missing = Fetched(), error_code(exc) or "NotFound"
            except Exception as exc:  # classified by the tracker; nothing escapes the loop
                self.poll_count += 1
                self._tracker.failed(exc, sent_at)
                continue
            self.poll_count += 1
            self._tracker.succeeded(sent_at)
            previous_poll_at, watch.polled_at = watch.polled_at, polled_at
            watch.fetched = fetched
            diff = await self._diff(watch, fetched)
            self._publish(watch, fetched, diff, missing, polled_at, previous_poll_at)
            interval = self.fast_interval if watch.query.is_active(fetched) else self.slow_interval
            interval = max(interval, (self._tracker.now() - sent_at) * self._idle_factor)
            watch.wake.clear()
            await wait_event(watch.wake, interval)

    @staticmethod
    async def _diff(watch: _Watch, fetched: Fetched) -> Diff:
        """What changed by id; off the loop for big lists (snapshots are never mutated, so sharing them is safe)."""
        previous = watch.last.items if watch.last else {}
        if len(previous) + len(fetched.items) > DIFF_IN_THREAD_ABOVE:
            return await asyncio.to_thread(Diff.between, previous, fetched.items)
        return Diff.between(previous, fetched.items)

    def _publish(
        self, watch: _Watch, fetched: Fetched, diff: Diff, missing: str | None, polled_at: datetime,
        previous_poll_at: datetime | None,
    ) -> None:
        previous = watch.last
        unchanged = previous is not None and not diff and previous.task == fetched.task and previous.missing == missing
        if unchanged and not getattr(watch.query, "every_poll", False):
            return
        watch.last = Update(watch.query, fetched.items, diff, fetched.task, missing, polled_at, previous_poll_at)
        for callback in list(watch.callbacks):
            self._deliver(callback, watch.last)

    def _deliver_first(self, watch: _Watch, callback: Callback) -> None:
        """The full snapshot to a callback that joined a running watch: the latest one, as a poll may have been
        handed out since it subscribed (a view that took that poll's diff must not then get an older whole)."""
        last = watch.last
        if callback in watch.callbacks and last is not None:
            self._deliver(callback, Update(watch.query, last.items, Diff(added=tuple(last.items)), last.task,
                                           last.missing, last.polled_at, last.previous_poll_at))

    @staticmethod
    def _deliver(callback: Callback, update: Update) -> None:
        try:
            callback(update)
        except Exception:
            log.exception("Monitor subscriber failed on %s", update.query)
