"""Editors for the parts task and start-task specs share: environment variables and the
user identity (resource files: ``resource_files_editor``), and the read-only text that
shows a command as a node runs it. Each turns its widgets into core values and back,
losslessly for anything a user can type (an empty cell is an unset value)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QTextOption
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.specs.environment import EnvironmentSetting
from explorer.core.specs.user_identity import AutoUser, AutoUserScope, ElevationLevel, UserIdentity
from explorer.ui.translation import Texts
from explorer.ui.wizards.field_feedback import FieldFeedback, row_describer


class Editors(Texts):
    """The translation context of this module's texts: `Editors.tr("...")`."""


# Tables keep room for this many rows whatever the page around them does.
_TABLE_ROWS = 4


class TableEditor(QWidget):
    """Rows of optional texts with Add and Remove buttons and a feedback under the table."""

    changed = Signal()

    def __init__(self, columns: dict[str, str], add_text: str, name: str) -> None:
        """``columns`` maps spec attribute names to column titles; ``name`` is the table's accessible name."""
        super().__init__()
        self._attributes = list(columns)
        self.table = QTableWidget(0, len(columns))
        self.table.setAccessibleName(name)
        corner = self.table.findChild(QAbstractButton)  # the corner button selects all rows
        if corner is not None:
            corner.setAccessibleName(self.tr("Select all rows"))
        self.table.setHorizontalHeaderLabels(list(columns.values()))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        rows = self.table.verticalHeader().defaultSectionSize() * _TABLE_ROWS
        self.table.setMinimumHeight(rows + self.table.horizontalHeader().sizeHint().height() + 4)
        self.table.itemChanged.connect(self.changed)
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(add_text)
        self.add_button.clicked.connect(self._add_empty_row)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected rows"))
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

    def _add_empty_row(self) -> None:
        """A new row, shown and ready to type in."""
        self.add_rows([{}])
        row = self.table.rowCount() - 1
        self.table.scrollToItem(self.table.item(row, 0))
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_selected(self) -> None:
        for row in sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self.changed.emit()


class EnvironmentEditor(TableEditor):
    def __init__(self) -> None:
        super().__init__({"name": Editors.tr("Name"), "value": Editors.tr("Value")}, Editors.tr("Add variable"),
                         Editors.tr("Environment variables"))

    def settings(self) -> tuple[EnvironmentSetting, ...]:
        return tuple(EnvironmentSetting(row["name"] or "", row["value"]) for row in self.rows())

    def set_settings(self, settings: Sequence[EnvironmentSetting]) -> None:
        self.set_rows([vars(setting) for setting in settings])


class IdentityEditor(QWidget):
    """Batch default, an auto-user (scope, elevation) or a named user account of the pool."""

    changed = Signal()
    def __init__(self) -> None:
        super().__init__()
        self.mode_combo = QComboBox()
        self.mode_combo.addItems([self.tr("Batch default (pool's non-admin auto-user)"), self.tr("Auto-user"),
                                  self.tr("User account")])
        self.mode_combo.setAccessibleName(self.tr("Run as"))
        self.scope_combo = ChoiceCombo(
            {self.tr("Default scope"): None, self.tr("Pool scope"): AutoUserScope.POOL,
             self.tr("Task scope"): AutoUserScope.TASK}
        )
        self.scope_combo.setAccessibleName(self.tr("Auto-user scope"))
        self.elevation_combo = ChoiceCombo(
            {
                self.tr("Default elevation"): None,
                self.tr("Non-admin"): ElevationLevel.NON_ADMIN,
                self.tr("Admin"): ElevationLevel.ADMIN,
            }
        )
        self.elevation_combo.setAccessibleName(self.tr("Auto-user elevation"))
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText(self.tr("user account defined on the pool"))
        self.user_edit.setAccessibleName(self.tr("User account"))
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


class CommandEdit(QPlainTextEdit):
    """A command line to edit: monospace, wrapped, several lines tall (commands are long)."""

    LINES = 4

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTabChangesFocus(True)
        self.setAccessibleName(name)
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        height = self.fontMetrics().lineSpacing() * self.LINES + 2 * self.document().documentMargin() + margins
        self.setFixedHeight(int(height) + 4)


class PreviewText(QPlainTextEdit):
    """Read-only text shown whole: it wraps anywhere (host lists have no spaces) and is as tall
    as its text, so the page around it scrolls rather than the preview being clipped."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("QPlainTextEdit { background: transparent; }")
        self.setAccessibleName(name)
        self.setTabChangesFocus(True)
        self.textChanged.connect(self._fit)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - the QLabel name the page used
        if text != self.toPlainText():
            self.setPlainText(text)
        self.setVisible(bool(text))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        lines = sum(self.document().findBlockByNumber(n).layout().lineCount() or 1 for n in range(self.blockCount()))
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        height = self.fontMetrics().lineSpacing() * max(lines, 1) + 2 * self.document().documentMargin() + margins
        if self.height() != int(height) + 2:
            self.setFixedHeight(int(height) + 2)
