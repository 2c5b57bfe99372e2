"""A log viewer for files of any size, read through a ``RangeReader``.

Only the rows on screen are held (plus a few MiB of pages in the cache). The
vertical scrollbar is in bytes (scaled down for files over 1 GiB): dragging it
shows the row holding that byte. Every read runs in a task owned by the viewer;
all the ones that change what is shown share one slot, so the newest wins.

Output labelled by rank (``[k] ``, see `explorer.core.mpi.rank_labels`) is drawn in a
colour per rank, and `set_rank_filter` shows the lines of some ranks only (a
`RankFilteredDocument` over the same pages: still only what is on screen is read).
Once labels were seen, every poll that finds the file grown samples the end of what
was added (`RANK_SAMPLE` bytes at most, after the view is shown, so mostly the pages just
read) and says which ranks wrote there (`ranksHeard`), and whether that was all that was
added. When more arrived than the sample holds, a rank missing from it may have written in
the part not read: the owner must not count anyone silent over that poll (see
`explorer.core.mpi.rank_labels.RankActivity`). So a fast log costs no more reads, and the
silence clock is never wrong, only blind while each poll brings more than the sample.

A poll asked for while one runs is not dropped: one more runs when it ends (however many
were asked for meanwhile).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QKeyEvent, QPainter, QPalette, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSlider, QScrollBar, QStyle, QStyleOptionSlider, QWidget

from explorer.core.mpi.rank_labels import rank_of, ranks_in
from explorer.ui.task_owner import TaskOwner
from explorer.ui.translation import error_text
from explorer.ui.widgets.log_document import LogDocument, Matches, Row
from explorer.ui.widgets.range_reader import RangeReader

log = logging.getLogger(__name__)

SCROLL_UNIT_LIMIT = 1 << 30  # QScrollBar ranges are 32-bit ints
WHEEL_ROWS = 3
MARGIN = 4
HIGHLIGHT = QColor(255, 213, 79)
RANK_SAMPLE = 16 * 1024
"""Bytes read, at most, of what a poll found added, to see which ranks wrote: the end, which a followed view
has just read. When more was added, `ranksHeard` says the sample was partial."""
# A colour per rank (rank k: k mod 10), distinct from each other and readable on the theme's base:
# darker tones on light backgrounds, lighter ones on dark (contrast ≥ 5 against white and the dark theme's base).
RANK_COLORS_LIGHT = ("#1f5fa8", "#a84f00", "#2e7d32", "#c62828", "#6a3d9a",
                     "#795548", "#ad1457", "#455a64", "#6b6300", "#00727c")
RANK_COLORS_DARK = ("#64b5f6", "#ffb74d", "#81c784", "#ef9a9a", "#ce93d8",
                    "#bcaaa4", "#f48fb1", "#b0bec5", "#dce775", "#4dd0e1")


_RANK_QCOLORS = {False: tuple(map(QColor, RANK_COLORS_LIGHT)), True: tuple(map(QColor, RANK_COLORS_DARK))}


def rank_color(rank: int, dark: bool) -> QColor:
    colors = _RANK_QCOLORS[dark]
    return colors[rank % len(colors)]


def display_text(data: bytes) -> str:
    return data.decode("utf-8", "replace").removesuffix("\r").expandtabs(8)


class QuietScrollBar(QScrollBar):
    """A scrollbar set all at once (`set_all`), repainted only when what it shows changed: its slider's place
    and size, and whether it is at either end. A followed log changes the range and value at every poll, mostly
    not visibly, and Fusion paints a scrollbar with gradients: more than all the rows' text."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._painted: tuple | None = None
        self._setting = False

    def set_all(self, maximum: int, page_step: int, single_step: int, value: int) -> None:
        self._setting = True
        try:
            self.setRange(0, maximum)
            self.setPageStep(page_step)
            self.setSingleStep(single_step)
            self.setValue(value)
        finally:
            self._setting = False
        if self._look() != self._painted:
            self.update()

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:
        if not self._setting:
            super().sliderChange(change)  # which asks for the repaint

    def paintEvent(self, event) -> None:
        self._painted = self._look()
        super().paintEvent(event)

    def _look(self) -> tuple:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        slider = self.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                             QStyle.SubControl.SC_ScrollBarSlider, self)
        return slider.getRect(), self.value() == self.minimum(), self.value() == self.maximum()


