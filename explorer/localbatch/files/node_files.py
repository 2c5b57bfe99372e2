"""Task and node files: confinement to the node's directory, listings, properties.

Every path comes from a URL and is resolved (symlinks included) before use; anything
that lands outside the root it was asked under is reported as not found, so a
client cannot even learn what exists outside the node.
"""

from __future__ import annotations

import os
import stat as stat_module
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from explorer.localbatch.wire.clock import iso
from explorer.localbatch.wire.errors import BatchError, not_found


@dataclass(frozen=True)
class FileInfo:
    name: str  # relative to the listing root, '/'-separated
    path: Path
    is_directory: bool
    size: int
    created: datetime
    modified: datetime
    mode: int


def resolve(root: Path, file_path: str) -> Path:
    """The real path of file_path under root, or a 404 if it is outside or missing."""
    root = root.resolve()
    try:
        candidate = (root / file_path.lstrip("/")).resolve(strict=True)
    except (OSError, ValueError, RuntimeError):
        raise not_found("file", file_path) from None
    if not candidate.is_relative_to(root):
        raise not_found("file", file_path)
    return candidate


# Linux has no creation time in stat (st_ctime moves on every append, which would make
# a growing file look replaced), so a file's creation time is when we first saw its inode.
_FIRST_SEEN: OrderedDict[tuple[int, int], float] = OrderedDict()
_FIRST_SEEN_LIMIT = 100_000


def _creation_time(status: os.stat_result) -> float:
    key = (status.st_dev, status.st_ino)
    created = _FIRST_SEEN.setdefault(key, min(status.st_ctime, status.st_mtime))
    _FIRST_SEEN.move_to_end(key)
    if len(_FIRST_SEEN) > _FIRST_SEEN_LIMIT:
        _FIRST_SEEN.popitem(last=False)
    return created


def note_created(path: Path) -> None:
    """The service just created `path`: that is its creation time, whatever its inode number held before."""
    status = path.stat()
    key = (status.st_dev, status.st_ino)
    _FIRST_SEEN[key] = time.time()
    _FIRST_SEEN.move_to_end(key)


def info(root: Path, path: Path) -> FileInfo:
    status = path.stat()
    relative = path.relative_to(root.resolve()).as_posix()
    return FileInfo(
        name=relative,
        path=path,
        is_directory=stat_module.S_ISDIR(status.st_mode),
        size=0 if stat_module.S_ISDIR(status.st_mode) else status.st_size,
        created=datetime.fromtimestamp(_creation_time(status), timezone.utc),
        modified=datetime.fromtimestamp(status.st_mtime, timezone.utc),
        mode=status.st_mode,
    )


def walk(root: Path, recursive: bool) -> Iterator[FileInfo]:
    """Entries under root in a stable order; symlinks are not followed out of the root."""
    root = root.resolve()
    if not root.is_dir():
        return
    pending = [root]
    while pending:
        directory = pending.pop(0)
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                real = path.resolve(strict=True)
            except (OSError, RuntimeError):
                continue
            if not real.is_relative_to(root):
                continue
            item = info(root, path)
            yield item
            if recursive and item.is_directory and not entry.is_symlink():
                pending.append(path)


def wire_entry(item: FileInfo, url_prefix: str) -> dict:
    return {
        "name": item.name,
        "url": f"{url_prefix}/{quote(item.name, safe='')}",
        "isDirectory": item.is_directory,
        "properties": {
            "creationTime": iso(item.created),
            "lastModified": iso(item.modified),
            "contentLength": item.size,
            "contentType": "application/octet-stream",
            "fileMode": f"{item.mode:o}",
        },
    }


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The inclusive byte range of an ocp-range/Range header, clamped to the file."""
    if not header:
        return None
    unit, _, spec = header.strip().partition("=")
    start_text, dash, end_text = spec.strip().partition("-")
    if unit.strip().lower() != "bytes" or not dash or "," in spec:
        raise BatchError(400, "InvalidHeaderValue", f"The range '{header}' is not of the form bytes=START-END.")
    try:
        if start_text == "":
            length = int(end_text)
            start, end = max(0, size - length), size - 1
        else:
            start = int(start_text)
            end = int(end_text) if end_text else size - 1
    except ValueError:
        raise BatchError(400, "InvalidHeaderValue", f"The range '{header}' is not of the form bytes=START-END.") from None
    if start < 0 or end < start or (start >= size and size > 0) or (size == 0 and start > 0):
        raise BatchError(416, "InvalidRange", f"The range '{header}' is outside the file of {size} bytes.")
    return start, min(end, size - 1)
