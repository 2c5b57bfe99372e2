"""A fixed column (a state, an exit code) follows its cells as they change in place: "running" becoming
"completed" (or "läuft" becoming "abgeschlossen") is not cut to "com…ted" by the width "running" gave."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from explorer.ui.settings import Settings
from explorer.ui.widgets.table_columns import TableColumns


def test_a_fixed_column_widens_when_a_cell_changes_in_place(qtbot, tmp_path):
    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["Instance", "State", "Node"])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    TableColumns(view, "test/instances", Settings(tmp_path / "settings.ini"), fixed=(1,))
    model.appendRow([QStandardItem("0"), QStandardItem("läuft"), QStandardItem("node-1")])
    header = view.horizontalHeader()
    before = header.sectionSize(1)
    longer = "abgeschlossen, mit einem langen Zustand"
    model.item(0, 1).setText(longer)  # filled in place: no row inserted
    assert header.sectionSize(1) > before
    assert header.sectionSize(1) >= view.fontMetrics().horizontalAdvance(longer)
