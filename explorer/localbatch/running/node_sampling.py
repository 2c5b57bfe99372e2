"""Local Batch samples its nodes natively, writing what the node sampler writes on an Azure node.

Every `SAMPLE_SECONDS` one pass over /proc (in a thread, off the event loop) serves every node:
each node's file (``<node root>/shared/mpi-explorer/metrics.jsonl``, rotated like the sampler's)
gets a record in the sampler's format (`explorer/resources/node_sampler/mpi_explorer_sampler.py`,
whose code this reuses) so the explorer reads local and Azure nodes alike.

Local nodes share the host, so host-wide figures would be the same on every node. A local
node's record therefore has ``"scope": "node"``: its CPU is what the processes running in
the node's directories used (``cpu.busy`` in % of the host's cores, ``cpu.host`` the host's
own figure), its memory ``used`` their resident memory; network and disk stay host-wide.
The node's lock file is taken as the sampler takes it, for each record: a sampler a start task
starts on a local node finds the node sampled and exits, or, if it takes the lock first, writes the
file itself (host-wide figures) while the service leaves that node alone.

Descriptors: nothing is kept open between ticks. A node's lock is taken for its record and let go
with it, and its file is opened for the record and closed again: 10,000 nodes holding a lock and a
file each once used up a 20,000 limit, and every request that opened a file failed (EMFILE). A
sampler of the node's own (a start task's) that holds the lock for good is left to write the file.
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from explorer.localbatch.context import Context
from explorer.resources import resource_path

log = logging.getLogger(__name__)

SAMPLE_SECONDS = 5.0
INTERVAL_VARIABLE = "MPI_EXPLORER_NODE_SAMPLE_SECONDS"
"""Another interval than `SAMPLE_SECONDS`, from the service's environment (tests sample faster)."""
SAMPLED_STATES = frozenset({"idle", "running", "waitingforstarttask", "starttaskfailed", "unusable", "offline"})
"""Nodes that are up (not being created, rebooted or removed: their trees come and go)."""


def load_sampler() -> ModuleType:
    """The sampler shipped to Azure nodes, loaded from its file (package data, also when frozen)."""
    path = resource_path("node_sampler", "mpi_explorer_sampler.py")
    spec = importlib.util.spec_from_file_location("mpi_explorer_sampler", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the node sampler from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class _Node:
    root: str
    file: Any  # sampler.MetricsFile
    tasks: Any  # sampler.TaskSampler


class NodeSampling:
    """The figures of every local node; `tick()` (blocking, in a thread) takes one sample of each."""

    def __init__(self, ctx: Context, sampler: ModuleType | None = None) -> None:
        self.ctx = ctx
        self.sampler = sampler or load_sampler()
        self._host = self.sampler.HostSampler(str(ctx.dirs.root))
        self._host.prime()
        self._nodes: dict[tuple[str, str], _Node] = {}
        self._busy = threading.Lock()  # a tick's thread may outlive the cancelled task that awaited it
        self._closing = False
        """Set by `close`: a tick under way stops at the next node (a first tick of 10,000 nodes takes seconds)."""

    def up_nodes(self) -> dict[tuple[str, str], Path]:
        """The nodes to sample now (read on the event loop: the state is the loop's)."""
        return {
            (pool_key, node_key): self.ctx.dirs.node_root(pool["id"], node["id"])
            for pool_key, pool in self.ctx.state.pools.items()
            for node_key, node in self.ctx.state.pool_nodes(pool["id"]).items()
            if node.get("state") in SAMPLED_STATES
        }

    def tick(self, up: dict[tuple[str, str], Path]) -> None:
        with self._busy:
            self._tick(up)

    def _tick(self, up: dict[tuple[str, str], Path]) -> None:
        """One record for each node sampled before; the nodes new since are primed by the same pass over
        the host's processes (one pass, whatever the number of nodes) and recorded from the next tick on."""
        for key in set(self._nodes) - set(up):
            self._forget(key)
        new: dict[tuple[str, str], _Node] = {}
        for key, root in up.items():
            if key not in self._nodes:
                if self._closing:
                    return
                new[key] = self._open(root)
        sampler = self.sampler
        host = self._host.sample()
        scans = sampler.scan_processes([node.root for node in (*self._nodes.values(), *new.values())])
        for node in new.values():
            node.tasks.sample(scans[node.root])  # its first record covers one interval
        cores = max(1, len(host["cpu"]["cores"]))
        for key, node in list(self._nodes.items()):
            if self._closing:
                break
            lock = self._lock(Path(node.file.path))
            if lock is None:
                continue
            tasks = node.tasks.sample(scans[node.root])
            figures = dict(host)
            busy = min(100.0, sum(task["cpu"] for task in tasks) / cores)
            figures["cpu"] = {"busy": round(busy, 1), "cores": [], "host": host["cpu"]["busy"]}
            figures["mem"] = dict(host["mem"], used=sum(task["rss"] for task in tasks))
            try:
                node.file.append(sampler.record(figures, tasks, scope="node"))
            except OSError as error:  # the node's tree is being removed: it leaves the list next tick
                log.debug("no sample for node %s: %s", key[1], error)
            finally:
                node.file.close()
                os.close(lock)
        self._nodes.update(new)

    def _open(self, root: Path) -> _Node:
        sampler = self.sampler
        path = root / sampler.METRICS_RELATIVE_PATH
        try:
            if not root.is_dir():
                self.ctx.dirs.make_node(root.parent.name, root.name)
            path.parent.mkdir(exist_ok=True)
        except OSError as error:
            log.debug("node %s not sampled: %s", root.name, error)
        return _Node(os.path.realpath(root), sampler.MetricsFile(str(path)), sampler.TaskSampler())

    def _lock(self, path: Path) -> int | None:
        try:
            return self.sampler.lock(str(path))  # for one record: no pid to write in it each time
        except self.sampler.AlreadySampled:
            log.debug("%s is written by a sampler of the node's own", path)
        except OSError as error:
            log.debug("%s not written: %s", path, error)
        return None

    def _forget(self, key: tuple[str, str]) -> None:
        self._nodes.pop(key).file.close()

    def close(self) -> None:
        self._closing = True
        with self._busy:
            for key in list(self._nodes):
                self._forget(key)


async def sample_nodes(ctx: Context, seconds: float | None = None) -> None:
    """Sample every up node each `seconds`, until cancelled (the service's background work)."""
    seconds = seconds or float(os.environ.get(INTERVAL_VARIABLE) or SAMPLE_SECONDS)
    sampling = await asyncio.to_thread(NodeSampling, ctx)
    try:
        while True:
            await asyncio.sleep(seconds)
            await asyncio.to_thread(sampling.tick, sampling.up_nodes())
    finally:
        sampling.close()
