"""Node heatmap: colours, slot shading, low-priority mark, filter, click and tooltip."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolButton, QToolTip

from explorer.ui.widgets.node_heatmap import NodeHeatmap
from explorer.ui.widgets.tile_image import STATES, Grid, render_tiles, state_rgba
from explorer.ui.widgets.value_tiles import bin_rgba
from tests.support.qt_scenarios import show

IDS = [f"tvm-{i:04d}" for i in range(6)]
STATES_IN = ["idle", "running", "running", "starting", "offline", "idle"]
LOW_PRIORITY = [False, False, False, False, False, True]


@pytest.fixture
def heatmap(qtbot):
    widget = show(qtbot, NodeHeatmap(), (640, 400))
    qtbot.waitExposed(widget)
    widget.set_nodes(
        IDS,
        STATES_IN,
        LOW_PRIORITY,
        slots_used=[0, 4, 1, 0, 0, 0],
        slots_total=[4, 4, 4, 4, 4, 4],
        ips=[f"10.0.0.{i}" for i in range(6)],
    )
    return widget


def pixel(widget: NodeHeatmap, point: QPoint) -> QColor:
    return widget.grab().toImage().pixelColor(point)


def tile_point(widget: NodeHeatmap, node_id: str, fx: float, fy: float) -> QPoint:
    """A point at fraction (fx, fy) of the tile's inner square (the gap is the last 1/tile)."""
    rect = widget.tile_rect(node_id)
    return QPoint(rect.left() + int(rect.width() * fx), rect.top() + int(rect.height() * fy))


def assert_color(actual: QColor, state: str, tolerance: int = 6) -> None:
    expected = state_rgba(state)[:3]
    got = (actual.red(), actual.green(), actual.blue())
    assert all(abs(a - e) <= tolerance for a, e in zip(got, expected, strict=True)), (
        got,
        expected,
        state,
    )


def test_tiles_are_drawn_in_state_colours(heatmap):
    assert_color(pixel(heatmap, tile_point(heatmap, "tvm-0000", 0.6, 0.6)), "idle")
    assert_color(pixel(heatmap, tile_point(heatmap, "tvm-0001", 0.6, 0.6)), "running")
    assert_color(pixel(heatmap, tile_point(heatmap, "tvm-0003", 0.6, 0.6)), "starting")
    assert_color(pixel(heatmap, tile_point(heatmap, "tvm-0004", 0.6, 0.6)), "offline")


def test_running_tiles_shade_by_slots_used(heatmap):
    # 1 of 4 slots: the bottom quarter in full colour, the top in a light tint.
    bottom = pixel(heatmap, tile_point(heatmap, "tvm-0002", 0.5, 0.85))
    top = pixel(heatmap, tile_point(heatmap, "tvm-0002", 0.5, 0.15))
    assert_color(bottom, "running")
    assert top.lightness() > bottom.lightness() + 40
    # 4 of 4: full colour all the way up.
    assert_color(pixel(heatmap, tile_point(heatmap, "tvm-0001", 0.5, 0.15)), "running")


def test_low_priority_nodes_carry_a_corner_mark(heatmap):
    dedicated = pixel(heatmap, tile_point(heatmap, "tvm-0000", 0.1, 0.1))
    spot = pixel(heatmap, tile_point(heatmap, "tvm-0005", 0.1, 0.1))
    assert_color(dedicated, "idle")
    assert abs(spot.lightness() - dedicated.lightness()) > 60
    # The rest of the spot tile keeps its state colour.
    assert_color(pixel(heatmap, tile_point(heatmap, "tvm-0005", 0.7, 0.7)), "idle")


@pytest.mark.parametrize("tile", [3, 4, 8, 24])
def test_low_priority_mark_survives_every_tile_size(tile):
    codes = np.array([STATES.index("running")] * 2)
    image = render_tiles(
        Grid(2, 1),
        tile,
        codes,
        low_priority=np.array([False, True]),
        slots_used=np.array([4, 4]),
        slots_total=np.array([4, 4]),
        dimmed=np.array([False, False]),
    )
    dedicated, spot = image[:, :tile], image[:, tile:]
    assert (dedicated != spot).any(axis=-1).sum() >= 1
    assert tuple(spot[0, 0]) != state_rgba("running")
    assert tuple(dedicated[0, 0]) == state_rgba("running")
    # The gap column and row are transparent.
    assert (image[-1, :, 3] == 0).all() and (image[:, tile - 1, 3] == 0).all()


