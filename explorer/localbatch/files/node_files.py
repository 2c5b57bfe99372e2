"""Task and node files, served from inside their node only: listings, properties, opening, deleting.

Tasks run as the service's user and may change their directories at any moment, also
while a request is being answered (a directory renamed away and a symbolic link put in
its place, a FIFO, a socket, a hard link to a file elsewhere, files coming and going).
So a path from a URL is never resolved by name and then opened again: it is walked one
component at a time from a descriptor of the root it was asked under, with `O_NOFOLLOW`
at every step. A symbolic link is followed nowhere, `..` is refused, and what is served
is checked on the descriptor that was opened:

- only directories and regular files exist for a client; a symbolic link, FIFO, socket
  or device is "not found" (and a FIFO is never opened for reading, which would block);
- a regular file with more than one hard link is "not found" too: the other link may be
  outside the node (a task can hard-link any file of the service's user);
- an entry that vanishes while a directory is listed is left out of the listing.

Everything here blocks on the disk: the routes call it in a worker thread.
"""

from __future__ import annotations

import bisect
import contextlib
import errno
import mimetypes
import os
import stat as stat_module
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from explorer.localbatch.wire.clock import iso
from explorer.localbatch.wire.errors import BatchError, not_found

_DIRECTORY_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0)


@dataclass(frozen=True)
class FileInfo:
    name: str  # relative to the listing root, '/'-separated
    is_directory: bool
    size: int
    created: datetime
    modified: datetime
    mode: int


# --- descriptors -----------------------------------------------------------------------------

_NOT_THERE = frozenset({errno.ENOENT, errno.ENOTDIR, errno.ELOOP, errno.EACCES, errno.EPERM, errno.ENXIO,
                        errno.ENAMETOOLONG})
"""What an open of a client's path fails with when the path is not there, or is nothing we serve (a link)."""
_EXHAUSTED = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOMEM})


def missing_or_unreadable(error: OSError, missing: BatchError, what: str) -> BatchError:
    """`missing` if `error` says the path is not there; otherwise what happened, said as it is.

    Running out of descriptors or memory is the service's trouble of the moment, not the file's:
    a 429 the SDK retries by itself, never a false "not found" or "no longer on its node".
    """
    if error.errno in _NOT_THERE:
        return missing
    name = errno.errorcode.get(error.errno, "") if error.errno else ""
    reason = f"{os.strerror(error.errno)} ({name})" if error.errno else str(error)
    if error.errno in _EXHAUSTED:
        return BatchError(429, "TooManyRequests", f"Local Batch cannot open {what} at the moment: {reason}. "
                          "Retry in a moment.", {"Reason": reason})
    return BatchError(409, "FileUnreadable", f"Local Batch cannot read {what}: {reason}.", {"Reason": reason})



def open_directory(base: Path, parts: list[str]) -> int:
    """A descriptor of base/part/part/...: each part opened under the previous one, links refused.

    `base` is the service's own directory; raises OSError (ENOENT, ELOOP, ENOTDIR...) otherwise.
    """
    base_fd = os.open(base, _DIRECTORY_FLAGS)
    try:
        return _open_under(base_fd, parts)
    finally:
        os.close(base_fd)


def _parts(file_path: str) -> list[str]:
    """The components of a path from a URL; a 404 for '..' or a NUL (never resolved against the disk)."""
    parts = [part for part in file_path.split("/") if part not in ("", ".")]
    if any(part == ".." or "\0" in part for part in parts):
        raise not_found("file", file_path)
    return parts


@contextlib.contextmanager
def _parent(root_fd: int, file_path: str) -> Iterator[tuple[int, str]]:
    """(descriptor of the parent directory, last component) of file_path under the root; 404 for the root."""
    parts = _parts(file_path)
    if not parts:
        raise BatchError(400, "InvalidPropertyValue", "The path names the root directory itself.")
    try:
        fd = _open_under(root_fd, parts[:-1])
    except OSError as error:
        raise missing_or_unreadable(error, not_found("file", file_path), file_path) from None
    try:
        yield fd, parts[-1]
    finally:
        os.close(fd)


def _openat(dir_fd: int, name: str, flags: int, file_path: str) -> int:
    try:
        return os.open(name, flags, dir_fd=dir_fd)
    except OSError as error:
        raise missing_or_unreadable(error, not_found("file", file_path), file_path) from None


def _lstat(dir_fd: int, name: str, file_path: str) -> os.stat_result:
    try:
        return os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except OSError:
        raise not_found("file", file_path) from None


def _servable(status: os.stat_result) -> bool:
    if stat_module.S_ISDIR(status.st_mode):
        return True
    return stat_module.S_ISREG(status.st_mode) and status.st_nlink == 1


# --- what the routes do ------------------------------------------------------------------------


def properties(root_fd: int, file_path: str) -> FileInfo:
    """The properties of a file or directory under the root (HEAD)."""
    parts = _parts(file_path)
    if not parts:
        return _info(".", os.fstat(root_fd))
    with _parent(root_fd, file_path) as (dir_fd, name):
        status = _lstat(dir_fd, name, file_path)
    if not _servable(status):
        raise not_found("file", file_path)
    return _info("/".join(parts), status)


