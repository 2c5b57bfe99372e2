"""Uploading a task's output files to blob containers once its command line has exited.

As on Batch: each `outputFiles` entry whose `uploadCondition` the exit code meets
(tasksuccess: 0, taskfailure: not 0, taskcompletion: any) has its `filePattern` matched
against the task's working directory (`*` and `?` within a name, `**` across directories,
`[abc]` classes; `..` reaches the task directory, e.g. `../std*.txt`). A pattern without a
wildcard names one file, uploaded as the blob `path` (or its own name); a pattern with
wildcards uploads each match under the virtual directory `path`, keeping its directories
below the pattern's fixed part. A pattern matching nothing uploads nothing.

What was uploaded goes to `fileuploadout.txt`, what failed to `fileuploaderr.txt`, both in
the task directory. The first failure is the task's failureInfo (Batch's codes:
FileUploadContainerNotFound, else FileUploadMiscError). Only files inside the given roots
(the node's directory tree, the pool's mounts) are uploaded: nothing else of this machine.

Globbing and file reads run in threads; uploads use azure-storage-blob's async client.
Messages and logs name containers without their SAS.
"""

from __future__ import annotations

import asyncio
import logging
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import urlsplit, urlunsplit

from azure.core.exceptions import AzureError, HttpResponseError
from azure.storage.blob.aio import ContainerClient, ExponentialRetry

from explorer.localbatch.files.downloads import redact
from explorer.localbatch.wire.clock import now_iso

log = logging.getLogger(__name__)

_BLOCK = 4 * 1024 * 1024
_WILDCARD = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class UploadError:
    """Why an output file was not uploaded, as a Batch failureInfo's code, message and details."""

    code: str
    message: str
    details: dict[str, str] = field(default_factory=dict)


def applies(entry: dict, exit_code: int) -> bool:
    condition = entry["uploadOptions"]["uploadCondition"]
    return condition == "taskcompletion" or (condition == "tasksuccess") == (exit_code == 0)


async def upload_output_files(
    entries: list[dict], working_dir: Path, task_dir: Path, roots: list[Path], exit_code: int
) -> UploadError | None:
    """Upload the entries whose condition `exit_code` meets; the first failure, or None."""
    chosen = [entry for entry in entries if applies(entry, exit_code)]
    if not chosen:
        return None
    done: list[str] = []
    failed: list[str] = []
    first: UploadError | None = None
    for entry in chosen:
        error = await _upload_entry(entry, working_dir, roots, done)
        if error is not None:
            failed.append(f"{now_iso()} {error.message}")
            first = first or error
    try:
        await asyncio.to_thread(_write_logs, task_dir, done, failed)
    except OSError as error:
        log.warning("cannot write the upload logs in %s: %s", task_dir, error)
    return first


async def _upload_entry(entry: dict, working_dir: Path, roots: list[Path], done: list[str]) -> UploadError | None:
    container = entry["destination"]["container"]
    url = container["containerUrl"]
    shown = urlunsplit(urlsplit(url)._replace(query="", fragment=""))
    pattern = entry["filePattern"]
    matches = await asyncio.to_thread(match_files, pattern, working_dir, roots)
    if not matches:
        done.append(f"{now_iso()} {pattern}: no file matches; nothing to upload")
        return None
    headers = {header["name"]: header["value"] for header in container.get("uploadHeaders") or []}
    try:
        client = ContainerClient.from_container_url(url, retry_policy=_retry())
    except ValueError:
        return UploadError("FileUploadMiscError", f"{shown} is not a blob container URL", {"ContainerUrl": shown})
    async with client:
        for path, relative in matches:
            name = _blob_name(pattern, container.get("path"), relative)
            try:
                size = await _upload(client, name, path, headers)
            except (AzureError, OSError) as error:
                return _failure(error, shown, name, pattern)
            done.append(f"{now_iso()} uploaded {path} to {shown}/{name} ({size} bytes)")
    return None


def _blob_name(pattern: str, path: str | None, relative: str) -> str:
    if not _WILDCARD.search(pattern):
        return path or PurePosixPath(relative).name
    return posixpath.join(path.strip("/"), relative) if path else relative


