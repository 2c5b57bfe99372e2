"""Waiting for an event with a time limit, without losing a cancel.

`asyncio.wait_for` on Python 3.10/3.11 can swallow a cancel that arrives just as the
awaited event completes (gh-86296): a monitor watch closed at that moment
went on polling forever. `asyncio.wait` never swallows the caller's cancel.
"""

from __future__ import annotations

import asyncio


async def wait_event(event: asyncio.Event, timeout: float | None) -> bool:
    """Wait until `event` is set or `timeout` seconds passed; True if it was set."""
    waiter = asyncio.ensure_future(event.wait())
    try:
        await asyncio.wait({waiter}, timeout=timeout)
    finally:
        waiter.cancel()
    return event.is_set()
