"""The instances of a multi-instance task as a table: the primary, then the subtasks.

Batch lists subtasks without the primary; the table puts the task itself first
(instance 0) so that every instance, and its coordination output, can be selected.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from explorer.client.watching.snapshots import SubtaskSnapshot, TaskSnapshot
from explorer.ui.translation import state_text

HEADERS = (QT_TRANSLATE_NOOP("SubtaskModel", "Instance"), QT_TRANSLATE_NOOP("SubtaskModel", "State"),
           QT_TRANSLATE_NOOP("SubtaskModel", "Exit code"), QT_TRANSLATE_NOOP("SubtaskModel", "Node"),
           QT_TRANSLATE_NOOP("SubtaskModel", "Failure"))
"""State and exit code before the node: they show without scrolling whatever the node ids."""
INSTANCE_ROLE = Qt.ItemDataRole.UserRole
"""The instance number of a row (0: the primary), whatever the column."""

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class InstanceRow:
    number: int
    pool_id: str | None
    node_id: str | None
    state: str | None
    exit_code: int | None
    failure: str | None
    root: str | None
    """A subtask's task root directory on its node (None for the primary: task files)."""

    @classmethod
    def primary(cls, task: TaskSnapshot) -> InstanceRow:
        return cls(0, task.pool_id, task.node_id, task.state, task.exit_code, task.failure, None)

    @classmethod
    def subtask(cls, subtask: SubtaskSnapshot) -> InstanceRow:
        return cls(subtask.id, subtask.pool_id, subtask.node_id, subtask.state, subtask.exit_code, subtask.failure,
                   subtask.task_root_directory)

    def cells(self) -> tuple[str, ...]:
        return (
            SubtaskModel.tr("0 (primary)") if self.number == 0 else str(self.number),
            state_text(self.state),
            "—" if self.exit_code is None else str(self.exit_code),
            self.node_id or "—",
            self.failure or "",
        )


class SubtaskModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[InstanceRow] = []

    def set_instances(self, task: TaskSnapshot, subtasks: Mapping[int, SubtaskSnapshot]) -> None:
        """Show the task and its subtasks. Rows keep their place while the same instances
        are shown, so selections survive updates; new subtasks are appended."""
        rows = [InstanceRow.primary(task)] + [InstanceRow.subtask(s) for _, s in sorted(subtasks.items())]
        old = [row.number for row in self._rows]
        new = [row.number for row in rows]
        if new[: len(old)] != old:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        for index, row in enumerate(rows[: len(old)]):
            if row != self._rows[index]:
                self._rows[index] = row
                self.dataChanged.emit(self.index(index, 0), self.index(index, len(HEADERS) - 1))
        if len(rows) > len(old):
            self.beginInsertRows(QModelIndex(), len(old), len(rows) - 1)
            self._rows.extend(rows[len(old):])
            self.endInsertRows()

    def instance(self, row: int) -> InstanceRow:
        return self._rows[row]

    def row_of(self, number: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.number == number), None)

    # -- QAbstractTableModel ---------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells()[index.column()]
        if role == INSTANCE_ROLE:
            return row.number
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None
