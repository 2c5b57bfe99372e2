"""Node metrics in the views, from a real Local Batch that samples its nodes: the node view's charts
of a node burning CPU, and the pool heatmap coloured by CPU use, the busy node apart from the idle."""

from __future__ import annotations

import pytest

from explorer.localbatch.running.node_sampling import INTERVAL_VARIABLE
from explorer.ui.views.node_view import NodeView
from explorer.ui.views.pool_view import PoolView
from explorer.ui.widgets.value_tiles import bin_rgba
from tests.gui.view_helpers import RecordingNavigator
from tests.support.batch_scenarios import create_idle_pool, python_command, submit_task
from tests.support.qt_scenarios import until
from tests.support.waiting import wait_until

# Two busy processes (a fork): the node's share of the host's two cores passes 10 % even on a loaded box.
BURN = "import os, time\nos.fork()\nend = time.monotonic() + 120\nwhile time.monotonic() < end: pass\n"


@pytest.fixture(autouse=True)
def fast_sampling(monkeypatch):
    """Local Batch (started after this by the `services` fixture) samples every half second."""
    monkeypatch.setenv(INTERVAL_VARIABLE, "0.5")


async def burning_pool(client, pool_id: str) -> tuple[str, str, str]:
    """Two idle nodes, a task burning CPU on one: (task id, busy node, idle node)."""
    await create_idle_pool(client, pool_id, 2)
    await submit_task(client, pool_id, "j", "burn", python_command(BURN))

    async def running():
        task = await client.get_task("j", "burn")
        return task.node_info.node_id if task.state == "running" and task.node_info else None

    busy = await wait_until(running, what="the burning task to run")
    [idle] = [n.id async for n in client.list_nodes(pool_id) if n.id != busy]
    return "burn", busy, idle


def test_the_node_view_charts_a_busy_node(runner, services, batch_client):
    async def scenario():
        task_id, busy, _idle = await burning_pool(batch_client, "p")
        view = NodeView(services, RecordingNavigator(), "p", busy)
        view.metrics_watch.interval = 0.3
        runner.show(view)

        def burning():
            samples = view.metrics.shown_samples()
            return len(samples) >= 3 and (samples[-1].task_cpu(task_id) or 0) > 5

        await until(view.metricsUpdated, burning, what="the busy node's figures in the charts")
        await batch_client.terminate_task("j", task_id)
        return view

    view = runner.run(scenario())
    assert view.tabs.currentWidget() is view.metrics
    assert not view.metrics.status.isVisible()
    cpu_x, cpu_y = view.metrics.curves["cpu"].getData()
    assert len(cpu_x) >= 3 and max(cpu_y) > 5  # the node's processes' share of the host's cores
    _hx, host_y = view.metrics.curves["host"].getData()
    assert len(host_y) == len(cpu_y)  # a local node also shows the host's own figure
    mem_x, mem_y = view.metrics.curves["mem"].getData()
    assert len(mem_x) == len(cpu_x) and 0 < max(mem_y) < 100
    for name in ("rx", "tx", "read", "write"):
        assert len(view.metrics.curves[name].getData()[0]) == len(cpu_x)
    assert view.metrics.describe_latest().startswith("At ")
    view.metrics.findChild(type(view.metrics._range_group.button(1)), "range-3600").click()
    assert view.metrics.span == 3600
    x_range = view.metrics.plots["cpu"].getViewBox().viewRange()[0]
    assert x_range[1] - x_range[0] == pytest.approx(3600, rel=0.01)


def test_the_heatmap_by_cpu_sets_the_busy_node_apart(runner, services, batch_client):
    async def scenario():
        task_id, busy, idle = await burning_pool(batch_client, "p")
        view = PoolView(services, RecordingNavigator(), "p")
        view.metrics_watch.interval = 0.3
        runner.show(view)
        await until(view.updated, lambda: len(view._nodes) == 2, what="both nodes")
        assert not view.metrics_watch.readers  # coloured by state: no figures read
        view.set_color_mode("cpu")
        assert set(view.metrics_watch.readers) == {("p", busy), ("p", idle)}

        def apart():
            busy_reader, idle_reader = view.metrics_watch.readers[("p", busy)], view.metrics_watch.readers[("p", idle)]
            b, i = busy_reader.latest(), idle_reader.latest()
            return b is not None and i is not None and (b.task_cpu(task_id) or 0) > 5 and bin_rgba(b.cpu) != bin_rgba(i.cpu)

        await until(view.metricsUpdated, apart, what="the busy node in another colour than the idle one")
        await batch_client.terminate_task("j", task_id)
        return view, busy, idle

    view, busy, idle = runner.run(scenario())
    heatmap = view.heatmap
    b, i = (view.metrics_watch.readers[("p", n)].latest() for n in (busy, idle))
    image = heatmap.grab().toImage()

    def tile_rgb(node_id):
        rect = heatmap.tile_rect(node_id)
        color = image.pixelColor(rect.left() + rect.width() // 3, rect.top() + rect.height() // 3)
        return color.red(), color.green(), color.blue()

    assert tile_rgb(busy) == bin_rgba(b.cpu)[:3] and tile_rgb(idle) == bin_rgba(i.cpu)[:3]
    assert tile_rgb(busy) != tile_rgb(idle)
    assert "cpu: " in heatmap.tooltip_text(busy)
    legend = heatmap.findChild(type(heatmap._value_legend), None)
    assert heatmap._value_legend.isVisible() and not heatmap._legend.isVisible() and legend is not None
    view.set_color_mode("state")
    assert not view.metrics_watch.readers and heatmap._legend.isVisible()
