"""Helpers for view tests: answering confirmations, and a navigator that records what views open."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from explorer.ui.dialogs.confirm import CONFIRM_BUTTON


def confirm_dialog(parent: QWidget) -> QMessageBox:
    boxes = [box for box in parent.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1, f"expected one open confirmation, found {len(boxes)}"
    return boxes[0]


def accept_confirmation(parent: QWidget) -> str:
    """Press the action button of the confirmation open over `parent`; returns its text."""
    box = confirm_dialog(parent)
    text = box.text()
    box.findChild(QPushButton, CONFIRM_BUTTON).click()
    return text


class RecordingNavigator:
    """A `Navigator` that records what the views asked to open."""

    def __init__(self) -> None:
        self.opened: list[tuple[str, ...]] = []

    def open_pool(self, pool_id: str) -> None:
        self.opened.append(("pool", pool_id))

    def open_node(self, pool_id: str, node_id: str) -> None:
        self.opened.append(("node", pool_id, node_id))

    def open_job(self, job_id: str) -> None:
        self.opened.append(("job", job_id))

    def open_task(self, job_id: str, task_id: str) -> None:
        self.opened.append(("task", job_id, task_id))
