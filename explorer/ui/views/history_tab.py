"""The History tab of the pool and job views: the chart of a `PoolHistory` or `JobHistory`, live, and its export.

The history is one of the view's watchers (`keep_live`): it records while the view is shown,
whichever tab is in front. Export asks for a file with a dialog that does not block the loop
(`file_dialogs`) and writes it in a worker thread, whole or not at all; a failure shows in the
view's banner.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QToolBar, QVBoxLayout, QWidget

from explorer.client.watching.history import (
    NODE_STATES,
    TASK_STATES,
    UNREPORTED,
    EventKind,
    JobHistory,
    PoolHistory,
    csv_rows,
    write_csv,
)
from explorer.ui.dialogs.file_dialogs import ask_save_file
from explorer.ui.views.base_view import BaseView
from explorer.ui.widgets.accessible import name_it
from explorer.ui.widgets.history_chart import HistoryChart
from explorer.ui.widgets.palette import NODE_STATE_COLORS, TASK_STATE_COLORS

CLOCK_MS = 5000
"""How often the last step grows to now while nothing changes (a redraw of 2,000 points costs ~50 ms)."""
PNG_FILTER = "PNG image (*.png)"
CSV_FILTER = "CSV (*.csv)"


def node_entries() -> list[tuple[str, str, str | None]]:
    """The pool history's states with the heatmap's colours; `unreported` hatched."""
    return [(s, "in pool, state not reported" if s == UNREPORTED else s, NODE_STATE_COLORS.get(s)) for s in NODE_STATES]


def task_entries() -> list[tuple[str, str, str | None]]:
    return [(s, s, TASK_STATE_COLORS[s]) for s in TASK_STATES]


class HistoryTab(QWidget):
    """`changed()` after the history changed (and the chart showed it, if shown); `exported(path)` once a file
    is written."""

    changed = Signal()
    exported = Signal(Path)

    def __init__(
        self, view: BaseView, history: PoolHistory | JobHistory, entries: Sequence[tuple[str, str, str | None]],
        unit: str, name: str,
    ) -> None:
        """`name`: what the files are suggested to be called ("pool-p1-history")."""
        super().__init__(view)
        self._view, self.history, self._name = view, history, name
        self.chart = HistoryChart(entries, unit, self)
        if isinstance(history, PoolHistory):
            self.chart.hatch_entry(UNREPORTED)
        name_it(self.chart, self.tr("%1 by state over time").replace("%1", unit),
                self.tr("Stacked counts by state; vertical lines mark resizes and failures, "
                        "hover one for what happened"))
        toolbar = QToolBar(self)
        self.png_action = toolbar.addAction(self.tr("Export PNG…"), self.export_png)
        self.png_action.setToolTip(self.tr("Save the chart as a PNG image"))
        self.csv_action = toolbar.addAction(self.tr("Export CSV…"), self.export_csv)
        self.csv_action.setToolTip(self.tr("Save the counts and events as CSV"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.chart, 1)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self._tick)
        view.keep_live(history)
        remove = history.add_listener(self._history_changed)
        self.destroyed.connect(lambda *_: remove())
        self.show_history()

    def _history_changed(self) -> None:
        if self.isVisible():  # else drawn when the tab is shown
            self.show_history()
        self.changed.emit()

    def show_history(self) -> None:
        history = self.history
        self.chart.set_history(history.series.states, history.series.points, list(history.events), self._now())
        self.chart.caption.setText(self._caption())

    # -- export ------------------------------------------------------------------------

    def export_png(self) -> None:
        ask_save_file(self, self.tr("Export chart as PNG"), self.save_png, name_filter=PNG_FILTER,
                      suggested=f"{self._name}.png")

    def export_csv(self) -> None:
        ask_save_file(self, self.tr("Export history as CSV"), self.save_csv, name_filter=CSV_FILTER,
                      suggested=f"{self._name}.csv")

    def save_png(self, path: Path) -> None:
        image = self.chart.image()  # drawn here, on the UI thread; encoded and written in a thread
        self._view.run("export", self._written(path, asyncio.to_thread(_save_png, image, path)))

    def save_csv(self, path: Path) -> None:
        rows = csv_rows(self.history.series, self.history.events)
        self._view.run("export", self._written(path, asyncio.to_thread(write_csv, path, rows)))

    async def _written(self, path: Path, writing) -> None:
        await writing
        self.exported.emit(path)

    # -- Qt ----------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._clock.start()
        self.show_history()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._clock.stop()

    def _tick(self) -> None:
        if self.history.active:
            self.history.catch_up()
            self.chart.set_now(datetime.now(timezone.utc))

    def _now(self) -> datetime | None:
        return datetime.now(timezone.utc) if self.history.active else None

    def _caption(self) -> str:
        history = self.history
        failures = sum(1 for e in history.events if e.kind.is_failure)
        resizes = sum(1 for e in history.events if e.kind is EventKind.RESIZE)
        parts = [(self.tr("1 failure (red lines)") if failures == 1 else
                  self.tr("{count} failures (red lines)").format(count=failures))]
        if isinstance(history, PoolHistory):
            parts.append(self.tr("1 resize (dashed: started, dotted: ended)") if resizes == 1 else
                         self.tr("{count} resizes (dashed: started, dotted: ended)").format(count=resizes))
        if history.past:
            parts.append(history.past)
        if history.series.resolution:
            parts.append(self.tr("older detail merged to %1 s").replace("%1", f"{history.series.resolution:.0f}"))
        if history.events.dropped:
            parts.append(self.tr("%1 older events not kept").replace("%1", str(history.events.dropped)))
        return "; ".join(parts) + "."


def _save_png(image: QImage, path: Path) -> None:
    """Blocking (in a thread: QImage is reentrant): the PNG whole or not at all."""
    part = path.with_name(f".{path.name}.part")
    try:
        if not image.save(str(part), "PNG"):
            raise OSError(f"could not write {part}")
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