def test_update_states_recolours_and_recounts(heatmap):
    assert heatmap.state_counts()["idle"] == 2
    heatmap.update_states({"tvm-0003": "running", "tvm-0004": "idle", "no-such-node": "idle"})
    assert_color(pixel(heatmap, tile_point(heatmap, "tvm-0004", 0.6, 0.6)), "idle")
    counts = heatmap.state_counts()
    assert counts["idle"] == 3 and counts["running"] == 3 and counts["offline"] == 0
    assert heatmap.findChild(QToolButton, "legend-idle").text() == "idle (3)"
    assert not heatmap.findChild(QToolButton, "legend-offline").isVisible()


def test_unrecognised_state_is_shown_as_unknown(heatmap):
    heatmap.update_states({"tvm-0000": "somethingnew"})
    assert heatmap.state_counts()["unknown"] == 1


def test_legend_click_toggles_a_dimming_filter(heatmap, qtbot):
    idle_button = heatmap.findChild(QToolButton, "legend-idle")
    with qtbot.waitSignal(heatmap.filterChanged) as blocker:
        qtbot.mouseClick(idle_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [["idle"]]
    assert idle_button.isChecked()
    assert_color(pixel(heatmap, tile_point(heatmap, "tvm-0000", 0.6, 0.6)), "idle")
    dimmed = pixel(heatmap, tile_point(heatmap, "tvm-0004", 0.6, 0.6))
    assert dimmed.lightness() > QColor(*state_rgba("offline")[:3]).lightness() + 60

    with qtbot.waitSignal(heatmap.filterChanged) as blocker:
        qtbot.mouseClick(
            heatmap.findChild(QToolButton, "legend-running"), Qt.MouseButton.LeftButton
        )
    assert blocker.args == [["idle", "running"]]
    qtbot.mouseClick(idle_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(heatmap.filterChanged) as blocker:
        qtbot.mouseClick(
            heatmap.findChild(QToolButton, "legend-running"), Qt.MouseButton.LeftButton
        )
    assert blocker.args == [[]]
    assert not idle_button.isChecked()
    assert_color(pixel(heatmap, tile_point(heatmap, "tvm-0004", 0.6, 0.6)), "offline")


def test_click_emits_the_node_under_the_pointer(heatmap, qtbot):
    for node_id in ("tvm-0000", "tvm-0004", "tvm-0005"):
        point = heatmap.tile_rect(node_id).center()
        assert heatmap.node_at(point) == node_id
        viewport = heatmap.childAt(point)
        with qtbot.waitSignal(heatmap.nodeActivated) as blocker:
            qtbot.mouseClick(
                viewport, Qt.MouseButton.LeftButton, pos=viewport.mapFrom(heatmap, point)
            )
        assert blocker.args == [node_id]


def test_tooltip_describes_the_hovered_node(heatmap):
    point = heatmap.tile_rect("tvm-0005").center()
    viewport = heatmap.childAt(point)
    local = viewport.mapFrom(heatmap, point)
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, local, viewport.mapToGlobal(local))
    )
    assert QToolTip.text() == (
        "tvm-0005\nstate: idle\nip: 10.0.0.5\ntask slots: 0/4\nlow priority (spot)"
    )
    assert heatmap.tooltip_text("tvm-0001").splitlines()[1:4] == [
        "state: running",
        "ip: 10.0.0.1",
        "task slots: 4/4",
    ]
    QToolTip.hideText()


