"""Switching profile and quitting, end to end through the composition root, between two real Local Batch
services (each an account profile of the app): the window stays, the old connection's views and requests
end, a task followed on the first account still gets its word after the switch, and quitting while Run on
another account… waits on a service ends the dialog's work cleanly."""

from __future__ import annotations

import functools
import os
import signal
from pathlib import Path

import pytest
import shiboken6

from explorer.app import ExplorerApp
from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.profiles import ProfileSet, ProfileStore, SharedKeyProfile
from explorer.client.watching.queries import PoolsQuery
from explorer.ui.settings import Settings
from explorer.ui.views.pool_view import PoolView
from explorer.ui.views.task_view import TaskView
from tests.gui.test_task_notifications import RecordingNotifier
from tests.support.batch_scenarios import create_idle_pool, create_pool, submit_task, waiting_for_file
from tests.support.local_batch import make_client, running_local_batch
from tests.support.qt_scenarios import SCENARIO_TIMEOUT as TIMEOUT
from tests.support.qt_scenarios import until
from tests.support.waiting import wait_until


@pytest.fixture
def two_services(tmp_path: Path):
    with running_local_batch(tmp_path / "first") as first, running_local_batch(tmp_path / "second") as second:
        yield first, second


@pytest.fixture
def quick_monitor(monkeypatch):
    """The app's monitor (imported once the window shows) polls lists quickly, so that a test sees them."""
    import explorer.client.watching.monitor
    from explorer.client.watching.monitor import Monitor

    monkeypatch.setattr(explorer.client.watching.monitor, "Monitor",
                        functools.partial(Monitor, fast_interval=0.1, slow_interval=0.5))


def make_app(tmp_path: Path, services) -> ExplorerApp:
    credentials = MemoryCredentialStore()
    profiles = []
    for name, service in zip(("First", "Second"), services, strict=True):
        endpoint = service.endpoint
        profile = SharedKeyProfile(name, endpoint.account, endpoint.endpoint)
        credentials.set_secret(profile.secret_name, endpoint.key)
        profiles.append(profile)
    store = ProfileStore(tmp_path / "config")
    store.save(ProfileSet(tuple(profiles), selected="First"))
    return ExplorerApp(Settings(tmp_path / "settings.ini"), store, credentials)


async def switch(app: ExplorerApp, name: str) -> None:
    """As the Connection menu does; the switch runs as a task of the app, which says nothing when done."""
    window = app.window
    window.profileRequested.emit(name)
    await wait_until(lambda: window.current_profile == name and window.attached, TIMEOUT, f"connected to {name}")


def test_switching_profile_keeps_the_window_and_shows_the_other_accounts_pools(
    runner, qtbot, tmp_path: Path, two_services, quick_monitor
):
    first_service, second_service = two_services
    app = make_app(tmp_path, two_services)

    async def scenario():
        async with make_client(first_service) as first_client, make_client(second_service) as second_client:
            await create_pool(first_client, "pool-on-first", 1)
            await create_pool(second_client, "pool-on-second", 1)
        try:
            window = await app.start()
            qtbot.addWidget(window)
            window.resize(1300, 850)
            window.splitter.setSizes([400, 900])
            navigator = window.navigator_panel
            await until(navigator.updated, lambda: navigator.ids("pool") == ["pool-on-first"], TIMEOUT, "first pools")
            first_view = window.open_pool("pool-on-first")
            first_connection, first_monitor = app.connection, app.monitor

            await switch(app, "Second")
            assert app.window is window and window.isVisible()  # the same window, not a new one
            assert (window.width(), window.height(), window.splitter.sizes()[0]) == (1300, 850, 400)
            assert window.windowTitle() == "MPI Explorer — Second"
            # The first account's view is gone with its connection, which is closed: nothing polls it.
            assert window.view_keys() == [] and first_view.owner.pending == 0 and not first_view.is_live()
            assert first_connection._closed and first_monitor.last_polled(PoolsQuery()) is None
            assert app.connection is not first_connection
            await until(navigator.updated, lambda: navigator.ids("pool") == ["pool-on-second"], TIMEOUT,
                        "the second account's pools")

            await switch(app, "First")  # back: the view open there opens again
            assert window.view_keys() == [("pool", "pool-on-first")]
            assert isinstance(window.current_view(), PoolView)
            await until(navigator.updated, lambda: navigator.ids("pool") == ["pool-on-first"], TIMEOUT, "first again")
            return app.profiles.load().selected
        finally:
            await app.shutdown()

    assert runner.run(scenario()) == "First"  # the choice is remembered


