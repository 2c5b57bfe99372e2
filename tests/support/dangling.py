"""What a test leaves behind: its asyncio tasks, running timers and open top-level widgets.

`cancel_leftover_tasks` is the one wind-up of a loop's leftover tasks (the GUI loop
fixture and the end-of-test check use it). `DanglingCheck` is the end-of-test check of the
GUI tests (as napari's): the widgets registered with qtbot are closed, as the app closes
a view, then deleted; a test fails if a timer it started still runs once they are closed,
if a task is still pending once they are deleted (every task has an owner that ends it),
or if a top-level widget it showed is still open (neither closed nor registered).
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

SETTLE_TIMEOUT = 10.0
"""How long ended work may take to wind up (a cancelled request, a closing stream): generous."""


def _pending(loop: asyncio.AbstractEventLoop) -> list[asyncio.Task]:
    return [task for task in asyncio.all_tasks(loop) if not task.done()]


def settle(loop: asyncio.AbstractEventLoop, timeout: float = SETTLE_TIMEOUT) -> list[asyncio.Task]:
    """Run `loop` until no task is pending or `timeout` s passed; returns the tasks still pending."""

    async def settled() -> None:
        me = asyncio.current_task()
        deadline = loop.time() + timeout
        while (others := [t for t in _pending(loop) if t is not me]) and loop.time() < deadline:
            await asyncio.wait(others, timeout=deadline - loop.time())

    if _pending(loop):
        loop.run_until_complete(settled())
    return _pending(loop)


def cancel_leftover_tasks(loop: asyncio.AbstractEventLoop) -> list[asyncio.Task]:
    """Cancel every task still pending on `loop` and run it until they have ended; returns them."""
    leftovers = _pending(loop)
    for task in leftovers:
        task.cancel()
    still = settle(loop)
    # A cancel that lands as a wait ends can be lost (gh-86296, Python <= 3.11): ask once more.
    for task in still:
        task.cancel()
    if settle(loop):
        raise AssertionError(f"tasks that ignore cancellation: {describe_tasks(_pending(loop))}")
    for task in leftovers:
        if not task.cancelled():
            task.exception()  # retrieved, as gather(return_exceptions=True) would: they were ended
    return leftovers


def close_widgets(loop: asyncio.AbstractEventLoop, widgets: Iterable[QWidget]) -> None:
    """Close `widgets` as the app closes a view, then let the work they end wind up.

    Closed while the loop runs: work a widget ends (or starts) as it closes is then stepped
    by the loop, never by Qt events processed later outside it (qasync steps tasks from Qt
    events, and outside `run_until_complete` no asyncio loop runs)."""
    _close_in_loop(loop, widgets)
    settle(loop)


def _close_in_loop(loop: asyncio.AbstractEventLoop | None, widgets: Iterable[QWidget]) -> None:
    def close() -> None:
        for widget in widgets:
            if shiboken6.isValid(widget):
                widget.close()

    async def closing() -> None:
        close()
        await asyncio.sleep(0)

    if loop is None or loop.is_closed():
        close()
    else:
        loop.run_until_complete(closing())


def describe_tasks(tasks: Iterable[asyncio.Task]) -> str:
    return ", ".join(f"{task.get_name()} ({task.get_coro().__qualname__})" for task in tasks)


def _address(widget: QWidget) -> int:
    """The C++ object's address: a wrapper's id changes when Python collects and remakes it."""
    return shiboken6.getCppPointer(widget)[0]


def _describe_object(obj: QObject) -> str:
    name = type(obj).__name__
    return f"{name} {obj.objectName()!r}" if obj.objectName() else name


def _owner_chain(timer: QTimer) -> str:
    owners = []
    parent = timer.parent()
    while parent is not None:
        owners.append(_describe_object(parent))
        parent = parent.parent()
    return f"of {' in '.join(owners)}" if owners else "without a parent"


class DanglingCheck:
    """Tracks what one GUI test starts and says what it left behind."""

    def __init__(self, settle_timeout: float = SETTLE_TIMEOUT) -> None:
        self._settle_timeout = settle_timeout
        self._before = {_address(w) for w in QApplication.topLevelWidgets()}
        self._timers: list[weakref.ref[QTimer]] = []
        self._start = QTimer.start
        timers, start = self._timers, self._start

        def tracked_start(timer: QTimer, *args) -> None:
            timers.append(weakref.ref(timer))
            start(timer, *args)

        QTimer.start = tracked_start  # type: ignore[method-assign]

    def stop_tracking(self) -> None:
        QTimer.start = self._start  # type: ignore[method-assign]

    def running_timers(self) -> list[str]:
        """Timers started during the test that still run."""
        alive = (ref() for ref in self._timers)
        running = {id(t): t for t in alive if t is not None and shiboken6.isValid(t) and t.isActive()}
        return [f"QTimer every {t.interval()} ms {_owner_chain(t)}" for t in running.values()]

    def wind_up(self, loop: asyncio.AbstractEventLoop | None, widgets: list[QWidget]) -> list[str]:
        """Close, then delete the test's widgets; returns what was left running or open."""
        problems = []
        _close_in_loop(loop, widgets)
        if timers := self.running_timers():
            problems.append(f"timers still running after their widgets closed: {'; '.join(timers)}")
        # Deleted outside the loop, which only schedules what their owners cancel: it runs below.
        for widget in widgets:
            if shiboken6.isValid(widget):
                widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if loop is not None and not loop.is_closed():
            if still := settle(loop, self._settle_timeout):
                problems.append(f"asyncio tasks still pending after the test's widgets were deleted: "
                                f"{describe_tasks(still)}")
            cancel_leftover_tasks(loop)
        if left_open := self._open_windows():
            problems.append(f"top-level widgets left open (close them, or register them with qtbot): "
                            f"{', '.join(_describe_object(w) for w in left_open)}")
            _close_in_loop(loop, left_open)
        return problems

    def _open_windows(self) -> list[QWidget]:
        """Top-level widgets made during the test that are still shown."""
        return [w for w in QApplication.topLevelWidgets() if w.isVisible() and _address(w) not in self._before]
