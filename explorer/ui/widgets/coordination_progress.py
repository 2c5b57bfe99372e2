"""How many instances of a multi-instance task have finished their coordination command."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QWidget


class CoordinationProgress(QProgressBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextVisible(True)
        self.setToolTip(
            "An instance is ready when its coordination command has succeeded. Where the service does "
            "not say so (Azure Batch, and the primary on every service), readiness is known when the "
            "application command starts, which Batch does only once every instance is ready."
        )
        self.set_progress(0, 0)

    def set_progress(self, ready: int, total: int) -> None:
        self.setRange(0, max(total, 1))
        self.setValue(min(ready, total))
        self.setFormat(f"coordination: {ready} of {total} instances ready")
