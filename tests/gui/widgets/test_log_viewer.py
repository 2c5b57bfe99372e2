"""Log viewer over a RangeReader: huge files, find across pages, follow, errors."""

from __future__ import annotations

import asyncio

import psutil
import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage, QPalette

from explorer.ui.widgets.log_document import LogDocument
from explorer.ui.widgets.log_viewer import MARGIN, RANK_SAMPLE, LogViewer, rank_color
from explorer.ui.widgets.range_reader import FileRangeReader
from tests.support.qt_scenarios import next_emission, until


@pytest.fixture
def viewer(runner, qtbot):
    widget = runner.show(LogViewer(), (600, 400))
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def run(runner):
    return runner.run


async def settled(viewer: LogViewer, action) -> None:
    """Do ``action`` and wait until the view shows its result."""
    shown = next_emission(viewer.viewChanged)
    action()
    await shown


def write_lines(path, lines: list[str]) -> None:
    path.write_bytes("".join(line + "\n" for line in lines).encode())


def test_huge_file_scrolls_to_end_in_bounded_memory(viewer, run, tmp_path):
    path = tmp_path / "huge.log"
    block = "".join(
        f"line {i:06d} of a repeated block: lorem ipsum dolor sit\n" for i in range(16384)
    )
    block_bytes = block.encode()
    last = "the very last line \u2713 done"
    with path.open("wb") as f:
        for _ in range(200 * 1024 * 1024 // len(block_bytes) + 1):
            f.write(block_bytes)
        f.write(f"second to last\n{last}\n".encode())
    size = path.stat().st_size
    assert size > 200 * 1024 * 1024
    rss_before = psutil.Process().memory_info().rss

    async def scenario():
        await settled(viewer, lambda: viewer.set_reader(FileRangeReader(path)))
        assert viewer.visible_lines()[0] == "line 000000 of a repeated block: lorem ipsum dolor sit"
        await settled(viewer, viewer.scroll_to_end)
        assert viewer.visible_lines()[-2:] == ["second to last", last]
        await settled(viewer, lambda: viewer.scroll_to_offset(size // 2))
        top = viewer.visible_lines()[0]
        assert top.startswith("line ") and top.endswith("dolor sit")
        assert viewer.top_offset() <= size // 2
        await settled(viewer, lambda: viewer.scroll_rows(-5))
        await settled(viewer, lambda: viewer.scroll_rows(7))
        assert viewer.visible_lines()[0].startswith("line ")

    run(scenario())
    grown = psutil.Process().memory_info().rss - rss_before
    path.unlink()
    assert grown < 50 * 1024 * 1024, f"RSS grew by {grown / 2**20:.1f} MiB"


def test_scroll_rows_and_scrollbar(viewer, run, tmp_path):
    path = tmp_path / "rows.log"
    write_lines(path, [f"row {i}" for i in range(1000)])

    async def scenario():
        await settled(viewer, lambda: viewer.set_reader(FileRangeReader(path)))
        await settled(viewer, lambda: viewer.scroll_rows(3))
        assert viewer.visible_lines()[0] == "row 3"
        await settled(viewer, lambda: viewer.scroll_rows(-2))
        assert viewer.visible_lines()[0] == "row 1"
        bar = viewer.verticalScrollBar()
        await settled(viewer, lambda: bar.setValue(bar.maximum()))
        assert viewer.visible_lines()[-1] == "row 999"
        offset = len("".join(f"row {i}\n" for i in range(500))) + 2  # inside "row 500"
        await settled(viewer, lambda: bar.setValue(offset))
        assert viewer.visible_lines()[0] == "row 500"

    run(scenario())


def test_find_across_pages(viewer, run, tmp_path):
    path = tmp_path / "find.log"
    page = 64 * 1024
    filler = b"x" * 99 + b"\n"
    data = bytearray(filler * (5 * page // len(filler)))
    needle = "NEEDLE-\u00e9"
    first, second = 2 * page - 4, 4 * page + 10  # the first straddles a page boundary
    for offset in (first, second):
        data[offset : offset + len(needle.encode())] = needle.encode()
    path.write_bytes(bytes(data))

    async def find(text, **kwargs):
        found = next_emission(viewer.findFinished)
        viewer.find(text, **kwargs)
        (offset,) = await found
        return offset

    async def scenario():
        await settled(viewer, lambda: viewer.set_reader(FileRangeReader(path)))
        assert await find(needle) == first
        assert any(needle in line for line in viewer.visible_lines())
        assert await find(needle) == second
        assert viewer.current_match() == (second, len(needle.encode()))
        assert any(needle in line for line in viewer.visible_lines())
        assert await find(needle) == first and viewer.find_wrapped  # round the end, to the top
        assert await find(needle, backward=True) == second and viewer.find_wrapped
        assert await find(needle, backward=True) == first and not viewer.find_wrapped
        assert await find("needle-\u00e9", backward=True) is None
        assert await find("needle-", case_sensitive=False) == second

    run(scenario())


def test_find_can_be_cancelled(viewer, run, tmp_path):
    path = tmp_path / "slow.log"
    write_lines(path, [f"row {i}" for i in range(100)])

    class StallingReader(FileRangeReader):
        """Reads pages normally; a search chunk (1 MiB) stalls until cancelled."""

        stalled = asyncio.Event()

        async def read(self, offset, length):
            if length > 128 * 1024:
                self.stalled.set()
                await asyncio.Event().wait()
            return await super().read(offset, length)

    reader = StallingReader(path)
    results = []
    viewer.findFinished.connect(results.append)

    async def scenario():
        await settled(viewer, lambda: viewer.set_reader(reader))
        viewer.find("row 50")
        await reader.stalled.wait()
        viewer.cancel_find()
        await asyncio.sleep(0)

    run(scenario())
    assert results == []


def test_follow_picks_up_appended_bytes(viewer, run, tmp_path):
    path = tmp_path / "follow.log"
    write_lines(path, [f"row {i}" for i in range(100)])

    async def poll_and_settle():
        await settled(viewer, viewer.poll)

    async def scenario():
        await settled(viewer, lambda: viewer.set_reader(FileRangeReader(path)))
        await settled(viewer, lambda: viewer.set_follow(True))
        assert viewer.visible_lines()[-1] == "row 99"
        with path.open("ab") as f:
            f.write(b"row 100\npartial")
        await poll_and_settle()
        assert viewer.visible_lines()[-2:] == ["row 100", "partial"]
        with path.open("ab") as f:
            f.write(b" line, now complete\n")
        await poll_and_settle()
        assert viewer.visible_lines()[-1] == "partial line, now complete"
        # Scrolling up stops following; polls then leave the view where it is.
        await settled(viewer, lambda: viewer.scroll_rows(-10))
        assert not viewer.is_following()
        top = viewer.visible_lines()[0]
        with path.open("ab") as f:
            f.write(b"row 102\n")
        await poll_and_settle()
        assert viewer.visible_lines()[0] == top

    run(scenario())


def test_long_lines_are_cut_into_rows(viewer, run, tmp_path):
    path = tmp_path / "long.log"
    long_line = "\u00e9" * 5000 + "END"  # 10,003 bytes, two-byte characters
    write_lines(path, ["first", long_line, "last"] + [f"tail {i}" for i in range(100)])

    async def scenario():
        await settled(viewer, lambda: viewer.set_reader(FileRangeReader(path)))
        lines = viewer.visible_lines()
        assert lines[0] == "first" and lines[4] == "last"
        assert "".join(lines[1:4]) == long_line  # three rows, cut on character boundaries
        assert all(len(line.encode()) <= 4096 for line in lines)
        await settled(viewer, lambda: viewer.scroll_rows(2))
        await settled(viewer, lambda: viewer.scroll_rows(-1))
        assert viewer.visible_lines()[0] == lines[1]

    run(scenario())


def test_read_errors_are_reported(viewer, run, tmp_path):
    async def scenario():
        failed = next_emission(viewer.readFailed)
        viewer.set_reader(FileRangeReader(tmp_path / "missing.log"))
        (message,) = await failed
        assert "missing.log" in message

    run(scenario())


def test_file_that_shrinks_is_reread(viewer, run, tmp_path):
    path = tmp_path / "rotated.log"
    write_lines(path, [f"old {i}" for i in range(50)])

    async def scenario():
        await settled(viewer, lambda: viewer.set_reader(FileRangeReader(path)))
        write_lines(path, ["new 0", "new 1"])
        await settled(viewer, viewer.poll)
        assert viewer.visible_lines() == ["new 0", "new 1"]

    run(scenario())


def test_find_searches_the_whole_file_wraps_and_counts(runner, qtbot, tmp_path):
    """Issue 17: find said "not found" for text above the rows shown and did not wrap; now it searches
    the whole file by ranges, goes round, and the find bar says which match of how many."""
    from explorer.ui.widgets.output_pane import OutputPane
    from tests.support.qt_scenarios import until

    path = tmp_path / "output.log"
    write_lines(path, [f"step {i}" + (" MARK" if i in (3, 40_000, 90_000) else "") for i in range(100_000)])
    pane = runner.show(OutputPane(("file",)), (700, 400))
    viewer = pane.current_viewer()

    async def scenario():
        await settled(viewer, lambda: viewer.set_reader(FileRangeReader(path)))
        await settled(viewer, viewer.scroll_to_end)  # the first two marks are far above
        pane.find()
        pane.find_bar.text.setText("MARK")
        found = next_emission(viewer.findFinished)
        pane.find_bar.find_next()
        await found
        assert any(line == "step 3 MARK" for line in viewer.visible_lines())
        assert viewer.find_wrapped
        await until(viewer.findCounted, lambda: viewer.matches is not None, what="the count")
        assert pane.find_bar.status.text() == "wrapped, 1 of 3"
        pane.find_bar.find_next()
        await until(viewer.findFinished, lambda: pane.find_bar.status.text() == "2 of 3", what="the second")
        assert any(line == "step 40000 MARK" for line in viewer.visible_lines())
        pane.find_bar.find_previous()
        await until(viewer.findFinished, lambda: pane.find_bar.status.text() == "1 of 3", what="back to the first")
        pane.find_bar.text.setText("absent")
        pane.find_bar.find_next()
        await until(viewer.findFinished, lambda: pane.find_bar.status.text() == "not found", what="not found")

    runner.run(scenario())


@pytest.mark.parametrize("size", [(2 << 30) + (64 << 20), 8 << 30], ids=["2GiB", "8GiB"])
def test_sparse_files_of_gibibytes_open_at_the_end_scroll_find_and_give_way(runner, qtbot, tmp_path, size):
    """Issue 16: after a file over 2**31 bytes, another file raised OverflowError in QScrollBar.setRange
    (the old end position was kept) and was never shown; a standalone browser closed after one crashed."""
    from PySide6.QtWidgets import QScrollBar

    huge = tmp_path / "huge.log"
    marker = b"\nthe marker 3 MiB before the end\n"
    with huge.open("wb") as f:
        f.seek(size - (3 << 20))
        f.write(marker)
        f.seek(size - 16)
        f.write(b"\nlast line here\n")
    small = tmp_path / "small.log"
    write_lines(small, ["a small file"])
    viewer = runner.show(LogViewer(), (600, 400))
    rss_before = psutil.Process().memory_info().rss

    async def scenario():
        viewer.set_follow(True)
        await settled(viewer, lambda: viewer.set_reader(FileRangeReader(huge)))
        assert viewer.visible_lines()[-1] == "last line here"
        found = next_emission(viewer.findFinished)
        viewer.find("the marker", backward=True)
        assert (await found)[0] == size - (3 << 20) + 1
        viewer.cancel_find()  # and its count, which would read the whole file
        assert any("the marker" in line for line in viewer.visible_lines())
        bar: QScrollBar = viewer.verticalScrollBar()
        assert 0 < bar.maximum() < 2**31
        await settled(viewer, lambda: bar.setValue(bar.maximum() // 4))  # drag the scrollbar
        assert size // 8 < viewer.top_offset() < size // 2
        await settled(viewer, lambda: viewer.set_reader(FileRangeReader(small)))
        assert viewer.visible_lines() == ["a small file"]
        assert viewer.verticalScrollBar().maximum() == 0

    runner.run(scenario())
    assert psutil.Process().memory_info().rss - rss_before < 50 * 1024 * 1024


@pytest.mark.parametrize("size", [(2 << 30) + (64 << 20), 8 << 30], ids=["2GiB", "8GiB"])
def test_sparse_files_of_gibibytes_filtered_by_rank_open_at_the_end_and_find(runner, qtbot, tmp_path, size):
    """The rank filter reads by ranges too: a huge file, filtered to rank 0, opens at its end, finds,
    scrolls, in bounded memory; the lines of rank 1 stay hidden and find skips them."""
    huge = tmp_path / "huge.log"
    with huge.open("wb") as f:
        f.seek(size - (3 << 20))
        f.write(b"\n[0] the marker 3 MiB before the end\n[1] the marker of rank 1\n")
        f.seek(size - 64)
        f.write(b"\n[0] last line of rank 0\n[1] the marker, last, of rank 1\n")
    viewer = runner.show(LogViewer(), (600, 400))
    rss_before = psutil.Process().memory_info().rss

    async def scenario():
        viewer.set_follow(True)
        viewer.set_rank_filter(frozenset({0}))
        await settled(viewer, lambda: viewer.set_reader(FileRangeReader(huge)))
        assert viewer.visible_lines()[-1] == "[0] last line of rank 0"
        assert 1 not in viewer.visible_ranks()
        found = next_emission(viewer.findFinished)
        viewer.find("the marker", backward=True)
        assert (await found)[0] == size - (3 << 20) + 1 + len("[0] ")
        viewer.cancel_find()
        bar = viewer.verticalScrollBar()
        await settled(viewer, lambda: bar.setValue(bar.maximum() // 4))
        assert size // 8 < viewer.top_offset() < size // 2

    runner.run(scenario())
    assert psutil.Process().memory_info().rss - rss_before < 50 * 1024 * 1024


class GatedReader(FileRangeReader):
    """A file whose next answer can be held: once `hold()` is called, the next request (a poll's: the size,
    or its last page) is read, then kept back until the gate is set (a poll in flight), so the test can
    change the file or the view meanwhile."""

    def __init__(self, path) -> None:
        super().__init__(path)
        self._gate: asyncio.Event | None = None
        self.asked = asyncio.Event()

    def hold(self) -> asyncio.Event:
        self._gate, self.asked = asyncio.Event(), asyncio.Event()
        return self._gate

    async def size(self) -> int:
        return await self._held(await super().size())

    async def read(self, offset: int, length: int) -> bytes:
        return await self._held(await super().read(offset, length))

    async def _held(self, answer):
        gate, self._gate = self._gate, None
        if gate is not None:
            self.asked.set()
            await gate.wait()
        return answer


def test_a_rank_filter_set_while_a_poll_runs_shows_what_that_poll_found(viewer, run, tmp_path):
    # The task ended, its last poll in flight, and the user typed a rank: the filtered view must show the
    # rank's last line, which that poll found (it kept the size the file had before the poll, and no poll came).
    path = tmp_path / "ranks.log"
    write_lines(path, ["[1] rank 1 starts"] + [f"[0] rank 0 step {i}" for i in range(40)])
    reader = GatedReader(path)

    async def scenario():
        await settled(viewer, lambda: viewer.set_reader(reader))
        await settled(viewer, lambda: viewer.set_follow(True))
        with path.open("ab") as f:
            f.write(b"[0] rank 0 done\n[1] rank 1 done\n")
        gate = reader.hold()
        viewer.poll()
        await reader.asked.wait()
        await settled(viewer, lambda: viewer.set_rank_filter(frozenset({1})))
        assert [line for line in viewer.visible_lines() if line] == ["[1] rank 1 starts"]
        gate.set()
        await until(viewer.viewChanged, lambda: [line for line in viewer.visible_lines() if line]
                    == ["[1] rank 1 starts", "[1] rank 1 done"], what="the rank's last line shown")
        assert set(viewer.visible_ranks()) == {1}

    run(scenario())


def test_polls_asked_for_while_one_runs_make_one_more_poll(viewer, run, tmp_path, monkeypatch):
    path = tmp_path / "grows.log"
    write_lines(path, [f"row {i}" for i in range(10)])
    reader = GatedReader(path)
    refreshes = 0
    refresh_size = LogDocument.refresh_size

    async def counted(doc):
        nonlocal refreshes
        refreshes += 1
        return await refresh_size(doc)

    monkeypatch.setattr(LogDocument, "refresh_size", counted)

    async def scenario():
        await settled(viewer, lambda: viewer.set_reader(reader))
        await settled(viewer, lambda: viewer.set_follow(True))
        gate = reader.hold()
        viewer.poll()
        await reader.asked.wait()  # this poll has read the file: what is written now is news to it
        before = refreshes
        with path.open("ab") as f:
            f.write(b"row 10\n")
        for _ in range(3):
            viewer.poll()
        gate.set()
        await until(viewer.viewChanged, lambda: viewer.visible_lines()[-1:] == ["row 10"], what="the new row")
        assert refreshes == before + 1  # three asked meanwhile: one more poll

    run(scenario())


def test_ranks_heard_say_whether_the_poll_read_all_that_was_added(viewer, run, tmp_path):
    path = tmp_path / "fast.log"
    write_lines(path, ["[0] rank 0 starts", "[1] rank 1 starts"])
    heard: list[tuple[set[int], bool]] = []
    viewer.ranksHeard.connect(lambda ranks, whole: heard.append((ranks, whole)))

    async def poll() -> tuple:
        emission = next_emission(viewer.ranksHeard)
        viewer.poll()
        return await emission

    async def scenario():
        await settled(viewer, lambda: viewer.set_reader(FileRangeReader(path)))
        await settled(viewer, lambda: viewer.set_follow(True))
        assert heard == [({0, 1}, True)]
        with path.open("ab") as f:
            f.write(b"[1] rank 1 step\n[0] rank 0 step\n")
        assert await poll() == ({0, 1}, True)
        # Rank 1's line, then more of rank 0 than the sample holds: rank 1 is not in the sample, and the
        # poll says it read only part, so nobody may be called silent over it.
        with path.open("ab") as f:
            f.write(b"[1] rank 1 step\n" + b"[0] rank 0 writes fast\n" * (RANK_SAMPLE // 20))
        assert await poll() == ({0}, False)

    run(scenario())


def test_rows_are_painted_in_their_ranks_colours_and_the_widest_sets_the_scroll_range(viewer, run, tmp_path):
    # Rows are painted a colour (and font) at a time; ASCII rows are as wide as their length says, others measured.
    path = tmp_path / "painted.log"
    wide = "\u00e9\u4e2d" * 60  # wider than its length in "x"s: measured
    write_lines(path, ["[0] rank zero", "plain line", "[1] rank one", "[2] " + wide, "x" * 150, "[0] again"])

    async def scenario():
        await settled(viewer, lambda: viewer.set_reader(FileRangeReader(path)))
        image = viewer.viewport().grab().toImage()
        height = viewer.fontMetrics().lineSpacing()
        dark = viewer.palette().color(QPalette.ColorRole.Base).lightness() < 128
        base = viewer.palette().color(QPalette.ColorRole.Base)
        marks = [image.pixelColor(0, i * height + height // 2) for i in range(6)]
        assert [m.name() for m in marks] == [rank_color(0, dark).name(), base.name(), rank_color(1, dark).name(),
                                             rank_color(2, dark).name(), base.name(), rank_color(0, dark).name()]
        for i, rank in ((0, 0), (2, 1), (3, 2)):  # the text itself in the rank's colour
            row = {image.pixelColor(x, y).name() for x in range(MARGIN, 200) for y in range(i * height, (i + 1) * height)}
            assert rank_color(rank, dark).name() in row
        metrics = viewer.fontMetrics()
        widest = max(metrics.horizontalAdvance("x" * 150), metrics.horizontalAdvance("[2] " + wide))
        assert viewer.horizontalScrollBar().maximum() == widest + 2 * MARGIN - viewer.viewport().width()

    run(scenario())


class Paints(QObject):
    """Counts the paint events of the widgets it is installed on, and keeps the rectangles they painted."""

    def __init__(self, *widgets) -> None:
        super().__init__()
        self.counts = {widget: 0 for widget in widgets}
        self.rects: list = []
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.counts[watched] += 1
            self.rects.append(event.rect())
        return False


def test_the_scrollbar_of_a_followed_log_is_repainted_only_when_its_slider_moves(viewer, run, qtbot, tmp_path):
    # Fusion paints a scrollbar with gradients, more than the rows' text: a poll that leaves it looking the
    # same must not repaint it (the viewport's repaint is the whole window's repaint pass, so it had its chance).
    path = tmp_path / "follow.log"
    write_lines(path, [f"line {i}" for i in range(5000)])
    bar, area = viewer.verticalScrollBar(), viewer.viewport()

    async def scenario():
        await settled(viewer, lambda: viewer.set_reader(FileRangeReader(path)))
        await settled(viewer, lambda: viewer.set_follow(True))
        paints = Paints(bar, area)
        with path.open("a") as f:
            f.write("line 5000\n")
        await settled(viewer, viewer.poll)
        qtbot.waitUntil(lambda: paints.counts[area] > 0)
        assert "line 5000" in viewer.visible_lines()
        assert paints.counts[bar] == 0
        await settled(viewer, lambda: viewer.scroll_to_offset(0))  # the slider goes to the top: repainted
        qtbot.waitUntil(lambda: paints.counts[bar] > 0)

    run(scenario())


def test_a_followed_log_that_gains_a_line_paints_that_line_and_moves_the_others(viewer, run, qtbot, tmp_path):
    # The rows that moved up are scrolled, not painted again (text is most of a paint); the window shows
    # exactly what a full repaint would.
    path = tmp_path / "follow.log"
    write_lines(path, [f"[{i % 3}] line {i}" for i in range(200)])
    area = viewer.viewport()

    def on_screen():  # what the window shows now, from its backing store (not a new rendering)
        window = viewer.window()
        origin = area.mapTo(window, area.rect().topLeft())
        shot = window.screen().grabWindow(window.winId(), origin.x(), origin.y(), area.width(), area.height())
        return shot.toImage().convertToFormat(QImage.Format.Format_RGB32)

    async def scenario():
        await settled(viewer, lambda: viewer.set_reader(FileRangeReader(path)))
        await settled(viewer, lambda: viewer.set_follow(True))
        qtbot.waitUntil(lambda: not area.visibleRegion().isEmpty())
        paints = Paints(area)
        with path.open("a") as f:
            f.write("[1] line 200\n[2] line 201\n")
        await settled(viewer, viewer.poll)
        qtbot.waitUntil(lambda: bool(paints.rects))
        height = viewer.fontMetrics().lineSpacing()
        assert "[1] line 200" in viewer.visible_lines() and viewer.visible_lines()[-1] == "[2] line 201"
        assert max(rect.height() for rect in paints.rects) <= 3 * height < area.height() // 2  # not the page
        rendered = area.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        assert on_screen() == rendered

    run(scenario())
