"""Pool view against a real Local Batch: heatmap, node table, actions, errors; 10,000 nodes by diffs."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime, timezone
from types import SimpleNamespace

from PySide6.QtWidgets import QDialogButtonBox, QMenu, QSpinBox

from explorer.client.watching.monitor import Diff, Subscription, Update
from explorer.client.watching.node_metrics import NodeMetricsWatch
from explorer.client.watching.queries import PoolNodesQuery
from explorer.client.watching.snapshots import NodeSnapshot
from explorer.ui.dialogs.resize_pool import ResizePoolDialog
from explorer.ui.formatting import format_time
from explorer.ui.services import ViewServices
from explorer.ui.settings import Settings
from explorer.ui.views.pool_view import TABLE_ROWS_PER_TURN, PoolView
from tests.gui.view_helpers import RecordingNavigator, accept_confirmation
from tests.support.batch_scenarios import create_idle_pool, python_command, submit_task
from tests.support.qt_scenarios import until


async def idle_pool_view(runner, services, navigator, client, pool_id: str) -> PoolView:
    """A pool of 2 idle nodes, shown once its heatmap has both."""
    await create_idle_pool(client, pool_id, 2)
    view = runner.show(PoolView(services, navigator, pool_id))
    await until(view.updated, lambda: view.heatmap.state_counts()["idle"] == 2, what="2 idle nodes")
    return view


def test_nodes_change_state_in_heatmap_and_table(runner, services, batch_client):
    navigator = RecordingNavigator()

    async def scenario():
        view = await idle_pool_view(runner, services, navigator, batch_client, "p1")
        await until(view.refreshed, lambda: view.properties.value("Id") == "p1", what="pool details")
        assert view.summary.text() == "2 nodes: 2 idle"
        assert view.node_model.rowCount() == 2

        await submit_task(batch_client, "p1", "j1", "t1", python_command("import time; time.sleep(60)"))
        await until(view.updated, lambda: view.heatmap.state_counts()["running"] == 1, what="a running node")
        assert view.summary.text() == "2 nodes: 1 idle, 1 running"
        running = [n for n in view.node_model.snapshots() if n.state == "running"]
        assert running[0].running_task_slots == 1
        assert "task slots: 1/1" in view.heatmap.tooltip_text(running[0].id)
        return view

    view = runner.run(scenario())
    # The legend filter also filters the table.
    view.heatmap.set_state_filter({"running"})
    assert view.node_proxy.rowCount() == 1 and view.node_proxy.snapshot(0).state == "running"
    view.heatmap.nodeActivated.emit(view.node_proxy.snapshot(0).id)
    assert navigator.opened == [("node", "p1", view.node_proxy.snapshot(0).id)]

    # Right-click on a tile selects its node and offers what can be done with it.
    view.heatmap.set_state_filter(())
    node_id = view.node_model.snapshot(1).id
    view.heatmap.customContextMenuRequested.emit(view.heatmap.tile_rect(node_id).center())
    assert view.selected_node_ids() == [node_id]
    menu = next(m for m in view.findChildren(QMenu) if m.isVisible())
    assert [a.text() for a in menu.actions()] == [f"Open node {node_id}", "Reboot nodes…", "Remove nodes…"]
    menu.close()


def test_resize_remove_and_delete(runner, services, batch_client):
    navigator = RecordingNavigator()

    async def scenario():
        view = await idle_pool_view(runner, services, navigator, batch_client, "p2")
        await until(view.updated, lambda: view.resize_action.isEnabled(), what="a steady pool")
        assert not view.reboot_action.isEnabled() and not view.remove_action.isEnabled()

        view.resize_action.trigger()
        dialog = view.findChild(ResizePoolDialog)
        dialog.findChild(QSpinBox, "dedicated").setValue(3)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        await until(view.updated, lambda: view.heatmap.state_counts()["idle"] == 3, what="3 idle nodes")

        await until(view.updated, lambda: view.resize_action.isEnabled(), what="a steady pool again")
        victim = view.node_model.snapshot(0).id
        view.select_nodes([victim])
        assert view.selected_node_ids() == [victim] and view.remove_action.isEnabled()
        view.remove_action.trigger()
        assert accept_confirmation(view) == f"Remove node {victim} from pool p2? Tasks running on them are requeued."
        await until(view.updated, lambda: view.node_model.row_of(victim) is None, what="the node removed")

        view.delete_action.trigger()
        assert "Delete pool p2 and its 2 nodes?" in accept_confirmation(view)
        # The details read may say so first; the actions go off once the monitor does.
        await until(view.banner.errorShown, lambda: view.gone, what="the pool gone")
        assert "PoolNotFound" in view.banner.details()
        assert not view.delete_action.isEnabled() and not view.resize_action.isEnabled()

    runner.run(scenario())


def test_missing_pool_is_said_in_the_banner(runner, services):
    navigator = RecordingNavigator()

    async def scenario():
        view = runner.show(PoolView(services, navigator, "nope"))
        await until(view.refreshed, lambda: view.banner.isVisible(), what="an error")
        return view

    view = runner.run(scenario())
    assert view.banner.sentence().startswith("Could not ")
    assert "It may have been deleted" in view.banner.sentence()
    assert "Batch error code: PoolNotFound" in view.banner.details()
    assert not view.resize_action.isEnabled() and not view.delete_action.isEnabled()


def test_hidden_view_stops_watching(runner, services):
    navigator = RecordingNavigator()

    async def scenario():
        view = runner.show(PoolView(services, navigator, "p3"))
        assert view.is_live()
        view.hide()
        assert not view.is_live()
        # Nothing left that polls this pool (the monitor drops a query with no subscriber).
        assert PoolNodesQuery("p3") not in services.monitor._watches
        view.show()
        assert view.is_live() and PoolNodesQuery("p3") in services.monitor._watches
        await until(view.refreshed, lambda: view.banner.isVisible(), what="the details call to end")

    runner.run(scenario())


class StubMonitor:
    """Hands the view's callbacks to the test, which plays the monitor."""

    def __init__(self) -> None:
        self.callbacks: dict[object, object] = {}

    def subscribe(self, query, callback) -> Subscription:
        """The first subscriber of each query (the view's; its history's comes after) gets what the test plays."""
        self.callbacks.setdefault(query, callback)
        return Subscription(lambda: self.callbacks.get(query) is callback and self.callbacks.pop(query))

    def add_state_listener(self, listener) -> Subscription:
        return Subscription(lambda: None)

    def refresh(self, query=None) -> None:
        pass

    def node_metrics_watch(self, on_update, interval):
        return NodeMetricsWatch(lambda key: None, on_update, interval=interval)  # reads nothing: no node is given it


