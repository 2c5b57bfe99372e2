"""Task table model and its filter proxy, without widgets: updates, sorting, filtering, counts."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from explorer.client.watching.monitor import Diff
from explorer.client.watching.snapshots import TaskSnapshot
from explorer.ui.models.snapshot_table import SnapshotFilterProxy
from explorer.ui.models.task_table_model import TaskTableModel, count_tasks, describe_counts

T0 = datetime(2025, 6, 1, 10, tzinfo=timezone.utc)
STATES = ("active", "preparing", "running", "completed")


def task(i: int, state: str = "completed", **changes) -> TaskSnapshot:
    base = TaskSnapshot(
        id=f"task-{i:05d}", display_name=f"run {i % 7}", state=state, state_transition_time=T0,
        instances=1 + i % 3, pool_id="p", node_id=f"node-{i % 11}", start_time=T0 + timedelta(seconds=i % 97),
        end_time=None, exit_code=(i % 5 if state == "completed" else None), retry_count=0, failure=None,
    )
    return dataclasses.replace(base, **changes)


def items(tasks) -> dict[str, TaskSnapshot]:
    return {t.id: t for t in tasks}


def column(model, name: str) -> int:
    return [c.header for c in model.columns].index(name)


def shown_ids(proxy) -> list[str]:
    return [proxy.snapshot(row).id for row in range(proxy.rowCount())]


@pytest.fixture
def model():
    return TaskTableModel()


def test_updates_insert_change_and_remove_rows(model):
    inserted, removed, changed = [], [], []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    model.dataChanged.connect(lambda tl, br: changed.append((tl.row(), br.row())))

    model.set_items(items([task(1, "active"), task(2, "active"), task(3, "active")]))
    assert model.rowCount() == 3 and inserted == [(0, 2)]
    assert model.data(model.index(0, column(model, "State"))) == "active"

    diff = model.set_items(items([task(1, "running"), task(3, "active"), task(4, "active")]))
    assert (diff.added, diff.changed, diff.removed) == (("task-00004",), ("task-00001",), ("task-00002",))
    assert removed == [(1, 1)] and changed == [(0, 0)] and inserted[-1] == (2, 2)
    assert [model.snapshot(r).id for r in range(3)] == ["task-00001", "task-00003", "task-00004"]
    assert model.row_of("task-00004") == 2 and model.row_of("task-00002") is None

    # The same snapshot again (a resubscription repeats everything as added): nothing happens.
    before = (len(inserted), len(removed), len(changed))
    assert not model.set_items(items([task(1, "running"), task(3, "active"), task(4, "active")]))
    assert (len(inserted), len(removed), len(changed)) == before


def record_signals(model) -> dict[str, list]:
    signals: dict[str, list] = {"inserted": [], "removed": [], "changed": [], "layout": []}
    model.rowsInserted.connect(lambda _p, first, last: signals["inserted"].append((first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: signals["removed"].append((first, last)))
    model.dataChanged.connect(lambda tl, br: signals["changed"].append((tl.row(), br.row())))
    model.layoutChanged.connect(lambda: signals["layout"].append(True))
    return signals


def test_the_monitors_diff_changes_only_its_rows_each_announced_alone(model):
    """`apply` compares none of the other rows; rows apart are announced apart, so that the proxy does not
    filter the rows between them again (10,000 of them when the first and the last node moved)."""
    before = items(task(i, "active") for i in range(10))
    model.set_items(before)
    signals = record_signals(model)
    after = {**before, "task-00002": task(2, "running"), "task-00007": task(7, "completed", exit_code=1),
             "task-00010": task(10, "active")}
    del after["task-00009"]

    model.apply(after, Diff(added=("task-00010",), changed=("task-00002", "task-00007"), removed=("task-00009",)))

    assert [s.id for s in model.snapshots()] == list(after)
    assert signals["changed"] == [(2, 2), (7, 7)] and signals["removed"] == [(9, 9)] and signals["inserted"] == [(9, 9)]
    state, exit_code = column(model, "State"), column(model, "Exit code")
    assert model.data(model.index(2, state)) == "running"
    assert (model.data(model.index(7, state)), model.data(model.index(7, exit_code))) == ("completed", "1")
    # Rows apart through `set_items` too.
    signals["changed"].clear()
    model.set_items({**after, "task-00000": task(0, "running"), "task-00008": task(8, "running")})
    assert signals["changed"] == [(0, 0), (8, 8)]


def test_a_repeated_snapshot_all_added_announces_only_what_differs(model):
    """After a view resubscribes the monitor repeats everything as added: rows already shown are not inserted
    again, a row that changed meanwhile is, a row gone meanwhile goes."""
    before = items(task(i, "active") for i in range(5))
    model.set_items(before)
    signals = record_signals(model)
    again = {**before, "task-00003": task(3, "running")}
    del again["task-00004"]

    model.apply(again, Diff(added=tuple(again)))

    assert [s.id for s in model.snapshots()] == list(again) and signals["inserted"] == []
    assert signals["changed"] == [(3, 3)] and signals["removed"] == [(4, 4)]
    assert model.snapshot(3).state == "running"


def test_a_diff_against_other_rows_than_those_shown_falls_back_to_comparing(model):
    model.set_items(items(task(i, "active") for i in range(4)))
    newer = items([task(0, "active"), task(1, "running"), task(2, "active"), task(5, "active")])
    model.apply(newer, Diff(changed=("task-00001",)))  # says nothing of 3 gone and 5 come
    assert [s.id for s in model.snapshots()] == list(newer) and model.snapshot(1).state == "running"


def test_a_change_that_keeps_the_sort_key_does_not_sort_again(model):
    proxy = SnapshotFilterProxy(model)
    proxy.sort(column(model, "State"))
    tasks = items(task(i, STATES[i % 4]) for i in range(8))
    model.set_items(tasks)
    signals = record_signals(model)
    moved_node = {**tasks, "task-00001": task(1, STATES[1], node_id="node-elsewhere")}
    model.apply(moved_node, Diff(changed=("task-00001",)))
    assert signals["layout"] == [] and signals["changed"] == [(model.row_of("task-00001"),) * 2]
    assert model.snapshot(model.row_of("task-00001")).node_id == "node-elsewhere"
    moved_state = {**moved_node, "task-00001": task(1, "running", node_id="node-elsewhere")}
    model.apply(moved_state, Diff(changed=("task-00001",)))
    assert signals["layout"] == [True]
    assert [proxy.snapshot(r).state for r in range(8)] == sorted(t.state for t in moved_state.values())


def test_text_and_tooltip_of_a_task(model):
    failed = task(7, "completed", exit_code=None, failure="FailureExitCode: exit code 3")
    model.set_items(items([failed]))
    assert model.data(model.index(0, column(model, "Exit code"))) == ""
    assert model.data(model.index(0, column(model, "Started"))).startswith("20")
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "FailureExitCode: exit code 3"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Id"


def test_sort_by_any_column_keeps_persistent_indexes(model):
    """Missing values (no end time, no exit code yet) sort last in either order."""
    model.set_items(items(task(i, STATES[i % 4]) for i in range(50)))
    proxy = SnapshotFilterProxy(model)
    watched = QPersistentModelIndex(model.index(model.row_of("task-00042"), 0))
    for name in ("Id", "Name", "State", "Instances", "Node", "Started", "Ended", "Exit code", "Retries"):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            proxy.sort(column(model, name), order)
            keys = [model.columns[column(model, name)].key(proxy.snapshot(r)) for r in range(proxy.rowCount())]
            present = [k for k in keys if k is not None]
            assert keys == sorted(present, reverse=order == Qt.SortOrder.DescendingOrder) + [None] * (50 - len(present))
            assert model.snapshot(watched.row()).id == "task-00042"


def test_sorted_model_places_new_and_changed_rows_in_order(model):
    proxy = SnapshotFilterProxy(model)
    proxy.sort(column(model, "State"))
    model.set_items(items([task(1, "running"), task(2, "active")]))
    assert shown_ids(proxy) == ["task-00002", "task-00001"]
    model.set_items(items([task(1, "running"), task(2, "completed"), task(3, "active")]))
    assert [proxy.snapshot(r).state for r in range(3)] == ["active", "completed", "running"]


def test_filter_by_state_and_text(model):
    model.set_items(items(task(i, STATES[i % 4]) for i in range(40)))
    proxy = SnapshotFilterProxy(model)
    proxy.set_states({"running"})
    assert {proxy.snapshot(r).state for r in range(proxy.rowCount())} == {"running"} and proxy.rowCount() == 10
    proxy.set_text("  NODE-3 ")
    assert all(proxy.snapshot(r).node_id == "node-3" for r in range(proxy.rowCount()))
    assert proxy.rowCount() >= 1
    proxy.set_states(())
    proxy.set_text("task-0001")
    assert shown_ids(proxy) == [f"task-{i:05d}" for i in range(10, 20)]
    assert proxy.row_of("task-00012") == 2 and proxy.row_of("task-00001") is None
    # A task that changes state leaves or enters a state filter by itself.
    proxy.set_text("")
    proxy.set_states({"active"})
    count = proxy.rowCount()
    model.set_items(items(task(i, "active" if i == 1 else STATES[i % 4]) for i in range(40)))
    assert proxy.rowCount() == count + 1


def test_counts_by_outcome():
    tasks = [task(1, "active"), task(2, "preparing"), task(3, "running"),
             task(5, "completed", exit_code=0), task(6, "completed", exit_code=1),
             task(10, "completed", exit_code=0, failure="BlobNotFound: x")]
    counts = count_tasks(tasks)
    assert (counts.active, counts.running, counts.completed, counts.succeeded, counts.failed) == (1, 2, 3, 1, 2)
    assert describe_counts(counts) == "6 tasks: 1 active, 2 running, 3 completed (1 succeeded, 2 failed)"


def test_ten_thousand_tasks_sort_in_the_model_and_filter_in_the_proxy(model):
    # How fast: tests/benchmarks/bench_tables.py.
    n = 10_000
    model.set_items(items(task(i, STATES[i % 4]) for i in range(n)))
    proxy = SnapshotFilterProxy(model)
    assert proxy.rowCount() == n

    for name in ("State", "Started", "Exit code", "Id"):
        proxy.sort(column(model, name), Qt.SortOrder.DescendingOrder)
    proxy.set_states({"running", "completed"})
    proxy.set_text("run 3")
    filtered = proxy.rowCount()
    # Every poll: a few hundred tasks move on while the table is sorted and filtered.
    moved = items(task(i, "completed" if i % 4 == 2 else STATES[i % 4]) for i in range(n))
    model.set_items(moved)

    assert 0 < filtered < n and proxy.rowCount() > 0
    assert all(proxy.snapshot(r).state in ("running", "completed") for r in range(proxy.rowCount()))
    ids = shown_ids(proxy)
    assert ids == sorted(ids, reverse=True)
    # QSortFilterProxyModel's own sort takes 1-2 s per column here: the proxy leaves sorting to the model.
    assert proxy.sortColumn() == -1
