"""A first run that leads: with no pool on Local Batch the main area offers three ways to begin,
and the bundled sample task files import as they are."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from explorer.app import ExplorerApp
from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.profiles import LocalBatchProfile, ProfileSet, ProfileStore
from explorer.client.local.azurite import AzuriteService
from explorer.client.local.samples import bundled_samples
from explorer.core.checks.validation import validate_task
from explorer.ui.main_window import MainWindow
from explorer.ui.settings import Settings
from explorer.ui.views.task_view import TaskView
from explorer.ui.wizards.task_wizard import TaskWizard
from tests.support.batch_scenarios import create_idle_pool
from tests.support.qt_scenarios import next_emission, until
from tests.support.waiting import wait_until


def make_app(tmp_path: Path, azurite: AzuriteService | None = None) -> ExplorerApp:
    """The composition root on a fresh Local Batch (no pool); it stops `azurite` when it shuts down."""
    store = ProfileStore(tmp_path / "config")
    store.save(ProfileSet((LocalBatchProfile(data_dir=tmp_path / "lb"),)))
    return ExplorerApp(Settings(tmp_path / "settings.ini"), store, MemoryCredentialStore(), azurite)


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path)


@pytest.fixture
def app_with_storage(tmp_path):
    """As the app runs by default: with its own Azurite, which Local Batch is linked to, reserved but
    not started (the app starts it once its window shows)."""
    return make_app(tmp_path, AzuriteService(tmp_path / "azurite").reserve())


def run_app(loop, app: ExplorerApp, scenario, timeout: float = 120):
    """Run a scenario on the app, then shut the app down, in the test: nothing it started outlives it."""

    async def then_shut_down():
        try:
            return await scenario
        finally:
            await app.shutdown()

    return loop.run_until_complete(asyncio.wait_for(then_shut_down(), timeout))


async def first_window(app: ExplorerApp, qtbot) -> MainWindow:
    window = await app.start()
    qtbot.addWidget(window)
    await until(window.navigator_panel.updated, lambda: window.content.currentWidget() is window.first_run_page,
                what="the first-run page")
    return window


def test_with_no_pool_the_main_area_offers_three_ways_to_begin(loop, qtbot, app):
    async def scenario():
        page = (await first_window(app, qtbot)).first_run_page
        return page.isVisible(), [(b.text(), b.isEnabled()) for b in (page.demo_button, page.wizard_button, page.account_button)]

    visible, buttons = run_app(loop, app, scenario())
    assert visible
    assert buttons == [
        ("Create a local MPI pool (4 nodes) and run a sample MPI task", True),
        ("Open the task wizard", True),
        ("Add an Azure Batch account", True),
    ]


def test_the_demo_action_creates_the_pool_and_shows_the_sample_task_running(loop, qtbot, app_with_storage):
    app = app_with_storage

    async def scenario():
        window = await first_window(app, qtbot)
        window.first_run_page.demo_button.click()
        assert not window.first_run_page.demo_button.isEnabled()  # one click, one task
        view = await wait_until(lambda: isinstance(window.current_view(), TaskView) and window.current_view(), what="the sample task's view")
        await until(view.updated, lambda: view.task and view.task.state in ("running", "completed"),
                    timeout=60, what="the sample task running")
        await until(window.navigator_panel.updated, lambda: "mpi-demo" in window.navigator_panel.ids("pool"),
                    what="the demo pool listed")
        window.close_view()

        # A pool exists now: the main area no longer offers the first steps.
        return view.job_id, view.task_id, window.content.currentWidget() is window.welcome

    job_id, task_id, welcome = run_app(loop, app, scenario())
    assert job_id == "mpi-demo" and task_id.startswith("mpi-progress-")
    assert app.samples is None  # its programs came from the linked Azurite, no loopback server
    assert welcome


def test_the_demo_started_from_the_command_line_is_not_offered_again_while_it_starts(loop, qtbot, app_with_storage):
    """`--demo` runs `run_demo` on the first window: until its task shows, the page says so instead
    of offering a second demo."""
    app = app_with_storage

    async def scenario():
        window = await first_window(app, qtbot)
        demo = asyncio.ensure_future(app.run_demo())
        await asyncio.sleep(0)  # the demo's first step: up to its first request
        page = window.first_run_page
        offered_meanwhile, said = page.demo_button.isEnabled(), page.status.text()
        await demo
        view = await wait_until(lambda: isinstance(window.current_view(), TaskView) and window.current_view(),
                                what="the sample task's view")
        await until(view.updated, lambda: view.task is not None, what="the sample task read")
        return offered_meanwhile, said

    offered_meanwhile, said = run_app(loop, app, scenario())
    assert not offered_meanwhile and said == "Creating the pool and submitting the sample task…"


def opened_wizard(window: MainWindow) -> tuple[TaskWizard, object]:
    """The wizard just opened, and its first listing of pools and jobs (awaited before the app
    shuts down, so that nothing it asked for is still under way then)."""
    [wizard] = [w for w in window.findChildren(TaskWizard) if w.isVisible()]  # the window's: closed with it
    return wizard, next_emission(wizard.choicesLoaded)


def test_the_task_wizard_action_opens_the_wizard(loop, qtbot, app):
    async def scenario():
        window = await first_window(app, qtbot)
        window.first_run_page.wizard_button.click()
        _, listed = opened_wizard(window)
        await listed

    run_app(loop, app, scenario())


def test_the_add_account_action_opens_the_accounts_dialog_on_a_new_shared_key_account(loop, qtbot, app):
    async def scenario():
        window = await first_window(app, qtbot)
        window.first_run_page.account_button.click()
        dialog = app.accounts_dialog
        await until(dialog.busyChanged, lambda: dialog.list.count() == 1, what="the accounts listed")  # after it
        shown = dialog.isVisible(), dialog.isModal(), dialog.form.kind, dialog.editing, dialog.name.text
        dialog.close()
        return shown

    visible, modal, kind, editing, name = run_app(loop, app, scenario())
    assert visible and not modal  # the window stays usable beside it
    assert (kind, editing, name) == ("shared_key", None, "Azure Batch")


def test_a_window_on_a_local_batch_with_pools_or_on_azure_shows_no_first_steps(loop, qtbot, services, batch_client):
    async def scenario():
        azure = MainWindow(services, ["Local Batch", "Azure"], "Azure", local=False)
        qtbot.addWidget(azure)
        azure.show()
        await until(azure.navigator_panel.updated, lambda: azure.navigator_panel.pools_known, what="pools listed")
        await create_idle_pool(batch_client, "p1", 1)
        local = MainWindow(services, ["Local Batch"], "Local Batch", local=True)
        qtbot.addWidget(local)
        local.show()
        await until(local.navigator_panel.updated, lambda: local.navigator_panel.ids("pool") == ["p1"],
                    what="the pool listed")
        return azure, local

    azure, local = loop.run_until_complete(asyncio.wait_for(scenario(), 60))
    assert azure.content.currentWidget() is azure.welcome
    assert local.content.currentWidget() is local.welcome


@pytest.mark.parametrize("sample", [s.name for s in bundled_samples()])
def test_a_bundled_sample_task_file_imports_without_editing(loop, qtbot, app, sample):
    task_file = next(s.task_file for s in bundled_samples() if s.name == sample)

    async def scenario():
        window = await app.start()
        qtbot.addWidget(window)
        window.importTaskRequested.emit(str(task_file))
        wizard, listed = opened_wizard(window)
        await listed
        errors = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
        return errors, wizard.spec()

    errors, spec = run_app(loop, app, scenario())
    assert not errors  # no import error
    assert spec.task_id == sample and validate_task(spec) == []
    [files] = spec.common_resource_files
    assert files.auto_storage_container_name == "mpi-explorer-samples"
    assert Path(files.blob_prefix).parent.name == sample
