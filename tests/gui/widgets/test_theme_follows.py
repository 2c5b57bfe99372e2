"""Issue 17 item 8: the plots and links follow the theme when it changes while they are shown."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QPalette

from explorer.ui.theme import dark_palette
from explorer.ui.views.task_view import TaskView
from explorer.ui.widgets.instance_timeline import InstanceTimeline
from explorer.ui.widgets.node_heatmap import NodeHeatmap
from tests.support.batch_scenarios import create_idle_pool, submit_task
from tests.support.qt_scenarios import SCENARIO_TIMEOUT as TIMEOUT
from tests.support.qt_scenarios import until
from tests.support.waiting import wait_until

DARK_BASE = dark_palette().color(QPalette.ColorRole.Base)
DARK_LINK = dark_palette().color(QPalette.ColorRole.Link).name()


@pytest.fixture
def dark(qapp):
    """The dark palette, as View > Theme > Dark sets it, and the one before restored after the test."""
    before = qapp.palette()

    def switch() -> None:
        qapp.setPalette(dark_palette())

    yield switch
    qapp.setPalette(before)


def test_heatmap_and_timeline_backgrounds_follow_a_theme_switch(runner, qtbot, dark):
    heatmap = runner.show(NodeHeatmap(), (400, 300))
    timeline = runner.show(InstanceTimeline(), (400, 300))
    heatmap.set_nodes(["a", "b"], ["idle", "running"], [False, False], [0, 1], [1, 1])
    assert heatmap._view.backgroundBrush().color() != DARK_BASE
    dark()  # the palette change is delivered by the loop
    runner.run(wait_until(lambda: heatmap._view.backgroundBrush().color() == DARK_BASE, what="a dark heatmap"))
    plot = timeline.findChild(pg.PlotWidget)
    runner.run(wait_until(lambda: plot.backgroundBrush().color() == DARK_BASE, what="a dark timeline"))
    axis_text = plot.getAxis("bottom").textPen().color()
    assert axis_text == dark_palette().color(QPalette.ColorRole.Text)


def test_the_node_link_takes_the_dark_link_colour(runner, services, batch_client, dark):
    async def scenario():
        await create_idle_pool(batch_client, "p", 1)
        await submit_task(batch_client, "p", "job", "t", "/bin/true")
        view = runner.show(TaskView(services, None, "job", "t"))
        await until(view.updated, lambda: view.header["State"].text() == "completed", TIMEOUT)
        assert "<a href" in view.header["Node"].text() and DARK_LINK not in view.header["Node"].text()
        dark()
        await wait_until(lambda: f"color: {DARK_LINK}" in view.header["Node"].text(), what="the dark link colour")

    runner.run_to_end(scenario())
