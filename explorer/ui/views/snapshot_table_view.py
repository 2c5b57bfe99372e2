"""A table view over a `SnapshotFilterProxy`, set up to stay fast at 10,000 rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from explorer.ui.models.snapshot_table import SnapshotFilterProxy


class SnapshotTableView(QTableView):
    """Fixed row heights and interactive column widths (no per-row measuring); rows are
    selected whole. `snapshotActivated(snapshot)` on double-click or Enter; the context
    menu offers `context_actions` (set by the owning view) on the selection."""

    snapshotActivated = Signal(object)

    def __init__(self, proxy: SnapshotFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(proxy)
        self._proxy = proxy
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # server order until a header is clicked
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        columns = self.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.setStretchLastSection(True)
        columns.setDefaultSectionSize(120)
        self.context_actions: list[QAction] = []
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)
        self.activated.connect(self._activate)  # double-click or Enter, as the platform does it

    def selected_snapshots(self) -> list[Any]:
        return [self._proxy.snapshot(index.row()) for index in self.selectionModel().selectedRows()]

    def select_ids(self, ids: list[Any]) -> None:
        """Select the rows of `ids` that the filter shows."""
        self.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for item_id in ids:
            row = self._proxy.row_of(item_id)
            if row is not None:
                self.selectionModel().select(self._proxy.index(row, 0), flags)

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.snapshotActivated.emit(self._proxy.snapshot(index.row()))

    def _show_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if index.isValid() and not self.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.selectRow(index.row())
        if self.context_actions:
            menu = QMenu(self)
            menu.addActions(self.context_actions)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.viewport().mapToGlobal(pos))
