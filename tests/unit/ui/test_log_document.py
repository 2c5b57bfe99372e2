"""LogDocument's end of file: the one-read tail of a follow gives what the row-by-row walk gives."""

from __future__ import annotations

import asyncio

from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.ui.widgets.log_document import LogDocument
from explorer.ui.widgets.page_cache import PageCache


class BytesReader:
    def __init__(self, data: bytes) -> None:
        self.data = data

    async def size(self) -> int:
        return len(self.data)

    async def read(self, offset: int, length: int) -> bytes:
        return self.data[offset:offset + length]


async def both_ends(data: bytes, count: int) -> tuple[int, int]:
    doc = LogDocument(BytesReader(data), wrap=16, cache=PageCache(BytesReader(data), page_size=64))
    await doc.refresh_size()
    fast = await doc.end_top(count)
    assert doc.size == 0 or await doc._end_top_of_short_lines(count, 64) in (None, fast)
    walked = await doc.rows_before(await doc.row_start(doc.size - 1), count - 1) if doc.size else 0
    return fast, walked


lines = st.lists(st.text(alphabet="ab\u00e9", max_size=24).map(lambda t: t.encode()), max_size=20)


@settings(max_examples=300, deadline=None)
@given(lines=lines, trailing_newline=st.booleans(), count=st.integers(min_value=1, max_value=8))
def test_the_tail_read_agrees_with_the_row_walk(lines, trailing_newline, count):
    data = b"\n".join(lines) + (b"\n" if trailing_newline and lines else b"")
    fast, walked = asyncio.run(both_ends(data, count))
    assert fast == walked


class GrowingReader(BytesReader):
    """A file the test appends to (or cuts), counting the requests of each kind a refresh makes."""

    def __init__(self, data: bytes = b"") -> None:
        super().__init__(data)
        self.asked: list[str] = []

    async def size(self) -> int:
        self.asked.append("size")
        return await super().size()

    async def read(self, offset: int, length: int) -> bytes:
        if offset >= len(self.data) > 0:
            raise OSError("the range is outside the file")  # as Batch answers a range past the end
        self.asked.append("read")
        return await super().read(offset, length)


async def refreshed(doc: LogDocument, reader: GrowingReader) -> list[str]:
    """The requests one refresh made, and then the follow's reads of the last rows."""
    reader.asked.clear()
    await doc.refresh_size()
    top = await doc.end_top(4)
    rows = await doc.rows(top, 5)
    tail = b"\n".join(row.data for row in rows)
    assert tail == b"\n".join(reader.data.rstrip(b"\n").split(b"\n")[-len(rows):]) if reader.data else not rows
    return reader.asked


def test_a_file_growing_slowly_is_followed_with_one_read_a_refresh():
    reader = GrowingReader(b"first line\n")
    doc = LogDocument(reader, cache=PageCache(reader, page_size=64))

    async def scenario():
        assert await refreshed(doc, reader) == ["size", "read"]  # at first: the size, then the page
        for i in range(12):  # a line a refresh: the last page, read again, says the size too
            reader.data += b"line %d\n" % i
            assert await refreshed(doc, reader) in (["read"], ["read", "size", "read"])
            assert doc.size == len(reader.data)
        return reader

    asyncio.run(scenario())


def test_a_refresh_that_finds_the_last_page_full_or_nothing_new_asks_the_size():
    reader = GrowingReader(b"x" * 20 + b"\n")
    doc = LogDocument(reader, cache=PageCache(reader, page_size=64))

    async def scenario():
        await refreshed(doc, reader)
        reader.data += b"y" * 10 + b"\n"
        assert await refreshed(doc, reader) == ["read"]
        reader.data += b"z" * 39 + b"\n"  # past the page: its read is full, the end is further on
        assert await refreshed(doc, reader) == ["read", "size", "read"]  # and the full page is kept
        assert doc.size == len(reader.data)
        reader.data += b"w\n"  # after growing by half a page or more: the size first
        assert await refreshed(doc, reader) == ["size", "read"]
        reader.data += b"v\n"
        assert await refreshed(doc, reader) == ["read"]
        assert await refreshed(doc, reader) == ["read"]  # nothing new: the page said so, with no size asked
        assert await refreshed(doc, reader) == ["size"]  # and after a refresh that found nothing: the size

    asyncio.run(scenario())


@settings(max_examples=200, deadline=None)
@given(steps=st.lists(st.one_of(st.integers(min_value=1, max_value=150), st.just(-1)), max_size=25))
def test_refreshes_know_the_size_and_the_last_rows_whatever_the_file_does(steps):
    """Growth by a little or by pages, or cut to a part (-1): each refresh knows the size and the last rows."""
    reader = GrowingReader()
    doc = LogDocument(reader, wrap=16, cache=PageCache(reader, page_size=64))

    async def scenario():
        for n, step in enumerate(steps):
            if step < 0:
                reader.data = reader.data[: len(reader.data) // 3]
            else:
                reader.data += b"".join(b"%d-%d\n" % (n, i) for i in range(step // 4 + 1))[:step]
            await refreshed(doc, reader)
            assert doc.size == len(reader.data)

    asyncio.run(scenario())


def test_a_file_ending_on_a_page_boundary_is_shown_without_asking_past_its_end():
    # Batch answers a range that starts at the end of the file with an error, which the viewer would show.
    reader = GrowingReader(b"".join(b"%03d\n" % i for i in range(16)))  # 64 bytes: one page exactly
    doc = LogDocument(reader, cache=PageCache(reader, page_size=64))
    asyncio.run(refreshed(doc, reader))
    assert doc.size == 64
