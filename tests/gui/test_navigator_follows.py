"""The navigator tells the truth early and follows what other clients make (issue 17: "Pools 0 / Jobs 0"
as the demo window appeared, new pools and jobs about 10 s late).

The monitor's own slow poll never comes during these tests (`slow_interval=3600`): what the
navigator shows, it shows because it asked for it.
"""

from __future__ import annotations

import pytest

from explorer.client.acting.operations import BatchOperations
from explorer.client.watching.monitor import Monitor
from explorer.ui.main_window import MainWindow
from explorer.ui.navigator_panel import NavigatorPanel
from explorer.ui.services import ViewServices
from explorer.ui.settings import Settings
from tests.support.batch_scenarios import create_idle_pool, create_job
from tests.support.qt_scenarios import until
from tests.support.waiting import wait_until


@pytest.fixture
def slow_services(loop, gui_connection, tmp_path):
    monitor = Monitor(gui_connection.client, fast_interval=3600, slow_interval=3600)
    yield ViewServices(monitor, BatchOperations(gui_connection.client), Settings(tmp_path / "settings.ini"))
    loop.run_until_complete(monitor.close())


def test_while_the_window_is_active_a_pool_made_by_another_client_shows_within_seconds(
    runner, slow_services, batch_client
):
    window = runner.show(MainWindow(slow_services, ["Local Batch"], "Local Batch"))
    navigator = window.navigator_panel

    async def scenario():
        window.activateWindow()
        await wait_until(window.isActiveWindow, what="the window active")
        await until(navigator.updated, lambda: navigator.pools_known and navigator.jobs_known, what="the first listing")
        before = (navigator.count_text("pool"), navigator.count_text("job"))
        await create_idle_pool(batch_client, "made-elsewhere", 1)
        await create_job(batch_client, "made-elsewhere", "job-elsewhere")
        await until(navigator.updated, lambda: "job-elsewhere" in navigator.ids("job")
                    and "made-elsewhere" in navigator.ids("pool"), what="the other client's pool and job")
        return before, navigator.count_text("pool"), navigator.count_text("job")

    assert runner.run(scenario()) == (("0", "0"), "1", "1")


def test_a_view_of_a_job_not_listed_yet_lists_the_jobs_and_then_its_pool(runner, slow_services, batch_client,
                                                                         monkeypatch):
    monkeypatch.setattr(NavigatorPanel, "set_window_active", lambda self, active: None)  # not what is tested here
    window = runner.show(MainWindow(slow_services, ["Local Batch"], "Local Batch"))
    navigator = window.navigator_panel

    async def scenario():
        await until(navigator.updated, lambda: navigator.pools_known and navigator.jobs_known, what="the first listing")
        await create_idle_pool(batch_client, "p-new", 1)
        await create_job(batch_client, "p-new", "j-new")
        window.open_job("j-new")  # e.g. from a task another tool submitted
        await until(navigator.updated, lambda: "p-new" in navigator.ids("pool"), what="the job's pool listed")
        return navigator.ids("job"), navigator.ids("pool")

    assert runner.run(scenario()) == (["j-new"], ["p-new"])


def test_before_the_connection_the_counts_say_connecting_not_zero(qtbot, tmp_path):
    window = MainWindow(Settings(tmp_path / "settings.ini"), ["Local Batch"], "Local Batch", local=True)
    qtbot.addWidget(window)
    navigator = window.navigator_panel
    assert (navigator.count_text("pool"), navigator.count_text("job")) == ("connecting…", "connecting…")
    window.connect_failed("Local Batch exited before it was ready.")
    assert (navigator.count_text("pool"), navigator.count_text("job")) == ("not connected", "not connected")
