"""Random access to a (possibly remote, possibly growing) file, a byte range at a time."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol


class RangeReader(Protocol):
    """What the log viewer reads through; failures are raised as ``OSError`` (``ConnectionError`` when
    there was no answer at all: nothing else is worth asking then)."""

    async def size(self) -> int:
        """The current length of the file in bytes; it may grow between calls."""

    async def read(self, offset: int, length: int) -> bytes:
        """Up to ``length`` bytes from ``offset``; fewer only at the end of the file."""


class FileRangeReader:
    """A ``RangeReader`` over a local file.

    Reads are synchronous inside the coroutines: they are small (a page or a search
    chunk) and local, cheaper than a trip through a thread pool.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = Path(path)

    async def size(self) -> int:
        return self._path.stat().st_size

    async def read(self, offset: int, length: int) -> bytes:
        with self._path.open("rb") as f:
            f.seek(offset)
            return f.read(length)
