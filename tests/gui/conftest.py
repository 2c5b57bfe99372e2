"""GUI test fixtures: a qasync loop on the test's QApplication.

Async scenarios run with ``loop.run_until_complete(...)`` and await futures that
the views' signals complete (``qtbot.waitSignal`` cannot spin a loop that qasync
owns). Any exception that reaches the loop's handler fails the test.
"""

from __future__ import annotations

import asyncio
import gc

import pytest
import qasync


@pytest.fixture
def loop(qapp):
    event_loop = qasync.QEventLoop(qapp, already_running=False)
    errors: list[dict] = []

    def on_error(the_loop, context):
        errors.append(context)
        the_loop.default_exception_handler(context)

    event_loop.set_exception_handler(on_error)
    asyncio.set_event_loop(event_loop)
    try:
        yield event_loop
        pending = [t for t in asyncio.all_tasks(event_loop) if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            event_loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        # "Task exception was never retrieved" is reported when the task is collected.
        gc.collect()
    finally:
        event_loop.close()
        asyncio.set_event_loop(None)
    assert not errors, f"unhandled exceptions in tasks: {errors}"


@pytest.fixture
def signal_future(loop):
    """``signal_future(sig)`` -> a future completed with the next emission's arguments."""

    def make(signal) -> asyncio.Future:
        future = loop.create_future()

        def on_emit(*args):
            signal.disconnect(on_emit)
            if not future.done():
                future.set_result(args[0] if len(args) == 1 else args)

        signal.connect(on_emit)
        return future

    return make
