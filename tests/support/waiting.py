"""Waiting on a condition, bounded by a generous timeout (never a wait for a fixed time).

CI runs on a busy 2-core machine: the bound is there to end a test that would hang, not to
say how fast something must be. Speed is measured by the benchmarks.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")

TIMEOUT = 60.0
"""The default bound: generous, so that only a real hang reaches it."""


async def wait_until(
    condition: Callable[[], T | Awaitable[T]], timeout: float = TIMEOUT, what: str = "condition", interval: float = 0.05
) -> T:
    """Re-check `condition()` (plain or async) every `interval` s until it is truthy, and return its value.

    Fails with an AssertionError naming `what` once `timeout` seconds have passed.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = condition()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return value  # type: ignore[return-value]
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await asyncio.sleep(interval)


def wait_until_sync(condition: Callable[[], T], timeout: float = TIMEOUT, what: str = "condition") -> T:
    """`wait_until` for conditions checked outside any event loop (e.g. a subprocess's log)."""
    deadline = time.monotonic() + timeout
    while not (value := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)
    return value
