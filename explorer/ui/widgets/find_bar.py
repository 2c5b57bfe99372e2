"""A find bar for a LogViewer: text, next/previous, match case, and what was found.

Hidden until `activate()` (Ctrl+F, forwarded by the main window). Enter finds the
next match, Shift+Enter the previous one, Escape closes the bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from explorer.ui.widgets.accessible import name_it
from explorer.ui.widgets.log_viewer import LogViewer


def tool_button(parent: QWidget, text: str, slot: Callable, *, checkable: bool = False) -> QToolButton:
    """A flat text button; a checkable one calls `slot(checked)` when toggled."""
    button = QToolButton(parent)
    button.setText(text)
    button.setAutoRaise(True)
    button.setCheckable(checkable)
    (button.toggled if checkable else button.clicked).connect(slot)
    return button


class FindBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._viewer: LogViewer | None = None
        self._found: bool | None = None
        """Whether the last search found a match; None while it runs."""
        self.text = QLineEdit(self)
        name_it(self.text, self.tr("Find"),
                self.tr("Text to find; Enter finds the next match, Shift+Enter the previous"))
        self.text.setPlaceholderText(self.tr("Find"))
        self.text.setClearButtonEnabled(True)
        self.text.returnPressed.connect(self.find_next)
        self.text.installEventFilter(self)
        self.case = QCheckBox(self.tr("Match case"), self)
        self.status = QLabel(self)
        previous = tool_button(self, self.tr("Previous"), self.find_previous)
        following = tool_button(self, self.tr("Next"), self.find_next)
        close = tool_button(self, self.tr("Close"), self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.text, 1)
        for widget in (previous, following, self.case, self.status, close):
            layout.addWidget(widget)
        self.hide()

    def set_viewer(self, viewer: LogViewer | None) -> None:
        """Search in `viewer` from now on (the owner's current tab)."""
        if self._viewer is not None:
            self._viewer.findFinished.disconnect(self._on_finished)
            self._viewer.findCounted.disconnect(self._show_result)
            self._viewer.cancel_find()
        self._viewer = viewer
        self.status.clear()
        if viewer is not None:
            viewer.findFinished.connect(self._on_finished)
            viewer.findCounted.connect(self._show_result)

    def activate(self) -> None:
        self.show()
        self.text.setFocus()
        self.text.selectAll()

    def find_next(self) -> None:
        self._find(backward=False)

    def find_previous(self) -> None:
        self._find(backward=True)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.text and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.hide()
                return True
            shifted = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shifted:
                self.find_previous()
                return True
        return super().eventFilter(watched, event)

    def hideEvent(self, event) -> None:
        if self._viewer is not None:
            self._viewer.cancel_find()
        super().hideEvent(event)

    def _find(self, backward: bool) -> None:
        if self._viewer is None or not self.text.text():
            return
        self._found = None
        self.status.setText(self.tr("searching…"))
        self._viewer.find(self.text.text(), backward=backward, case_sensitive=self.case.isChecked())

    def _on_finished(self, offset: int | None) -> None:
        self._found = offset is not None
        self._show_result()

    def _show_result(self, *_args: object) -> None:
        """"3 of 17" (and whether the search went round the end), "not found", or "counting…"."""
        viewer = self._viewer
        if viewer is None or self._found is None:
            return
        if not self._found:
            self.status.setText(self.tr("not found"))
            return
        matches, ordinal = viewer.matches, viewer.match_ordinal()
        if matches is None:
            where = self.tr("found, counting…")
        elif ordinal is None:
            where = self.tr("%n match(es)", "", matches.count)
        else:
            where = self.tr("%1 of %2").replace("%1", str(ordinal)).replace("%2", str(matches.count))
        self.status.setText(self.tr("wrapped, ") + where if viewer.find_wrapped else where)