def open_file(root_fd: int, file_path: str) -> tuple[int, FileInfo]:
    """A descriptor of the regular file at file_path (the caller closes it) and its properties.

    The entry is looked at before it is opened (a FIFO or device is never opened), and the
    opened descriptor is checked again: it must be the very inode that was looked at.
    """
    with _parent(root_fd, file_path) as (dir_fd, name):
        before = _lstat(dir_fd, name, file_path)
        if stat_module.S_ISDIR(before.st_mode):
            raise BatchError(400, "FileIsDirectory", "The path names a directory: list it, or download the files in it.")
        if not _servable(before):
            raise not_found("file", file_path)
        fd = _openat(dir_fd, name, _FILE_FLAGS, file_path)
    try:
        after = os.fstat(fd)
        if (after.st_dev, after.st_ino) != (before.st_dev, before.st_ino) or not (
            stat_module.S_ISREG(after.st_mode) and after.st_nlink == 1
        ):
            raise not_found("file", file_path)
        return fd, _info("/".join(_parts(file_path)), after)
    except BaseException:
        os.close(fd)
        raise


def delete(root_fd: int, file_path: str, recursive: bool) -> None:
    """Delete the entry itself: a link is removed, never what it points to; a directory only with recursive."""
    with _parent(root_fd, file_path) as (dir_fd, name):
        status = _lstat(dir_fd, name, file_path)
        try:
            if not stat_module.S_ISDIR(status.st_mode):
                os.unlink(name, dir_fd=dir_fd)
                return
            sub_fd = os.open(name, _DIRECTORY_FLAGS, dir_fd=dir_fd)
            try:
                empty = not os.listdir(sub_fd)
                if not recursive:
                    code = "FileIsDirectory" if empty else "DirectoryNotEmpty"
                    raise BatchError(409, code, "Use recursive=true to delete a directory.")
                _remove_tree(sub_fd)
            finally:
                os.close(sub_fd)
            os.rmdir(name, dir_fd=dir_fd)
        except (FileNotFoundError, NotADirectoryError):
            raise not_found("file", file_path) from None
        except OSError as error:  # e.g. replaced by a link meanwhile (ELOOP), or in use
            if error.errno == errno.ELOOP:
                raise not_found("file", file_path) from None
            raise BatchError(409, "FileOperationFailed", f"The file cannot be deleted: {error.strerror}.") from None


def _remove_tree(dir_fd: int) -> None:
    """Empty a directory given by descriptor, never following a link (entries may vanish meanwhile)."""
    with os.scandir(dir_fd) as entries:
        names = [(entry.name, entry.is_dir(follow_symlinks=False)) for entry in entries]
    for name, is_directory in names:
        try:
            if not is_directory:
                os.unlink(name, dir_fd=dir_fd)
                continue
            try:
                sub_fd = os.open(name, _DIRECTORY_FLAGS, dir_fd=dir_fd)
            except OSError as error:
                if error.errno not in (errno.ENOTDIR, errno.ELOOP):
                    raise
                os.unlink(name, dir_fd=dir_fd)  # replaced by a file or link meanwhile: remove that
                continue
            try:
                _remove_tree(sub_fd)
            finally:
                os.close(sub_fd)
            os.rmdir(name, dir_fd=dir_fd)
        except FileNotFoundError:
            continue


def walk(root_fd: int, recursive: bool, after: str | None = None) -> Iterator[FileInfo]:
    """Directories and regular files under the root, depth first, each directory's entries by name; links never followed.

    `after` (an entry's name as listed) resumes the walk right after that entry, also when it is gone
    meanwhile: only the directories on its path are listed again (names only; an entry is looked at
    when its turn comes), so every page of a long listing costs the same however deep it is. One
    directory descriptor is open at a time: a directory is reopened from the root, one component at
    a time, when the walk comes back to it. A 404 (`_parts`) at once for an `after` with '..' or a NUL.
    """
    return _walk(root_fd, recursive, _parts(after) if after else [])


def _walk(root_fd: int, recursive: bool, resume: list[str]) -> Iterator[FileInfo]:
    stack: list[tuple[list[str], list[str]]] = []  # (directory, its names still to come, the next last)
    for depth in range(len(resume) + 1 if recursive else 1):
        names = _names(root_fd, resume[:depth])
        if names is None:
            break  # gone, or not a directory (the entry resumed after was a file): its parents go on
        if depth < len(resume):
            names = names[bisect.bisect_right(names, resume[depth]):]  # what sorts after the entry
        stack.append((resume[:depth], names[::-1]))
    fd: int | None = None
    current: list[str] | None = None  # the directory `fd` is open on
    try:
        while stack:
            parts, names = stack[-1]
            if not names:
                stack.pop()
                continue
            if current is not parts:
                if fd is not None:
                    os.close(fd)
                    fd = None
                try:
                    fd = _open_under(root_fd, parts)
                except OSError:
                    stack.pop()  # vanished or replaced by a link since it was listed
                    continue
                current = parts
            name = names.pop()
            try:
                status = os.stat(name, dir_fd=fd, follow_symlinks=False)
            except OSError:
                continue  # vanished since the directory was listed
            if not _servable(status):
                continue
            yield _info("/".join([*parts, name]), status)
            if recursive and stat_module.S_ISDIR(status.st_mode):
                children = _names(fd, [name])
                if children is not None:
                    stack.append(([*parts, name], children[::-1]))
    finally:
        if fd is not None:
            os.close(fd)


