"""Rows of a log file of any size, read a page at a time (no Qt).

A *row* is what the viewer shows on one line: a line of the file without its
newline, or, for lines longer than ``wrap`` bytes, a ``wrap``-byte piece of it
(cut on a UTF-8 character boundary). Rows are found by scanning for newlines near
the position of interest only, never by indexing the whole file, so any offset
can be shown after reading a few pages.
"""

from __future__ import annotations

import asyncio
import bisect
from dataclasses import dataclass

from explorer.ui.widgets.page_cache import PageCache
from explorer.ui.widgets.range_reader import RangeReader

WRAP = 4096
# How far back a row start is looked for. A line longer than this is cut into
# rows aligned to multiples of WRAP instead of from its (unknown) start.
SCAN_LIMIT = 1024 * 1024
SEARCH_CHUNK = 1024 * 1024
MAX_KEPT = 100_000
"""Match offsets kept by a count (the n-th of how many needs them); a count goes on beyond."""
TAIL_PER_ROW = 256  # bytes read per row shown, at first, to find the last rows of a followed file


@dataclass(frozen=True)
class Matches:
    """What a count of a search found in the first ``size`` bytes of a file."""

    count: int
    offsets: tuple[int, ...]
    """The first matches' offsets, in file order (all of them unless there were more than MAX_KEPT)."""
    size: int

    def ordinal(self, offset: int) -> int | None:
        """1 for the first match, ... ; None if ``offset`` is not one of the offsets kept."""
        i = bisect.bisect_left(self.offsets, offset)
        return i + 1 if i < len(self.offsets) and self.offsets[i] == offset else None


@dataclass(frozen=True)
class Row:
    start: int  # offset of the row's first byte
    next: int  # offset of the next row (after the newline, if the row ends one)
    data: bytes  # the row's bytes, without the newline