class LogViewer(QAbstractScrollArea):
    """Signals carry Python ints (``object``): file offsets do not fit in 32 bits.

    ``viewChanged()`` after the rows on screen were updated; ``sizeChanged(size)``
    when the file size changed; ``findFinished(offset or None)`` (``find_wrapped``
    says whether the search went round the end); ``findCounted(Matches)`` once every
    match of the text searched has been counted; ``followChanged(bool)``;
    ``readFailed(message)`` when the reader raised OSError.
    """

    viewChanged = Signal()
    sizeChanged = Signal(object)
    findFinished = Signal(object)
    findCounted = Signal(object)
    followChanged = Signal(bool)
    readFailed = Signal(str)
    ranksHeard = Signal(object, bool)
    """(set[int], whole): the ranks that wrote in what a poll found added (once rank labels were seen), and
    whether that was all of it (False: only its last `RANK_SAMPLE` bytes were read)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vertical = QuietScrollBar(Qt.Orientation.Vertical, self)
        self.setVerticalScrollBar(self._vertical)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._font_changed()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.verticalScrollBar().valueChanged.connect(self._on_scrollbar_moved)
        self.horizontalScrollBar().valueChanged.connect(self.viewport().update)
        self._tasks = TaskOwner(self)
        self._doc: LogDocument | None = None
        self._follow = False
        self._top = 0
        self._rows: list[Row] = []
        self._texts: list[str] = []
        self._end_top = 0
        self._end_key: tuple[int, int] | None = None
        self._unit = 1
        self._syncing_scrollbar = False
        self._match: tuple[int, int] | None = None
        self._shown_match: tuple[int, int] | None = None
        """The match highlighted when the rows shown were laid out (a change repaints the page)."""
        self.find_wrapped = False
        """The last find found its match only by going round the end (or the start) of the file."""
        self.matches: Matches | None = None
        """The count of the last text searched, once done (for the size the file had then)."""
        self._counted: tuple[bytes, bool, int] | None = None
        self._ranks: list[int | None] = []
        """The rank labelling each row shown (None: no label)."""
        self._rank_filter: frozenset[int] | None = None
        self._poll_again = False
        """A poll was asked for while one ran: the running one polls once more."""
        self.labelled = False
        """Whether a row shown so far carried a rank label (the file is output labelled by rank)."""

    # -- public API ----------------------------------------------------------

    def set_reader(self, reader: RangeReader | None) -> None:
        """Show another file (None: nothing); cancels everything under way."""
        self._tasks.cancel_all()
        self._doc = LogDocument(reader).filtered(self._rank_filter) if reader is not None else None
        self.labelled = False
        self._top, self._rows, self._texts, self._ranks = 0, [], [], []
        self._end_key, self._match, self._end_top = None, None, 0  # the old end would overflow a small file's range
        self.matches, self._counted = None, None
        self._sync_scrollbars()
        self.viewport().update()
        if self._doc is not None:
            self._start("poll", self._polls, True)

    def set_rank_filter(self, ranks: frozenset[int] | None) -> None:
        """Show only the lines of ``ranks`` (and unlabelled ones); None: every line."""
        if ranks == self._rank_filter:
            return
        self._rank_filter = ranks
        if self._doc is None:
            return
        self._tasks.cancel("find")
        self._tasks.cancel("count")
        self._doc = self._doc.filtered(ranks)
        self._end_key, self._match = None, None
        self.matches, self._counted = None, None
        self._navigate(self._show, None if self._follow else self._top)

    def rank_filter(self) -> frozenset[int] | None:
        return self._rank_filter

    def visible_ranks(self) -> list[int | None]:
        """The rank labelling each row laid out (None: no label)."""
        return list(self._ranks)

    def poll(self) -> None:
        """Check whether the file grew (or shrank); the owner decides how often."""
        if self._doc is None:
            return
        if self._tasks.running("poll"):
            self._poll_again = True  # what it found may already be stale: look again after it
        else:
            self._start("poll", self._polls, False)

    def set_follow(self, follow: bool) -> None:
        """Keep the end of the file in view as it grows (on each ``poll``)."""
        if follow == self._follow:
            return
        self._follow = follow
        self.followChanged.emit(follow)
        if follow:
            self.scroll_to_end()

    def is_following(self) -> bool:
        return self._follow

    def scroll_to_end(self) -> None:
        self._navigate(self._show, None)

    def scroll_to_offset(self, offset: int) -> None:
        """Show the row holding byte ``offset`` at the top (or the last page)."""
        self._navigate(self._goto, offset)

    def scroll_rows(self, count: int) -> None:
        if count < 0:
            self.set_follow(False)
        self._navigate(self._scroll_rows, count)

    def find(self, text: str, *, backward: bool = False, case_sensitive: bool = True) -> None:
        """Search from the current match (or the view); ``findFinished`` tells the result."""
        if self._doc is None or not text:
            self.findFinished.emit(None)
            return
        self._start("find", self._find, text.encode(), backward, case_sensitive)

    def cancel_find(self) -> None:
        self._tasks.cancel("find")
        self._tasks.cancel("count")
        self._counted = None if self.matches is None else self._counted

    def match_ordinal(self) -> int | None:
        """Which match of the count the current one is (1-based), once counted."""
        if self._match is None or self.matches is None:
            return None
        return self.matches.ordinal(self._match[0])

    def top_offset(self) -> int:
        return self._top

    def page_bytes(self) -> int:
        """The bytes of the file the rows laid out hold (a file growing by more a poll replaces them all)."""
        return self._rows[-1].next - self._top if self._rows else 0

    def visible_lines(self) -> list[str]:
        """The rows laid out for the viewport, the last possibly cut off at the bottom."""
        return list(self._texts)

    def current_match(self) -> tuple[int, int] | None:
        """(offset, length) in bytes of the last match found."""
        return self._match

    # -- async work ----------------------------------------------------------

    def _navigate(self, step: Callable[..., Awaitable], *args) -> asyncio.Task | None:
        """Run ``step(*args)`` in the one slot for what changes the view."""
        if self._doc is None:
            return None
        return self._start("view", step, *args)

    def _start(self, slot: str, step: Callable[..., Awaitable], *args) -> asyncio.Task:
        # The coroutine is made inside the task: a task cancelled before it runs
        # then leaves no never-awaited coroutine behind.
        return self._tasks.start(self._guard(step, *args), slot=slot)

    async def _guard(self, step: Callable[..., Awaitable], *args) -> None:
        try:
            await step(*args)
        except OSError as exc:
            log.warning("reading the log failed: %s", exc)
            self.readFailed.emit(error_text(exc))

    async def _polls(self, first: bool) -> None:
        """A poll, then one more as long as polls were asked for while the last one ran."""
        self._poll_again = False
        await self._refresh(first)
        while self._poll_again:
            self._poll_again = False
            await self._refresh(False)

    async def _refresh(self, first: bool) -> None:
        doc = self._doc
        before = doc.size
        if not await doc.refresh_size() and not first:
            return
        self.sizeChanged.emit(doc.size)
        # Also when not following: the scrollbar's range and a last partial row change.
        shown = self._navigate(self._show, None if self._follow else self._top)
        if self.labelled and doc.size > before and shown is not None:
            await asyncio.wait([shown])  # first what is shown; then the sample, mostly from its pages
            start = max(before, doc.size - RANK_SAMPLE)
            self.ranksHeard.emit(ranks_in(await doc.read(start, doc.size - start)), start == before)

    async def _goto(self, offset: int) -> None:
        top = await self._doc.row_start(offset)
        if top < self._top:
            self.set_follow(False)
        await self._show(top)

    async def _scroll_rows(self, count: int) -> None:
        doc = self._doc
        if count < 0:
            await self._show(await doc.rows_before(self._top, -count))
        elif count > 0:
            rows = await doc.rows(self._top, count + 1)
            await self._show(rows[-1].start if rows else self._top)

    async def _show(self, top: int | None) -> None:
        """Lay out the rows from ``top`` (None: the last page), clamped to the last page."""
        doc = self._doc
        page_rows = self._page_rows()
        if self._end_key != (doc.size, page_rows):
            self._end_top = await doc.end_top(page_rows)
            self._end_key = (doc.size, page_rows)
        top = self._end_top if top is None else min(top, self._end_top)
        rows = await doc.rows(top, page_rows + 1)
        before, match_before = self._rows, self._shown_match
        self._top, self._rows, self._shown_match = top, rows, self._match
        self._texts = [display_text(row.data) for row in rows]
        self._ranks = [rank_of(row.data) for row in rows]
        if not self.labelled and any(rank is not None for rank in self._ranks):
            self.labelled = True
            self.ranksHeard.emit({rank for rank in self._ranks if rank is not None}, True)
        self._sync_scrollbars()
        self._repaint(before, match_before)
        self.viewChanged.emit()

    def _repaint(self, before: list[Row], match_before: tuple[int, int] | None) -> None:
        """Repaint what the new rows change: rows that moved up whole are scrolled (a copy of their pixels)
        and only the rows after them painted, so a followed log that gained a line paints that line, not the
        page (text is most of a paint). With a match highlighted, or nothing in common, the whole page."""
        area = self.viewport()
        first = next((i for i, row in enumerate(before) if self._rows and row.start == self._rows[0].start), None)
        if first is None or self._match is not None or match_before is not None:
            area.update()
            return
        kept = before[first:]
        same = 0
        while same < min(len(kept), len(self._rows)) and kept[same] == self._rows[same]:
            same += 1
        height = self.fontMetrics().lineSpacing()
        if first:
            area.scroll(0, -first * height)
        if same < max(len(kept), len(self._rows)):
            area.update(0, same * height, area.width(), area.height() - same * height)

    async def _find(self, needle: bytes, backward: bool, case_sensitive: bool) -> None:
        doc = self._doc
        if self._match is not None:
            start = self._match[0] + (0 if backward else 1)
        else:
            start = self._rows[-1].next if backward and self._rows else self._top
        self._count(needle, case_sensitive)
        found = await doc.find(needle, start, backward=backward, case_sensitive=case_sensitive)
        self.find_wrapped = False
        if found is None:  # go round: from the other end up to where this search began
            restart = doc.size if backward else 0
            found = await doc.find(needle, restart, backward=backward, case_sensitive=case_sensitive,
                                   limit=start)
            self.find_wrapped = found is not None
        if found is not None:
            self._match = (found, len(needle))
            # Show the match a third of the way down, with what led to it above.
            top = await doc.rows_before(await doc.row_start(found), self._page_rows() // 3)
            self.set_follow(False)
            await asyncio.wait([self._navigate(self._show, top)])
        self.findFinished.emit(found)

    def _count(self, needle: bytes, case_sensitive: bool) -> None:
        """Count every match of ``needle`` in the background (once per text, case and file size)."""
        key = (needle, case_sensitive, self._doc.size)
        if key == self._counted:
            return
        self._counted, self.matches = key, None
        self._start("count", self._count_all, needle, case_sensitive)

    async def _count_all(self, needle: bytes, case_sensitive: bool) -> None:
        self.matches = await self._doc.match_offsets(needle, case_sensitive=case_sensitive)
        self.findCounted.emit(self.matches)

    # -- Qt ------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self.viewport())  # on the Base colour the viewport was filled with (autoFillBackground)
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        metrics = self.fontMetrics()
        height, ascent = metrics.lineSpacing(), metrics.ascent()
        x = MARGIN - self.horizontalScrollBar().value()
        shown = range(max(0, event.rect().top() // height), min(len(self._rows), event.rect().bottom() // height + 1))
        if self._match is not None:
            for i in shown:
                self._paint_match(painter, self._rows[i], x, i * height, height)
        # The rows asked for, grouped by colour and font: a pen or font change per group, not per row (a page
        # of a fast log is repainted at every poll). ASCII rows need no text shaping; the others keep it.
        groups: dict[tuple[int | None, bool], list[int]] = {}
        for i in shown:
            groups.setdefault((self._ranks[i], self._texts[i].isascii()), []).append(i)
        text_color = self.palette().color(QPalette.ColorRole.Text)
        for (rank, ascii_only), rows in groups.items():
            painter.setFont(self._unshaped_font if ascii_only else self.font())
            color = text_color if rank is None else rank_color(rank, dark)
            painter.setPen(color)
            for i in rows:
                painter.drawText(x, i * height + ascent, self._texts[i])
            if rank is not None:  # a mark in the margin, in the rank's colour
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                painter.drawRects([QRect(0, i * height, 2, height) for i in rows])

    def _paint_match(self, painter: QPainter, row: Row, x: int, y: int, height: int) -> None:
        begin = max(self._match[0], row.start)
        end = min(self._match[0] + self._match[1], row.start + len(row.data))
        if begin >= end:
            return
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance(display_text(row.data[: begin - row.start]))
        right = metrics.horizontalAdvance(display_text(row.data[: end - row.start]))
        painter.fillRect(x + left, y, right - left, height, HIGHLIGHT)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Nothing: the scrollbars do not move pixels here (QAbstractScrollArea would repaint the whole
        viewport at each value change). A vertical move lays out new rows (`_show`, which repaints what
        changed); a horizontal one repaints (connected in __init__)."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # Scrollbars coming and going resize the viewport too: only a change in
        # the number of rows needs new rows, a change in width only the scrollbars.
        if self._end_key is not None and self._end_key[1] != self._page_rows():
            self._navigate(self._show, None if self._follow else self._top)
        else:
            self._sync_scrollbars()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.scroll_rows(-round(steps * WHEEL_ROWS))
        horizontal = event.angleDelta().x()
        if horizontal:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - horizontal)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        page = max(1, self._page_rows() - 1)
        moves = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -page,
            Qt.Key.Key_PageDown: page,
        }
        key = event.key()
        if key in moves:
            self.scroll_rows(moves[key])
        elif key == Qt.Key.Key_Home:
            self.scroll_to_offset(0)
        elif key == Qt.Key.Key_End:
            self.scroll_to_end()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        self._tasks.cancel_all()
        super().closeEvent(event)

    # -- internals -----------------------------------------------------------

    def _page_rows(self) -> int:
        return max(1, self.viewport().height() // self.fontMetrics().lineSpacing())

    def _on_scrollbar_moved(self, value: int) -> None:
        if self._syncing_scrollbar or self._doc is None:
            return
        bar = self.verticalScrollBar()
        if value >= bar.maximum():
            self.scroll_to_end()
        else:
            self.scroll_to_offset(value * self._unit)

    def _text_width(self) -> int:
        """The widest row's width. Measuring every row at each poll of a fast log costs more than the
        paint: ASCII rows of a fixed-pitch font are as wide as their length says, only others are measured."""
        metrics = self.fontMetrics()
        ascii_width = self._ascii_advance
        longest_ascii = max((len(t) for t in self._texts if ascii_width and t.isascii()), default=0)
        measured = max((metrics.horizontalAdvance(t) for t in self._texts if not (ascii_width and t.isascii())),
                       default=0)
        return max(longest_ascii * ascii_width, measured)

    def _font_changed(self) -> None:
        """Derive what the paint and the width take from the font: a copy that skips text shaping (for ASCII
        rows: no ligature turns ``->`` into an arrow, and drawing is cheaper), and the advance of an ASCII
        character if they all have the same one (0 if not). Measured, not asked: fontconfig's monospace
        (Noto Sans Mono) says it is not fixed-pitch."""
        self._unshaped_font = QFont(self.font())
        self._unshaped_font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        metrics = self.fontMetrics()
        advances = {metrics.horizontalAdvance(c) for c in "iIlW@m0 ."}
        self._ascii_advance = advances.pop() if len(advances) == 1 else 0

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._font_changed()

    def _sync_scrollbars(self) -> None:
        size = self._doc.size if self._doc else 0
        self._unit = max(1, -(-size // SCROLL_UNIT_LIMIT))
        shown = (self._rows[-1].next - self._top) if self._rows else 0
        width = self._text_width()
        self._syncing_scrollbar = True
        try:
            self._vertical.set_all(self._end_top // self._unit, max(1, shown // self._unit),
                                   max(1, shown // max(1, len(self._rows)) // self._unit), self._top // self._unit)
            hbar = self.horizontalScrollBar()
            hbar.setRange(0, max(0, width + 2 * MARGIN - self.viewport().width()))
            hbar.setPageStep(self.viewport().width())
        finally:
            self._syncing_scrollbar = False