def _names(root_fd: int, parts: list[str]) -> list[str] | None:
    """The names in directory root/parts, sorted; None when it cannot be opened (gone, a link, a file)."""
    try:
        fd = _open_under(root_fd, parts)
    except OSError:
        return None
    try:
        return sorted(os.listdir(fd))
    except OSError:
        return None
    finally:
        os.close(fd)


def _open_under(root_fd: int, parts: list[str]) -> int:
    fd = os.dup(root_fd)
    try:
        for part in parts:
            child = os.open(part, _DIRECTORY_FLAGS, dir_fd=fd)
            os.close(fd)
            fd = child
    except BaseException:
        os.close(fd)
        raise
    return fd


# Linux has no creation time in stat (st_ctime moves on every append, which would make
# a growing file look replaced), so a file's creation time is when we first saw its inode.
_FIRST_SEEN: OrderedDict[tuple[int, int], float] = OrderedDict()
_FIRST_SEEN_LIMIT = 100_000
_FIRST_SEEN_LOCK = threading.Lock()  # listings run in worker threads


def _creation_time(status: os.stat_result) -> float:
    key = (status.st_dev, status.st_ino)
    with _FIRST_SEEN_LOCK:
        created = _FIRST_SEEN.setdefault(key, min(status.st_ctime, status.st_mtime))
        _FIRST_SEEN.move_to_end(key)
        if len(_FIRST_SEEN) > _FIRST_SEEN_LIMIT:
            _FIRST_SEEN.popitem(last=False)
    return created


def note_opened(fd: int) -> None:
    """The service just created the file it holds open as `fd`: that is its creation time, whatever
    its inode number held before."""
    status = os.fstat(fd)
    key = (status.st_dev, status.st_ino)
    with _FIRST_SEEN_LOCK:
        _FIRST_SEEN[key] = time.time()
        _FIRST_SEEN.move_to_end(key)


def _info(name: str, status: os.stat_result) -> FileInfo:
    is_directory = stat_module.S_ISDIR(status.st_mode)
    return FileInfo(
        name=name,
        is_directory=is_directory,
        size=0 if is_directory else status.st_size,
        created=datetime.fromtimestamp(_creation_time(status), timezone.utc),
        modified=datetime.fromtimestamp(status.st_mtime, timezone.utc),
        mode=status.st_mode,
    )


def wire_entry(item: FileInfo, url_prefix: str) -> dict:
    """A listing's entry as Azure writes it: a directory has no properties."""
    entry: dict = {"name": item.name, "url": file_url(url_prefix, item.name), "isDirectory": item.is_directory}
    if not item.is_directory:
        entry["properties"] = {
            "creationTime": iso(item.created),
            "lastModified": iso(item.modified),
            "contentLength": item.size,
            "contentType": content_type(item.name),
            "fileMode": file_mode(item),
        }
    return entry


def file_url(url_prefix: str, path: str) -> str:
    """The file's URL with its path percent-encoded whole ("/" as %2F), as Azure gives it."""
    return f"{url_prefix}/{quote(path, safe='')}"


def content_type(name: str) -> str:
    """The Content-Type Azure gives a file, by its type: text/plain for .txt, application/octet-stream if unknown."""
    return mimetypes.guess_type(name, strict=False)[0] or "application/octet-stream"


def file_mode(item: FileInfo) -> str:
    """The file's mode as Azure writes it for Linux nodes: type and permission bits in octal, e.g. 0o100644."""
    return f"0o{item.mode:o}"


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The inclusive byte range of an ocp-range/Range header, clamped to the file."""
    if not header:
        return None
    unit, _, spec = header.strip().partition("=")
    start_text, dash, end_text = spec.strip().partition("-")
    if unit.strip().lower() != "bytes" or not dash or "," in spec:
        raise BatchError(400, "InvalidHeaderValue", f"The range '{header[:100]}' is not of the form bytes=START-END.")
    if not all(text.strip().isdigit() and len(text.strip()) <= 19 for text in (start_text, end_text) if text):
        raise BatchError(400, "InvalidHeaderValue", f"The range '{header[:100]}' is not of the form bytes=START-END.")
    if start_text == "":
        if end_text == "":
            raise BatchError(400, "InvalidHeaderValue", f"The range '{header[:100]}' is not of the form bytes=START-END.")
        length = int(end_text)
        start, end = max(0, size - length), size - 1
    else:
        start = int(start_text)
        end = int(end_text) if end_text else size - 1
    if end < start or (start >= size and size > 0) or (size == 0 and start > 0):
        raise BatchError(416, "InvalidRange", f"The range '{header[:100]}' is outside the file of {size} bytes.")
    return start, min(end, size - 1)

