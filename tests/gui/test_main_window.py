"""The real main window against a real Local Batch: navigator, tabs, heatmap, shortcuts, layout, status."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from explorer.client.connecting.connection_state import ConnectionStatus
from explorer.ui.main_window import MainWindow
from explorer.ui.theme import apply_theme
from explorer.ui.views.job_view import JobView
from explorer.ui.views.pool_view import PoolView
from tests.gui.view_helpers import accept_confirmation
from tests.support.batch_scenarios import create_idle_pool, python_command, submit_task
from tests.support.qt_scenarios import next_emission, until

PROFILES = ["Local Batch", "Azure test"]


def make_window(runner, services) -> MainWindow:
    window = runner.show(MainWindow(services, PROFILES, "Local Batch"), size=None)
    window.activateWindow()
    return window


def click_navigator_item(window: MainWindow, kind: str, item_id: str) -> None:
    tree = window.navigator_panel.tree
    item = window.navigator_panel.item(kind, item_id)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())


def test_a_pools_nodes_change_state_in_the_window(runner, services, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "p1", 2)
        window = make_window(runner, services)
        navigator = window.navigator_panel
        await until(navigator.updated, lambda: "p1" in navigator.ids("pool"), what="p1 in the navigator")
        assert navigator.item("pool", "p1").text(1) == "2 nodes"

        click_navigator_item(window, "pool", "p1")
        view = window.current_view()
        assert isinstance(view, PoolView) and window.tabs.tabText(window.tabs.currentIndex()) == "Pool p1"
        await until(view.updated, lambda: view.heatmap.state_counts()["idle"] == 2, what="2 idle tiles")

        await submit_task(batch_client, "p1", "j1", "t1", python_command("import time; time.sleep(60)"))
        await until(view.updated, lambda: view.heatmap.state_counts()["running"] == 1, what="a running tile")
        assert view.heatmap.state_counts()["idle"] == 1
        await until(navigator.updated, lambda: "j1" in navigator.ids("job"), what="j1 in the navigator")
        return window

    window = runner.run(scenario())
    assert window.status.connection_text() == "Local Batch: connected"
    assert not window.status.retry_button.isVisible()


def test_tabs_and_shortcuts(runner, services, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "p1", 1)
        await submit_task(batch_client, "p1", "j1", "t1", python_command("pass"))
        window = make_window(runner, services)
        pool_view = window.open_pool("p1")
        job_view = window.open_job("j1")
        assert window.open_pool("p1") is pool_view  # an open view comes forward, not a second one
        assert window.current_view() is pool_view and window.tabs.count() == 2
        await until(pool_view.updated, lambda: pool_view.node_model.rowCount() == 1, what="the node")
        assert not job_view.is_live()  # a hidden tab polls nothing

        QTest.keyClick(window, Qt.Key.Key_F5)
        await next_emission(pool_view.refreshed)
        QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert pool_view.node_filter.hasFocus()

        window.tabs.setCurrentWidget(job_view)
        assert job_view.is_live() and not pool_view.is_live()
        await until(job_view.updated, lambda: job_view.task_model.rowCount() == 1, what="the task")
        assert window.navigator_panel.tree.currentItem().text(0) == "j1"

        QTest.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
        assert window.view_keys() == [("pool", "p1")]
        window.open_task("j1", "t1")
        assert window.tabs.tabText(window.tabs.currentIndex()) == "Task t1"
        window.open_node("p1", pool_view.node_model.snapshot(0).id)
        assert window.view_keys()[-1][0] == "node"
        QTest.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.count() == 0 and window.content.currentIndex() == 0
        assert services.settings.last_selection() is None

    runner.run(scenario())


def test_layout_and_last_selection_are_restored(runner, services):
    async def scenario():
        first = make_window(runner, services)
        first.resize(700, 500)
        first.splitter.setSizes([300, 600])
        first.open_pool("gone")
        first.open_job("j9")
        sizes = first.splitter.sizes()
        first.close()

        second = make_window(runner, services)
        assert (second.size().width(), second.size().height()) == (700, 500)
        assert second.splitter.sizes() == sizes
        assert second.view_keys() == [("job", "j9")]
        view = second.current_view()
        assert isinstance(view, JobView)
        await until(view.updated, lambda: view.gone, what="the job said missing")
        assert "JobNotFound" in view.banner.details()

    runner.run(scenario())


def test_menus_emit_what_the_application_wires(runner, services, tmp_path):
    async def scenario():
        window = make_window(runner, services)
        profile = next_emission(window.profileRequested)
        next(a for a in window.findChildren(QAction) if a.text() == "Azure test").trigger()
        assert await profile == ("Azure test",)
        new_task, new_pool = next_emission(window.newTaskRequested), next_emission(window.newPoolRequested)
        window.new_task_action.trigger()
        window.new_pool_action.trigger()
        await asyncio.gather(new_task, new_pool)

        window.import_action.trigger()
        dialog = window.findChild(QFileDialog)
        imported = next_emission(window.importTaskRequested)
        dialog.fileSelected.emit(str(tmp_path / "task.json"))
        assert await imported == (str(tmp_path / "task.json"),)
        dialog.close()

        opened = next_emission(window.profileRequested, timeout=0.5)
        window.navigator_panel.profileActivated.emit("Local Batch")  # the current one: nothing to do
        with pytest.raises(asyncio.TimeoutError):
            await opened
        closed = next_emission(window.closed)
        window.close()
        await closed

    runner.run(scenario())


def test_navigator_context_action_runs_in_the_view(runner, services, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "p2", 1)
        window = make_window(runner, services)
        window.navigator_panel.actionRequested.emit("pool", "p2", "delete")
        view = window.current_view()
        await until(view.updated, lambda: any(box.isVisible() for box in view.findChildren(QMessageBox)),
                    what="the confirmation, once the view knows the pool")
        assert "Delete pool p2" in accept_confirmation(view)
        await until(view.banner.errorShown, lambda: view.gone, what="the pool gone")

    runner.run(scenario())


def test_status_bar_says_when_the_service_is_unreachable(runner, services, local_batch_service):
    async def scenario():
        window = make_window(runner, services)
        await next_emission(window.navigator_panel.updated)
        retrying = asyncio.get_running_loop().create_future()
        services.monitor.add_state_listener(
            lambda state: state.status is ConnectionStatus.RETRYING and not retrying.done() and retrying.set_result(1))
        local_batch_service.stop()
        await asyncio.wait_for(retrying, 30)
        return window

    window = runner.run(scenario())
    assert window.status.connection_text().startswith("Local Batch: retrying in ")
    assert window.status.retry_button.isVisible()


def test_dark_and_light_palettes(qapp):
    style, palette = qapp.style().name(), qapp.palette()
    try:
        apply_theme(qapp, "dark")
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert qapp.style().name().lower() == "fusion"
        apply_theme(qapp, "light")
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 180
        apply_theme(qapp, "system")  # offscreen reports no dark scheme: light
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 180
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)


def test_tab_context_menu_closes_others(runner, services):
    async def scenario():
        window = make_window(runner, services)
        window.open_job("a")
        window.open_job("b")
        window.open_job("c")
        bar = window.tabs.tabBar()
        bar.customContextMenuRequested.emit(bar.tabRect(1).center())
        menu = next(m for m in window.findChildren(QMenu) if m.isVisible())
        next(a for a in menu.actions() if a.text() == "Close others").trigger()
        assert window.view_keys() == [("job", "b")]
        menu.close()

    runner.run(scenario())
