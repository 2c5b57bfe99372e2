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
