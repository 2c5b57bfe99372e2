"""Async GUI scenarios on the qasync loop, and waits on Qt signals.

qasync runs asyncio on the Qt loop, so a scenario is a coroutine run with
`loop.run_until_complete` that awaits what the widgets' signals say (`next_emission`,
`until`); `qtbot.waitSignal` cannot spin a loop that qasync owns. Each wait is bounded
generously (a hang ends the test, a slow machine does not).

The widgets a scenario shows are registered with qtbot; at the end of the test the GUI
conftest closes them, winds up their tasks and checks that nothing was left running
(`tests.support.dangling`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

import qasync
from PySide6.QtWidgets import QWidget

from tests.support.dangling import close_widgets
from tests.support.waiting import TIMEOUT

W = TypeVar("W", bound=QWidget)
T = TypeVar("T")

SCENARIO_TIMEOUT = 90.0
"""A bound on a whole scenario (and its waits), not a wait."""


class ScenarioLoop(qasync.QEventLoop):
    """qasync's loop, for tests that run it step by step (`run_until_complete` again and again).

    qasync's `run_until_complete` processes Qt events once more after its loop stopped, with no
    asyncio loop running: a task stepped then (a view's poll that had just started) fails with
    "no running event loop", now and then, depending on what was due as the step ended. Here
    that last pass runs with this loop as the running one. (The app runs its loop only once.)
    """

    def _after_run_forever(self) -> None:
        super()._after_run_forever()
        asyncio.events._set_running_loop(self)  # for the last pass of run_until_complete

    def run_until_complete(self, future):
        try:
            return super().run_until_complete(future)
        finally:
            asyncio.events._set_running_loop(None)


class ScenarioRunner:
    """Runs scenarios on the test's qasync loop and shows their widgets registered with qtbot."""

    def __init__(self, loop: asyncio.AbstractEventLoop, qtbot, timeout: float = SCENARIO_TIMEOUT) -> None:
        self._loop = loop
        self._qtbot = qtbot
        self.timeout = timeout
        self._shown: list[QWidget] = []

    def show(self, widget: W, size: tuple[int, int] | None = (1100, 800)) -> W:
        """`show` the widget; inside a scenario, as a view subscribes to the monitor when it is shown."""
        self._shown.append(show(self._qtbot, widget, size))
        return widget

    def run(self, scenario: Awaitable[T], timeout: float | None = None) -> T:
        """Run one step of a test on the loop (bounded); the widgets stay open for the next one."""
        return self._loop.run_until_complete(asyncio.wait_for(scenario, timeout or self.timeout))

    def run_to_end(self, scenario: Coroutine[Any, Any, T]) -> T:
        """Run the whole scenario, then close every widget it showed and wind up their tasks."""
        try:
            return self.run(scenario)
        finally:
            close_widgets(self._loop, self._shown)
            self._shown.clear()


def show(qtbot, widget: W, size: tuple[int, int] | None = (1100, 800)) -> W:
    """Register `widget` with qtbot (closed, deleted and checked at the end of the test), size it
    (unless `size` is None) and show it."""
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)
    widget.show()
    return widget


def next_emission(signal, timeout: float = TIMEOUT) -> Awaitable[tuple]:
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


async def until(signal, condition: Callable[[], T], timeout: float = TIMEOUT, what: str = "condition") -> T:
    """Wait (re-checking on each emission of `signal`) until `condition()` is truthy; returns its value."""
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
