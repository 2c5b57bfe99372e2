"""The composition root, end to end: the real command line, and the app's own choices."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from explorer.app import ExplorerApp
from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.profiles import ProfileStore
from tests.support.processes import processes_with_env
from tests.support.waiting import wait_until


def _user_dirs() -> dict[str, str]:
    return {k: os.environ[k] for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")}


def test_demo_screenshot_run_shows_the_task_and_leaves_nothing_running(tmp_path: Path):
    shot = tmp_path / "shot.png"
    env = {**os.environ, **_user_dirs(), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "explorer", "--demo", "--screenshot", str(shot), "--quit-after", "12"],
        env=env, capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert not image.isNull() and image.width() >= 800 and image.height() >= 500
    log = (Path(env["XDG_STATE_HOME"]) / "mpi-explorer" / "log" / "explorer.log").read_text()
    assert "demo task mpi-progress-" in log and " ERROR " not in log, log[-3000:]
    # Local Batch, its task processes and Azurite were all stopped with the app: no
    # process is left that inherited this run's user dirs.
    assert not processes_with_env("XDG_DATA_HOME", env["XDG_DATA_HOME"])


def test_a_broken_profiles_file_falls_back_to_local_batch(runner, qtbot, tmp_path: Path):
    from explorer.ui.settings import Settings

    store = ProfileStore(tmp_path / "config")
    store.config_dir.mkdir()
    store.path.write_text("{not json")
    app = ExplorerApp(Settings(tmp_path / "settings.ini"), store, MemoryCredentialStore())

    async def scenario():
        try:
            window = await app.start()
            qtbot.addWidget(window)
            return window.current_profile, app.connection.local_service is not None
        finally:
            await app.shutdown()

    assert runner.run(scenario()) == ("Local Batch", True)


def test_a_bundled_sample_opens_the_task_wizard_with_its_files_served(runner, qtbot, tmp_path: Path):
    import aiohttp

    from explorer.ui.settings import Settings

    app = ExplorerApp(Settings(tmp_path / "settings.ini"), ProfileStore(tmp_path / "config"), MemoryCredentialStore())

    async def scenario():
        try:
            qtbot.addWidget(await app.start())
            wizard = await app.open_sample("mpi-hello")
            qtbot.addWidget(wizard)
            spec = wizard.spec()
            url = spec.common_resource_files[0].http_url
            async with aiohttp.ClientSession() as session, session.get(url) as response:
                body = await response.read()
            return spec, response.status, body
        finally:
            await app.shutdown()

    spec, status, body = runner.run(scenario())
    assert spec.number_of_instances == 4 and "mpiexec" in spec.command_line
    assert status == 200 and b"MPI" in body


def test_choosing_another_profile_keeps_the_window_stops_local_batch_and_remembers_the_choice(
    runner, qtbot, tmp_path: Path, local_batch_service
):
    """From the embedded Local Batch to an account: the same window, connected to the account; the
    Local Batch the app started stops with its connection (no task of it was followed)."""
    from explorer.client.connecting.profiles import LocalBatchProfile, ProfileSet, SharedKeyProfile
    from explorer.ui.settings import Settings

    endpoint = local_batch_service.endpoint
    credentials = MemoryCredentialStore()
    remote = SharedKeyProfile("Remote", endpoint.account, endpoint.endpoint)
    credentials.set_secret(remote.secret_name, endpoint.key)
    store = ProfileStore(tmp_path / "config")
    store.save(ProfileSet((LocalBatchProfile(data_dir=tmp_path / "own-localbatch"), remote)))
    app = ExplorerApp(Settings(tmp_path / "settings.ini"), store, credentials)

    async def scenario():
        try:
            first = await app.start()
            qtbot.addWidget(first)
            embedded = app.connection.local_service
            first.profileRequested.emit("Remote")
            # The switch runs as a task of the app, which says nothing when it is done.
            await wait_until(lambda: first.current_profile == "Remote" and first.attached, what="switched")
            return app.window is first, first.isVisible(), app.connection.endpoint, embedded.is_running()
        finally:
            await app.shutdown()

    same, visible, endpoint_url, embedded_running = runner.run(scenario())
    assert same and visible and endpoint_url == endpoint.endpoint and not embedded_running
    assert store.load().selected == "Remote"


def test_the_navigator_lists_what_the_demo_created_at_once(runner, qtbot, tmp_path: Path, monkeypatch):
    """Issue 17: the navigator said "Pools 0 / Jobs 0" as the demo window appeared and showed the new pool
    and job about 10 s late (its next slow poll). What the app creates is polled for at once: here the
    slow poll never comes during the test."""
    import functools

    import explorer.client.watching.monitor
    from explorer.client.watching.monitor import Monitor
    from explorer.ui.settings import Settings
    from tests.support.qt_scenarios import until

    # The app imports the monitor once the window shows (cold start), from its module.
    monkeypatch.setattr(explorer.client.watching.monitor, "Monitor", functools.partial(Monitor, slow_interval=3600))
    app = ExplorerApp(Settings(tmp_path / "settings.ini"), ProfileStore(tmp_path / "config"), MemoryCredentialStore())

    async def scenario():
        try:
            window = await app.start()
            qtbot.addWidget(window)
            navigator = window.navigator_panel
            await until(navigator.updated, lambda: navigator.pools_known, what="the first listing")
            await app.run_demo()
            await until(navigator.updated, lambda: "mpi-demo" in navigator.ids("pool") and navigator.ids("job"),
                        what="the demo's pool and job in the navigator")
            return navigator.ids("job")
        finally:
            await app.shutdown()

    assert runner.run(scenario()) == ["mpi-demo"]


def app_on_remote(tmp_path: Path, service) -> ExplorerApp:
    """The app with two profiles, on "Remote" (the test's Local Batch) rather than its own Local Batch."""
    from explorer.client.connecting.profiles import LocalBatchProfile, ProfileSet, SharedKeyProfile
    from explorer.ui.settings import Settings

    endpoint = service.endpoint
    credentials = MemoryCredentialStore()
    remote = SharedKeyProfile("Remote", endpoint.account, endpoint.endpoint)
    credentials.set_secret(remote.secret_name, endpoint.key)
    store = ProfileStore(tmp_path / "config")
    store.save(ProfileSet((LocalBatchProfile(data_dir=tmp_path / "own-localbatch"), remote), selected="Remote"))
    return ExplorerApp(Settings(tmp_path / "settings.ini"), store, credentials)


def test_run_on_another_account_opens_its_dialog_on_the_task_shown(runner, qtbot, tmp_path: Path, local_batch_service):
    """The window's New > Run on another account… reaches the composition root, which opens the dialog
    with the task the window shows and this window's account as the source."""
    from explorer.ui.dialogs.run_elsewhere import RunElsewhereDialog

    app = app_on_remote(tmp_path, local_batch_service)

    async def scenario():
        try:
            window = await app.start()
            qtbot.addWidget(window)
            window.open_task("rehearsal", "mpi-run")
            window.run_elsewhere_action.trigger()
            dialog = window.findChild(RunElsewhereDialog)
            assert dialog is not None
            # It reads the task first: there is none here, which it says.
            await wait_until(lambda: "JobNotFound" in dialog.status.text(), what="the dialog's answer")
            return dialog.isVisible(), dialog.source
        finally:
            await app.shutdown()

    shown, source = runner.run(scenario())
    assert shown
    assert (source.label, source.job_id, source.task_id) == ("Remote", "rehearsal", "mpi-run")


def test_the_task_wizards_run_on_another_account_opens_its_dialog_with_the_wizards_task(
    runner, qtbot, tmp_path: Path, local_batch_service
):
    """The review page's Run on another account… reaches the composition root the way the window's action
    does: the same dialog, with the task the wizard would submit (not a task read back) and this account."""
    from explorer.ui.dialogs.run_elsewhere import RunElsewhereDialog
    from explorer.ui.wizards.task_wizard import TaskWizard

    app = app_on_remote(tmp_path, local_batch_service)

    async def scenario():
        try:
            window = await app.start()
            qtbot.addWidget(window)
            window.newTaskRequested.emit()
            wizard = window.findChild(TaskWizard)
            button = wizard.run_elsewhere_button
            offered = button.isEnabled(), button.toolTip()
            button.click()
            dialog = window.findChild(RunElsewhereDialog)
            assert dialog is not None
            await wait_until(lambda: dialog.profile.count() == 1, what="the other account offered")
            return offered, dialog.isVisible(), dialog.source, wizard.spec()
        finally:
            await app.shutdown()

    (enabled, tooltip), shown, source, spec = runner.run(scenario())
    assert enabled and tooltip.startswith("Send this task, as it stands, to another account")
    assert shown and source.spec == spec and source.label == "Remote"
    assert (source.job_id, source.task_id) == (spec.job_id, spec.task_id)
