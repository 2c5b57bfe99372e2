"""Cost of one monitor cycle on a pool view: UI-thread CPU, requests, bytes, beside its floor and peer.

Run: ``QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tests/benchmarks/bench_monitor.py [--nodes 2500 5000 10000]
[--cycles 7]``.

Starts its own Local Batch (temp dir; a separate process, so its CPU is not counted), grows one
pool per size, then for each pool, cycle by cycle and alternating:

- **monitor**: a `Monitor` polling `PoolNodesQuery` back to back (raw `$select`ed pages through the
  SDK's pipeline, decoded and diffed in a worker thread). Measured: CPU of the thread that runs the
  asyncio loop, which is the UI thread in the app (`time.thread_time`), and of the whole process;
- **SDK models** (the peer: how the monitor fetched before): `client.list_nodes(select=...)` in pages
  of 250, a `NodeSnapshot` built from every model, on the loop;
- **heatmap** (the floor): what the pool view must spend anyway when a poll brings changes, a
  `NodeHeatmap` of the same size given 5 % of its states changed and repainted (`grab()`).

Medians over `--cycles` cycles with the spread (min-max). Requests and bytes are counted by an
azure-core `raw_response_hook`. The machine may be shared: the load average is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from dataclasses import dataclass
from typing import ClassVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from azure.batch import models
from PySide6.QtWidgets import QApplication

from explorer.client.watching.list_pages import MAX_PAGE_SIZE
from explorer.client.watching.monitor import Monitor, Update
from explorer.client.watching.queries import PoolNodesQuery
from explorer.client.watching.snapshots import NodeSnapshot
from explorer.ui.widgets.node_heatmap import NodeHeatmap
from explorer.ui.widgets.tile_image import STATES
from tests.support.batch_scenarios import wait_for_idle_node_count
from tests.support.local_batch import local_batch_connection
from tests.support.waiting import wait_until

SDK_PAGE = 250
"""The page size the monitor used with SDK models (larger pages stalled the UI longer)."""


@dataclass
class Traffic:
    requests: int = 0
    bytes: int = 0

    def hook(self, pipeline_response) -> None:
        self.requests += 1
        response = pipeline_response.http_response
        length = response.headers.get("Content-Length")  # a streamed answer (list pages) has no body here yet
        self.bytes += int(length) if length is not None else len(response.body() or b"")


@dataclass(frozen=True)
class EveryPollNodes(PoolNodesQuery):
    every_poll: ClassVar[bool] = True
    """Hand out every answer, so each cycle's end is seen (an unchanged pool is otherwise silent)."""


@dataclass
class Samples:
    ui_ms: list[float]
    process_ms: list[float]
    requests: list[int]
    kib: list[float]


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):7.1f} ({min(values):.0f}-{max(values):.0f})"


async def monitor_cycles(client, pool_id: str, cycles: int, traffic: Traffic) -> Samples:
    """`cycles` monitor polls, each measured from the end of the previous one."""
    monitor = Monitor(client, fast_interval=0, slow_interval=0, max_busy_fraction=1.0)
    ends: list[tuple[float, float, int, int]] = []

    def on_update(update: Update) -> None:
        ends.append((time.thread_time(), time.process_time(), traffic.requests, traffic.bytes))

    monitor.subscribe(EveryPollNodes(pool_id), on_update)
    await wait_until(lambda: len(ends) >= cycles + 1, 900, f"{cycles + 1} polls", interval=0.2)
    await monitor.close()
    pairs = list(zip(ends, ends[1:], strict=False))[:cycles]
    return Samples(
        ui_ms=[(b[0] - a[0]) * 1000 for a, b in pairs],
        process_ms=[(b[1] - a[1]) * 1000 for a, b in pairs],
        requests=[b[2] - a[2] for a, b in pairs],
        kib=[(b[3] - a[3]) / 1024 for a, b in pairs],
    )


