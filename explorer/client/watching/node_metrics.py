"""A node's CPU, memory, network and disk figures, read live from the node sampler's file.

    reader = NodeMetricsReader(client, NodeFiles(pool_id, node_id), connection)
    new = await reader.poll()      # a HEAD, then a GET of only the bytes written since the last poll
    reader.samples                 # the last hour of samples, oldest first

The sampler (`explorer/resources/node_sampler/mpi_explorer_sampler.py`, started by a pool's
start task on Azure, run natively by Local Batch) appends one JSON line per sample to
`METRICS_PATH` and rotates it to `METRICS_PATH.1`. The reader works with nothing but the
Batch node-files API: the first poll reads the file's tail (and the rotated file's, if the
current one is young), later ones only what was appended; a file that shrank was rotated
(the rest of what was missed is read from `.1`) or truncated. A line still being written is
kept until its end arrives. Every request goes through the connection's backoff.

Cost per monitored node: one HEAD per poll, plus one ranged GET when the file grew; a
rotation adds a HEAD and a GET of the rotated file.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from azure.batch.aio import BatchClient
from azure.core.exceptions import AzureError, ResourceNotFoundError

from explorer.client.connecting.connection_state import ConnectionTracker
from explorer.client.errors import describe
from explorer.client.files import FileLocation
from explorer.client.waiting import wait_event

log = logging.getLogger(__name__)

METRICS_PATH = "shared/mpi-explorer/metrics.jsonl"
"""The sampler's file, relative to the node's root (its METRICS_RELATIVE_PATH)."""
FORMAT_VERSION = 1
WINDOW_SECONDS = 3600.0
INITIAL_BYTES = 512 * 1024  # about an hour of samples of a 16-core node
MAX_READ_BYTES = 2 * 1024 * 1024

T = TypeVar("T")


@dataclass(frozen=True)
class TaskFigures:
    """What the processes running in one task directory used (`dir` relative to the node root)."""

    dir: str
    cpu: float
    """% of one core."""
    rss: int
    procs: int

    @property
    def task_id(self) -> str | None:
        """The task whose directory this is (workitems/<job>/<job-n>/<task>), if it is one."""
        parts = self.dir.split("/")
        return parts[3] if len(parts) == 4 and parts[0] == "workitems" else None


@dataclass(frozen=True)
class NodeSample:
    """One sample. `scope` "host": the figures are the node's (an Azure node); "node": a Local Batch
    node on a shared host, where `cpu` and `mem_used` are what the node's processes used."""

    time: float
    """When it was taken (seconds since the epoch, the node's clock)."""
    interval: float
    scope: str
    cpu: float
    """% busy, of all the node's cores."""
    cores: tuple[float, ...]
    host_cpu: float | None
    mem_total: int
    mem_used: int
    mem_available: int
    net_rx: float
    net_tx: float
    disk_read: float
    disk_write: float
    disk_free: int
    disk_size: int
    tasks: tuple[TaskFigures, ...]

    @property
    def mem_percent(self) -> float:
        return 100.0 * self.mem_used / self.mem_total if self.mem_total else 0.0

    @property
    def at(self) -> datetime:
        return datetime.fromtimestamp(self.time).astimezone()

    def task_cpu(self, task_id: str) -> float | None:
        """The CPU (% of one core) of the processes in `task_id`'s directory, None if none ran."""
        wanted = task_id.lower()
        figures = [t.cpu for t in self.tasks if (t.task_id or "").lower() == wanted]
        return sum(figures) if figures else None


