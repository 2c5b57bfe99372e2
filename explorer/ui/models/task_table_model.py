"""The tasks of a job as a table (filter it with `SnapshotFilterProxy`) and counts by outcome."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject

from explorer.client.acting.details import TaskCounts
from explorer.client.watching.snapshots import TaskSnapshot
from explorer.ui.formatting import format_time
from explorer.ui.models.snapshot_table import Column, SnapshotTableModel

TASK_STATES = ("active", "preparing", "running", "completed")


def _text(value: object) -> str:
    return "" if value is None else str(value)


TASK_COLUMNS: tuple[Column[TaskSnapshot], ...] = (
    Column("Id", lambda t: t.id, lambda t: t.id),
    Column("Name", lambda t: t.display_name or "", lambda t: t.display_name.lower() if t.display_name else None),
    Column("State", lambda t: t.state or "", lambda t: t.state),
    Column("Instances", lambda t: str(t.instances), lambda t: t.instances),
    Column("Node", lambda t: t.node_id or "", lambda t: t.node_id),
    Column("Started", lambda t: format_time(t.start_time) if t.start_time else "", lambda t: t.start_time),
    Column("Ended", lambda t: format_time(t.end_time) if t.end_time else "", lambda t: t.end_time),
    Column("Exit code", lambda t: _text(t.exit_code), lambda t: t.exit_code),
    Column("Retries", lambda t: str(t.retry_count), lambda t: t.retry_count),
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
    text = f"{total} task{'s' if total != 1 else ''}: {counts.active} active, {counts.running} running, "
    return text + f"{counts.completed} completed ({counts.succeeded} succeeded, {counts.failed} failed)"


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
