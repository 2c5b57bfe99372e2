"""Two runs of one multi-instance task side by side: the local rehearsal and the run on the other account.

For each run: its state and exit code, the per-instance timeline (as the task view draws it,
each from its own start), and a table of the time every instance spent in each phase with its
exit code; below both, the diff of the primaries' stdout (the start of each file, read with one
bounded ranged read). It renders what its reader returns and never calls the SDK: the reader
(`RunPair`) is given by whoever opened it. While a run is not finished it reads again every
`REFRESH_SECONDS`; `compared` is emitted after each rendering (for tests).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.client.errors import BatchLayerError
from explorer.client.watching.comparison import OUTPUT_LIMIT, PHASES, RunRecord, output_diff
from explorer.core.timeline import Phase
from explorer.ui.dialogs.account_forms import error_colour
from explorer.ui.task_owner import TaskOwner
from explorer.ui.translation import error_text
from explorer.ui.widgets.color_legend import ColorLegend
from explorer.ui.widgets.instance_timeline import InstanceTimeline

RunPair = Callable[[], Awaitable[tuple[RunRecord, RunRecord]]]
REFRESH_SECONDS = 3.0


def seconds(duration: timedelta | None) -> str:
    if duration is None:
        return "—"
    value = duration.total_seconds()
    if value < 10:
        return f"{value:.2f} s"  # Local Batch's phases take fractions of a second
    return f"{value:.1f} s" if value < 120 else f"{value / 60:.1f} min"


class RunPanel(QGroupBox):
    """One run: its summary line, timeline and per-instance phase table."""

    COLUMNS = ("Instance", "Node", "Exit code", *(p.label.capitalize() for p in PHASES), "Total")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timeline = InstanceTimeline(self)
        self.timeline.setMinimumHeight(140)
        # The view shows one legend for both timelines (side by side, two would not fit the width):
        # hidden before any layout measures the panel.
        self.legend = self.timeline.findChild(ColorLegend)
        if self.legend is not None:
            self.legend.hide()
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # node ids are long: they give way
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # sized to its rows
        self.table.setAccessibleName(self.tr("Time spent in each phase, per instance"))
        coordinating = self.table.horizontalHeaderItem(self.COLUMNS.index(Phase.COORDINATING.label.capitalize()))
        coordinating.setToolTip(self.tr("From the coordination command's start to the application command's: "
                                        "Batch does not report when a coordination command ended"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.table)

    def show_run(self, run: RunRecord) -> None:
        self.setTitle(f"{run.label} — {run.job_id} / {run.task_id}")
        state = run.state or self.tr("unknown")
        exit_text = self.tr("exit code {code}").format(code=run.exit_code) if run.exit_code is not None else self.tr("no exit code yet")
        failure = f" — {run.failure}" if run.failure else ""
        self.summary.setText(f"{state}, {exit_text}{failure}")
        self.timeline.set_instances(run.rows)
        self.table.setRowCount(len(run.instances))
        for row, instance in enumerate(run.instances):
            name = self.tr("0 (primary)") if instance.instance == 0 else str(instance.instance)
            cells = [name, instance.node_id or "—", "—" if instance.exit_code is None else str(instance.exit_code)]
            cells += [seconds(instance.durations.get(phase)) for phase in PHASES]
            cells.append(seconds(instance.total))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(len(run.instances)))
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + rows + 2 * self.table.frameWidth() + 4)

    def texts(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]


class CompareView(QWidget):
    compared = Signal()
    """After each rendering (or a failed read, shown in the status line)."""

    def __init__(self, read: RunPair, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Side-by-side comparison of two runs"))
        self._read = read
        self.tasks = TaskOwner(self, on_error=lambda error: self._say(
            self.tr("Something went wrong: {e}").format(e=error_text(error)), True))
        self.runs: tuple[RunRecord, RunRecord] | None = None
        self.first, self.second = RunPanel(self), RunPanel(self)
        self.diff = QPlainTextEdit(self)
        self.diff.setReadOnly(True)
        self.diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.diff.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.diff.setAccessibleName(self.tr("Difference of the primaries' output"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Read again"), self)
        self.refresh_button.clicked.connect(self.refresh)
        runs = QSplitter(Qt.Orientation.Horizontal, self)
        runs.addWidget(self.first)
        runs.addWidget(self.second)
        output = QGroupBox(self.tr("Output of the primary (stdout.txt): {first} against {second}"), self)
        self._output_box = output
        box = QVBoxLayout(output)
        box.addWidget(self.diff)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(runs, 1)
        if self.first.legend is not None:  # one legend under both timelines, across the width
            top_layout.addWidget(self.first.legend)
            self.first.legend.hide_entry(Phase.READY.value)  # folded into coordinating: never drawn here
            self.first.legend.show()
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(output)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(row)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.runs is not None:
            self._show_diff(*self.runs)  # its colours are the palette's (the theme changed)

    def sizeHint(self) -> QSize:
        # Not the tables' full width twice over (1600 px and more): the node ids give way.
        return QSize(1200, 800)

    def refresh(self) -> None:
        self.tasks.start(self._follow(), slot="read")

    async def _follow(self) -> None:
        """Read both runs, render, and again while either is unfinished."""
        while True:
            self._say(self.tr("Reading both runs…"))
            try:
                self.runs = await self._read()
            except BatchLayerError as error:
                self._say(error_text(error), True)
                self.compared.emit()
                return
            self.render(*self.runs)
            self.compared.emit()
            if all(run.finished for run in self.runs):
                return
            await asyncio.sleep(REFRESH_SECONDS)

    def render(self, first: RunRecord, second: RunRecord) -> None:
        self.first.show_run(first)
        self.second.show_run(second)
        self._output_box.setTitle(self.tr("Output of the primary (stdout.txt): {first} against {second}").format(
            first=first.label, second=second.label))
        self._show_diff(first, second)
        unfinished = [run.label for run in (first, second) if not run.finished]
        if unfinished:
            self._say(self.tr("Still running on {names}: read again every {s:.0f} s.").format(
                names=", ".join(unfinished), s=REFRESH_SECONDS))
        else:
            self._say(self._verdict(first, second))

    def _verdict(self, first: RunRecord, second: RunRecord) -> str:
        same_exit = first.exit_code == second.exit_code
        totals = [max((i.total for i in run.instances), default=timedelta()) for run in (first, second)]
        text = self.tr("Both finished: exit codes {a} and {b}{same}; longest instance {ta} and {tb}.").format(
            a=first.exit_code, b=second.exit_code, same=self.tr(" (the same)") if same_exit else self.tr(" (they differ)"),
            ta=seconds(totals[0]), tb=seconds(totals[1]))
        return text

    def _show_diff(self, first: RunRecord, second: RunRecord) -> None:
        self.diff.clear()
        lines = output_diff(first, second)
        notes = [self.tr("Only the first {kib} KiB of {label}'s output are compared.").format(kib=OUTPUT_LIMIT // 1024, label=r.label)
                 for r in (first, second) if r.stdout_truncated]
        if not lines:
            same = self.tr("The two outputs are the same ({n} lines).").format(n=len(first.stdout.splitlines()))
            self.diff.setPlainText("\n".join([same, *notes]))
            return
        cursor = self.diff.textCursor()
        colours = self._diff_colours()
        for line in [*notes, *lines]:
            fmt = QTextCharFormat()
            kind = line[:1] if not line.startswith(("---", "+++")) else "h"
            if kind in colours:
                fmt.setForeground(colours[kind])
            cursor.insertText(line + "\n", fmt)
        self.diff.moveCursor(QTextCursor.MoveOperation.Start)

    def _diff_colours(self) -> dict[str, QColor]:
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        return {
            "+": QColor("#81c784" if dark else "#1b5e20"), "-": QColor(error_colour(self.palette())),
            "@": QColor("#64b5f6" if dark else "#0d47a1"), "h": self.palette().color(QPalette.ColorRole.PlaceholderText),
        }

    def diff_text(self) -> str:
        return self.diff.toPlainText()

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {error_colour(self.palette())};" if error else "")
        self.status.setText(text)

