"""A rank-filtered LogDocument gives the rows of the whole file's walk, kept by their line's rank label."""

from __future__ import annotations

import asyncio

from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.core.mpi.rank_labels import rank_of
from explorer.ui.widgets.log_document import LogDocument, Row
from explorer.ui.widgets.page_cache import PageCache
from tests.unit.ui.test_log_document import BytesReader

WRAP = 16


def kept_by_line(rows: list[Row], ranks: frozenset[int]) -> list[Row]:
    """The reference: every row of the file, kept when its line's first row has no label or one of `ranks`."""
    kept, shown, line_start = [], True, True
    for row in rows:
        if line_start:
            rank = rank_of(row.data)
            shown = rank is None or rank in ranks
        if shown:
            kept.append(row)
        line_start = row.next == row.start + len(row.data) + 1
    return kept


def shown_line(data: bytes, at: int, ranks: frozenset[int]) -> bool:
    rank = rank_of(data[data.rfind(b"\n", 0, at) + 1 :].split(b"\n", 1)[0])
    return rank is None or rank in ranks


async def check(data: bytes, ranks: frozenset[int], count: int, needle: bytes) -> None:
    reader = BytesReader(data)
    plain = LogDocument(reader, wrap=WRAP, cache=PageCache(reader, page_size=64))
    await plain.refresh_size()
    every = await plain.rows(0, len(data) + 1)
    expected = kept_by_line(every, ranks)
    doc = plain.filtered(ranks)
    assert await doc.rows(0, len(data) + 1) == expected
    if not expected:
        return
    # The end of a follow, then walking up row by row, one row at a time.
    top = await doc.end_top(count)
    assert await doc.rows(top, count) == expected[-count:]
    for before, row in zip(expected, expected[1:], strict=False):
        assert await doc.row_start(row.start - 1) == before.start
    # Find skips the matches in lines of other ranks; the count counts the others only.
    shown_matches = [at for at in range(len(data)) if data.startswith(needle, at) and shown_line(data, at, ranks)]
    first = await doc.find(needle, 0)
    assert first == (shown_matches[0] if shown_matches else None)
    last = await doc.find(needle, len(data), backward=True)
    assert last == (shown_matches[-1] if shown_matches else None)
    assert (await doc.match_offsets(needle)).count == len(shown_matches)


label = st.one_of(st.just(b""), st.integers(0, 3).map(lambda k: b"[%d] " % k),
                  st.integers(0, 3).map(lambda k: b"[1,%d]<stdout>:" % k))
line = st.tuples(label, st.text(alphabet="xy", max_size=12).map(str.encode)).map(b"".join)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(line, max_size=16), ranks=st.frozensets(st.integers(0, 3), min_size=1),
       count=st.integers(1, 6), trailing=st.booleans())
def test_filtered_rows_are_the_rows_of_the_ranks_lines(lines, ranks, count, trailing):
    data = b"\n".join(lines) + (b"\n" if trailing and lines else b"")
    asyncio.run(check(data, ranks, count, b"xy"))


def test_unfiltered_again_is_a_plain_document():
    doc = LogDocument(BytesReader(b"[0] a\n[1] b\n")).filtered(frozenset({1})).filtered(None)
    assert type(doc) is LogDocument


def test_a_size_read_through_one_document_of_a_file_is_every_ones():
    # A poll refreshes the document it began with; the view may have filtered it meanwhile.
    reader = BytesReader(b"[1] a\n[0] b\n")
    plain = LogDocument(reader)
    asyncio.run(plain.refresh_size())
    doc = plain.filtered(frozenset({1}))
    reader.data += b"[1] c\n"
    assert asyncio.run(plain.refresh_size())
    assert doc.size == plain.size == len(reader.data)
    assert [row.data for row in asyncio.run(doc.rows(0, 10))] == [b"[1] a", b"[1] c"]
    assert not asyncio.run(doc.refresh_size())