async def sdk_cycle(client, pool_id: str) -> float:
    """One cycle the way the monitor did it before: SDK models on the loop. UI-thread ms."""
    start = time.thread_time()
    pages = client.list_nodes(pool_id, max_results=SDK_PAGE, select=list(NodeSnapshot.SELECT))
    nodes = {}
    async for model in pages:
        snapshot = NodeSnapshot.from_model(model)
        nodes[snapshot.id] = snapshot
    return (time.thread_time() - start) * 1000


def heatmap_redraw_ms(widget: NodeHeatmap, n: int, repeats: int, rng: np.random.Generator) -> list[float]:
    ids = [f"tvm-{i:05d}" for i in range(n)]
    widget.set_nodes(ids, [STATES[c] for c in rng.integers(0, len(STATES), n)], rng.random(n) < 0.3,
                     rng.integers(0, 5, n), np.full(n, 4))
    widget.grab()
    samples = []
    for _ in range(repeats):
        changed = rng.choice(n, max(1, n // 20), replace=False)
        start = time.thread_time()
        widget.update_states({ids[i]: STATES[rng.integers(len(STATES))] for i in changed})
        widget.grab()
        samples.append((time.thread_time() - start) * 1000)
    return samples


async def main(sizes: list[int], cycles: int) -> None:
    app = QApplication.instance() or QApplication([])
    heatmap = NodeHeatmap()
    heatmap.resize(1280, 800)
    heatmap.show()
    rng = np.random.default_rng(0)
    traffic = Traffic()
    results = []
    async with local_batch_connection(raw_response_hook=traffic.hook) as connection:
        client = connection.client
        for n in sizes:
            pool_id = f"bench-{n}"
            print(f"Creating a pool of {n} nodes ...", flush=True)
            await client.create_pool(models.BatchPoolCreateOptions(id=pool_id, vm_size="standard_d2s_v3",
                                                                   target_dedicated_nodes=n))
            await wait_for_idle_node_count(client, pool_id, n, timeout=900)
        load_before = os.getloadavg()
        for n in sizes:
            pool_id = f"bench-{n}"
            await sdk_cycle(client, pool_id)  # warm-up: connections, caches
            mine, peer = Samples([], [], [], []), []
            for _ in range(cycles):  # alternate, so that load from elsewhere hits both alike
                one = await monitor_cycles(client, pool_id, 1, traffic)
                for mine_list, one_list in zip(vars(mine).values(), vars(one).values(), strict=True):
                    mine_list.extend(one_list)
                peer.append(await sdk_cycle(client, pool_id))
            floor = heatmap_redraw_ms(heatmap, n, max(cycles, 15), rng)
            results.append((n, mine, peer, floor))
        load_after = os.getloadavg()
    heatmap.close()
    del app

    print(f"\nMonitor cycle on a pool view, medians of {cycles} cycles (min-max); load average"
          f" {load_before[0]:.1f} before, {load_after[0]:.1f} after (2 cores, shared machine)")
    print(f"{'nodes':>7} | {'UI thread ms':>18} {'process ms':>18} {'req':>4} {'KiB':>6} | "
          f"{'SDK models ms':>18} | {'heatmap ms':>16} | {'UI/heatmap':>10} {'UI ms/1k nodes':>14}")
    for n, mine, peer, floor in results:
        ui = statistics.median(mine.ui_ms)
        print(f"{n:>7} | {spread(mine.ui_ms):>18} {spread(mine.process_ms):>18} {statistics.median(mine.requests):>4.0f}"
              f" {statistics.median(mine.kib):>6.0f} | {spread(peer):>18} | {spread(floor):>16} |"
              f" {ui / statistics.median(floor):>9.1f}x {ui / n * 1000:>14.2f}")
    print(f"(monitor pages of {MAX_PAGE_SIZE}; SDK models in pages of {SDK_PAGE}; heatmap: 5 % of tiles changed"
          " + repaint, 1280x800)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[2500, 5000, 10000])
    parser.add_argument("--cycles", type=int, default=7)
    args = parser.parse_args()
    asyncio.run(main(args.nodes, args.cycles))
