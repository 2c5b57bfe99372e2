"""Local Batch samples its nodes natively, writing what the node sampler writes on an Azure node.

Every `SAMPLE_SECONDS` one pass over /proc (in a thread, off the event loop) serves every node:
each node's file (``<node root>/shared/mpi-explorer/metrics.jsonl``, rotated like the sampler's)
gets a record in the sampler's format (`explorer/resources/node_sampler/mpi_explorer_sampler.py`,
whose code this reuses) so the explorer reads local and Azure nodes alike.

Local nodes share the host, so host-wide figures would be the same on every node. A local
node's record therefore has ``"scope": "node"``: its CPU is what the processes running in
the node's directories used (``cpu.busy`` in % of the host's cores, ``cpu.host`` the host's
own figure), its memory ``used`` their resident memory; network and disk stay host-wide.
The node's lock file is held as the sampler holds it, so a sampler a start task starts on a
local node sees the node sampled already and exits.

Descriptors: a lock is one descriptor held for as long as its node is sampled, and nothing
else is kept open (a node's file is opened for its record and closed again). The locks are
kept within the service's open-file limit (raised to its hard limit first), leaving
`descriptors_kept_free` of it to everything else: 10,000 nodes holding two descriptors each
once used up a 20,000 limit, and every request that opened a file failed (EMFILE).
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import os
import resource
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
    lock: int | None


class NodeSampling:
    """The figures of every local node; `tick()` (blocking, in a thread) takes one sample of each."""

    def __init__(self, ctx: Context, sampler: ModuleType | None = None) -> None:
        self.ctx = ctx
        self.sampler = sampler or load_sampler()
        self._host = self.sampler.HostSampler(str(ctx.dirs.root))
        self._host.prime()
        self._nodes: dict[tuple[str, str], _Node] = {}
        self._unsampled = 0
        """Nodes left unsampled by the last tick for want of descriptors (said in the log when it changes)."""
        self._busy = threading.Lock()  # a tick's thread may outlive the cancelled task that awaited it

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
        for key in set(self._nodes) - set(up):
            self._forget(key)
        for key, root in up.items():
            if key not in self._nodes:
                self._nodes[key] = self._open(root)
        sampler = self.sampler
        host = self._host.sample()
        scans = sampler.scan_processes([node.root for node in self._nodes.values()])
        cores = max(1, len(host["cpu"]["cores"]))
        free_locks = lock_budget() - sum(node.lock is not None for node in self._nodes.values())
        unsampled = 0
        for key, node in list(self._nodes.items()):
            if node.lock is None:
                if free_locks <= 0:
                    unsampled += 1
                    continue
                node.lock = self._lock(Path(node.file.path))  # the node's own sampler may have ended
                if node.lock is None:
                    continue
                free_locks -= 1
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
        self._say_unsampled(unsampled)

    def _say_unsampled(self, unsampled: int) -> None:
        if unsampled != self._unsampled and unsampled:
            limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
            log.warning("%d of %d nodes not sampled: Local Batch may keep %d files open (ulimit -n), and keeps %d "
                        "of them for requests and tasks", unsampled, len(self._nodes), limit, descriptors_kept_free(limit))
        elif self._unsampled and not unsampled:
            log.info("every node sampled again")
        self._unsampled = unsampled

    def _open(self, root: Path) -> _Node:
        sampler = self.sampler
        path = root / sampler.METRICS_RELATIVE_PATH
        try:
            if not root.is_dir():
                self.ctx.dirs.make_node(root.parent.name, root.name)
            path.parent.mkdir(exist_ok=True)
        except OSError as error:
            log.debug("node %s not sampled: %s", root.name, error)
        # Its lock is taken by the tick, within the budget of descriptors.
        node = _Node(os.path.realpath(root), sampler.MetricsFile(str(path)), sampler.TaskSampler(), None)
        node.tasks.sample(sampler.scan_processes([node.root])[node.root])  # the first figures cover one interval
        return node

    def _lock(self, path: Path) -> int | None:
        try:
            return self.sampler.take_lock(str(path))
        except self.sampler.AlreadySampled:
            log.debug("%s is written by a sampler of the node's own", path)
        except OSError as error:
            log.debug("%s not written: %s", path, error)
        return None

    def _forget(self, key: tuple[str, str]) -> None:
        node = self._nodes.pop(key)
        node.file.close()
        if node.lock is not None:
            os.close(node.lock)

    def close(self) -> None:
        with self._busy:
            for key in list(self._nodes):
                self._forget(key)


def descriptors_kept_free(limit: int) -> int:
    """What of an open-file limit the locks leave to requests, the store and the tasks' processes."""
    return max(256, limit // 4)


def lock_budget() -> int:
    """How many node locks may be held now (the limit is read each time: it may be changed from outside)."""
    limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    if limit == resource.RLIM_INFINITY:
        return 1 << 30
    return max(0, limit - descriptors_kept_free(limit))


def raise_descriptor_limit() -> None:
    """The soft open-file limit up to the hard one (a desktop's soft 1,024 would allow a few hundred nodes)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        except (ValueError, OSError) as error:
            log.info("open-file limit left at %d: %s", soft, error)


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
