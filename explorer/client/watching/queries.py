"""What a view can watch, and how each watch is fetched with the fewest bytes.

A query is a frozen (hashable) value: two views watching the same thing share one
poll. `fetch` sends one request per page with `$select` limited to the snapshot's
fields. Lists that grow with the pool or job (pools, nodes, jobs, tasks) are read as raw
JSON through the SDK's pipeline and decoded in a worker thread (`list_pages`): pages of
Batch's maximum of 1,000, and the UI loop never builds an SDK model for them; the monitor hands each
fetch the previous answer, whose pages the next decoding reuses where they did not change. One task,
one node and a task's subtasks (as many as its instances) go through the SDK's methods.
`is_active` says whether something is moving, which makes the monitor poll fast.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, TypeVar

from azure.batch.aio import BatchClient
from azure.core.exceptions import HttpResponseError

from explorer.client.errors import error_code
from explorer.client.files import TaskFiles
from explorer.client.watching.list_pages import Page, get_json, items_of, list_pages, quote_segment
from explorer.client.watching.snapshots import (
    FileProbe,
    JobSnapshot,
    NodeSnapshot,
    PoolSnapshot,
    SubtaskSnapshot,
    TaskSnapshot,
)

YIELD_EVERY = 100

POOL_BUSY_ALLOCATION = frozenset({"resizing", "stopping"})
NODE_TRANSITIONAL = frozenset({
    "creating", "starting", "waitingforstarttask", "rebooting", "reimaging", "leavingpool",
    "deallocating", "upgradingos",
})
JOB_TRANSITIONAL = frozenset({"disabling", "enabling", "terminating", "deleting"})
TASK_BUSY = frozenset({"preparing", "running"})

S = TypeVar("S")


@dataclass(frozen=True)
class Fetched:
    """One poll's result: items keyed by id in server order (+ the task, for TaskQuery)."""

    items: dict[Any, Any] = field(default_factory=dict)
    task: TaskSnapshot | None = None
    pages: tuple[Page, ...] = field(default=(), compare=False, repr=False)
    """The pages `items` were decoded from, for lists read as JSON (what the next poll's decoding reuses)."""


class Query(Protocol):
    async def fetch(self, client: BatchClient, previous: Fetched | None = None) -> Fetched:
        """The answer now; `previous`: this query's last answer (None at first), which it may reuse."""
        ...

    def is_active(self, fetched: Fetched) -> bool: ...


async def _collect(pages: AsyncIterable[Any], convert: Callable[[Any], S]) -> dict[Any, S]:
    items: dict[Any, S] = {}
    async for model in pages:
        snapshot = convert(model)
        items[snapshot.id] = snapshot  # type: ignore[attr-defined]
        if len(items) % YIELD_EVERY == 0:
            # Items of one page come without a suspension point: let the UI sharing this loop in.
            await asyncio.sleep(0)
    return items


async def _listed(
    client: BatchClient, path: str, select: tuple[str, ...], convert: Callable[[Any], Any], previous: Fetched | None,
) -> Fetched:
    pages = await list_pages(client, path, select, convert, previous=previous.pages if previous else ())
    return Fetched(items_of(pages), pages=pages)


@dataclass(frozen=True)
class PoolsQuery:
    async def fetch(self, client: BatchClient, previous: Fetched | None = None) -> Fetched:
        return await _listed(client, "/pools", PoolSnapshot.SELECT, PoolSnapshot.from_json, previous)

    def is_active(self, fetched: Fetched) -> bool:
        return any(p.allocation_state in POOL_BUSY_ALLOCATION or p.state == "deleting" for p in fetched.items.values())


@dataclass(frozen=True)
class PoolNodesQuery:
    pool_id: str

    async def fetch(self, client: BatchClient, previous: Fetched | None = None) -> Fetched:
        path = f"/pools/{quote_segment(self.pool_id)}/nodes"
        return await _listed(client, path, NodeSnapshot.SELECT, NodeSnapshot.from_json, previous)

    def is_active(self, fetched: Fetched) -> bool:
        return any(n.state in NODE_TRANSITIONAL for n in fetched.items.values())


