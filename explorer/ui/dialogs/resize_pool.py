"""Ask for a pool's new target node counts (dedicated and low-priority)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

MAX_NODES = 10_000


class ResizePoolDialog(QDialog):
    """Non-modal to the loop: `open()` it; `on_resize(dedicated, low_priority)` runs on OK."""

    def __init__(
        self, pool_id: str, dedicated: int, low_priority: int, on_resize: Callable[[int, int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resize pool {pool}").format(pool=pool_id))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dedicated = self._spin_box("dedicated", dedicated)
        self.dedicated.setAccessibleDescription(self.tr("The number of dedicated nodes the pool is to have"))
        self.low_priority = self._spin_box("lowPriority", low_priority)
        self.low_priority.setAccessibleDescription(
            self.tr("The number of low-priority (spot) nodes the pool is to have: cheaper, but they may be preempted"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        resize = buttons.button(QDialogButtonBox.StandardButton.Ok)
        resize.setText(self.tr("Resize"))
        resize.setAccessibleDescription(self.tr("Resize pool {pool} to these node counts").format(pool=pool_id))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Nodes leaving the pool have their running tasks requeued."), self))
        form.addRow(self.tr("Dedicated nodes:"), self.dedicated)
        form.addRow(self.tr("Low-priority (spot) nodes:"), self.low_priority)
        form.addRow(buttons)
        self.accepted.connect(lambda: on_resize(self.dedicated.value(), self.low_priority.value()))

    def _spin_box(self, name: str, value: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setRange(0, MAX_NODES)
        box.setValue(value)
        return box
