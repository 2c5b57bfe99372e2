"""Instance timeline: bars per phase, open phases growing, instants, tooltips."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QImage, QPainter
from PySide6.QtWidgets import QApplication, QToolTip

from explorer.core.timeline import InstancePhases, Phase, PhaseSegment
from explorer.ui.widgets.instance_timeline import InstanceTimeline
from tests.support.qt_scenarios import show

T0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


INSTANCES = [
    InstancePhases(
        1,
        "tvm-2",
        [
            PhaseSegment(Phase.WAITING_FOR_NODE, at(0), at(4)),
            PhaseSegment(Phase.DOWNLOADING, at(4), at(6)),
            PhaseSegment(Phase.COORDINATING, at(6), at(9)),
            PhaseSegment(Phase.READY, at(9)),
        ],
    ),
    InstancePhases(
        0,
        "tvm-1",
        [
            PhaseSegment(Phase.WAITING_FOR_NODE, at(0), at(2)),
            PhaseSegment(Phase.COORDINATING, at(2), at(5)),
            PhaseSegment(Phase.RUNNING, at(10), at(20)),
            PhaseSegment(Phase.COMPLETED, at(20)),
        ],
    ),
    InstancePhases(2, None, [PhaseSegment(Phase.WAITING_FOR_NODE, at(1))]),
]


@pytest.fixture
def timeline(qtbot):
    widget = show(qtbot, InstanceTimeline(), (800, 300))
    qtbot.waitExposed(widget)
    widget.set_instances(INSTANCES, origin=T0, now=at(12))
    return widget


def test_rows_are_ordered_by_instance_with_one_bar_per_phase(timeline):
    assert timeline.bars() == [
        (0, Phase.WAITING_FOR_NODE, 0.0, 2.0),
        (0, Phase.COORDINATING, 2.0, 5.0),
        (0, Phase.RUNNING, 10.0, 20.0),
        (1, Phase.WAITING_FOR_NODE, 0.0, 4.0),
        (1, Phase.DOWNLOADING, 4.0, 6.0),
        (1, Phase.COORDINATING, 6.0, 9.0),
        (1, Phase.READY, 9.0, 12.0),
        (2, Phase.WAITING_FOR_NODE, 1.0, 12.0),
    ]


def test_refresh_grows_only_open_phases(timeline):
    timeline.refresh(at(30))
    bars = timeline.bars()
    assert (1, Phase.READY, 9.0, 30.0) in bars
    assert (2, Phase.WAITING_FOR_NODE, 1.0, 30.0) in bars
    assert (0, Phase.RUNNING, 10.0, 20.0) in bars


def test_terminal_phases_are_instants(timeline):
    _, segment = timeline.segment_at(20.0, 0)
    assert segment.phase is Phase.COMPLETED
    assert Phase.COMPLETED not in {phase for _, phase, _, _ in timeline.bars()}
    assert timeline.segment_at(20.5, 0) is None
    assert timeline.segment_at(20.5, 0, tolerance=1.0)[1].phase is Phase.COMPLETED


def test_origin_defaults_to_the_earliest_start(qtbot):
    widget = InstanceTimeline()
    qtbot.addWidget(widget)
    widget.set_instances(INSTANCES[2:])
    assert widget.bars() == [(0, Phase.WAITING_FOR_NODE, 0.0, 0.0)]
    widget.refresh(at(3))
    assert widget.bars() == [(0, Phase.WAITING_FOR_NODE, 0.0, 2.0)]


def test_tooltip_names_instance_phase_and_times(timeline):
    instance, segment = timeline.segment_at(7.0, 1)
    text = timeline.tooltip_text(instance, segment)
    local = at(6).astimezone().strftime("%H:%M:%S")
    assert text.splitlines()[:3] == [
        "instance 1 (subtask) on tvm-2",
        "coordinating",
        f"start: {local} (+6.0 s)",
    ]
    assert text.splitlines()[3].endswith("(+9.0 s)")
    open_phase = timeline.tooltip_text(*timeline.segment_at(5.0, 2))
    assert "instance 2 (subtask) on no node yet" in open_phase
    assert open_phase.endswith("end: ongoing")


def test_hover_shows_the_tooltip_of_the_phase_under_the_pointer(timeline):
    plot = timeline.findChild(pg.PlotWidget)
    box = plot.getViewBox()
    pos = plot.mapFromScene(box.mapViewToScene(QPointF(15.0, 0.0)))
    viewport = plot.viewport()
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    )
    assert QToolTip.text().splitlines()[:2] == ["instance 0 (primary) on tvm-1", "running"]
    QToolTip.hideText()


def test_wall_clock_axis_labels(timeline):
    axis = timeline.findChild(pg.PlotWidget).getAxis("bottom")
    assert axis.tickStrings([0.0], 1.0, 1.0) == ["0"]
    timeline.set_wall_clock(True)
    assert axis.tickStrings([3600.0], 1.0, 1.0) == [at(3600).astimezone().strftime("%H:%M:%S")]
    assert axis.labelText == "local time"


def test_clicking_a_row_names_its_instance(timeline, qtbot):
    plot = timeline.findChild(pg.PlotWidget)
    box = plot.getViewBox()
    clicked = []
    timeline.rowClicked.connect(clicked.append)
    for row in (1, 0):
        pos = plot.mapFromScene(box.mapViewToScene(QPointF(3.0, row + 0.2)))
        qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert clicked == [1, 0]


def test_before_any_instance_the_axes_say_nothing_and_the_plot_says_so(qtbot):
    """Issue 17: an empty timeline read 0 to 1.0 on its row axis (and 0 to 1 s) before any instance existed."""
    timeline = show(qtbot, InstanceTimeline(), (600, 300))
    qtbot.waitExposed(timeline)

    def shown_ticks(name: str) -> list[str]:
        """The tick texts the axis draws (on a real painter: text is laid out to be drawn)."""
        image = QImage(800, 400, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        try:
            specs = timeline._plot.getAxis(name).generateDrawSpecs(painter)
        finally:
            painter.end()
        return [text for _rect, _flags, text in specs[2]] if specs else []

    assert shown_ticks("left") == [] and shown_ticks("bottom") == []
    assert timeline._empty.isVisible() and timeline._empty.toPlainText() == "No instances yet"
    timeline.set_instances(INSTANCES, origin=T0, now=at(10))
    qtbot.waitUntil(lambda: shown_ticks("left") == ["0 primary", "1", "2"])  # once the view took its new range
    assert shown_ticks("bottom")
    assert not timeline._empty.isVisible()
    timeline.set_instances([])
    assert shown_ticks("left") == [] and timeline._empty.isVisible()