@dataclass(frozen=True)
class NodeQuery:
    """One node: a node view must not list a 5,000-node pool to follow its node."""

    pool_id: str
    node_id: str

    async def fetch(self, client: BatchClient, previous: Fetched | None = None) -> Fetched:
        node = await client.get_node(self.pool_id, self.node_id, select=list(NodeSnapshot.SELECT))
        snapshot = NodeSnapshot.from_model(node)
        return Fetched({snapshot.id: snapshot})

    def is_active(self, fetched: Fetched) -> bool:
        return any(n.state in NODE_TRANSITIONAL for n in fetched.items.values())


@dataclass(frozen=True)
class JobsQuery:
    async def fetch(self, client: BatchClient, previous: Fetched | None = None) -> Fetched:
        return await _listed(client, "/jobs", JobSnapshot.SELECT, JobSnapshot.from_json, previous)

    def is_active(self, fetched: Fetched) -> bool:
        return any(j.state in JOB_TRANSITIONAL for j in fetched.items.values())


@dataclass(frozen=True)
class JobTasksQuery:
    job_id: str

    async def fetch(self, client: BatchClient, previous: Fetched | None = None) -> Fetched:
        path = f"/jobs/{quote_segment(self.job_id)}/tasks"
        return await _listed(client, path, TaskSnapshot.SELECT, TaskSnapshot.from_json, previous)

    def is_active(self, fetched: Fetched) -> bool:
        return any(t.state in TASK_BUSY for t in fetched.items.values())


@dataclass(frozen=True)
class TaskQuery:
    """One task and, for a multi-instance task that has started, its subtasks."""

    job_id: str
    task_id: str

    every_poll: ClassVar[bool] = True
    """Hand out unchanged answers too: the task watch learns from each when it was last confirmed."""

    async def fetch(self, client: BatchClient, previous: Fetched | None = None) -> Fetched:
        path = f"/jobs/{quote_segment(self.job_id)}/tasks/{quote_segment(self.task_id)}"
        task = await get_json(client, path, TaskSnapshot.WATCH_SELECT, TaskSnapshot.from_json)  # every second
        if task.instances <= 1 or task.state == "active":
            return Fetched(task=task)  # no subtasks to list: save the request
        pages = client.list_subtasks(self.job_id, self.task_id, select=list(SubtaskSnapshot.SELECT))
        return Fetched(await _collect(pages, SubtaskSnapshot.from_model), task)

    def is_active(self, fetched: Fetched) -> bool:
        # A task just submitted (active) is about to move too: the user is watching it start.
        return fetched.task is not None and fetched.task.state in TASK_BUSY | {"active"}


@dataclass(frozen=True)
class TaskFilesQuery:
    """Files in a task's root directory (a multi-instance task's: the primary's), one request each.

    The service has no state for "the coordination command started on the primary" or "the
    application command started": its output files appearing says so. Each name is asked with
    a listing filtered on it, not a HEAD: a listing gives the file times to the fraction of a
    second (a HEAD's headers give whole seconds). The task watch subscribes to this only while
    a file it waits for has not appeared.
    """

    job_id: str
    task_id: str
    names: tuple[str, ...]

    every_poll: ClassVar[bool] = True
    """Hand out every answer, unchanged ones too: "still missing at this time" is news to the watch."""

    async def fetch(self, client: BatchClient, previous: Fetched | None = None) -> Fetched:
        files = TaskFiles(self.job_id, self.task_id)
        probes: dict[str, FileProbe] = {}
        for name in self.names:
            try:
                probes[name] = await _probe(files, client, name)
            except HttpResponseError as exc:
                if exc.status_code != 409:
                    raise  # a missing task is the monitor's to report; the rest is the connection's
                # The task has not run on a node yet, or its files were cleaned up: every name alike.
                absent = error_code(exc) or "Conflict"
                return Fetched({n: FileProbe(n, absent=absent) for n in self.names})
        return Fetched(probes)

    def is_active(self, fetched: Fetched) -> bool:
        return True  # subscribed only while waited for


async def _probe(files: TaskFiles, client: BatchClient, name: str) -> FileProbe:
    async for entry in files.list_entries(client, name, recursive=False):
        props = entry.properties
        if entry.name == name and not entry.is_directory and props is not None:
            return FileProbe(name, props.creation_time, props.last_modified, props.content_length)
    return FileProbe(name, absent="FileNotFound")
