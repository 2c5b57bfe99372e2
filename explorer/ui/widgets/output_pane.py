"""Output of a running command: a log viewer per stream (stdout, stderr) in tabs.

The owner hands in range readers and calls `poll()` as often as it wants the output
to move (the pane polls only the tab on screen, and nothing while paused). Follow
keeps the end of the output in view; scrolling up leaves follow, as in a terminal.
Read failures (a file that does not exist yet, a node gone) show in the status line.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.ui.formatting import format_size
from explorer.ui.widgets.find_bar import FindBar, tool_button
from explorer.ui.widgets.log_viewer import LogViewer
from explorer.ui.widgets.range_reader import RangeReader


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
            viewer.followChanged.connect(self._on_viewer_follow)
            viewer.sizeChanged.connect(lambda size, v=viewer: self._on_size(v, size))
            viewer.readFailed.connect(lambda message, v=viewer: self._show_status(v, message))
            self.tabs.addTab(viewer, title)
            self.viewers.append(viewer)
        self.follow_button = tool_button(self, "Follow", self.set_follow, checkable=True)
        self.pause_button = tool_button(self, "Pause", self.set_paused, checkable=True)
        self.status = QLabel(self)
        self.find_bar = FindBar(self)
        self.tabs.currentChanged.connect(self._on_tab)
        self.tabs.tabBar().setVisible(len(titles) > 1)

        bar = QHBoxLayout()
        bar.addWidget(self.follow_button)
        bar.addWidget(self.pause_button)
        bar.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.find_bar)
        self._statuses = [""] * len(self.viewers)
        self._paused = False
        self.find_bar.set_viewer(self.current_viewer())
        self.set_follow(True)

    # -- public API ----------------------------------------------------------

    def set_readers(self, readers: Sequence[RangeReader | None], note: str = "") -> None:
        """Show other files, one per tab (None: nothing); `note` says what they are."""
        self._statuses = [note] * len(self.viewers)
        for viewer, reader in zip(self.viewers, readers, strict=True):
            viewer.set_reader(reader)
        self._refresh_status()

    def set_note(self, note: str) -> None:
        """A line shown while there is nothing to read (e.g. the command has not started)."""
        self._statuses = [note] * len(self.viewers)
        self._refresh_status()

    def poll(self) -> None:
        if not self._paused:
            self.current_viewer().poll()

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

    def current_viewer(self) -> LogViewer:
        return self.viewers[self.tabs.currentIndex()]

    def clear(self) -> None:
        """Drop the readers and cancel every read under way (the owner is closing)."""
        for viewer in self.viewers:
            viewer.set_reader(None)

    # -- internals -----------------------------------------------------------

    def _on_tab(self, _index: int) -> None:
        self.find_bar.set_viewer(self.current_viewer())
        self._refresh_status()
        self.poll()

    def _on_viewer_follow(self, follow: bool) -> None:
        if self.sender() is self.current_viewer():
            self.follow_button.setChecked(follow)
        self.followChanged.emit(follow)

    def _on_size(self, viewer: LogViewer, size: int) -> None:
        self._show_status(viewer, format_size(size))

    def _show_status(self, viewer: LogViewer, text: str) -> None:
        self._statuses[self.viewers.index(viewer)] = text
        self._refresh_status()

    def _refresh_status(self) -> None:
        self.status.setText(self._statuses[self.tabs.currentIndex()])