def test_grid_adapts_to_the_widget_shape(qtbot):
    widget = NodeHeatmap()
    qtbot.addWidget(widget)
    n = 10_000
    widget.set_nodes(
        [f"n{i}" for i in range(n)], ["idle"] * n, [False] * n, np.zeros(n), np.ones(n)
    )
    widget.resize(1200, 400)
    widget.show()
    qtbot.waitExposed(widget)
    wide = widget.tile_rect("n1").left() - widget.tile_rect("n0").left()
    last_wide = widget.tile_rect(f"n{n - 1}")
    widget.resize(500, 800)
    qtbot.waitUntil(lambda: widget.tile_rect(f"n{n - 1}") != last_wide)
    # Every node still maps back from its tile.
    for node_id in ("n0", "n4999", f"n{n - 1}"):
        assert widget.node_at(widget.tile_rect(node_id).center()) == node_id
    assert wide > 0


def test_mismatched_input_is_rejected(qtbot):
    widget = NodeHeatmap()
    qtbot.addWidget(widget)
    with pytest.raises(ValueError):
        widget.set_nodes(["a", "b"], ["idle"], [False, False], [0, 0], [1, 1])


class PaintedRegions(QObject):
    """What a widget was asked to paint, event by event (its bounding rects)."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.rects: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.region().boundingRect())
        return False


def test_one_nodes_figure_repaints_its_tile_alone(qtbot):
    """A read of one node's figures (every 15 s per node, at 10,000 nodes several a second) redraws
    one tile, not the image of all of them."""
    widget = show(qtbot, NodeHeatmap(), (900, 600))
    qtbot.waitExposed(widget)
    n = 2_000
    ids = [f"n{i}" for i in range(n)]
    widget.set_nodes(ids, ["idle"] * n, [False] * n, np.zeros(n), np.ones(n))
    widget.set_color_mode("cpu")
    viewport = widget.childAt(widget.tile_rect("n1000").center())
    painted = PaintedRegions(viewport)
    widget.set_values({**{node_id: 5.0 for node_id in ids}, "n1999": 95.0, "n1998": None})  # each band once
    qtbot.waitUntil(lambda: bool(painted.rects))  # the whole image, once
    neighbour_before = pixel(widget, tile_point(widget, "n1001", 0.3, 0.3))
    painted.rects.clear()

    widget.set_value("n1000", 95.0)
    qtbot.waitUntil(lambda: bool(painted.rects))

    tile = widget.tile_rect("n1000")
    tile_in_viewport = QRect(viewport.mapFrom(widget, tile.topLeft()), tile.size())
    for rect in painted.rects:
        assert tile_in_viewport.adjusted(-3, -3, 3, 3).contains(rect), (rect, tile_in_viewport)
    assert_rgb(pixel(widget, tile_point(widget, "n1000", 0.3, 0.3)), bin_rgba(95.0))
    assert pixel(widget, tile_point(widget, "n1001", 0.3, 0.3)) == neighbour_before
    assert "cpu: 95 %" in widget.tooltip_text("n1000")
    legend = widget._value_legend
    assert legend.findChild(QToolButton, "legend-90").text() == "90-100 % (2)"
    widget.set_value("n1000", None)  # figures gone: grey, and counted so
    assert_rgb(pixel(widget, tile_point(widget, "n1000", 0.3, 0.3)), bin_rgba(None))
    assert legend.findChild(QToolButton, "legend-none").text() == "no figures (2)"


def test_a_figure_while_coloured_by_state_is_kept_for_later(heatmap):
    heatmap.set_value("tvm-0002", 55.0)
    assert_color(pixel(heatmap, tile_point(heatmap, "tvm-0002", 0.5, 0.85)), "running")  # still by state
    heatmap.set_color_mode("memory")
    assert_rgb(pixel(heatmap, tile_point(heatmap, "tvm-0002", 0.3, 0.3)), bin_rgba(55.0))
    assert_rgb(pixel(heatmap, tile_point(heatmap, "tvm-0001", 0.3, 0.3)), bin_rgba(None))


def assert_rgb(actual: QColor, expected: tuple[int, ...], tolerance: int = 6) -> None:
    got = (actual.red(), actual.green(), actual.blue())
    assert all(abs(a - e) <= tolerance for a, e in zip(got, expected[:3], strict=True)), (got, expected)
