"""Uploading a node's Batch service logs to a blob container, as `upload batch service logs` does.

A local node's service logs are the files Batch's agent keeps about it: the start task's
output in its `startup` directory. Those changed within [start, end] are uploaded under
`<virtual directory>/<path in the node>` to a container URL whose SAS allows writing
(Azurite or any reachable storage). Messages name the container without its SAS.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from azure.core.exceptions import AzureError
from azure.storage.blob.aio import ContainerClient

from explorer.localbatch.files.blob_containers import quick_retry, reason_of
from explorer.localbatch.wire.errors import BatchError

log = logging.getLogger(__name__)

_LOG_DIRS = ("startup",)


def service_log_files(node_root: Path, start: datetime | None, end: datetime | None) -> list[Path]:
    """The node's log files changed between start and end (blocking: run in a thread)."""
    found = []
    for name in _LOG_DIRS:
        directory = node_root / name
        if not directory.is_dir():
            continue
        for path in sorted(directory.rglob("*")):
            if path.is_symlink() or not path.is_file():
                continue
            changed = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
            if (start is None or changed >= start) and (end is None or changed <= end):
                found.append(path)
    return found


async def upload_node_logs(node_root: Path, container_url: str, directory: str, start: datetime | None, end: datetime | None) -> int:
    """Upload the node's log files under `directory` in the container; how many were uploaded."""
    container = urlunsplit(urlsplit(container_url)._replace(query="", fragment=""))
    try:
        client = ContainerClient.from_container_url(container_url, retry_policy=quick_retry())
    except ValueError:
        raise BatchError(400, "InvalidPropertyValue", f"containerUrl {container} names no blob container.") from None
    files = await asyncio.to_thread(service_log_files, node_root, _aware(start), _aware(end))
    async with client:
        try:
            for path in files:
                data = await asyncio.to_thread(path.read_bytes)
                await client.upload_blob(f"{directory}/{path.relative_to(node_root).as_posix()}", data, overwrite=True)
        except AzureError as error:
            raise BatchError(
                409, "UploadBatchServiceLogsFailed", f"The logs cannot be uploaded to {container}: {reason_of(error, True)}."
            ) from None
    log.info("uploaded %d log files of %s to %s", len(files), node_root.name, container)
    return len(files)


def _aware(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment
