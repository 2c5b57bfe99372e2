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

from explorer.core.mpi.rank_labels import rank_of
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
FILTER_SCAN = 8 * 1024 * 1024
"""How far a rank-filtered document looks (back or ahead) for a line of the ranks shown, per step."""
FILTER_BATCH = 256  # rows read at a time while skipping the ranks not shown
LABEL_BYTES = 64  # enough of a line to read its rank label


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


class _SeenFile:
    """What the documents of one file share: its pages, its size as last read, and how much the last
    refresh found it grown. One record, so a size read through one document (a poll under way while the
    view changed its rank filter) is every one's."""

    def __init__(self, cache: PageCache) -> None:
        self.cache = cache
        self.size = 0
        self.growth = 0


class LogDocument:
    def __init__(self, reader: RangeReader, *, wrap: int = WRAP, cache: PageCache | None = None):
        self._file = _SeenFile(cache or PageCache(reader))
        self._cache = self._file.cache
        self._wrap = wrap

    @property
    def reader(self) -> RangeReader:
        return self._cache.reader

    @property
    def size(self) -> int:
        """The file's size at the last `refresh_size` of any document of it (0 before)."""
        return self._file.size

    def filtered(self, ranks: frozenset[int] | None) -> LogDocument:
        """The same file (pages and size, shared), showing only the lines of ``ranks`` (None: all)."""
        document = LogDocument(self.reader, wrap=self._wrap, cache=self._cache) if ranks is None else (
            RankFilteredDocument(self.reader, ranks, wrap=self._wrap, cache=self._cache))
        document._file = self._file
        return document

    async def read(self, offset: int, length: int) -> bytes:
        """Bytes of the file through the page cache (what the viewer reads, so mostly cached), up to its
        known size: no page is asked for that starts past the end (Batch refuses such a range)."""
        return await self._cache.read(offset, min(length, self.size - offset))

    async def refresh_size(self) -> bool:
        """Re-read the file size; True if it changed. A shrunk file is re-read from scratch.

        While the file grows by less than half a page a refresh, one read of its last page says both
        its new size (the read ends short) and its new bytes, which a follow shows next: one request a
        poll instead of the size and then the page. After a larger growth, or none, the size is asked
        (cheaper than a page when nothing changed), and so it is when that read ends on a full page.
        The read starts inside what the file held, never past its known end."""
        old, fresh_from = self.size, self.size
        new = None
        if 0 < self._file.growth < self._cache.page_size // 2:
            new, fresh_from = await self._reread_last_page()
        if new is None:
            new = await self.reader.size()
        self._file.growth = max(0, new - old)
        if new == old:
            return False
        self._cache.invalidate(fresh_from if new > old else 0)
        self._file.size = new
        return True

    async def _reread_last_page(self) -> tuple[int | None, int]:
        """Read the page holding the last byte known again (it stays cached): the file's size if that read
        ended short of a full page (None: the file may go on past it), and where the pages the cache holds
        stop being the file's as it is now."""
        index = (self.size - 1) // self._cache.page_size
        try:
            page = await self._cache.reread(index)
        except ConnectionError:
            raise  # no answer: asking the size too would only wait out the connection's backoff
        except OSError:
            return None, self.size  # an answer (the file shrank, or went): the size request says what it is now
        short = 0 < len(page) < self._cache.page_size
        return (index * self._cache.page_size + len(page) if short else None), (index + 1) * self._cache.page_size

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
        data = await self.read(start, self.size - start)
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
                if await self._shown(pos + at, data, at):
                    count += 1
                    if len(offsets) < keep:
                        offsets.append(pos + at)
                at = data.find(needle, at + 1)
            pos += chunk
            await asyncio.sleep(0)
        return Matches(count, tuple(offsets), size)

    async def _shown(self, offset: int, data: bytes, at: int) -> bool:
        """Whether the match at ``offset`` (``data[at]``) is in a line this document shows."""
        return True

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
            newline = (await self.read(begin, end - begin)).rfind(b"\n")
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
                more = await self.read(have, max(want - have, self._cache.page_size))
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