def test_a_task_followed_on_one_profile_says_when_it_ends_after_switching_to_another(
    runner, qtbot, tmp_path: Path, two_services, quick_monitor
):
    """The user opened a task on the first account and went on to the second: the word still comes, says
    which account, and clicking it goes back there; the first connection then closes (nothing follows it)."""
    first_service, _ = two_services
    app = make_app(tmp_path, two_services)
    released = tmp_path / "released"

    async def scenario():
        async with make_client(first_service) as client:
            await create_idle_pool(client, "p", 1)
            await submit_task(client, "p", "job", "long-run", waiting_for_file(released))
        try:
            window = await app.start()
            qtbot.addWidget(window)
            window.task_notifications.notifier = recorder = RecordingNotifier()
            view = window.open_task("job", "long-run")
            await wait_until(lambda: view.task is not None and view.task.state == "running", TIMEOUT, "running")
            first_connection = app.connection

            await switch(app, "Second")
            assert window.task_notifications.following("First") == [("job", "long-run")]
            assert not first_connection._closed  # kept open for the word

            released.touch()
            await wait_until(lambda: recorder.words, TIMEOUT, "the word that the task ended")
            word = recorder.words[0]
            assert word.title == "Task long-run completed"
            assert word.message == "exit code 0, in job job\non First"
            await wait_until(lambda: first_connection._closed, TIMEOUT, "the first connection closed")
            assert window.current_profile == "Second"

            word.click()  # back to the first account, on that task
            await wait_until(lambda: window.current_profile == "First" and window.attached, TIMEOUT, "First")
            shown = window.current_view()
            assert isinstance(shown, TaskView) and (shown.job_id, shown.task_id) == ("job", "long-run")
            return len(recorder.words)
        finally:
            await app.shutdown()

    assert runner.run(scenario()) == 1


@pytest.mark.parametrize("stalled", ["listing the pools there", "reading the task here"])
def test_quitting_while_run_on_another_account_waits_on_a_service_ends_it_cleanly(
    runner, qtbot, tmp_path: Path, two_services, stalled
):
    """The service the dialog waits on is stopped (SIGSTOP: its requests get no answer) as the app quits:
    the quit does not wait for it, the dialog's tasks end, its connection to the other account closes,
    and nothing is left pending for after the loop (the test's end checks that no task is left)."""
    first_service, second_service = two_services
    app = make_app(tmp_path, two_services)
    frozen = second_service if stalled == "listing the pools there" else first_service

    async def scenario():
        async with make_client(first_service) as client:
            await create_pool(client, "p", 0)
            await submit_task(client, "p", "job", "rehearsed", "echo hello", instances=2)
        window = await app.start()
        qtbot.addWidget(window)
        window.open_task("job", "rehearsed")
        try:
            if frozen is first_service:
                os.kill(frozen.pid, signal.SIGSTOP)
            dialog = app.run_elsewhere("job", "rehearsed")
            if frozen is second_service:
                await until(dialog.changed, lambda: dialog.profile.findData("Second") >= 0, TIMEOUT, "the other account")
                os.kill(frozen.pid, signal.SIGSTOP)
                dialog.profile.setCurrentIndex(dialog.profile.findData("Second"))
                await wait_until(lambda: dialog.status.text().startswith("Connecting to Second"), TIMEOUT)
            assert dialog.tasks.pending == 1  # it waits on the stopped service
            target = dialog.target
            await app.shutdown()
            return dialog.tasks.pending, dialog.target, target is None or target._closed, shiboken6.isValid(dialog)
        finally:
            os.kill(frozen.pid, signal.SIGCONT)
            await app.shutdown()  # (again, if the scenario failed before)

    assert runner.run(scenario()) == (0, None, True, False)
    assert not app._run_elsewhere
