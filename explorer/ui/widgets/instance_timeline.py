"""Timeline of the instances of a multi-instance task: one row per instance.

Row 0 is the primary, then the subtasks by id. Each non-terminal phase is a bar
from its start to its end (open phases end at the ``now`` last given); terminal
phases (completed, failed) are instants and drawn as a diamond. What the service
has not reported (``Phase.UNKNOWN``) is an empty, dashed box: nothing is claimed
there. The x axis is in seconds since ``origin`` (the task's creation), labelled
either as such or as local wall-clock time. Colours follow the palette (dark theme).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QVBoxLayout, QWidget

from explorer.core.timeline import InstancePhases, Phase, PhaseSegment
from explorer.ui.widgets.accessible import say
from explorer.ui.widgets.color_legend import ColorLegend
from explorer.ui.widgets.palette import PHASE_COLORS
from explorer.ui.widgets.plot_theme import PlotTheme

BAR_HEIGHT = 0.6
MARKER_PX = 14
UNKNOWN_PEN = 1.5
UNKNOWN_ALPHA = 80
PHASE_LABELS = {
    Phase.WAITING_FOR_NODE: QT_TRANSLATE_NOOP("InstanceTimeline", "waiting for node"),
    Phase.DOWNLOADING: QT_TRANSLATE_NOOP("InstanceTimeline", "downloading"),
    Phase.COORDINATING: QT_TRANSLATE_NOOP("InstanceTimeline", "coordinating"),
    Phase.READY: QT_TRANSLATE_NOOP("InstanceTimeline", "ready"),
    Phase.RUNNING: QT_TRANSLATE_NOOP("InstanceTimeline", "running"),
    Phase.COMPLETED: QT_TRANSLATE_NOOP("InstanceTimeline", "completed"),
    Phase.FAILED: QT_TRANSLATE_NOOP("InstanceTimeline", "failed"),
    Phase.UNKNOWN: QT_TRANSLATE_NOOP("InstanceTimeline", "unknown"),
}


class _TimeAxis(pg.AxisItem):
    """Ticks in seconds since ``origin``, or the wall-clock time they stand for."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.origin: datetime | None = None
        self.wall_clock = False
        self.enableAutoSIPrefix(False)  # "seconds (x0.001)" for a sub-second task: say seconds, always

    def tickStrings(self, values, scale, spacing):
        if not self.wall_clock or self.origin is None:
            return super().tickStrings(values, scale, spacing)
        return [_clock(self.origin + timedelta(seconds=v)) for v in values]


