"""Pool history of a 10,000-node pool watched 8 h: memory kept, cost per poll, and the chart's redraw.

Run: ``QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_history.py [--nodes 10000] [--hours 8] [--runs 3]``.

The path measured is `PoolHistory`'s own: its node-list callback is handed one `Update` a
second of simulated time (the monitor's fast interval) for `hours`, each moving 1 % of the
nodes between idle, running and starting (and now and then a few to unusable), so the counts
change at every poll and the series has to merge. Figures per run: the points kept, their
resolution, the memory the history holds at the end (series + events, not the
snapshots, which the monitor holds anyway; deep sizes), the median and p95 cost of one poll's recording
(counting 10,000 nodes, the failure check on the diff) and the median redraw of the history
chart with that series (what the History tab does on each change). Target (issue 15): memory
bounded whatever the watch time (under 2 MB), recording well under the poll's own cost.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone

from explorer.client.watching.history import PoolHistory
from explorer.client.watching.monitor import Diff, Subscription, Update
from explorer.client.watching.queries import PoolNodesQuery
from explorer.client.watching.snapshots import NodeSnapshot

STATES = ("idle", "running", "starting")


class PlayedMonitor:
    """Hands the history's callbacks to the benchmark, which plays the monitor."""

    def __init__(self) -> None:
        self.callbacks: dict[object, object] = {}

    def subscribe(self, query, callback) -> Subscription:
        self.callbacks[query] = callback
        return Subscription(lambda: None)

    def add_state_listener(self, listener) -> Subscription:
        return Subscription(lambda: None)


def one_run(nodes: int, hours: float, seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    monitor = PlayedMonitor()
    history = PoolHistory(monitor, "big")  # type: ignore[arg-type]
    history.start()
    feed = monitor.callbacks[PoolNodesQuery("big")]
    snapshot = {f"tvm-{i:05d}": NodeSnapshot(f"tvm-{i:05d}", "idle", "enabled", None, None, 0, 0, None)
                for i in range(nodes)}
    ids = list(snapshot)
    start = datetime.now(timezone.utc) + timedelta(seconds=1)
    costs = []
    for second in range(int(hours * 3600)):
        moved = rng.sample(ids, nodes // 100)
        state = "unusable" if second % 3600 == 1800 else None
        changed = {k: dataclasses.replace(snapshot[k], state=state or rng.choice(STATES)) for k in moved}
        snapshot = {**snapshot, **changed}
        at = start + timedelta(seconds=second)
        update = Update(PoolNodesQuery("big"), snapshot, Diff(changed=tuple(changed)), polled_at=at,
                        previous_poll_at=at - timedelta(seconds=1))
        began = time.perf_counter()
        feed(update)
        costs.append(time.perf_counter() - began)
    held = held_bytes(history)
    costs.sort()
    return {
        "points": len(history.series), "resolution_s": history.series.resolution, "events": len(history.events),
        "held_mb": held / 1e6, "record_median_ms": statistics.median(costs) * 1e3,
        "record_p95_ms": costs[int(len(costs) * 0.95)] * 1e3, "redraw_ms": redraw_ms(history),
    }


def held_bytes(history: PoolHistory) -> int:
    """What the series and events hold (deep sizes: the points, their count tuples, times and texts; small ints
    and interned strings are shared by the interpreter and not counted)."""
    size = sys.getsizeof(history.series._points)
    for point in history.series.points:
        size += sys.getsizeof(point) + sys.getsizeof(point.at) + sys.getsizeof(point.__dict__)
        if point.counts is not None:
            size += sys.getsizeof(point.counts) + sum(sys.getsizeof(n) for n in point.counts if n > 256)
    for event in history.events:
        size += sum(sys.getsizeof(part) for part in (event, event.__dict__, event.at, event.text))
    return size


def redraw_ms(history: PoolHistory) -> float:
    from PySide6.QtWidgets import QApplication

    from explorer.ui.views.history_tab import node_entries
    from explorer.ui.widgets.history_chart import HistoryChart

    _app = QApplication.instance() or QApplication(sys.argv)
    chart = HistoryChart(node_entries(), "nodes")
    chart.resize(1600, 800)
    times = []
    for _ in range(5):
        began = time.perf_counter()
        chart.set_history(history.series.states, history.series.points, list(history.events))
        chart.grab()  # the paint too
        times.append(time.perf_counter() - began)
    chart.deleteLater()
    return statistics.median(times) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--hours", type=float, default=8)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = []
    for run in range(args.runs):
        figures = one_run(args.nodes, args.hours, seed=run)
        runs.append(figures)
        print(f"run {run + 1}: " + ", ".join(f"{k} {v:.2f}" for k, v in figures.items()), flush=True)
    print("median: " + ", ".join(f"{k} {statistics.median(r[k] for r in runs):.2f}" for k in runs[0]))


if __name__ == "__main__":
    main()