def parse_sample(line: bytes) -> NodeSample | None:
    """One line of the file, or None if it is not a sample this reader knows (logged)."""
    try:
        data = json.loads(line)
        if data.get("v") != FORMAT_VERSION:
            log.debug("node metrics line of version %r skipped", data.get("v"))
            return None
        cpu, mem, net, disk = data["cpu"], data["mem"], data["net"], data["disk"]
        return NodeSample(
            time=float(data["t"]), interval=float(data.get("dt", 0.0)), scope=str(data.get("scope", "host")),
            cpu=float(cpu["busy"]), cores=tuple(float(c) for c in cpu.get("cores", ())),
            host_cpu=float(cpu["host"]) if "host" in cpu else None,
            mem_total=int(mem["total"]), mem_used=int(mem["used"]), mem_available=int(mem["available"]),
            net_rx=float(net["rx"]), net_tx=float(net["tx"]),
            disk_read=float(disk["read"]), disk_write=float(disk["write"]),
            disk_free=int(disk.get("free", 0)), disk_size=int(disk.get("size", 0)),
            tasks=tuple(TaskFigures(str(t["dir"]), float(t["cpu"]), int(t["rss"]), int(t.get("procs", 0)))
                        for t in data.get("tasks", ())),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        log.debug("node metrics line skipped (%s): %.200r", error, line)
        return None


class NodeMetricsReader:
    """The samples of one node's file; `poll()` reads what was appended since the last poll."""

    def __init__(
        self, client: BatchClient, location: FileLocation, connection: ConnectionTracker, *,
        path: str = METRICS_PATH, window_seconds: float = WINDOW_SECONDS,
    ) -> None:
        self.location = location
        self.path = path
        self.window_seconds = window_seconds
        self.samples: deque[NodeSample] = deque()
        self.missing = False
        """The last poll found no file: the node has no sampler (or it has not written yet)."""
        self.error: str | None = None
        """Why the last poll failed (set by `NodeMetricsWatch`)."""
        self.requests = 0
        self.bytes_fetched = 0
        self._client = client
        self._connection = connection
        self._offset: int | None = None
        self._created: datetime | None = None
        self._partial = b""

    async def poll(self) -> list[NodeSample]:
        """The new samples, oldest first (also added to `samples`). Raises OSError saying what failed."""
        found = await self._properties(self.path)
        self.missing = found is None
        if found is None:
            self._offset, self._partial = None, b""
            return []
        size, created = found
        if self._offset is None:
            data = await self._first_read(size)
        elif size < self._offset or (created is not None and self._created is not None and created != self._created):
            data = await self._after_rotation(size)
        elif size > self._offset:
            data = await self._read(self.path, self._offset, size)
        else:
            return []
        self._created = created
        return self._take(data, size)

    def latest(self) -> NodeSample | None:
        return self.samples[-1] if self.samples else None

    # --- reading ----------------------------------------------------------------------------------

    async def _first_read(self, size: int) -> bytes:
        start = max(0, size - INITIAL_BYTES)
        data = await self._read(self.path, start, size)
        if start > 0:
            return _from_first_line(data)
        older = await self._properties(self.path + ".1") if size < INITIAL_BYTES else None
        if older is None:
            return data
        old_size = older[0]
        old_start = max(0, old_size - (INITIAL_BYTES - size))
        old = await self._read(self.path + ".1", old_start, old_size)
        return (_from_first_line(old) if old_start else old) + data

    async def _after_rotation(self, size: int) -> bytes:
        """The file was rotated (what was missed is the end of `.1`) or truncated (it is gone)."""
        assert self._offset is not None
        rest = b""
        older = await self._properties(self.path + ".1")
        if older is not None and older[0] >= self._offset:
            rest = await self._read(self.path + ".1", self._offset, older[0])
        else:
            log.debug("%s shrank without a rotated copy: reading it afresh", self.path)
            self._partial = b""
        return rest + await self._read(self.path, 0, size)

    def _take(self, data: bytes, size: int) -> list[NodeSample]:
        lines = (self._partial + data).split(b"\n")
        self._partial = lines.pop()
        self._offset = size
        new = [sample for sample in map(parse_sample, filter(None, lines)) if sample is not None]
        self.samples.extend(new)
        if self.samples:
            oldest = self.samples[-1].time - self.window_seconds
            while self.samples and self.samples[0].time < oldest:
                self.samples.popleft()
        return new

    async def _properties(self, path: str) -> tuple[int, datetime | None] | None:
        try:
            props = await self._send(lambda: self.location.properties(self._client, path))
        except ResourceNotFoundError:
            return None
        return int(props.content_length or 0), props.creation_time

    async def _read(self, path: str, start: int, end: int) -> bytes:
        """Bytes [start, end) of `path`, at most MAX_READ_BYTES (the newest of them)."""
        start = max(start, end - MAX_READ_BYTES)
        if end <= start:
            return b""

        async def ranged() -> bytes:
            download = await self.location.read(self._client, path, f"bytes={start}-{end - 1}")
            return b"".join([block async for block in download.stream])

        data = await self._send(ranged)
        self.bytes_fetched += len(data)
        return data

    async def _send(self, call: Callable[[], Awaitable[T]]) -> T:
        self.requests += 1
        try:
            return await self._connection.send(call)
        except ResourceNotFoundError:
            raise
        except AzureError as error:
            raise OSError(f"{self.path}: {describe(error)}") from error

    def __repr__(self) -> str:
        return f"NodeMetricsReader({self.location!r})"


def _from_first_line(data: bytes) -> bytes:
    """`data` from its first whole line on (it was read from the middle of a line)."""
    newline = data.find(b"\n")
    return data[newline + 1:] if newline >= 0 else b""



NodeKey = tuple[str, str]
"""(pool id, node id)."""

POLL_SECONDS = 10.0
"""How often a shown node's figures are read: 2 of the sampler's 5 s samples per poll."""
MISSING_POLL_SECONDS = 60.0
"""How often a node whose figures file has been missing for `MISSING_POLL_SECONDS` (no sampler) is asked again."""
MAX_NODE_POLLS_PER_SECOND = 4.0
"""A watch asks for at most this many nodes' figures a second (two requests each): a pool of 1,000
nodes coloured by CPU refreshes each node about every 4 minutes instead of flooding the account
with 8,000 requests a minute; up to 40 nodes still refresh every 10 s."""


class NodeMetricsWatch:
    """Polls the figures of the nodes a view shows, every `interval` seconds between `start()` and
    `stop()`; `on_update(key, reader)` follows every poll (`reader.error` says why one failed).

    Nodes are polled one after another, at most `MAX_NODE_POLLS_PER_SECOND` a second, never a burst:
    a cycle over many nodes takes longer than `interval` rather than costing more. A node whose file
    stays missing for a minute (no sampler: a new node's first sample comes within seconds) is then
    asked once a minute.
    """

    def __init__(
        self, open_reader: Callable[[NodeKey], NodeMetricsReader], on_update: Callable[[NodeKey, NodeMetricsReader], None],
        *, interval: float = POLL_SECONDS,
    ) -> None:
        self.interval = interval
        self.readers: dict[NodeKey, NodeMetricsReader] = {}
        self._open_reader = open_reader
        self._on_update = on_update
        self._task: asyncio.Task | None = None
        self._wake = asyncio.Event()
        self._missing: dict[NodeKey, tuple[float, float]] = {}  # since, last asked

    @property
    def active(self) -> bool:
        return self._task is not None

    def set_nodes(self, keys: Iterable[NodeKey]) -> None:
        """Watch these nodes (readers of others are dropped, those of the same kept)."""
        wanted = list(dict.fromkeys(keys))
        self.readers = {key: self.readers.get(key) or self._open_reader(key) for key in wanted}
        self._wake.set()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.ensure_future(self._run())

    def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()

    def refresh(self) -> None:
        self._missing.clear()
        self._wake.set()

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            started = asyncio.get_running_loop().time()
            for key, reader in list(self.readers.items()):
                if self.readers.get(key) is not reader:
                    continue  # dropped meanwhile
                since, asked = self._missing.get(key, (started, started - MISSING_POLL_SECONDS))
                if started - since >= MISSING_POLL_SECONDS and started - asked < MISSING_POLL_SECONDS:
                    continue
                polled = asyncio.get_running_loop().time()
                try:
                    await reader.poll()
                    reader.error = None
                except OSError as error:
                    reader.error = str(error)
                if reader.missing:
                    self._missing[key] = (since, started)
                else:
                    self._missing.pop(key, None)
                self._on_update(key, reader)
                spent = asyncio.get_running_loop().time() - polled
                await asyncio.sleep(max(0.0, 1 / MAX_NODE_POLLS_PER_SECOND - spent))
            left = self.interval - (asyncio.get_running_loop().time() - started)
            await wait_event(self._wake, max(0.5, left))
