"""The one owner of the asyncio tasks a widget, view or the app starts.

Every coroutine a widget runs belongs to a `TaskOwner`: it keeps a reference (so the
task is not collected mid-flight), cancels tasks by slot when the selection changes
(`start(coro, slot="details")` replaces the previous "details" task; a newer scroll
supersedes an older one) and cancels everything when the widget is destroyed.
Failures other than cancellation go to `on_error`, so a view can show them where they
happened; without one, to the loop's exception handler, where the application logs
and shows them. Nothing is left unretrieved.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject

ErrorHandler = Callable[[BaseException], None]


class TaskOwner:
    def __init__(self, widget: QObject | None = None, on_error: ErrorHandler | None = None) -> None:
        """With `widget`, all tasks are cancelled when it is destroyed."""
        self._tasks: set[asyncio.Task] = set()
        self._slots: dict[str, asyncio.Task] = {}
        self.on_error = on_error
        if widget is not None:
            widget.destroyed.connect(self.cancel_all)

    def start(self, coro: Coroutine[Any, Any, Any], slot: str | None = None) -> asyncio.Task:
        """Run `coro`; with `slot`, first cancel the task that held that slot."""
        if slot is not None:
            self.cancel(slot)
        task = asyncio.get_event_loop().create_task(coro)
        self._tasks.add(task)
        if slot is not None:
            self._slots[slot] = task
        task.add_done_callback(lambda t: self._finished(t, slot))
        return task

    def cancel(self, slot: str) -> None:
        task = self._slots.pop(slot, None)
        if task is not None:
            task.cancel()

    def cancel_all(self, *_args: object) -> None:
        for task in list(self._tasks):
            task.cancel()
        self._slots.clear()

    async def wind_up(self) -> None:
        """Cancel every task and wait until each has ended (before the client they use is closed)."""
        tasks = list(self._tasks)
        self.cancel_all()
        await asyncio.gather(*tasks, return_exceptions=True)

    def running(self, slot: str) -> bool:
        task = self._slots.get(slot)
        return task is not None and not task.done()

    @property
    def pending(self) -> int:
        return sum(1 for t in self._tasks if not t.done())

    def _finished(self, task: asyncio.Task, slot: str | None) -> None:
        self._tasks.discard(task)
        if slot is not None and self._slots.get(slot) is task:
            del self._slots[slot]
        if task.cancelled():
            return
        error = task.exception()
        if error is None:
            return
        if self.on_error is not None:
            self.on_error(error)
        else:
            task.get_loop().call_exception_handler(
                {"message": f"unhandled exception in task {task.get_name()!r} (slot {slot!r})", "exception": error,
                 "task": task}
            )


def owners_within(widget: QObject) -> list[TaskOwner]:
    """The task owners held by `widget` and by the objects below it (a view and its panes)."""
    objects = [widget, *widget.findChildren(QObject)]
    return [value for obj in objects for value in vars(obj).values() if isinstance(value, TaskOwner)]
