"""Label/value rows of a pool, node, job or task, as `explorer.ui.formatting` gives them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


class PropertiesPanel(QWidget):
    """Values are selectable (ids and command lines get copied); refills keep the labels in place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._form = QFormLayout(self)
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: list[str] = []
        self._values: list[QLabel] = []

    def set_rows(self, rows: Sequence[tuple[str, str]]) -> None:
        labels = [label for label, _ in rows]
        if labels != self._labels:
            while self._form.rowCount():
                self._form.removeRow(0)
            self._values = []
            for label in labels:
                value = QLabel(self)
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self._form.addRow(f"{label}:", value)
                self._values.append(value)
            self._labels = labels
        for widget, (_, text) in zip(self._values, rows, strict=True):
            widget.setText(text)

    def value(self, label: str) -> str | None:
        """The text shown for `label` (None if there is no such row)."""
        return self._values[self._labels.index(label)].text() if label in self._labels else None
