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


@pytest.fixture
def local_batch_service(tmp_path):
    """A real Local Batch (child process) for a GUI test; nodes boot in 0.05 s."""
    from explorer.client.local.local_batch import LocalBatchService
    from tests.integration.conftest import stop_service_tree

    service = LocalBatchService(tmp_path / "localbatch", extra_args=("--node-start-seconds", "0.05"))
    service.start()
    yield service
    stop_service_tree(service)


@pytest.fixture
def gui_connection(loop, local_batch_service):
    """A `Connection` to that Local Batch, opened on the test's qasync loop."""
    from explorer.client.connecting.client_factory import ClientFactory
    from explorer.client.connecting.credentials import MemoryCredentialStore
    from explorer.client.connecting.profiles import LocalBatchProfile

    factory = ClientFactory(MemoryCredentialStore(), local_service=local_batch_service)
    connection = loop.run_until_complete(factory.connect(LocalBatchProfile(data_dir=local_batch_service.data_dir)))
    yield connection
    loop.run_until_complete(connection.close())


@pytest.fixture
def services(loop, gui_connection, tmp_path):
    """`ViewServices` over a real Local Batch, as app.py builds them, with quick polling."""
    from explorer.client.acting.operations import BatchOperations
    from explorer.client.watching.monitor import Monitor
    from explorer.ui.services import ViewServices
    from explorer.ui.settings import Settings

    monitor = Monitor(gui_connection.client, fast_interval=0.1, slow_interval=0.5)
    yield ViewServices(monitor, BatchOperations(gui_connection.client), Settings(tmp_path / "settings.ini"))
    loop.run_until_complete(monitor.close())


@pytest.fixture
def batch_client(gui_connection):
    """The raw SDK client, for tests to set up pools and tasks that the views then show."""
    return gui_connection.client