class DetailsOnly:
    async def get_pool(self, pool_id):
        return SimpleNamespace(rows=lambda: [("Id", pool_id)])


def test_ten_thousand_nodes_update_by_diffs(runner, tmp_path):
    navigator = RecordingNavigator()
    monitor = StubMonitor()
    services = ViewServices(monitor, DetailsOnly(), Settings(tmp_path / "settings.ini"))

    async def shown():
        return runner.show(PoolView(services, navigator, "big"))

    view = runner.run(shown())
    calls = {"set_nodes": 0}
    original = view.heatmap.set_nodes

    def counting_set_nodes(*args, **kwargs):
        calls["set_nodes"] += 1
        original(*args, **kwargs)

    view.heatmap.set_nodes = counting_set_nodes
    query = PoolNodesQuery("big")
    nodes = {f"tvm-{i:05d}": NodeSnapshot(f"tvm-{i:05d}", "idle", "enabled", f"10.0.{i // 256}.{i % 256}", None,
                                          0, 0, None, dedicated=i % 10 != 0) for i in range(10_000)}
    monitor.callbacks[query](Update(query, nodes, Diff(added=tuple(nodes))))
    assert calls["set_nodes"] == 1 and view.heatmap.state_counts()["idle"] == 10_000

    for step in range(5):
        moved = {k: dataclasses.replace(n, state="running", running_task_slots=0)
                 for k, n in list(nodes.items())[step * 300:(step + 1) * 300]}
        nodes = {**nodes, **moved}
        monitor.callbacks[query](Update(query, nodes, Diff(changed=tuple(moved))))

    assert calls["set_nodes"] == 1, "a state-only change must not rebuild the heatmap"
    assert view.heatmap.state_counts()["running"] == 1500
    assert view.summary.text() == "10000 nodes: 8500 idle, 1500 running"
    # Slot use changes the shading: that is a rebuild.
    first = next(iter(nodes))
    nodes = {**nodes, first: dataclasses.replace(nodes[first], running_task_slots=1)}
    monitor.callbacks[query](Update(query, nodes, Diff(changed=(first,))))
    assert calls["set_nodes"] == 2


def big_pool_view(runner, tmp_path) -> tuple[PoolView, Callable[[dict, Diff], None]]:
    """A shown view of pool "big" whose node updates the test plays: the view and what hands it one."""
    monitor = StubMonitor()
    services = ViewServices(monitor, DetailsOnly(), Settings(tmp_path / "settings.ini"))

    async def shown() -> PoolView:
        return runner.show(PoolView(services, RecordingNavigator(), "big"))

    view, query = runner.run(shown()), PoolNodesQuery("big")
    return view, lambda items, diff: monitor.callbacks[query](Update(query, items, diff))


def ten_thousand_idle_nodes() -> dict[str, NodeSnapshot]:
    return {f"tvm-{i:05d}": NodeSnapshot(f"tvm-{i:05d}", "idle", "enabled", None, None, 0, 0, None)
            for i in range(10_000)}


