"""What a 10,000-row list costs: the job view's task table, and Local Batch's $filter.

Run: ``QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tests/benchmarks/bench_tables.py [--runs 7]``.

- task table: fill a model with 10,000 tasks, sort it by four columns in turn, filter it by
  state and text, then hand it a poll in which a quarter of the tasks moved on (target < 1.5 s;
  QSortFilterProxyModel's own sort takes 1-2 s per column here);
- $filter: evaluate a parsed OData filter over 10,000 task rows (target < 50 ms).

Medians over `--runs`; the tests check what these do, this script how fast.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import timeit
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402

from explorer.client.watching.snapshots import TaskSnapshot  # noqa: E402
from explorer.localbatch.api.odata import parse_filter  # noqa: E402
from explorer.ui.models.snapshot_table import SnapshotFilterProxy  # noqa: E402
from explorer.ui.models.task_table_model import TaskTableModel  # noqa: E402

ROWS = 10_000
STATES = ("active", "preparing", "running", "completed")
T0 = datetime(2025, 6, 1, 10, tzinfo=timezone.utc)


def task(i: int, state: str) -> TaskSnapshot:
    return TaskSnapshot(
        id=f"task-{i:05d}", display_name=f"run {i % 7}", state=state, state_transition_time=T0,
        instances=1 + i % 3, pool_id="p", node_id=f"node-{i % 11}", start_time=T0 + timedelta(seconds=i % 97),
        end_time=None, exit_code=(i % 5 if state == "completed" else None), retry_count=0, failure=None,
    )


def sort_filter_update() -> None:
    model = TaskTableModel()
    model.set_items({t.id: t for t in (task(i, STATES[i % 4]) for i in range(ROWS))})
    proxy = SnapshotFilterProxy(model)
    headers = [c.header for c in model.columns]
    for name in ("State", "Started", "Exit code", "Id"):
        proxy.sort(headers.index(name), Qt.SortOrder.DescendingOrder)
    proxy.set_states({"running", "completed"})
    proxy.set_text("run 3")
    moved = (dataclasses.replace(task(i, STATES[i % 4]), state="completed") if i % 4 == 2 else task(i, STATES[i % 4])
             for i in range(ROWS))
    model.set_items({t.id: t for t in moved})


def filter_rows() -> Callable[[], None]:
    states = ("active", "running", "completed")
    rows = [
        {"id": f"task-{i}", "state": states[i % 3],
         "executionInfo": {"exitCode": i % 5, "endTime": f"2025-01-{i % 28 + 1:02d}T10:00:00.1234567Z"}}
        for i in range(ROWS)
    ]
    keep = parse_filter("state eq 'Completed' and (executionInfo/exitCode ne 0 or startswith(id, 'task-9'))")

    def run() -> None:
        for row in rows:
            keep(row)

    return run


def median_ms(action: Callable[[], None], runs: int) -> float:
    return statistics.median(timeit.repeat(action, number=1, repeat=runs)) * 1000


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    app = QCoreApplication.instance() or QCoreApplication([])
    print(f"{ROWS:,} rows, median of {args.runs} runs")
    print(f"  task table: sort x4, filter, update : {median_ms(sort_filter_update, args.runs):7.1f} ms (target < 1500 ms)")
    print(f"  Local Batch $filter                 : {median_ms(filter_rows(), args.runs):7.1f} ms (target < 50 ms)")
