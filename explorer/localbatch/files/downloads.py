"""What every resource-file source shares: the error, where a file may go, how it is written.

A file is written to `NAME.download` and renamed into place only when complete, so a
failed or cancelled download never leaves a partial file for the task to read.

A failure carries the code Azure gives it (Batch's task scheduling error codes: "Batch status and
error codes"), so that clients tell the cases apart on either service: the source is missing
(`BlobNotFound`) or refused (`BlobAccessDenied`), slow (`BlobDownloadTimedOut`) or failed otherwise
(`BlobDownloadMiscError`), or the node could not write the file (`ResourceFileCreateFailed`,
`ResourceFileWriteFailed`, `DiskFull`).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import BinaryIO

from explorer.localbatch.wire.failures import failure_info

# The signature of a SAS token is a secret: failureInfo and logs get it blanked.
_SAS_SIGNATURE = re.compile(r"(?i)(sig=)[^&\s]+")


def redact(text: str) -> str:
    return _SAS_SIGNATURE.sub(r"\1REDACTED", text)


BLOB_NOT_FOUND = "BlobNotFound"
BLOB_ACCESS_DENIED = "BlobAccessDenied"
BLOB_DOWNLOAD_TIMED_OUT = "BlobDownloadTimedOut"
BLOB_DOWNLOAD_MISC_ERROR = "BlobDownloadMiscError"
RESOURCE_FILE_CREATE_FAILED = "ResourceFileCreateFailed"
RESOURCE_FILE_WRITE_FAILED = "ResourceFileWriteFailed"
DISK_FULL = "DiskFull"
_USER_ERRORS = {BLOB_NOT_FOUND, BLOB_ACCESS_DENIED}  # the others are ServerError on Azure


def code_for_status(status: int) -> str:
    """The failure code of a source that answered HTTP `status`."""
    if status == 404:
        return BLOB_NOT_FOUND
    if status in (401, 403):
        return BLOB_ACCESS_DENIED
    return BLOB_DOWNLOAD_MISC_ERROR


class ResourceFileError(Exception):
    """A resource file could not be fetched; the message names it and why (never a SAS signature).

    `file_path` is where on the node it was to go, once known (`download_resource_files` fills it in).
    """

    def __init__(self, source: str, reason: str, file_path: str | None = None, code: str = BLOB_DOWNLOAD_MISC_ERROR) -> None:
        self.source = redact(source)
        self.reason = redact(reason)
        self.file_path = file_path
        self.code = code
        super().__init__(f"Resource file {self.source} could not be downloaded: {self.reason}")

    def failure(self) -> dict:
        """The task's failureInfo, with the details Azure gives: the source, the local path and why."""
        details = {"BlobSource": self.source, **({"FilePath": self.file_path} if self.file_path else {})}
        category = "UserError" if self.code in _USER_ERRORS else "ServerError"
        return failure_info(self.code, str(self), category, Reason=self.reason, **details)


def confined(directory: Path, relative: str, source: str) -> Path:
    """directory/relative, refused when it would land outside directory.

    Decided on the names alone (no disk access, so it may run on the event loop): the
    directory is made fresh for the attempt, so no link in it can lead elsewhere.
    """
    base = os.path.normpath(directory)
    target = os.path.normpath(os.path.join(base, relative))
    if not target.startswith(base + os.sep):
        raise ResourceFileError(source, f"'{relative}' points outside the task directory", code=RESOURCE_FILE_CREATE_FAILED)
    return Path(target)


async def save(chunks: AsyncIterator[bytes], target: Path, file_mode: str | None, source: str) -> None:
    """Write a stream to target atomically, then apply the octal file_mode if given.

    Every file operation runs in a thread: a slow disk must not stall the service. A file the node
    cannot make or write is a `ResourceFileError` naming `source`, as Azure reports it.
    """
    partial = target.with_name(target.name + ".download")
    try:
        try:
            out = await asyncio.to_thread(_open_partial, partial)
        except OSError as error:
            raise _write_error(source, target, error, RESOURCE_FILE_CREATE_FAILED) from None
        with out:
            async for chunk in chunks:
                try:
                    await asyncio.to_thread(out.write, chunk)
                except OSError as error:
                    raise _write_error(source, target, error, RESOURCE_FILE_WRITE_FAILED) from None
        try:
            await asyncio.to_thread(_finish, partial, target, file_mode)
        except OSError as error:
            raise _write_error(source, target, error, RESOURCE_FILE_CREATE_FAILED) from None
    finally:
        await asyncio.to_thread(_discard, partial)


def _open_partial(partial: Path) -> BinaryIO:
    partial.parent.mkdir(parents=True, exist_ok=True)
    return open(partial, "wb")  # closed by the caller's with


def _discard(partial: Path) -> None:
    """Remove what is left of a download; there may be nothing, or no directory, to remove it from."""
    with contextlib.suppress(OSError):
        partial.unlink()


def _finish(partial: Path, target: Path, file_mode: str | None) -> None:
    os.replace(partial, target)
    if file_mode:
        os.chmod(target, int(file_mode, 8))


def _write_error(source: str, target: Path, error: OSError, code: str) -> ResourceFileError:
    code = DISK_FULL if error.errno in (errno.ENOSPC, errno.EDQUOT) else code
    return ResourceFileError(source, f"the node could not write {target.name}: {error.strerror or error}", str(target), code)
