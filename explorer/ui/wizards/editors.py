"""Editors for the parts task and start-task specs share: resource files, environment
variables and the user identity. Each turns its widgets into core values and back,
losslessly for anything a user can type (an empty cell is an unset value)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.specs.environment import EnvironmentSetting
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.user_identity import AutoUser, AutoUserScope, ElevationLevel, UserIdentity
from explorer.ui.wizards.field_feedback import FieldFeedback, row_describer


class TableEditor(QWidget):
    """Rows of optional texts with Add and Remove buttons and a feedback under the table."""

    changed = Signal()

    def __init__(self, columns: dict[str, str], add_text: str) -> None:
        """``columns`` maps spec attribute names to column titles."""
        super().__init__()
        self._attributes = list(columns)
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(list(columns.values()))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self.changed)
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(lambda: self.add_rows([{}]))
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)
        self.feedback = FieldFeedback(describe=row_describer(columns))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)
        layout.addWidget(self.feedback)

    def rows(self) -> list[dict[str, str | None]]:
        return [
            {name: self._cell(row, column) for column, name in enumerate(self._attributes)}
            for row in range(self.table.rowCount())
        ]

    def _cell(self, row: int, column: int) -> str | None:
        item = self.table.item(row, column)
        return item.text() if item is not None and item.text() else None

    def set_cell(self, row: int, attribute: str, text: str) -> None:
        self.table.item(row, self._attributes.index(attribute)).setText(text)

    def set_rows(self, rows: Sequence[dict[str, str | None]]) -> None:
        self.table.setRowCount(0)
        self.add_rows(rows)

    def add_rows(self, rows: Sequence[dict[str, str | None]]) -> None:
        self.table.blockSignals(True)
        for values in rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, name in enumerate(self._attributes):
                self.table.setItem(row, column, QTableWidgetItem(values.get(name) or ""))
        self.table.blockSignals(False)
        self.changed.emit()

    def remove_selected(self) -> None:
        for row in sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self.changed.emit()


class ResourceFilesEditor(TableEditor):
    COLUMNS = {
        "http_url": "HTTP URL",
        "storage_container_url": "Storage container URL",
        "auto_storage_container_name": "Auto-storage container",
        "blob_prefix": "Blob prefix",
        "file_path": "File path",
        "file_mode": "File mode",
    }

    def __init__(self) -> None:
        super().__init__(self.COLUMNS, "Add URL or container")

    def files(self) -> tuple[ResourceFile, ...]:
        return tuple(ResourceFile(**row) for row in self.rows())

    def set_files(self, files: Sequence[ResourceFile]) -> None:
        self.set_rows([vars(file) for file in files])

    def add_files(self, files: Sequence[ResourceFile]) -> None:
        self.add_rows([vars(file) for file in files])


class EnvironmentEditor(TableEditor):
    def __init__(self) -> None:
        super().__init__({"name": "Name", "value": "Value"}, "Add variable")

    def settings(self) -> tuple[EnvironmentSetting, ...]:
        return tuple(EnvironmentSetting(row["name"] or "", row["value"]) for row in self.rows())

    def set_settings(self, settings: Sequence[EnvironmentSetting]) -> None:
        self.set_rows([vars(setting) for setting in settings])


class IdentityEditor(QWidget):
    """Batch default, an auto-user (scope, elevation) or a named user account of the pool."""

    changed = Signal()
    MODES = ("Batch default (pool's non-admin auto-user)", "Auto-user", "User account")

    def __init__(self) -> None:
        super().__init__()
        self.mode_combo = QComboBox()
        self.mode_combo.addItems(self.MODES)
        self.scope_combo = ChoiceCombo(
            {"Default scope": None, "Pool scope": AutoUserScope.POOL, "Task scope": AutoUserScope.TASK}
        )
        self.elevation_combo = ChoiceCombo(
            {"Default elevation": None, "Non-admin": ElevationLevel.NON_ADMIN, "Admin": ElevationLevel.ADMIN}
        )
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText("user account defined on the pool")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.mode_combo, self.scope_combo, self.elevation_combo, self.user_edit):
            layout.addWidget(widget)
        self.mode_combo.currentIndexChanged.connect(self._show_mode)
        for signal in (
            self.mode_combo.currentIndexChanged,
            self.scope_combo.currentIndexChanged,
            self.elevation_combo.currentIndexChanged,
            self.user_edit.textChanged,
        ):
            signal.connect(self.changed)
        self._show_mode()

    def _show_mode(self) -> None:
        mode = self.mode_combo.currentIndex()
        self.scope_combo.setVisible(mode == 1)
        self.elevation_combo.setVisible(mode == 1)
        self.user_edit.setVisible(mode == 2)

    def identity(self) -> UserIdentity | None:
        mode = self.mode_combo.currentIndex()
        if mode == 1:
            return UserIdentity(auto_user=AutoUser(self.scope_combo.choice(), self.elevation_combo.choice()))
        if mode == 2:
            return UserIdentity(user_name=self.user_edit.text())
        return None

    def set_identity(self, identity: UserIdentity | None) -> None:
        """Shows ``identity``; one naming both a user and an auto-user shows the auto-user."""
        if identity is None:
            self.mode_combo.setCurrentIndex(0)
        elif identity.auto_user is not None or identity.user_name is None:
            auto_user = identity.auto_user or AutoUser()
            self.scope_combo.set_choice(auto_user.scope)
            self.elevation_combo.set_choice(auto_user.elevation_level)
            self.mode_combo.setCurrentIndex(1)
        else:
            self.user_edit.setText(identity.user_name)
            self.mode_combo.setCurrentIndex(2)


class ChoiceCombo(QComboBox):
    """A combo box of Python values (Qt's item data would turn str enums into plain str)."""

    def __init__(self, choices: dict[str, object]) -> None:
        super().__init__()
        self._values = list(choices.values())
        self.addItems(list(choices))

    def choice(self) -> object:
        return self._values[self.currentIndex()]

    def set_choice(self, value: object) -> None:
        self.setCurrentIndex(self._values.index(value))
