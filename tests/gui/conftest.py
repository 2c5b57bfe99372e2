"""GUI test fixtures: a qasync loop on the test's QApplication, a scenario runner, a real Local Batch,
and the end-of-test check that nothing a test started is left running.

Async scenarios run with the `runner` fixture (`tests.support.qt_scenarios`) and await what
the widgets' signals say. Any exception that reaches the loop's handler fails the test.
"""

from __future__ import annotations

import asyncio
import gc

import pytest

from tests.support.dangling import DanglingCheck, cancel_leftover_tasks
from tests.support.local_batch import connect, running_local_batch
from tests.support.qt_scenarios import ScenarioLoop, ScenarioRunner
from tests.support.samples import served_samples

DANGLING = pytest.StashKey[DanglingCheck]()


@pytest.fixture(autouse=True)
def no_dangling_resources(request, qapp):
    """Fail the test if it leaves tasks, timers or open windows behind (see `DanglingCheck`),
    checked as the test ends (`pytest_runtest_call`)."""
    check = request.node.stash[DANGLING] = DanglingCheck()
    yield
    check.stop_tracking()


@pytest.fixture(autouse=True)
def windows_never_quit_the_loop(qapp):
    """Closing the last window does not quit the loop a test runs on, whichever test ran before:
    the app turns Qt's quit-on-last-window-closed off for good (`ExplorerApp`), so every test does."""
    previous = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(previous)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Wind up the test's widgets and tasks before pytest-qt processes events after it: qasync
    steps tasks from Qt events, and outside `run_until_complete` no asyncio loop runs."""
    try:
        result = yield
    except BaseException:
        _wind_up(item)  # the test's own failure says more
        raise
    if problems := _wind_up(item):
        pytest.fail("\n".join(problems), pytrace=False)
    return result


def _wind_up(item) -> list[str]:
    check = item.stash.get(DANGLING, None)
    if check is None:
        return []
    # pytest-qt keeps the widgets registered with qtbot as weak references on the item; they are
    # closed and deleted here, where the loop can still run what that ends, instead of by pytest-qt.
    widgets = [widget for ref, _ in getattr(item, "qt_widgets", []) if (widget := ref()) is not None]
    item.qt_widgets = []
    return check.wind_up(item.funcargs.get("loop"), widgets)


@pytest.fixture
def loop(qapp):
    event_loop = ScenarioLoop(qapp, already_running=False)
    errors: list[dict] = []

    def on_error(the_loop, context):
        errors.append(context)
        the_loop.default_exception_handler(context)

    event_loop.set_exception_handler(on_error)
    asyncio.set_event_loop(event_loop)
    try:
        yield event_loop
        cancel_leftover_tasks(event_loop)  # what the fixtures' teardown left
        # "Task exception was never retrieved" is reported when the task is collected.
        gc.collect()
    finally:
        event_loop.close()
        asyncio.set_event_loop(None)
    assert not errors, f"unhandled exceptions in tasks: {errors}"


@pytest.fixture
def runner(loop, qtbot) -> ScenarioRunner:
    return ScenarioRunner(loop, qtbot)


@pytest.fixture
def samples(loop):
    """explorer/resources/samples served on loopback, on the test's qasync loop."""
    served = served_samples()
    yield loop.run_until_complete(served.__aenter__())
    loop.run_until_complete(served.__aexit__(None, None, None))


@pytest.fixture
def local_batch_service(tmp_path):
    """A real Local Batch (child process) for a GUI test."""
    with running_local_batch(tmp_path / "localbatch") as service:
        yield service


@pytest.fixture
def gui_connection(loop, local_batch_service):
    """A `Connection` to that Local Batch, opened on the test's qasync loop."""
    connection = loop.run_until_complete(connect(local_batch_service))
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
