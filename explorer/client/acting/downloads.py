"""Download a task/node file or a whole folder to disk, with progress and cancellation.

Each file is written to `<name>.part` and renamed when complete, so cancelling (or a
failure) never leaves a half-written file under the final name.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from azure.batch.aio import BatchClient

from explorer.client.errors import DownloadError, describe
from explorer.client.files import FileLocation, RemoteFile
from explorer.core.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)

PART_SUFFIX = ".part"


@dataclass(frozen=True)
class Progress:
    path: str
    """The remote file being written."""
    bytes_done: int
    bytes_total: int
    files_done: int
    files_total: int


@dataclass(frozen=True)
class DownloadResult:
    files: tuple[Path, ...]
    bytes: int


ProgressCallback = Callable[[Progress], None]


async def download_file(
    client: BatchClient,
    location: FileLocation,
    path: str,
    destination: Path,
    *,
    on_progress: ProgressCallback | None = None,
) -> DownloadResult:
    """Download one file to `destination` (a file path)."""
    props = await _call(location.properties(client, path), path)
    remote = RemoteFile(path, props.content_length)
    return await _download_all(client, location, [(remote, Path(destination))], on_progress)


async def download_folder(
    client: BatchClient,
    location: FileLocation,
    folder: str,
    destination: Path,
    *,
    on_progress: ProgressCallback | None = None,
) -> DownloadResult:
    """Download every file under `folder` (recursively) into `destination`, keeping the layout.

    `folder=""` downloads everything the location lists (all of a task's files).
    """
    prefix = folder.strip("/") + "/" if folder.strip("/") else ""
    remotes = await _call(_list(client, location, prefix), folder)
    targets = [(remote, _local_path(Path(destination), remote.path[len(prefix):])) for remote in remotes]
    return await _download_all(client, location, targets, on_progress)


async def _list(client: BatchClient, location: FileLocation, prefix: str) -> list[RemoteFile]:
    return [remote async for remote in location.list(client, prefix)]


def _local_path(root: Path, relative: str) -> Path:
    """`root/relative`, refusing names that would land outside `root` ('..', absolute)."""
    parts = PurePosixPath(relative).parts
    if not parts or any(part in ("..", "") for part in parts) or PurePosixPath(relative).is_absolute():
        raise DownloadError(Text.of(QT_TRANSLATE_NOOP(
            "Downloads", "Refusing to write the remote file '{file}' outside {folder}."),
            file=relative, folder=str(root)))
    return root.joinpath(*parts)


async def _download_all(
    client: BatchClient,
    location: FileLocation,
    targets: list[tuple[RemoteFile, Path]],
    on_progress: ProgressCallback | None,
) -> DownloadResult:
    total = sum(remote.size for remote, _ in targets)
    done = 0
    written: list[Path] = []

    def report(path: str, received: int = 0) -> None:
        nonlocal done
        done += received
        if on_progress:
            on_progress(Progress(path, done, total, len(written), len(targets)))

    for remote, target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(target.name + PART_SUFFIX)
        try:
            await _call(_write(client, location, remote.path, part, functools.partial(report, remote.path)), remote.path)
            os.replace(part, target)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        written.append(target)
        report(remote.path)
    log.info("Downloaded %d files (%d bytes)", len(written), done)
    return DownloadResult(tuple(written), done)


async def _write(
    client: BatchClient, location: FileLocation, path: str, part: Path, on_block: Callable[[int], None]
) -> None:
    handle = await asyncio.to_thread(open, part, "wb")
    with handle:
        download = await location.read(client, path)
        async for block in download.stream:
            await asyncio.to_thread(handle.write, block)
            on_block(len(block))


async def _call(awaitable, what: str):
    """Await an SDK call, turning its errors into DownloadError (cancellation passes through)."""
    try:
        return await awaitable
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        failed = (Text.of(QT_TRANSLATE_NOOP("Downloads", "Cannot download {file}: {reason}"), file=what,
                          reason=describe(exc))
                  if what else Text.of(QT_TRANSLATE_NOOP("Downloads", "Cannot download the files: {reason}"),
                                       reason=describe(exc)))
        raise DownloadError(failed) from exc
