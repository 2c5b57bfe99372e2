"""History chart: stacked step areas, nothing drawn where nothing was seen, events said on hover, the theme's colours."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QHelpEvent, QPalette
from PySide6.QtWidgets import QApplication, QToolTip

from explorer.client.watching.history import EventKind, HistoryEvent, HistoryPoint, Source
from explorer.ui.theme import dark_palette
from explorer.ui.views.history_tab import task_entries
from explorer.ui.widgets.history_chart import HistoryChart
from tests.support.qt_scenarios import show

T0 = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)
STATES = ("active", "preparing", "running", "succeeded", "failed")


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


POINTS = [
    HistoryPoint(at(0), (3, 0, 0, 0, 0), Source.SERVICE),
    HistoryPoint(at(10), (1, 0, 2, 0, 0), Source.SERVICE),
    HistoryPoint(at(20), (1, 0, 1, 0, 1)),
    HistoryPoint(at(30), None),
    HistoryPoint(at(40), (0, 0, 0, 2, 1)),
]
FAILURE = HistoryEvent(at(20), EventKind.TASK_FAILURE, "Task t1 failed (exit code 3)")


@pytest.fixture
def chart(qtbot):
    chart = show(qtbot, HistoryChart(task_entries(), "tasks"))
    chart.set_history(STATES, POINTS, [FAILURE], now=at(50))
    return chart


def test_areas_stack_by_state_as_steps_and_leave_the_unknown_span_empty(chart):
    areas = chart.areas()
    first_span = [(state, xs, tops) for state, xs, tops in areas if xs[0] == at(0).timestamp()]
    # Each state's area tops the ones below it: running over active, failed over all.
    running = next(tops for state, _, tops in first_span if state == "running")
    failed = next(tops for state, _, tops in first_span if state == "failed")
    xs = first_span[0][1]
    assert xs == [at(t).timestamp() for t in (0, 10, 10, 20, 20, 30)]
    assert running == [3, 3, 3, 3, 2, 2] and failed == [3, 3, 3, 3, 3, 3]
    # Nothing between 30 s (not known) and 40 s; the last span grows to now.
    spans = {xs[0]: xs[-1] for _, xs, _ in areas}
    assert spans == {at(0).timestamp(): at(30).timestamp(), at(40).timestamp(): at(50).timestamp()}
    assert chart.counts_now() == {"active": 0, "preparing": 0, "running": 0, "succeeded": 2, "failed": 1}


def test_hover_on_an_event_line_says_what_happened(chart):
    plot = chart.findChild(pg.PlotWidget)
    plot.getViewBox().setXRange(at(0).timestamp(), at(50).timestamp(), padding=0)
    pos = plot.mapFromScene(plot.getViewBox().mapViewToScene(QPointF(at(20).timestamp(), 1.0)))
    viewport = plot.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    local = at(20).astimezone().strftime("%H:%M:%S")
    assert QToolTip.text() == f"Task t1 failed (exit code 3)\n{local} (the service's time)"
    QToolTip.hideText()
    assert chart.event_at(at(25).timestamp(), 1.0) is None


def test_the_chart_follows_the_palette(chart):
    plot = chart.findChild(pg.PlotWidget)
    chart.setPalette(dark_palette())
    assert plot.backgroundBrush().color() == dark_palette().color(QPalette.ColorRole.Base)
    assert len(chart.areas()) == 8  # redrawn: 4 drawn states in each of the two spans
