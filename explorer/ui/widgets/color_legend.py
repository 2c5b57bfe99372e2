"""A legend of coloured swatches, optionally with counts and toggle buttons."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QBoxLayout, QToolButton, QWidget


class ColorLegend(QWidget):
    """One tool button per entry; each button's objectName is ``legend-<key>``.

    Clicking an entry emits ``entryClicked``. With ``checkable`` the owner then
    says what is checked (``set_checked``): the legend holds no filter state.
    """

    entryClicked = Signal(str)

    def __init__(
        self,
        entries: Sequence[tuple[str, str, str]],
        *,
        orientation: Qt.Orientation = Qt.Orientation.Vertical,
        checkable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """``entries`` are (key, label, colour) triples in display order."""
        super().__init__(parent)
        direction = (
            QBoxLayout.Direction.TopToBottom
            if orientation == Qt.Orientation.Vertical
            else QBoxLayout.Direction.LeftToRight
        )
        layout = QBoxLayout(direction, self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self._labels = {key: label for key, label, _ in entries}
        self._buttons: dict[str, QToolButton] = {}
        for key, label, color in entries:
            button = QToolButton(self)
            button.setObjectName(f"legend-{key}")
            button.setText(label)
            button.setIcon(_swatch(QColor(color)))
            button.setIconSize(QSize(12, 12))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setCheckable(checkable)
            button.clicked.connect(lambda _=False, k=key: self.entryClicked.emit(k))
            layout.addWidget(button)
            self._buttons[key] = button
        layout.addStretch(1)

    def set_counts(self, counts: Mapping[str, int], keep_visible: Collection[str] = ()) -> None:
        """Show "label (n)" and hide entries with no count unless listed in ``keep_visible``."""
        for key, button in self._buttons.items():
            n = counts.get(key, 0)
            button.setText(f"{self._labels[key]} ({n})")
            button.setVisible(n > 0 or key in keep_visible)

    def set_swatch(self, key: str, icon: QIcon) -> None:
        """Another sign than a filled square for one entry (e.g. an outline)."""
        self._buttons[key].setIcon(icon)

    def hide_entry(self, key: str) -> None:
        """Leave out an entry the owner never draws."""
        self._buttons[key].hide()

    def set_tooltip(self, key: str, text: str) -> None:
        self._buttons[key].setToolTip(text)

    def set_checked(self, keys: Collection[str]) -> None:
        for key, button in self._buttons.items():
            button.setChecked(key in keys)


def _swatch(color: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(color)
    return QIcon(pixmap)
