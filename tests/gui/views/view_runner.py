"""Running a view scenario on the qasync loop, and closing its views while the loop runs.

pytest-qt processes Qt events after each test; a view still watching then would run
asyncio callbacks with no loop running. So `run` closes every view it showed and
winds up what is left (as the loop fixture does, but before pytest-qt's turn).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Coroutine
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)

SCENARIO_TIMEOUT = 90.0
"""Generous: a bound on a scenario (and its waits), not a wait."""


class ViewRunner:
    def __init__(self, loop: asyncio.AbstractEventLoop, qtbot, timeout: float = SCENARIO_TIMEOUT) -> None:
        self._loop = loop
        self._qtbot = qtbot
        self.timeout = timeout
        self._views: list[QWidget] = []

    async def _then_close(self, scenario: Awaitable[Any]) -> Any:
        """The scenario, then its views closed while the loop still runs: qasync processes Qt events
        once more after the loop stopped, and a read a view started then would run with no loop."""
        try:
            return await scenario
        finally:
            for view in self._views:
                view.close()

    def show(self, view: W, width: int = 1100, height: int = 800) -> W:
        self._qtbot.addWidget(view)
        view.resize(width, height)
        view.show()
        self._views.append(view)
        return view

    def run(self, scenario: Coroutine[Any, Any, Any]) -> Any:
        try:
            return self._loop.run_until_complete(self._then_close(asyncio.wait_for(scenario, self.timeout)))
        finally:
            for view in self._views:
                view.close()
            # Also cancelled again: under Python 3.11 a cancel racing with asyncio.wait_for's
            # own completion is lost (gh-86296), so a closed view's monitor poll may live on.
            pending = [task for task in asyncio.all_tasks(self._loop) if not task.done()]
            for task in pending:
                task.cancel()
            self._loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