class LogDocument:
    def __init__(self, reader: RangeReader, *, wrap: int = WRAP, cache: PageCache | None = None):
        self._cache = cache or PageCache(reader)
        self._wrap = wrap
        self.size = 0

    @property
    def reader(self) -> RangeReader:
        return self._cache.reader

    async def refresh_size(self) -> bool:
        """Re-read the file size; True if it changed. A shrunk file is re-read from scratch."""
        new = await self.reader.size()
        if new == self.size:
            return False
        self._cache.invalidate(self.size if new > self.size else 0)
        self.size = new
        return True

    async def rows(self, start: int, count: int) -> list[Row]:
        """Up to ``count`` rows from ``start``, which must be a row start."""
        return await self._rows(start, count, until=None)

    async def row_start(self, pos: int) -> int:
        """The start of the row holding byte ``pos``."""
        pos = max(0, min(pos, self.size - 1))
        line_start = await self._line_start(pos)
        rows = await self._rows(line_start, count=None, until=pos)
        return rows[-1].start if rows else line_start

    async def rows_before(self, start: int, count: int) -> int:
        """The start of the row ``count`` rows above the row starting at ``start``."""
        for _ in range(count):
            if start <= 0:
                break
            start = await self.row_start(start - 1)
        return start

    async def end_top(self, count: int) -> int:
        """The first row start of the last ``count`` rows of the file."""
        if self.size == 0:
            return 0
        # A follow asks this at every poll of a growing log: first a short tail read (the last
        # page, mostly cached), then a page's worth, then the row-by-row walk.
        for tail in (min(self._cache.page_size, count * TAIL_PER_ROW), self._cache.page_size):
            top = await self._end_top_of_short_lines(count, tail)
            if top is not None:
                return top
        return await self.rows_before(await self.row_start(self.size - 1), count - 1)

    async def _end_top_of_short_lines(self, count: int, tail: int) -> int | None:
        """`end_top` in one read of the last `tail` bytes, when the last lines are one row each (no
        longer than `wrap`) and all in those bytes; None otherwise."""
        start = max(0, self.size - tail)
        data = await self._cache.read(start, self.size - start)
        if start + len(data) != self.size:
            return None  # the file shrank under us
        end = len(data) - 1 if data.endswith(b"\n") else len(data)
        for _ in range(count):
            newline = data.rfind(b"\n", 0, end)
            if end - (newline + 1) > self._wrap or (newline < 0 and start > 0):
                return None  # a long line (several rows), or one that began before the tail read
            if newline < 0:
                return 0
            end = newline
        return start + end + 1

    async def find(
        self, needle: bytes, start: int, *, backward: bool = False, case_sensitive: bool = True,
        limit: int | None = None,
    ) -> int | None:
        """Offset of the first match at or after ``start`` (or the last match before it), among
        matches starting before ``limit`` (after it, backward); the whole file by default.

        Reads the reader directly, a chunk at a time, so a search streaming through
        the file does not evict the pages on screen. Case folding is ASCII-only.
        """
        if not needle:
            return None
        if not case_sensitive:
            needle = needle.lower()
        overlap = len(needle) - 1
        chunk = max(SEARCH_CHUNK, len(needle))
        if backward:
            floor = max(0, limit or 0)
            end = min(self.size, start + overlap)
            while end - floor > overlap:
                begin = max(floor, end - chunk - overlap)
                found = self._match(await self.reader.read(begin, end - begin), needle, case_sensitive, True)
                if found is not None:
                    return begin + found
                end = begin + overlap
                await asyncio.sleep(0)  # let the GUI paint and a cancel land between chunks
            return None
        stop = self.size if limit is None else min(limit, self.size)
        pos = start
        while pos < stop:
            data = await self.reader.read(pos, chunk + overlap)
            found = self._match(data, needle, case_sensitive, False)
            if found is not None and pos + found < stop:
                return pos + found
            pos += chunk
            await asyncio.sleep(0)
        return None

    async def match_offsets(self, needle: bytes, *, case_sensitive: bool = True, keep: int = MAX_KEPT) -> Matches:
        """Every match in the file, counted a chunk at a time (the first ``keep`` offsets kept)."""
        if not case_sensitive:
            needle = needle.lower()
        count, offsets = 0, []
        overlap = len(needle) - 1
        chunk = max(SEARCH_CHUNK, len(needle))
        pos, size = 0, self.size
        while needle and pos < size:
            data = await self.reader.read(pos, chunk + overlap)
            if not case_sensitive:
                data = data.lower()
            at = data.find(needle)
            while 0 <= at < chunk:  # a match starting in the overlap is the next chunk's
                count += 1
                if len(offsets) < keep:
                    offsets.append(pos + at)
                at = data.find(needle, at + 1)
            pos += chunk
            await asyncio.sleep(0)
        return Matches(count, tuple(offsets), size)

    @staticmethod
    def _match(data: bytes, needle: bytes, case_sensitive: bool, backward: bool) -> int | None:
        if not case_sensitive:
            data = data.lower()
        i = data.rfind(needle) if backward else data.find(needle)
        return None if i < 0 else i

    async def _line_start(self, pos: int) -> int:
        """Offset after the last newline before ``pos``, looking back at most SCAN_LIMIT."""
        limit = max(0, pos - SCAN_LIMIT)
        end, step = pos, 4096
        while end > limit:
            begin = max(limit, end - step)
            newline = (await self._cache.read(begin, end - begin)).rfind(b"\n")
            if newline >= 0:
                return begin + newline + 1
            end, step = begin, step * 4
        return limit - limit % self._wrap

    async def _rows(self, start: int, count: int | None, until: int | None) -> list[Row]:
        """Rows from ``start``: ``count`` of them, or up to the one holding byte ``until``."""
        rows: list[Row] = []
        buf, buf_start, pos = b"", start, start
        while pos < self.size and (count is None or len(rows) < count):
            if until is not None and pos > until:
                break
            want = min(self.size, pos + self._wrap + 1)  # a full row and the byte after it
            have = buf_start + len(buf)
            if have < want:
                more = await self._cache.read(have, max(want - have, self._cache.page_size))
                if not more:  # the file shrank under us; refresh_size() will catch up
                    break
                buf += more
                continue
            rel = pos - buf_start
            newline = buf.find(b"\n", rel, rel + self._wrap + 1)
            if newline >= 0:
                rows.append(Row(pos, buf_start + newline + 1, buf[rel:newline]))
            elif self.size - pos <= self._wrap:
                end = self.size - buf_start
                rows.append(Row(pos, self.size, buf[rel:end]))
            else:
                cut = rel + self._wrap
                while cut > rel + 1 and (buf[cut] & 0xC0) == 0x80:  # continuation byte
                    cut -= 1
                rows.append(Row(pos, buf_start + cut, buf[rel:cut]))
            pos = rows[-1].next
            if pos - buf_start > self._cache.page_size:  # keep the buffer to about a page
                buf, buf_start = buf[pos - buf_start :], pos
        return rows