class InstanceTimeline(QWidget):
    rowClicked = Signal(int)
    """The instance number of the row the user clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._axis = _TimeAxis()
        self._plot = pg.PlotWidget(self, axisItems={"bottom": self._axis})
        self._plot.setMouseEnabled(x=True, y=False)
        self._plot.invertY(True)
        self._bars = pg.BarGraphItem(x0=[], x1=[], y=[], height=BAR_HEIGHT)
        self._markers = pg.ScatterPlotItem(symbol="d", size=MARKER_PX, pen=pg.mkPen(None))
        self._plot.addItem(self._bars)
        self._plot.addItem(self._markers)
        self._plot.viewport().installEventFilter(self)  # clicks (the theme's filter says the tooltips)
        legend = ColorLegend(
            [(p.value, _label(p), PHASE_COLORS[p]) for p in Phase],
            orientation=Qt.Orientation.Horizontal,
        )
        legend.set_swatch(Phase.UNKNOWN.value, _unknown_swatch())
        legend.set_tooltip(Phase.UNKNOWN.value, self.tr("Not reported by the service: when a phase began is known "
                                                        "only to lie in this span, or the service has not answered "
                                                        "since."))
        # Until there is an instance, no axis has anything to say (not rows 0 to 1, not 0 to 1 s).
        self._empty = pg.TextItem(self.tr("No instances yet"), anchor=(0.5, 0.5))
        self._plot.addItem(self._empty)
        self._empty.setPos(0.5, 0.5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._plot, 1)
        layout.addWidget(legend)

        self._rows: list[InstancePhases] = []
        self._current: int | None = None
        """The row the keyboard is on (said in words to assistive technology)."""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._origin: datetime | None = None
        self._now: datetime | None = None
        self.set_wall_clock(False)
        self._show_empty(True)
        self._theme = PlotTheme(self, self._plot, tooltip=self._tooltip_at, on_palette=self._palette_changed)
        self._theme.apply()

    # -- input ---------------------------------------------------------------

    def set_instances(
        self,
        instances: Sequence[InstancePhases],
        *,
        origin: datetime | None = None,
        now: datetime | None = None,
    ) -> None:
        """Replace all rows. ``origin`` is time zero (default: the earliest start);
        open phases are drawn up to ``now`` (default: the latest time known)."""
        self._rows = sorted(instances, key=lambda inst: inst.instance_id)
        times = [t for inst in self._rows for s in inst.segments for t in (s.start, s.end) if t]
        self._origin = origin or (min(times) if times else None)
        self._now = now or (max(times) if times else None)
        self._axis.origin = self._origin
        if self._current is not None and self._current >= len(self._rows):
            self._current = None
        ticks = [(row, _row_label(inst)) for row, inst in enumerate(self._rows)]
        left = self._plot.getAxis("left")
        left.setTicks([ticks])
        # The axis sizes itself to numbers; make room for "0 primary".
        metrics = QFontMetrics(self._plot.font())
        widest = max((metrics.horizontalAdvance(t) for _, t in ticks), default=0)
        left.setWidth(widest + 12)
        self._show_empty(not self._rows)
        self._redraw()
        self._plot.enableAutoRange()

    def refresh(self, now: datetime) -> None:
        """Grow the open phases to ``now``; the owner decides how often."""
        self._now = now
        self._redraw()

    def set_wall_clock(self, enabled: bool) -> None:
        self._axis.wall_clock = enabled
        self._plot.setLabel("bottom", self.tr("local time") if enabled else self.tr("seconds since task creation"))
        self._axis.picture = None  # tick strings are cached in the axis picture
        self._axis.update()

    # -- queries -------------------------------------------------------------

    def bars(self) -> list[tuple[int, Phase, float, float]]:
        """(row, phase, start s, end s) of every bar drawn, in row order."""
        return [
            (row, seg.phase, start, end)
            for row, seg, start, end in self._spans()
            if not seg.phase.is_terminal
        ]

    def segment_at(
        self, seconds: float, row: int, tolerance: float = 0.0
    ) -> tuple[InstancePhases, PhaseSegment] | None:
        """The phase drawn at ``seconds`` in ``row``; instants match within ``tolerance`` s."""
        hits = [
            (seg, start)
            for r, seg, start, end in self._spans()
            if r == row and start - tolerance <= seconds <= end + tolerance
        ]
        # Prefer an instant (drawn on top), then the latest-starting bar.
        hits.sort(key=lambda hit: (hit[0].phase.is_terminal, hit[1]))
        return (self._rows[row], hits[-1][0]) if hits else None

    def instance_text(self, row: int) -> str:
        """One instance in words, phase by phase: what a screen reader says as the keyboard reaches it."""
        instance = self._rows[row]
        phases = []
        for seg in instance.segments:
            start = f"{self._seconds(seg.start):.1f}"
            if seg.phase.is_terminal:
                text = self.tr("{phase} at {start} s")
            elif seg.end is None:
                text = self.tr("{phase} since {start} s")
            else:
                text = self.tr("{phase} {start} to {end} s")
            end = f"{self._seconds(seg.end):.1f}" if seg.end else ""
            phases.append(text.format(phase=_phase_text(seg), start=start, end=end))
        return self.tr("{instance}: {phases}; {number} of {count}").format(
            instance=self._instance_title(instance), phases=", ".join(phases) or self.tr("nothing reported yet"),
            number=row + 1, count=len(self._rows))

    def texts(self) -> list[str]:
        """The whole timeline in words, an instance a line (its textual alternative)."""
        return [self.instance_text(row) for row in range(len(self._rows))]

    def current_row(self) -> int | None:
        return self._current

    def tooltip_text(self, instance: InstancePhases, segment: PhaseSegment) -> str:
        lines = [
            self._instance_title(instance),
            _phase_text(segment),
            self.tr("start: {time}").format(time=self._describe(segment.start)),
        ]
        if not segment.phase.is_terminal:
            lines.append(self.tr("end: {time}").format(
                time=self._describe(segment.end) if segment.end else self.tr("ongoing")))
        return "\n".join(lines)

    def _instance_title(self, instance: InstancePhases) -> str:
        text = (self.tr("instance {number} (primary) on {node}") if instance.instance_id == 0
                else self.tr("instance {number} (subtask) on {node}"))
        return text.format(number=instance.instance_id, node=instance.node_id or self.tr("no node yet"))

    # -- Qt ------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up and Down walk the instances (each said in words), Enter selects one (as a click does)."""
        key, n = event.key(), len(self._rows)
        if n and key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End):
            at = -1 if self._current is None else self._current
            target = {Qt.Key.Key_Up: at - 1, Qt.Key.Key_Down: at + 1, Qt.Key.Key_Home: 0, Qt.Key.Key_End: n - 1}[key]
            self._walk_to(min(n - 1, max(0, target)))
        elif n and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current is not None:
            self.rowClicked.emit(self._rows[self._current].instance_id)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if self._rows and self._current is None:
            self._walk_to(0)

    def _walk_to(self, row: int) -> None:
        self._current = row
        say(self, self.instance_text(row))
        self._redraw()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            row = round(self._theme.to_view(event.position().toPoint()).y())  # (x: seconds, y: row)
            if 0 <= row < len(self._rows):
                self.rowClicked.emit(self._rows[row].instance_id)
            return False  # panning still works
        return super().eventFilter(watched, event)

    # -- internals -----------------------------------------------------------

    def _tooltip_at(self, point: QPointF, pixel: float) -> str:
        hit = self.segment_at(point.x(), round(point.y()), pixel * MARKER_PX / 2)
        return "" if hit is None else self.tooltip_text(*hit)

    def _seconds(self, t: datetime) -> float:
        return (t - self._origin).total_seconds()

    def _spans(self):
        """(row, segment, start s, end s) for everything drawn; instants have end == start."""
        for row, inst in enumerate(self._rows):
            for seg in inst.segments:
                start = self._seconds(seg.start)
                if seg.phase.is_terminal:
                    end = start
                else:
                    end = self._seconds(seg.end or max(self._now, seg.start))
                yield row, seg, start, end

    def _redraw(self) -> None:
        bars, instants = [], []
        for row, seg, start, end in self._spans():
            (instants if seg.phase.is_terminal else bars).append((row, seg.phase, start, end, seg.after))
        # Unknown spans first: a known phase drawn over one keeps its colour.
        bars.sort(key=lambda bar: bar[1] is not Phase.UNKNOWN)
        current = self._current
        outline = self._text_color()
        outline.setAlpha(110)
        unknown_pen = pg.mkPen(outline, width=UNKNOWN_PEN, style=Qt.PenStyle.DashLine)
        self._bars.setOpts(
            x0=[b[2] for b in bars],
            x1=[b[3] for b in bars],
            y=[b[0] for b in bars],
            height=BAR_HEIGHT,
            brushes=[_brush(b[1], b[4]) for b in bars],
            # None, not an empty list, when there are no bars: pyqtgraph fails on [].
            pens=[unknown_pen if b[1] is Phase.UNKNOWN else
                  (pg.mkPen(self._text_color(), width=2) if b[0] == current else pg.mkPen(None)) for b in bars] or None,
            pen=pg.mkPen(None),
        )
        self._markers.setData(
            x=[i[2] for i in instants],
            y=[i[0] for i in instants],
            brush=[pg.mkBrush(PHASE_COLORS[i[1]]) for i in instants],
            pen=pg.mkPen(self._text_color(), width=1),
        )

    def _text_color(self) -> QColor:
        return self._theme.text_color()

    def _palette_changed(self) -> None:
        """The plot is in the window's colours (light or dark): so are its sentence and bars."""
        self._empty.setColor(self._text_color())
        self._redraw()

    def _describe(self, t: datetime) -> str:
        return self.tr("{clock} (+{seconds} s)").format(clock=_clock(t), seconds=f"{self._seconds(t):.1f}")

    def _show_empty(self, empty: bool) -> None:
        """No instance yet: a sentence instead of ticks and grid lines (rows 0 to 1.0, 0 to 1 s)."""
        self._empty.setVisible(empty)
        for name in ("left", "bottom"):
            self._plot.getAxis(name).setStyle(showValues=not empty)
        bottom = self._plot.getAxis("bottom")
        bottom.showLabel(not empty)
        bottom.setTicks([[]] if empty else None)  # None: its own ticks again
        if empty:
            self._plot.getAxis("left").setTicks([[]])
        self._plot.showGrid(x=not empty, y=False, alpha=0.3)