class RankFilteredDocument(LogDocument):
    """The rows of the lines labelled with one of ``ranks`` (and of lines with no rank label: the
    launcher's own messages), found by reading near the position asked for, as `LogDocument` does.

    Offsets are the file's own, so the scrollbar, find and follow work as unfiltered. Each step
    looks at most `FILTER_SCAN` bytes away for a line to show; a rank silent for longer than that
    shows the lines found so far. The rows of a line longer than ``wrap`` go with its first row.
    """

    def __init__(self, reader: RangeReader, ranks: frozenset[int], *, wrap: int = WRAP,
                 cache: PageCache | None = None) -> None:
        super().__init__(reader, wrap=wrap, cache=cache)
        self.ranks = ranks

    def shows(self, line: bytes) -> bool:
        rank = rank_of(line[:LABEL_BYTES])
        return rank is None or rank in self.ranks

    async def rows(self, start: int, count: int) -> list[Row]:
        kept: list[Row] = []
        pos = start
        line_start = start == 0 or await self.read(start - 1, 1) == b"\n"
        shown = line_start or await self._line_shown(start)
        while len(kept) < count and pos < self.size and pos - start <= FILTER_SCAN:
            batch = await self._rows(pos, FILTER_BATCH, until=None)
            if not batch:
                break
            for row in batch:
                if line_start:
                    shown = self.shows(row.data)
                if shown:
                    kept.append(row)
                line_start = row.next == row.start + len(row.data) + 1  # the row ended its line
            pos = batch[-1].next
        return kept[:count]

    async def row_start(self, pos: int) -> int:
        """The start of the last row shown at or before byte ``pos`` (the file's row there if none is)."""
        pos = max(0, min(pos, self.size - 1))
        here = await super().row_start(pos)
        if await self._line_shown(here):
            return here
        lines = await self._lines_shown_before(await self._line_start(here), 1)
        if not lines:
            return here
        start, end = lines[0]
        return start if end - start <= self._wrap else await super().row_start(end - 1)

    async def end_top(self, count: int) -> int:
        if self.size == 0:
            return 0
        lines = await self._lines_shown_before(self.size, count)
        if not lines:
            return self.size  # nothing of these ranks near the end: an empty page
        if all(end - start <= self._wrap for start, end in lines):
            return lines[-1][0]
        return await self.rows_before(await self.row_start(self.size - 1), count - 1)

    async def find(
        self, needle: bytes, start: int, *, backward: bool = False, case_sensitive: bool = True,
        limit: int | None = None,
    ) -> int | None:
        """`LogDocument.find`, skipping the matches in lines of other ranks."""
        while True:
            found = await super().find(needle, start, backward=backward, case_sensitive=case_sensitive, limit=limit)
            if found is None:
                return None
            line_start = await self._line_start(found)
            if await self._line_shown(line_start):
                return found
            if backward:
                start = line_start
            else:  # on after the line's end
                newline = await super().find(b"\n", found)
                start = self.size if newline is None else newline + 1
            await asyncio.sleep(0)

    async def _shown(self, offset: int, data: bytes, at: int) -> bool:
        newline = data.rfind(b"\n", 0, at)
        if newline >= 0:
            return self.shows(data[newline + 1 : newline + 1 + LABEL_BYTES])
        return await self._line_shown(offset)

    async def _line_shown(self, pos: int) -> bool:
        """Whether the line holding byte ``pos`` is shown (its first row's label decides for all its rows)."""
        line_start = await self._line_start(pos)
        return self.shows((await self.read(line_start, LABEL_BYTES)).split(b"\n", 1)[0])

    async def _lines_shown_before(self, end: int, count: int) -> list[tuple[int, int]]:
        """(start, end) of up to ``count`` lines shown that end before ``end`` (a line start or the
        file's size), nearest first, looking back at most `FILTER_SCAN` bytes."""
        found: list[tuple[int, int]] = []
        floor = max(0, end - FILTER_SCAN)
        high, step = end, 64 * 1024
        while high > floor and len(found) < count:
            low = max(floor, high - step)
            data = await self.read(low, high - low)
            stop = len(data) - 1 if data.endswith(b"\n") else len(data)
            while len(found) < count:
                newline = data.rfind(b"\n", 0, stop)
                if newline < 0 and low > 0:
                    break  # the line began before this chunk
                line = data[newline + 1 : stop]
                if self.shows(line[:LABEL_BYTES]):
                    found.append((low + newline + 1, low + stop))
                if newline < 0:
                    return found  # the start of the file
                stop = newline
            first = data.find(b"\n")
            if first < 0 or low + first + 1 >= high:
                step *= 4  # one line longer than the chunk: look further back at once
                if low == floor:
                    break
                continue
            high, step = low + first + 1, min(step * 2, SEARCH_CHUNK)
        return found
