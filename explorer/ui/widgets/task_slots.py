"""Ownership of the asyncio tasks a widget starts."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine


class TaskSlots:
    """Named slots holding at most one task each.

    Starting a task in a slot cancels the one there (a newer scroll supersedes an
    older one); ``cancel_all`` is for the owner's close. Exceptions other than
    cancellation go to the loop's exception handler, where the application logs
    and shows them, instead of waiting for the task to be garbage-collected.
    """

    def __init__(self) -> None:
        self._tasks: dict[str, asyncio.Task] = {}

    def start(self, slot: str, coro: Coroutine) -> asyncio.Task:
        self.cancel(slot)
        task = asyncio.ensure_future(coro)
        self._tasks[slot] = task
        task.add_done_callback(lambda t: self._done(slot, t))
        return task

    def get(self, slot: str) -> asyncio.Task | None:
        return self._tasks.get(slot)

    def cancel(self, slot: str) -> None:
        task = self._tasks.pop(slot, None)
        if task is not None:
            task.cancel()

    def cancel_all(self) -> None:
        for slot in list(self._tasks):
            self.cancel(slot)

    def _done(self, slot: str, task: asyncio.Task) -> None:
        if self._tasks.get(slot) is task:
            del self._tasks[slot]
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            task.get_loop().call_exception_handler(
                {
                    "message": f"unhandled exception in task slot {slot!r}",
                    "exception": exc,
                    "task": task,
                }
            )
