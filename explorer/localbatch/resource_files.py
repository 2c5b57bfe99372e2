"""Downloading a task's resource files before it runs."""

from __future__ import annotations

import logging
import os
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import aiohttp

log = logging.getLogger(__name__)
_CHUNK = 256 * 1024


class ResourceFileError(Exception):
    """A resource file could not be fetched; the message names it and why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"Resource file {source} could not be downloaded: {reason}")
        self.source = source
        self.reason = reason


def _target(directory: Path, file_path: str | None, url: str) -> Path:
    name = file_path or PurePosixPath(urlsplit(url).path).name
    if not name:
        raise ResourceFileError(url, "the URL names no file and no filePath is given")
    target = (directory / name).resolve()
    if not target.is_relative_to(directory.resolve()):
        raise ResourceFileError(url, f"filePath '{file_path}' points outside the task directory")
    return target


async def _download(session: aiohttp.ClientSession, url: str, target: Path, file_mode: str | None) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".download")
    try:
        async with session.get(url) as response:
            if response.status != 200:
                raise ResourceFileError(url, f"the server answered {response.status} {response.reason}")
            with open(partial, "wb") as out:
                async for chunk in response.content.iter_chunked(_CHUNK):
                    out.write(chunk)
        os.replace(partial, target)
    except aiohttp.ClientError as error:
        raise ResourceFileError(url, str(error) or type(error).__name__) from None
    finally:
        partial.unlink(missing_ok=True)
    if file_mode:
        os.chmod(target, int(file_mode, 8))


async def download_resource_files(files: list[dict], directory: Path) -> None:
    """Fetch every resource file into directory (httpUrl entries)."""
    if not files:
        return
    timeout = aiohttp.ClientTimeout(total=None, sock_connect=30, sock_read=120)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        for entry in files:
            url = entry.get("httpUrl")
            if url:
                await _download(session, url, _target(directory, entry.get("filePath"), url), entry.get("fileMode"))
            else:
                source = entry.get("storageContainerUrl") or entry.get("autoStorageContainerName") or "?"
                raise ResourceFileError(source, "only httpUrl resource files are supported by this Local Batch")
