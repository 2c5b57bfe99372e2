"""Counts by state over time as stacked step areas, with events as vertical lines.

Fed `HistoryPoint`s (client.watching.history): each holds until the next; a point without
counts (not watched, no answer) leaves the span after it empty, so nothing is drawn that was
not seen. What came from the service's own times is shaded behind the areas. Events are
vertical lines (failures red and solid, resizes in the link colour, dashed), each said in a
tooltip. The time axis is in local clock time. Colours are the heatmap's and the timeline's;
the background and axes follow the palette (light or dark).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from explorer.client.watching.history import EventKind, HistoryEvent, HistoryPoint, Source
from explorer.ui.widgets.color_legend import ColorLegend
from explorer.ui.widgets.plot_theme import PlotTheme

EVENT_TOLERANCE_PX = 5
FAILURE_COLOR = "#e53935"
SERVICE_SHADE_ALPHA = 28
OUTLINE_ALPHA = 90
EVENT_Z = 1000
"""Above every area (each area's z is its place in the stack)."""


class HistoryChart(QWidget):
    def __init__(self, entries: Sequence[tuple[str, str, str | None]], unit: str, parent: QWidget | None = None):
        """`entries`: (state, label, colour) in stacking order, bottom first; colour None: hatched (not reported)."""
        super().__init__(parent)
        self._entries = list(entries)
        self._colors = {state: color for state, _, color in entries}
        self._plot = pg.PlotWidget(self, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self._plot.setMouseEnabled(x=True, y=False)
        self._plot.showGrid(x=True, y=True, alpha=0.2)
        self._plot.setLabel("left", unit)
        self._plot.setLabel("bottom", self.tr("local time"))
        self._plot.getPlotItem().hideButtons()
        self._legend = ColorLegend([(s, label, color or "#9e9e9e") for s, label, color in entries],
                                   orientation=Qt.Orientation.Horizontal)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._plot, 1)
        layout.addWidget(self._legend)
        layout.addWidget(self.caption)
        self._states: tuple[str, ...] = ()
        self._points: list[HistoryPoint] = []
        self._events: list[HistoryEvent] = []
        self._now: datetime | None = None
        self._items: list[pg.GraphicsObject] = []
        self._drawn: list[tuple[str, np.ndarray, np.ndarray]] = []
        self._hatched: set[str] = set()
        self._theme = PlotTheme(self, self._plot, tooltip=self._tooltip_at, on_palette=self._palette_changed)
        self._theme.apply()

    # -- input -------------------------------------------------------------------------

    def set_history(
        self, states: Sequence[str], points: Sequence[HistoryPoint], events: Sequence[HistoryEvent],
        now: datetime | None = None,
    ) -> None:
        """`states` name the counts of each point, in order; the last span is drawn up to `now` (if later)."""
        first = not self._points
        self._states, self._points, self._events = tuple(states), list(points), list(events)
        self._now = now
        self._redraw()
        if first and points:
            self._plot.enableAutoRange()

    def set_now(self, now: datetime) -> None:
        """Grow the last span to `now` (the owner calls this while the history is live)."""
        self._now = now
        self._redraw()

    def hatch_entry(self, state: str) -> None:
        """Show `state`'s legend swatch hatched, as its area is drawn (a state not reported)."""
        self._hatched.add(state)
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.fillRect(pixmap.rect(), self._brush(state))
        painter.setPen(self._text_color())
        painter.drawRect(0, 0, 11, 11)
        painter.end()
        self._legend.set_swatch(state, QIcon(pixmap))

    # -- queries -----------------------------------------------------------------------

    def areas(self) -> list[tuple[str, list[float], list[float]]]:
        """(state, x in epoch seconds, top of its area) of every area drawn, bottom state first per span."""
        return [(state, xs.tolist(), tops.tolist()) for state, xs, tops in self._drawn]

    def event_lines(self) -> list[tuple[float, HistoryEvent]]:
        return [(event.at.timestamp(), event) for event in self._events]

    def event_at(self, x: float, tolerance: float) -> HistoryEvent | None:
        """The event nearest to `x` (epoch seconds) within `tolerance` seconds."""
        near = [(abs(at - x), event) for at, event in self.event_lines() if abs(at - x) <= tolerance]
        return min(near, key=lambda hit: hit[0])[1] if near else None

    def event_text(self, event: HistoryEvent) -> str:
        when = _clock(event.at)
        how = self.tr("the service's time") if event.reported else self.tr("seen by a poll")
        return f"{event.text}\n{when} ({how})"

    def counts_now(self) -> dict[str, int]:
        last = next((p for p in reversed(self._points) if p.counts is not None), None)
        return dict(zip(self._states, last.counts, strict=True)) if last and last.counts else {}

    def image(self) -> QImage:
        """The chart as it is drawn, legend and caption included (for PNG export)."""
        return self.grab().toImage()

    # -- internals ---------------------------------------------------------------------

    def _tooltip_at(self, point: QPointF, pixel: float) -> str:
        hit = self.event_at(point.x(), pixel * EVENT_TOLERANCE_PX)
        return self.event_text(hit) if hit is not None else self._region_text(point.x())

    def service_spans(self) -> list[tuple[float, float]]:
        """(start, end) in epoch seconds of each run of points from the service's own times (shaded)."""
        spans: list[tuple[float, float]] = []
        begin: float | None = None
        for point in self._points:
            if point.source is Source.SERVICE and begin is None:
                begin = point.at.timestamp()
            elif point.source is not Source.SERVICE and begin is not None:
                spans.append((begin, point.at.timestamp()))
                begin = None
        if begin is not None:
            spans.append((begin, self._now.timestamp() if self._now else self._points[-1].at.timestamp()))
        return spans

    def _region_text(self, x: float) -> str:
        if any(start <= x < end for start, end in self.service_spans()):
            return self.tr("Rebuilt from the service's own times (not watched then)")
        return ""

    def _spans(self) -> list[tuple[list[HistoryPoint], float]]:
        """Runs of points with counts, each with the time it ends (the next point, or now)."""
        spans: list[tuple[list[HistoryPoint], float]] = []
        run: list[HistoryPoint] = []
        for point in self._points:
            if run:
                if point.counts is None:
                    spans.append((run, point.at.timestamp()))
                    run = []
                    continue
            if point.counts is not None:
                run.append(point)
        if run:
            end = run[-1].at.timestamp()
            spans.append((run, max(end, self._now.timestamp()) if self._now else end))
        return spans

    def _redraw(self) -> None:
        for item in self._items:
            self._plot.removeItem(item)
        self._items, self._drawn = [], []
        index = {state: i for i, state in enumerate(self._states)}
        shown = [s for s, _, _ in self._entries if s in index
                 and any(p.counts and p.counts[index[s]] for p in self._points)]
        for run, end in self._spans():
            times = np.array([p.at.timestamp() for p in run] + [end])
            xs = np.repeat(times, 2)[1:-1]  # each count holds from its point to the next
            tops = np.zeros(len(xs))
            layers = []
            for state in shown:
                tops = tops + np.repeat([p.counts[index[state]] for p in run], 2)  # type: ignore[index]
                layers.append((state, xs, tops))
            self._drawn.extend(layers)
            for z, (state, x, top) in enumerate(reversed(layers)):  # the highest first: lower ones paint over it
                curve = pg.PlotCurveItem(x, top, fillLevel=0, brush=self._brush(state), pen=self._outline())
                curve.setZValue(z)
                self._add(curve)
        self._draw_service_regions()
        for at, event in self.event_lines():
            self._add(self._event_line(at, event))
        self._legend.set_counts(self.counts_now(), keep_visible=shown)

    def _draw_service_regions(self) -> None:
        shade = self._text_color()
        shade.setAlpha(SERVICE_SHADE_ALPHA)
        for span in self.service_spans():
            region = pg.LinearRegionItem(span, movable=False, brush=pg.mkBrush(shade), pen=pg.mkPen(None))
            region.setZValue(-100)
            self._add(region)

    def _event_line(self, at: float, event: HistoryEvent) -> pg.InfiniteLine:
        if event.kind.is_failure:
            pen = pg.mkPen(FAILURE_COLOR, width=2)
        else:
            link = self.palette().color(QPalette.ColorRole.Link)
            style = Qt.PenStyle.DashLine if event.kind is EventKind.RESIZE else Qt.PenStyle.DotLine
            pen = pg.mkPen(link, width=2, style=style)
        line = pg.InfiniteLine(pos=at, angle=90, movable=False, pen=pen)
        line.setZValue(EVENT_Z)
        return line

    def _add(self, item: pg.GraphicsObject) -> None:
        self._plot.addItem(item)
        self._items.append(item)

    def _brush(self, state: str) -> QBrush:
        color = self._colors.get(state)
        if color:
            return pg.mkBrush(color)
        hatch = self._text_color()
        hatch.setAlpha(120)
        return QBrush(hatch, Qt.BrushStyle.BDiagPattern)

    def _outline(self):
        color = self._text_color()
        color.setAlpha(OUTLINE_ALPHA)
        return pg.mkPen(color, width=1)

    def _text_color(self) -> QColor:
        return self._theme.text_color()

    def _palette_changed(self) -> None:
        for state in self._hatched:
            self.hatch_entry(state)
        self._redraw()


def _clock(t: datetime) -> str:
    return t.astimezone().strftime("%H:%M:%S")
