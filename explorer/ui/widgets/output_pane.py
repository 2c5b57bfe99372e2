"""Output of a running command: a log viewer per stream (stdout, stderr) in tabs.

The owner hands in range readers and says whether the output may still grow
(`set_live`). While live and on screen, the pane polls the tab shown by itself:
every `FAST_POLL` s while the file grows (output appears within a fraction of a
second), every `FLOOD_POLL` s while each poll finds more added than the page shows, or more
than `FLOOD_BYTES` (every poll then replaces the whole page: rows fly past faster than anyone
reads them, and each poll paints a page anew), backing off to every `IDLE_POLL` s while it
does not grow; nothing while paused
or hidden; one last read when it stops being live. The viewers read only what they
show, through readers that follow the connection's backoff. `poll()` reads now (a
state change, F5). Follow keeps the end of the output in view; scrolling up leaves
follow, as in a terminal. Read failures (a node gone, a file cleaned up) show in the
status line and are asked again at the next poll, never kept as the answer.

Output labelled by rank (the MPI presets ask the launcher for it) gets a "Ranks" field
once a label was seen: "1" or "0, 2-5" shows only those ranks' lines (every tab), empty
shows all. While the output is live, the pane says which ranks have not written for
`SILENT_AFTER` s or more ("rank 1 silent for 23 s"), counted from when a line of the rank
last arrived (a rank never heard: from the first line of any rank), and at the latest from
the last poll that brought more output than the viewer samples (`RANK_SAMPLE`): a rank may
have written in what was not read, so at any output rate no rank is called silent that
wrote; finished output has no clock.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.core.mpi.rank_labels import RankActivity, parse_ranks
from explorer.ui.formatting import format_size
from explorer.ui.translation import error_text
from explorer.ui.widgets.accessible import name_it
from explorer.ui.widgets.find_bar import FindBar, tool_button
from explorer.ui.widgets.log_viewer import LogViewer
from explorer.ui.widgets.range_reader import RangeReader

FAST_POLL = 0.3
FLOOD_POLL = 0.45
FLOOD_BYTES = 64 * 1024
IDLE_POLL = 1.0
SILENT_AFTER = 10.0
"""Seconds without a line before a rank is said to be silent."""
SILENCE_CLOCK_MS = 1000
SILENT_SHOWN = 3  # ranks named in the status bar at most (the longest silent first)


class OutputPane(QWidget):
    """``followChanged(bool)`` when follow was turned on or off (by the user scrolling, too)."""

    followChanged = Signal(bool)

    def __init__(self, titles: Sequence[str] = ("stdout", "stderr"), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.viewers: list[LogViewer] = []
        for title in titles:
            viewer = LogViewer(self.tabs)
            name_it(viewer, title, self.tr("The file's text; Page Up and Page Down scroll, Ctrl+F finds"))
            viewer.followChanged.connect(self._on_viewer_follow)
            viewer.sizeChanged.connect(lambda size, v=viewer: self._on_size(v, size))
            viewer.readFailed.connect(lambda message, v=viewer: self._show_error(v, message))
            viewer.ranksHeard.connect(lambda ranks, whole, v=viewer: self._on_ranks_heard(v, ranks, whole))
            self.tabs.addTab(viewer, title)
            self.viewers.append(viewer)
        self.follow_button = tool_button(self, self.tr("Follow"), self.set_follow, checkable=True)
        self.pause_button = tool_button(self, self.tr("Pause"), self.set_paused, checkable=True)
        self.status = QLabel(self)
        """What is shown, or why nothing is (a note), or the last read's failure."""
        self.size_label = QLabel(self)
        # Of fixed size: the size changes at every poll of a growing file, and a label that may
        # change size makes the whole window lay itself out again each time.
        self.size_label.setFixedSize(self.size_label.fontMetrics().horizontalAdvance("9999.9 MB") + 8,
                                     self.size_label.sizeHint().height())
        self.size_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.ranks_edit = QLineEdit(self)
        self.ranks_edit.setPlaceholderText(self.tr("all ranks"))
        self.ranks_edit.setClearButtonEnabled(True)
        self.ranks_edit.setMaximumWidth(self.ranks_edit.fontMetrics().horizontalAdvance("0, 2-5, 10-12") + 40)
        name_it(self.ranks_edit, self.tr("Ranks"),
                self.tr("Show the lines of these MPI ranks only, e.g. 1 or 0, 2-5; empty: every rank"))
        self.ranks_edit.textChanged.connect(self._on_ranks_text)
        self.ranks_label = QLabel(self.tr("Ranks:"), self)
        self.ranks_label.setBuddy(self.ranks_edit)
        self.silence_label = QLabel(self)
        self.silence_label.setObjectName("rank-silence")
        self.silence_label.setToolTip(self.tr("Ranks that wrote no line for a while, as this window saw the output"))
        self.silent_after = SILENT_AFTER
        self._activity: dict[int, RankActivity] = {}
        self._silence_clock = QTimer(self)
        self._silence_clock.setInterval(SILENCE_CLOCK_MS)
        self._silence_clock.timeout.connect(self._refresh_silence)
        self.find_bar = FindBar(self)
        self.tabs.currentChanged.connect(self._on_tab)
        self.tabs.tabBar().setVisible(len(titles) > 1)

        bar = QHBoxLayout()
        bar.addWidget(self.follow_button)
        bar.addWidget(self.pause_button)
        bar.addWidget(self.ranks_label)
        bar.addWidget(self.ranks_edit)
        bar.addWidget(self.silence_label)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.size_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.find_bar)
        self._notes = [""] * len(self.viewers)
        self._errors: list[str | None] = [None] * len(self.viewers)
        self._paused = False
        self._live = False
        self._lengths: list[int | None] = [None] * len(self.viewers)
        """Each tab's file size as last read (None: not yet)."""
        self._grown = 0
        """Bytes the tabs grew (or shrank) by since the last tick."""
        self._interval = FAST_POLL
        self._ticker = QTimer(self)
        self._ticker.setSingleShot(True)
        self._ticker.timeout.connect(self._tick)
        self.find_bar.set_viewer(self.current_viewer())
        self.set_follow(True)
        self._show_rank_tools()

    # -- public API ----------------------------------------------------------

    def set_readers(self, readers: Sequence[RangeReader | None], note: str = "") -> None:
        """Show other files, one per tab (None: nothing); `note` says what they are."""
        self._notes = [note] * len(self.viewers)
        self._errors = [None] * len(self.viewers)
        self._lengths = [None] * len(self.viewers)
        for viewer, reader in zip(self.viewers, readers, strict=True):
            viewer.set_reader(reader)
        self._activity.clear()
        self._refresh_status()
        self._show_rank_tools()

    def set_note(self, note: str) -> None:
        """A line shown while there is nothing to read (e.g. the command has not started)."""
        self._notes = [note] * len(self.viewers)
        self._refresh_status()

    def poll(self) -> None:
        """Read the tab on screen now (unless paused): has it grown, shrunk, appeared?"""
        if not self._paused:
            self.current_viewer().poll()

    def set_live(self, live: bool) -> None:
        """Whether the output may still grow: poll it by itself while on screen; one last read when it stops."""
        if live == self._live:
            return
        self._live = live
        if live:
            self._interval = FAST_POLL
            self._schedule()
        else:
            self._ticker.stop()
            self.poll()
        self._show_rank_tools()

    def is_live(self) -> bool:
        return self._live

    def is_polling(self) -> bool:
        """Whether the pane polls by itself now (live and on screen)."""
        return self._ticker.isActive()

    def set_follow(self, follow: bool) -> None:
        for viewer in self.viewers:
            viewer.set_follow(follow)
        self.follow_button.setChecked(follow)

    def toggle_follow(self) -> None:
        self.set_follow(not self.is_following())

    def is_following(self) -> bool:
        return self.current_viewer().is_following()

    def set_paused(self, paused: bool) -> None:
        """While paused the output does not move; resuming catches up at once."""
        self._paused = paused
        self.pause_button.setChecked(paused)
        if not paused:
            self.poll()

    def is_paused(self) -> bool:
        return self._paused

    def find(self) -> None:
        self.find_bar.activate()

    def set_rank_filter(self, text: str) -> None:
        """Show the lines of the ranks in ``text`` ("1", "0, 2-5"; empty: all), as if typed."""
        self.ranks_edit.setText(text)

    def silent_ranks(self) -> list[tuple[int, float]]:
        """(rank, seconds) of the ranks of the tab shown silent for `silent_after` s or more (live only)."""
        activity = self._activity.get(self.tabs.currentIndex())
        if not self._live or activity is None:
            return []
        return activity.silent(time.monotonic(), self.silent_after)

    def current_viewer(self) -> LogViewer:
        return self.viewers[self.tabs.currentIndex()]

    def clear(self) -> None:
        """Drop the readers and cancel every read under way (the owner is closing)."""
        self._ticker.stop()
        self._live = False
        for viewer in self.viewers:
            viewer.set_reader(None)

    # -- Qt ------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._live:
            self.poll()
            self._interval = FAST_POLL
            self._schedule()
        self._show_rank_tools()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._ticker.stop()
        self._silence_clock.stop()

    # -- internals -----------------------------------------------------------

    def _on_tab(self, _index: int) -> None:
        self.find_bar.set_viewer(self.current_viewer())
        self._refresh_status()
        self._show_rank_tools()
        self.poll()

    # -- ranks ---------------------------------------------------------------

    def _on_ranks_text(self, text: str) -> None:
        try:
            ranks = parse_ranks(text)
        except ValueError as error:
            self.ranks_edit.setToolTip(error_text(error))
            self.ranks_edit.setStyleSheet("QLineEdit { border: 1px solid #e53935; }")
            return
        self.ranks_edit.setToolTip(self.tr("Show the lines of these MPI ranks only, e.g. 1 or 0, 2-5; empty: every rank"))
        self.ranks_edit.setStyleSheet("")
        for viewer in self.viewers:
            viewer.set_rank_filter(ranks)

    def _on_ranks_heard(self, viewer: LogViewer, ranks: set[int], whole: bool) -> None:
        index = self.viewers.index(viewer)
        first = index not in self._activity
        if self._live:
            self._activity.setdefault(index, RankActivity()).heard(ranks, time.monotonic(), whole)
        if first:
            self._show_rank_tools()

    def _show_rank_tools(self) -> None:
        """The rank field once the tab shown is labelled by rank; the silence clock while it is live, too."""
        labelled = self.current_viewer().labelled or bool(self.ranks_edit.text())
        self.ranks_label.setVisible(labelled)
        self.ranks_edit.setVisible(labelled)
        clock = labelled and self._live and self.isVisible()
        if clock and not self._silence_clock.isActive():
            self._silence_clock.start()
        elif not clock:
            self._silence_clock.stop()
        self._refresh_silence()

    def _refresh_silence(self) -> None:
        silent = self.silent_ranks()
        parts = [self.tr("rank %1 silent for %2 s").replace("%1", str(rank)).replace("%2", str(int(seconds)))
                 for rank, seconds in silent[:SILENT_SHOWN]]
        if len(silent) > SILENT_SHOWN:
            parts.append(self.tr("%1 more").replace("%1", str(len(silent) - SILENT_SHOWN)))
        text = " · ".join(parts)
        if text != self.silence_label.text():
            self.silence_label.setText(text)
            self.silence_label.setStyleSheet("QLabel { color: #e53935; }" if text else "")
        self.silence_label.setVisible(bool(text))

    def _on_viewer_follow(self, follow: bool) -> None:
        if self.sender() is self.current_viewer():
            self.follow_button.setChecked(follow)
        self.followChanged.emit(follow)

    def _on_size(self, viewer: LogViewer, size: int) -> None:
        index = self.viewers.index(viewer)
        self._grown += abs(size - (self._lengths[index] or 0))  # a file cut or rewritten is moving too
        self._lengths[index], self._errors[index] = size, None
        self._refresh_status()

    def _schedule(self) -> None:
        if self._live and self.isVisible():
            self._ticker.start(round(self._interval * 1000))

    def _tick(self) -> None:
        # Fast while the output moves (a little slower while it floods: more than a page each poll); slower
        # and slower (to IDLE_POLL) while it does not.
        page = self.current_viewer().page_bytes()
        if self._grown > (min(FLOOD_BYTES, page) if page else FLOOD_BYTES):
            self._interval = FLOOD_POLL
        elif self._grown:
            self._interval = FAST_POLL
        else:
            self._interval = min(IDLE_POLL, self._interval * 2)
        self._grown = 0
        self.poll()
        self._schedule()

    def _show_error(self, viewer: LogViewer, message: str) -> None:
        self._errors[self.viewers.index(viewer)] = message
        self._refresh_status()

    def _refresh_status(self) -> None:
        index = self.tabs.currentIndex()
        status = self._errors[index] or self._notes[index]
        if self.status.text() != status:  # a label that changes makes the window lay out again
            self.status.setText(status)
        length = self._lengths[index]
        self.size_label.setText("" if length is None else format_size(length))
