"""The tasks of a job as a table (filter it with `SnapshotFilterProxy`) and counts by outcome."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from explorer.client.acting.details import TaskCounts
from explorer.client.watching.snapshots import TaskSnapshot
from explorer.ui.formatting import format_time, state_text
from explorer.ui.models.snapshot_table import Column, SnapshotTableModel

TASK_STATES = ("active", "preparing", "running", "completed")


def _text(value: object) -> str:
    return "" if value is None else str(value)


TASK_COLUMNS: tuple[Column[TaskSnapshot], ...] = (
    Column(QT_TRANSLATE_NOOP("TaskTableModel", "Id"), lambda t: t.id, lambda t: t.id),
    Column(QT_TRANSLATE_NOOP("TaskTableModel", "Name"),
           lambda t: t.display_name or "", lambda t: t.display_name.lower() if t.display_name else None),
    Column(QT_TRANSLATE_NOOP("TaskTableModel", "State"), lambda t: state_text(t.state, ""), lambda t: t.state),
    Column(QT_TRANSLATE_NOOP("TaskTableModel", "Instances"), lambda t: str(t.instances), lambda t: t.instances),
    Column(QT_TRANSLATE_NOOP("TaskTableModel", "Node"), lambda t: t.node_id or "", lambda t: t.node_id),
    Column(QT_TRANSLATE_NOOP("TaskTableModel", "Started"),
           lambda t: format_time(t.start_time) if t.start_time else "", lambda t: t.start_time),
    Column(QT_TRANSLATE_NOOP("TaskTableModel", "Ended"),
           lambda t: format_time(t.end_time) if t.end_time else "", lambda t: t.end_time),
    Column(QT_TRANSLATE_NOOP("TaskTableModel", "Exit code"), lambda t: _text(t.exit_code), lambda t: t.exit_code),
    Column(QT_TRANSLATE_NOOP("TaskTableModel", "Retries"), lambda t: str(t.retry_count), lambda t: t.retry_count),
)


def succeeded(task: TaskSnapshot) -> bool:
    return task.state == "completed" and task.exit_code == 0 and task.failure is None


def count_tasks(tasks: Iterable[TaskSnapshot]) -> TaskCounts:
    """What `get_job_task_counts` would say, from the snapshots already polled."""
    active = running = completed = ok = 0
    for task in tasks:
        if task.state == "active":
            active += 1
        elif task.state in ("preparing", "running"):
            running += 1
        elif task.state == "completed":
            completed += 1
            ok += succeeded(task)
    return TaskCounts(active, running, completed, ok, completed - ok)


def describe_counts(counts: TaskCounts) -> str:
    total = counts.active + counts.running + counts.completed
    text = (TaskTableModel.tr("1 task: {active} active, {running} running, {completed} completed "
                              "({succeeded} succeeded, {failed} failed)") if total == 1 else
            TaskTableModel.tr("{count} tasks: {active} active, {running} running, {completed} completed "
                              "({succeeded} succeeded, {failed} failed)"))
    return text.format(count=total, active=counts.active, running=counts.running, completed=counts.completed,
                       succeeded=counts.succeeded, failed=counts.failed)


class TaskTableModel(SnapshotTableModel[TaskSnapshot]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            TASK_COLUMNS,
            search_text=lambda t: " ".join(filter(None, (t.id, t.display_name, t.node_id, t.failure))),
            tooltip=lambda t: t.failure,
            parent=parent,
        )

    def counts(self) -> TaskCounts:
        return count_tasks(self.snapshots())
