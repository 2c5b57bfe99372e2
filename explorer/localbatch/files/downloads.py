"""What every resource-file source shares: the error, where a file may go, how it is written.

A file is written to `NAME.download` and renamed into place only when complete, so a
failed or cancelled download never leaves a partial file for the task to read.
"""

from __future__ import annotations

import asyncio
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


class ResourceFileError(Exception):
    """A resource file could not be fetched; the message names it and why (never a SAS signature).

    `file_path` is where on the node it was to go, once known (`download_resource_files` fills it in).
    """

    def __init__(self, source: str, reason: str, file_path: str | None = None) -> None:
        self.source = redact(source)
        self.reason = redact(reason)
        self.file_path = file_path
        super().__init__(f"Resource file {self.source} could not be downloaded: {self.reason}")

    def failure(self) -> dict:
        """The task's failureInfo, with the details Azure gives: the source, the local path and why."""
        details = {"BlobSource": self.source, **({"FilePath": self.file_path} if self.file_path else {})}
        return failure_info("ResourceFileDownloadFailed", str(self), Reason=self.reason, **details)


def confined(directory: Path, relative: str, source: str) -> Path:
    """directory/relative, refused when it would land outside directory.

    Decided on the names alone (no disk access, so it may run on the event loop): the
    directory is made fresh for the attempt, so no link in it can lead elsewhere.
    """
    base = os.path.normpath(directory)
    target = os.path.normpath(os.path.join(base, relative))
    if not target.startswith(base + os.sep):
        raise ResourceFileError(source, f"'{relative}' points outside the task directory")
    return Path(target)


async def save(chunks: AsyncIterator[bytes], target: Path, file_mode: str | None) -> None:
    """Write a stream to target atomically, then apply the octal file_mode if given.

    Every file operation runs in a thread: a slow disk must not stall the service.
    """
    partial = target.with_name(target.name + ".download")
    try:
        out = await asyncio.to_thread(_open_partial, partial)
        with out:
            async for chunk in chunks:
                await asyncio.to_thread(out.write, chunk)
        await asyncio.to_thread(_finish, partial, target, file_mode)
    finally:
        await asyncio.to_thread(partial.unlink, missing_ok=True)


def _open_partial(partial: Path) -> BinaryIO:
    partial.parent.mkdir(parents=True, exist_ok=True)
    return open(partial, "wb")  # closed by the caller's with


def _finish(partial: Path, target: Path, file_mode: str | None) -> None:
    os.replace(partial, target)
    if file_mode:
        os.chmod(target, int(file_mode, 8))
