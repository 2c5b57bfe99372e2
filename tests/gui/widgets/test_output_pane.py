"""Output pane over local files: follow, pause, find bar keys, per-tab status."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt

from explorer.ui.widgets import output_pane
from explorer.ui.widgets.output_pane import OutputPane
from explorer.ui.widgets.range_reader import FileRangeReader
from tests.support.qt_scenarios import next_emission, until

TIMEOUT = 20  # generous: a bound, not a wait


@pytest.fixture
def pane(runner):
    return runner.show(OutputPane(), (600, 400))


@pytest.fixture
def files(tmp_path):
    stdout, stderr = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    stdout.write_text("".join(f"out {i}\n" for i in range(200)))
    stderr.write_text("err 0\n")
    return stdout, stderr


def run(loop, coro):
    return loop.run_until_complete(asyncio.wait_for(coro, TIMEOUT))


def test_follow_and_pause(loop, pane, files):
    stdout, stderr = files
    viewer = pane.viewers[0]

    async def scenario():
        shown = next_emission(viewer.viewChanged, TIMEOUT)
        pane.set_readers([FileRangeReader(stdout), FileRangeReader(stderr)], "the output")
        await shown
        assert pane.is_following() and viewer.visible_lines()[-1] == "out 199"
        assert (pane.status.text(), pane.size_label.text()) == ("the output", "1.5 KB")  # 1,490 bytes

        polls = []
        viewer.poll = lambda: polls.append(1)  # nothing is read while paused
        pane.pause_button.click()
        assert pane.is_paused()
        pane.poll()
        assert polls == []
        pane.pause_button.click()  # resuming catches up at once
        assert polls == [1] and not pane.is_paused()
        del viewer.poll

        with stdout.open("a") as f:
            f.write("out 200\n")
        shown = next_emission(viewer.viewChanged, TIMEOUT)
        pane.poll()
        await shown
        assert viewer.visible_lines()[-1] == "out 200"

        pane.follow_button.click()
        assert not pane.is_following() and not pane.viewers[1].is_following()
        pane.toggle_follow()
        assert pane.follow_button.isChecked()

    run(loop, scenario())


def test_tabs_have_their_own_status_and_find_target(loop, pane, files, tmp_path):
    stdout, _ = files

    async def scenario():
        failed = next_emission(pane.viewers[1].readFailed, TIMEOUT)
        pane.set_readers([FileRangeReader(stdout), FileRangeReader(tmp_path / "missing.txt")])
        await failed
        pane.tabs.setCurrentIndex(1)
        assert "missing.txt" in pane.status.text() and pane.size_label.text() == ""
        pane.tabs.setCurrentIndex(0)
        assert (pane.status.text(), pane.size_label.text()) == ("", "1.5 KB")  # 1,490 bytes

        pane.find()
        bar = pane.find_bar
        assert bar.isVisible() and bar.text.hasFocus()
        bar.text.setText("out 150")
        found = next_emission(pane.viewers[0].findFinished, TIMEOUT)
        bar.find_previous()
        (offset,) = await found
        assert offset == len("".join(f"out {i}\n" for i in range(150)))
        found = next_emission(pane.viewers[0].findFinished, TIMEOUT)
        bar.text.setText("nowhere")
        bar.find_next()
        assert await found == (None,) and bar.status.text() == "not found"

    run(loop, scenario())


def test_find_bar_keys(loop, pane, qtbot, files):
    bar = pane.find_bar
    pane.find()
    directions = []
    pane.viewers[0].find = lambda text, backward, case_sensitive: directions.append((text, backward, case_sensitive))
    bar.text.setText("x")
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    qtbot.keyClick(bar.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    bar.case.setChecked(True)
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert directions == [("x", False, False), ("x", True, False), ("x", False, True)]
    qtbot.keyClick(bar.text, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_a_live_pane_polls_by_itself_while_shown_and_reads_once_more_when_it_stops(loop, pane, files):
    stdout, stderr = files
    viewer = pane.viewers[0]

    def last_line(text: str):
        return lambda: viewer.visible_lines()[-1:] == [text]

    def append(line: str) -> None:
        with stdout.open("a") as f:
            f.write(line + "\n")

    async def scenario():
        shown = next_emission(viewer.viewChanged, TIMEOUT)
        pane.set_readers([FileRangeReader(stdout), FileRangeReader(stderr)])
        await shown
        pane.set_live(True)
        assert pane.is_live() and pane.is_polling()
        append("out 200")  # nobody calls poll(): the pane reads by itself
        await until(viewer.viewChanged, last_line("out 200"), TIMEOUT)

        pane.hide()
        assert not pane.is_polling()  # hidden: nothing is read
        append("out 201")
        pane.show()  # shown again: it catches up at once, and goes on polling
        await until(viewer.viewChanged, last_line("out 201"), TIMEOUT)
        assert pane.is_polling()

        append("out 202")
        pane.set_live(False)  # the command ended: one last read, then no more polling
        assert not pane.is_polling()
        await until(viewer.viewChanged, last_line("out 202"), TIMEOUT)

    run(loop, scenario())


def test_a_live_pane_polls_a_little_slower_while_each_poll_replaces_the_page_and_backs_off_when_quiet(loop, pane, files):
    stdout, stderr = files
    viewer = pane.viewers[0]

    def append(data: bytes) -> None:
        with stdout.open("ab") as f:
            f.write(data)

    async def next_tick_in(ms: int) -> None:
        """Until the pane's tick has set its next poll ``ms`` away (checked every 10 ms: the tick is a timer)."""
        deadline = asyncio.get_running_loop().time() + TIMEOUT
        while pane._ticker.interval() != ms:
            assert asyncio.get_running_loop().time() < deadline, f"interval {pane._ticker.interval()} ms, not {ms}"
            await asyncio.sleep(0.01)

    async def scenario():
        shown = next_emission(viewer.viewChanged, TIMEOUT)
        pane.set_readers([FileRangeReader(stdout), FileRangeReader(stderr)])
        await shown
        pane.set_live(True)
        append(b"x" * 9 + b"\n")  # a line: the next poll is soon
        await until(viewer.sizeChanged, lambda: True, TIMEOUT)
        await next_tick_in(round(output_pane.FAST_POLL * 1000))
        await next_tick_in(round(output_pane.IDLE_POLL * 1000))  # nothing more: backing off to the idle poll
        append(b"".join(b"more %d\n" % i for i in range(100)))  # more than the page shows: a little later
        assert 0 < viewer.page_bytes() < 800 < output_pane.FLOOD_BYTES
        await until(viewer.sizeChanged, lambda: True, TIMEOUT)
        await next_tick_in(round(output_pane.FLOOD_POLL * 1000))
        append((b"y" * 99 + b"\n") * (output_pane.FLOOD_BYTES // 100 + 1))  # and any flood of more than 64 KiB
        await until(viewer.sizeChanged, lambda: True, TIMEOUT)
        await next_tick_in(round(output_pane.FLOOD_POLL * 1000))

    run(loop, scenario())