def test_a_first_load_of_ten_thousand_nodes_fills_the_table_turn_by_turn(runner, tmp_path):
    """All 10,000 rows at once stalled the window a quarter of a second: the heatmap shows every node
    at once, the table takes `TABLE_ROWS_PER_TURN` rows per turn of the loop, in order, and a poll
    arriving meanwhile is what it ends up showing."""
    view, feed = big_pool_view(runner, tmp_path)

    async def scenario():
        nodes = ten_thousand_idle_nodes()
        model = view.node_model
        inserted: list[int] = []
        model.rowsInserted.connect(lambda _parent, first, last: inserted.append(last - first + 1))
        feed(nodes, Diff(added=tuple(nodes)))
        assert view.heatmap.state_counts()["idle"] == 10_000 and model.rowCount() == TABLE_ROWS_PER_TURN
        assert view.summary.text() == "10000 nodes: 10000 idle"
        await until(model.rowsInserted, lambda: model.rowCount() >= 3 * TABLE_ROWS_PER_TURN, what="more rows")
        last = "tvm-09999"
        changed = {**nodes, last: dataclasses.replace(nodes[last], state="offline")}
        del changed["tvm-00000"]
        feed(changed, Diff(changed=(last,), removed=("tvm-00000",)))
        await until(model.rowsInserted, lambda: model.rowCount() == 9_999, what="every row")
        assert max(inserted) <= TABLE_ROWS_PER_TURN
        assert [s.id for s in model.snapshots()] == list(changed)
        assert model.snapshot(model.row_of(last)).state == "offline"
        assert view.heatmap.state_counts()["offline"] == 1

    runner.run(scenario())


def test_once_filled_the_table_takes_the_monitors_diff_and_shows_every_change(runner, tmp_path):
    """10,000 rows: a poll costs what changed (only those rows announced, none compared); whatever field moved,
    the state, the time in it, the IP address, an error, is what the table shows after that poll."""
    view, feed = big_pool_view(runner, tmp_path)

    async def scenario():
        nodes = ten_thousand_idle_nodes()
        model = view.node_model
        feed(nodes, Diff(added=tuple(nodes)))
        await until(model.rowsInserted, lambda: model.rowCount() == 10_000, what="every row")
        changed_rows: list[tuple[int, int]] = []
        model.dataChanged.connect(lambda tl, br: changed_rows.append((tl.row(), br.row())))
        moved_at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
        changes = {"tvm-00010": {"state": "offline"}, "tvm-05000": {"state_transition_time": moved_at},
                   "tvm-09000": {"ip_address": "10.1.2.3"}, "tvm-09999": {"error": "DiskFull: no space"}}
        after = {**nodes, **{k: dataclasses.replace(nodes[k], **c) for k, c in changes.items()}}
        feed(after, Diff(changed=tuple(changes)))

        assert changed_rows == [(10, 10), (5000, 5000), (9000, 9000), (9999, 9999)]
        headers = [c.header for c in model.columns]

        def shown(node_id: str, header: str) -> str:
            return model.data(model.index(model.row_of(node_id), headers.index(header)))

        assert shown("tvm-00010", "State") == "offline" and view.heatmap.state_counts()["offline"] == 1
        assert shown("tvm-05000", "In state since") == format_time(moved_at)
        assert shown("tvm-09000", "IP address") == "10.1.2.3"
        assert shown("tvm-09999", "Error") == "DiskFull: no space"
        view.node_proxy.set_text("diskfull")
        assert view.node_proxy.rowCount() == 1

    runner.run(scenario())


def test_the_first_poll_after_the_details_were_read_reads_them_again(runner, services, batch_client):
    """Issue 17: the properties stayed "resizing, 0 of N" after every node was idle, until F5: the
    details were read as the view opened, and its first poll of the pool (one the navigator's list
    shares, polled later, and already steady) did not read them again: only a later change did."""
    from azure.batch import models

    from explorer.client.watching.monitor import Monitor
    from explorer.client.watching.queries import PoolsQuery
    from tests.support.batch_scenarios import create_pool, wait_for_idle_nodes
    from tests.support.waiting import wait_until

    monitor = Monitor(batch_client, fast_interval=0.1, slow_interval=3600)  # the next poll is the test's to make
    slow = ViewServices(monitor, services.operations, services.settings)
    listed = []

    async def scenario():
        navigator_list = monitor.subscribe(PoolsQuery(), listed.append)  # as the navigator does
        await wait_until(lambda: listed, what="the first listing of pools")
        await create_pool(batch_client, "fresh", 0)
        view = runner.show(PoolView(slow, RecordingNavigator(), "fresh"))
        await until(view.refreshed, lambda: view.properties.value("Dedicated nodes"), what="the details")
        assert view.properties.value("Dedicated nodes") == "0 of 0"
        await batch_client.begin_resize_pool("fresh", models.BatchPoolResizeOptions(target_dedicated_nodes=2))
        await wait_for_idle_nodes(batch_client, "fresh", 2)
        await wait_until(lambda: _steady(batch_client, "fresh"), what="the pool to be steady")
        monitor.refresh(PoolsQuery())  # the list's next poll
        await until(view.refreshed, lambda: view.properties.value("Dedicated nodes") == "2 of 2", what="2 of 2")
        assert view.properties.value("State") == "active / steady"
        navigator_list.close()

    try:
        runner.run_to_end(scenario())
    finally:
        runner.run(monitor.close())


async def _steady(client, pool_id: str) -> bool:
    pool = await client.get_pool(pool_id, select=["allocationState"])
    return pool.allocation_state == "steady"
