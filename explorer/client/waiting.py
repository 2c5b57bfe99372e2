"""Waiting for an event with a time limit, without losing a cancel.

`asyncio.wait_for` on Python 3.10/3.11 can swallow a cancel that arrives just as the
awaited event completes (gh-86296): a monitor watch closed at that moment
went on polling forever. `asyncio.wait` never swallows the caller's cancel.

`start_in_thread` starts a service in a thread without leaving it running when the
caller gives up.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def wait_event(event: asyncio.Event, timeout: float | None) -> bool:
    """Wait until `event` is set or `timeout` seconds passed; True if it was set."""
    waiter = asyncio.ensure_future(event.wait())
    try:
        await asyncio.wait({waiter}, timeout=timeout)
    finally:
        waiter.cancel()
    return event.is_set()


async def start_in_thread(start: Callable[[], T], stop: Callable[[], object]) -> T:
    """Run a blocking `start()` in a thread; if the caller is cancelled, `stop()` what it started.

    A starting thread cannot be interrupted, so a cancel waits for it to end and then
    stops the service (in a thread too) before passing the cancel on: no orphan child.
    """
    starting = asyncio.ensure_future(asyncio.to_thread(start))
    try:
        return await asyncio.shield(starting)
    except asyncio.CancelledError:
        await asyncio.gather(starting, return_exceptions=True)  # its outcome no longer matters
        await asyncio.to_thread(stop)
        raise
