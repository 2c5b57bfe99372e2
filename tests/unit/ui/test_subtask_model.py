"""SubtaskModel: the primary and subtasks as rows, updated in place (no widgets)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from explorer.client.watching.snapshots import SubtaskSnapshot, TaskSnapshot
from explorer.ui.models.subtask_model import HEADERS, INSTANCE_ROLE, SubtaskModel

TASK = TaskSnapshot(
    id="mpi", display_name=None, state="preparing", state_transition_time=None, instances=3, pool_id="p",
    node_id="node-0", start_time=None, end_time=None, exit_code=None, retry_count=0, failure=None,
)


def sub(number: int, **fields) -> SubtaskSnapshot:
    base = SubtaskSnapshot(number, "running", "p", f"node-{number}", f"workitems/j/job-1/mpi/{number}",
                           None, None, None, None)
    return replace(base, **fields)


def table(model: SubtaskModel) -> list[list[str]]:
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_primary_first_then_subtasks_by_id():
    model = SubtaskModel()
    failed = sub(1, state="completed", exit_code=4, failure="FailureExitCode: 4")
    model.set_instances(TASK, {2: sub(2, exit_code=0), 1: failed})
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(HEADERS))] == list(HEADERS)
    assert table(model) == [
        ["0 (primary)", "preparing", "—", "node-0", ""],
        ["1", "completed", "4", "node-1", "FailureExitCode: 4"],
        ["2", "running", "0", "node-2", ""],
    ]
    assert [model.data(model.index(r, 3), INSTANCE_ROLE) for r in range(3)] == [0, 1, 2]
    assert model.instance(0).root is None and model.instance(2).root == "workitems/j/job-1/mpi/2"
    assert model.row_of(2) == 2 and model.row_of(7) is None


def test_updates_change_rows_in_place_and_append_new_subtasks(qtmodeltester):
    model = SubtaskModel()
    model.set_instances(TASK, {1: sub(1)})
    resets, changed, inserted = [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row(), bottom.column())))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))

    model.set_instances(TASK, {1: sub(1, exit_code=0), 2: sub(2)})
    assert changed == [(1, 1, len(HEADERS) - 1)] and inserted == [(2, 2)] and resets == []
    model.set_instances(TASK, {1: sub(1, exit_code=0), 2: sub(2)})
    assert len(changed) == 1  # nothing changed, nothing emitted

    model.set_instances(replace(TASK, state="active"), {})  # a retry: the subtasks are gone
    assert resets == [1] and model.rowCount() == 1
    qtmodeltester.check(model)