def _failure(error: Exception, container: str, blob: str, pattern: str) -> UploadError:
    details = {"ContainerUrl": container, "BlobName": blob, "FilePattern": pattern}
    if isinstance(error, HttpResponseError) and error.status_code == 404:
        return UploadError(
            "FileUploadContainerNotFound",
            f"One of the specified Azure container(s) was not found while attempting to upload an output file: {container}",
            details,
        )
    if isinstance(error, HttpResponseError):
        code = getattr(error, "error_code", None) or error.reason or ""
        reason = f"the storage service answered {error.status_code} {getattr(code, 'value', code)}".strip()
        if error.status_code == 403:
            reason += ": it refused the SAS of the container URL (invalid, expired, or without write permission)"
    else:
        reason = redact((str(error).strip().splitlines() or [type(error).__name__])[0])
    details["Reason"] = reason
    return UploadError("FileUploadMiscError", f"The output file {blob} could not be uploaded to {container}: {reason}", details)


def _retry() -> ExponentialRetry:
    # The SDK's default waits 15 s before its first retry: the task would sit in 'running'.
    return ExponentialRetry(initial_backoff=1, increment_base=2, retry_total=2, random_jitter_range=1)


async def _upload(client: ContainerClient, name: str, path: Path, headers: dict[str, str]) -> int:
    """One file as one blob, read in blocks in a thread; returns its size."""
    blob = client.get_blob_client(name)
    source: BinaryIO = await asyncio.to_thread(open, path, "rb")
    try:
        chunk = await asyncio.to_thread(source.read, _BLOCK)
        following = await asyncio.to_thread(source.read, _BLOCK) if len(chunk) == _BLOCK else b""
        if not following:
            await blob.upload_blob(chunk, overwrite=True, headers=headers)
            return len(chunk)
        blocks: list[str] = []
        size = 0
        while chunk:
            block_id = f"{len(blocks):08d}"
            await blob.stage_block(block_id, chunk)
            blocks.append(block_id)
            size += len(chunk)
            chunk, following = following, (await asyncio.to_thread(source.read, _BLOCK) if following else b"")
        await blob.commit_block_list(blocks, headers=headers)
        return size
    finally:
        await asyncio.to_thread(source.close)


# --- matching (blocking: run in a thread) ------------------------------------------------------
def match_files(pattern: str, working_dir: Path, roots: list[Path]) -> list[tuple[Path, str]]:
    """The files a pattern names, each with its name relative to the pattern's fixed part."""
    parts = PurePosixPath(pattern.replace("\\", "/")).parts
    fixed = next((index for index, part in enumerate(parts) if _WILDCARD.search(part)), len(parts))
    base = os.path.normpath(os.path.join(working_dir, *parts[:fixed])) if fixed else str(working_dir)
    allowed = [os.path.realpath(root) for root in roots]
    if fixed == len(parts):
        return [(Path(base), posixpath.basename(base))] if os.path.isfile(base) and _inside(base, allowed) else []
    matcher = re.compile(_glob_regex(parts[fixed:]))
    found = []
    for directory, _, names in os.walk(base):
        for name in names:
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, base).replace(os.sep, "/")
            if matcher.fullmatch(relative) and os.path.isfile(path) and _inside(path, allowed):
                found.append((Path(path), relative))
    return sorted(found, key=lambda match: match[1])


def _inside(path: str, allowed: list[str]) -> bool:
    real = os.path.realpath(path)
    return any(real.startswith(root + os.sep) for root in allowed)


def _glob_regex(parts: tuple[str, ...]) -> str:
    pieces = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            pieces.append(".*" if last else "(?:[^/]+/)*")
            continue
        pieces.append(_name_regex(part) + ("" if last else "/"))
    return "".join(pieces)


def _name_regex(part: str) -> str:
    out, index = [], 0
    while index < len(part):
        char = part[index]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and (end := part.find("]", index + 2)) != -1:
            body = part[index + 1 : end].replace("\\", "\\\\")
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            index = end
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def _write_logs(task_dir: Path, done: list[str], failed: list[str]) -> None:
    task_dir.mkdir(parents=True, exist_ok=True)
    (task_dir / "fileuploadout.txt").write_text("".join(f"{line}\n" for line in done))
    (task_dir / "fileuploaderr.txt").write_text("".join(f"{line}\n" for line in failed))
