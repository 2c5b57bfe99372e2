"""How far a multi-instance task got, as far as the service said: coordination, the application, the end."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import QProgressBar, QWidget

TONES = {"success": "#2e7d32", "failure": "#c62828"}


class CoordinationProgress(QProgressBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextVisible(True)
        self.explanation = self.tr(
            "An instance counts as ready when the service reports that its coordination command succeeded "
            "(Local Batch does as soon as it ends; Azure Batch only when the task ends). Once the application "
            "command starts, every instance was ready: Batch starts it only then.")
        self.setToolTip(self.explanation)
        self.full_text = ""
        """The whole text: the bar draws one line, elided to its width (the tooltip has all of it)."""
        self.show_progress(self.tr("waiting for the service to report the task"), 0, 0)

    def show_progress(self, text: str, value: int, maximum: int, tone: str = "") -> None:
        """`tone` "success" or "failure" colours the bar; "" leaves the palette's."""
        self.setRange(0, max(maximum, 1))
        self.setValue(min(value, max(maximum, 1)))
        self.full_text = text
        self.setToolTip(f"{text}\n\n{self.explanation}")
        self._fit_text()
        palette = self.palette()
        if tone:
            palette.setColor(QPalette.ColorRole.Highlight, QColor(TONES[tone]))
            self.setPalette(palette)
        else:
            self.setPalette(QPalette())  # back to the window's (follows the theme)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_text()

    def _fit_text(self) -> None:
        room = max(self.width() - 2 * self.fontMetrics().averageCharWidth() - 8, 0)
        fitted = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideMiddle, room)
        self.setFormat(fitted.replace("%", "%%"))
