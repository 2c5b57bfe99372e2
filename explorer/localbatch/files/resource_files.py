"""Downloading a task's resource files before it runs.

`httpUrl` entries are fetched here; `storageContainerUrl` and
`autoStorageContainerName` entries (whole containers) in `blob_containers`.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import aiohttp

from explorer.localbatch.files.blob_containers import AutoStorage, download_container
from explorer.localbatch.files.downloads import (
    BLOB_DOWNLOAD_TIMED_OUT,
    RESOURCE_FILE_CREATE_FAILED,
    ResourceFileError,
    code_for_status,
    confined,
    save,
)

__all__ = ["ResourceFileError", "download_resource_files"]

_CHUNK = 256 * 1024


def _target(directory: Path, file_path: str | None, url: str) -> Path:
    name = file_path or PurePosixPath(urlsplit(url).path).name
    if not name:
        raise ResourceFileError(url, "the URL names no file and no filePath is given", code=RESOURCE_FILE_CREATE_FAILED)
    return confined(directory, name, url)


async def _download(session: aiohttp.ClientSession, url: str, target: Path, file_mode: str | None) -> None:
    try:
        async with session.get(url) as response:
            if response.status != 200:
                reason = f"the server answered {response.status} {response.reason}"
                raise ResourceFileError(url, reason, code=code_for_status(response.status))
            await save(response.content.iter_chunked(_CHUNK), target, file_mode, url)
    except (aiohttp.ServerTimeoutError, TimeoutError) as error:
        raise ResourceFileError(url, str(error) or "the server did not answer in time", code=BLOB_DOWNLOAD_TIMED_OUT) from None
    except aiohttp.ClientError as error:
        raise ResourceFileError(url, str(error) or type(error).__name__) from None


async def download_resource_files(files: list[dict], directory: Path, auto_storage: AutoStorage | None = None) -> None:
    """Fetch every resource file into directory, in order; the first failure stops, naming where the file was to go."""
    if not files:
        return
    timeout = aiohttp.ClientTimeout(total=None, sock_connect=30, sock_read=120)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        for entry in files:
            try:
                await _download_entry(session, entry, directory, auto_storage)
            except ResourceFileError as error:
                if error.file_path is None:
                    error.file_path = str(directory / (entry.get("filePath") or ""))
                raise


async def _download_entry(session: aiohttp.ClientSession, entry: dict, directory: Path, auto_storage: AutoStorage | None) -> None:
    url = entry.get("httpUrl")
    if url:
        target = _target(directory, entry.get("filePath"), url)
        try:
            await _download(session, url, target, entry.get("fileMode"))
        except ResourceFileError as error:
            error.file_path = str(target)
            raise
    else:
        await download_container(entry, directory, auto_storage)