def _clock(t: datetime) -> str:
    return t.astimezone().strftime("%H:%M:%S")


def _brush(phase: Phase, after: Phase | None) -> QBrush:
    """A phase's colour; an unknown span is the phase known before it, faded (or nothing)."""
    if phase is not Phase.UNKNOWN:
        return pg.mkBrush(PHASE_COLORS[phase])
    if after is None:
        return pg.mkBrush(None)
    color = QColor(PHASE_COLORS[after])
    color.setAlpha(UNKNOWN_ALPHA)
    return pg.mkBrush(color)


def _label(phase: Phase) -> str:
    return InstanceTimeline.tr(PHASE_LABELS[phase])


def _phase_text(segment: PhaseSegment) -> str:
    if segment.phase is not Phase.UNKNOWN:
        return _label(segment.phase)
    if segment.after is None:
        return InstanceTimeline.tr("unknown: not reported by the service")
    return InstanceTimeline.tr("{phase} or later: not reported by the service").format(phase=_label(segment.after))


def _unknown_swatch() -> QIcon:
    """The legend's sign for "unknown": an empty dashed box, as drawn in the plot."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor(PHASE_COLORS[Phase.UNKNOWN]), 1.5, Qt.PenStyle.DashLine))
    painter.drawRect(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


def _row_label(inst: InstancePhases) -> str:
    if inst.instance_id == 0:
        return InstanceTimeline.tr("{number} primary").format(number=inst.instance_id)
    return str(inst.instance_id)
