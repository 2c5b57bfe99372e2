"""What every resource-file source shares: the error, where a file may go, how it is written.

A file is written to `NAME.download` and renamed into place only when complete, so a
failed or cancelled download never leaves a partial file for the task to read.
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator
from pathlib import Path

# The signature of a SAS token is a secret: failureInfo and logs get it blanked.
_SAS_SIGNATURE = re.compile(r"(?i)(sig=)[^&\s]+")


def redact(text: str) -> str:
    return _SAS_SIGNATURE.sub(r"\1REDACTED", text)


class ResourceFileError(Exception):
    """A resource file could not be fetched; the message names it and why (never a SAS signature)."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = redact(source)
        self.reason = redact(reason)
        super().__init__(f"Resource file {self.source} could not be downloaded: {self.reason}")


def confined(directory: Path, relative: str, source: str) -> Path:
    """directory/relative, refused when it would land outside directory."""
    target = (directory / relative).resolve()
    if not target.is_relative_to(directory.resolve()):
        raise ResourceFileError(source, f"'{relative}' points outside the task directory")
    return target


async def save(chunks: AsyncIterator[bytes], target: Path, file_mode: str | None) -> None:
    """Write a stream to target atomically, then apply the octal file_mode if given."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".download")
    try:
        with open(partial, "wb") as out:
            async for chunk in chunks:
                out.write(chunk)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    if file_mode:
        os.chmod(target, int(file_mode, 8))
