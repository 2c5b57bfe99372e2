"""A bounded LRU cache of fixed-size pages of a ``RangeReader``."""

from __future__ import annotations

from collections import OrderedDict

from explorer.ui.widgets.range_reader import RangeReader

PAGE_SIZE = 64 * 1024
MAX_PAGES = 64  # 4 MiB


class PageCache:
    def __init__(
        self, reader: RangeReader, page_size: int = PAGE_SIZE, max_pages: int = MAX_PAGES
    ) -> None:
        self.reader = reader
        self.page_size = page_size
        self._max_pages = max_pages
        self._pages: OrderedDict[int, bytes] = OrderedDict()
        # Bumped by invalidate(): a read that started before must not be cached.
        self._generation = 0

    async def read(self, offset: int, length: int) -> bytes:
        """Bytes [offset, offset+length) through the cache; short at the end of the file."""
        if length <= 0:
            return b""
        first, last = offset // self.page_size, (offset + length - 1) // self.page_size
        parts = []
        for index in range(first, last + 1):
            page = await self._page(index)
            parts.append(page)
            if len(page) < self.page_size:
                break
        skip = offset - first * self.page_size
        return b"".join(parts)[skip : skip + length]

    def invalidate(self, offset: int = 0) -> None:
        """Forget pages holding bytes at or after ``offset`` (the file grew or changed)."""
        first = offset // self.page_size
        for index in [i for i in self._pages if i >= first]:
            del self._pages[index]
        self._generation += 1

    async def reread(self, index: int) -> bytes:
        """Page ``index`` as the file holds it now: read again (the last page of a growing file), and cached."""
        self._pages.pop(index, None)
        return await self._page(index)

    async def _page(self, index: int) -> bytes:
        page = self._pages.get(index)
        if page is not None:
            self._pages.move_to_end(index)
            return page
        generation = self._generation
        page = await self.reader.read(index * self.page_size, self.page_size)
        if generation == self._generation:
            self._pages[index] = page
            while len(self._pages) > self._max_pages:
                self._pages.popitem(last=False)
        return page
