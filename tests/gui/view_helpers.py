"""Helpers for view tests: waiting on signals, a recording navigator, answering dialogs."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from explorer.ui.dialogs.confirm import CONFIRM_BUTTON

W = TypeVar("W", bound=QWidget)


def next_emission(signal, timeout: float = 30.0) -> Awaitable[tuple]:
    """The arguments of `signal`'s next emission; connected now, so emit after calling this."""
    future = asyncio.get_event_loop().create_future()

    def on_emit(*args):
        if not future.done():
            future.set_result(args)

    signal.connect(on_emit)

    async def wait() -> tuple:
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            signal.disconnect(on_emit)

    return wait()


async def until(signal, condition: Callable[[], Any], timeout: float = 30.0, what: str = "condition") -> Any:
    """Wait (re-checking on each emission of `signal`) until `condition()` is truthy."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not (value := condition()):
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise AssertionError(f"timed out waiting for {what}")
        try:
            await next_emission(signal, remaining)
        except asyncio.TimeoutError:
            raise AssertionError(f"timed out waiting for {what}") from None
    return value


def show_view(qtbot, view: W, width: int = 1000, height: int = 700) -> W:
    """Register `view` with qtbot and show it (call inside the running loop: showing subscribes)."""
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    return view


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
