"""Resource files that are whole blob containers: storageContainerUrl and autoStorageContainerName.

As on Batch, every blob whose name starts with `blobPrefix` is downloaded to
`filePath/<blob name>` (or `<blob name>`) under the task directory, keeping the
"directories" of the blob name. A `storageContainerUrl` carries its own SAS (it needs
read and list permissions); an `autoStorageContainerName` names a container in the
storage linked to this Local Batch (`serve --auto-storage-url/--auto-storage-account`,
key in LOCALBATCH_AUTO_STORAGE_KEY), reached with that account's shared key.

Listing, paging and signing are azure-storage-blob's async client: Local Batch shares
nothing with the client-side `explorer.batch`, but a Storage SDK is a fine server-side
dependency. Messages name the container without its query string, so never the SAS.
"""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from azure.core.exceptions import AzureError, HttpResponseError, ServiceRequestTimeoutError, ServiceResponseTimeoutError
from azure.storage.blob.aio import ContainerClient, ExponentialRetry

from explorer.localbatch.files.downloads import (
    BLOB_DOWNLOAD_MISC_ERROR,
    BLOB_DOWNLOAD_TIMED_OUT,
    ResourceFileError,
    code_for_status,
    confined,
    save,
)

log = logging.getLogger(__name__)

NO_LINKED_STORAGE = (
    "this Local Batch has no linked storage; start it with --auto-storage-url URL "
    "--auto-storage-account NAME and the account key in LOCALBATCH_AUTO_STORAGE_KEY"
)


@dataclass(frozen=True)
class AutoStorage:
    """The storage account linked to this Local Batch: blob endpoint, account name, key."""

    url: str
    account: str
    key: str = field(repr=False)


def quick_retry() -> ExponentialRetry:
    # The SDK's default waits 15 s before its first retry; a task would sit in 'preparing'.
    return ExponentialRetry(initial_backoff=1, increment_base=2, retry_total=2, random_jitter_range=1)


def _client(entry: dict, auto_storage: AutoStorage | None) -> tuple[ContainerClient, str]:
    """A client for the entry's container, and how messages name that container."""
    url = entry.get("storageContainerUrl")
    if url:
        container = urlunsplit(urlsplit(url)._replace(query="", fragment=""))
        try:
            return ContainerClient.from_container_url(url, retry_policy=quick_retry()), container
        except ValueError:
            raise ResourceFileError(container, "the URL names no container") from None
    name = entry["autoStorageContainerName"]
    if auto_storage is None:
        raise ResourceFileError(name, NO_LINKED_STORAGE)
    client = ContainerClient(
        auto_storage.url, name, credential={"account_name": auto_storage.account, "account_key": auto_storage.key}, retry_policy=quick_retry()
    )
    return client, f"{auto_storage.url.rstrip('/')}/{name}"


def code_of(error: AzureError) -> str:
    """The failure code Azure gives a container download that failed with `error`."""
    if isinstance(error, HttpResponseError) and error.status_code is not None:
        return code_for_status(error.status_code)
    return BLOB_DOWNLOAD_TIMED_OUT if isinstance(error, (ServiceRequestTimeoutError, ServiceResponseTimeoutError)) else BLOB_DOWNLOAD_MISC_ERROR


def reason_of(error: AzureError, uses_sas: bool) -> str:
    if not isinstance(error, HttpResponseError) or error.status_code is None:
        message = (str(error).strip().splitlines() or [type(error).__name__])[0]
        return f"the storage service cannot be reached: {message}"
    code = getattr(error, "error_code", None) or error.reason or ""
    code = getattr(code, "value", code)  # the SDK gives a StorageErrorCode enum when it knows the code
    answer = f"the storage service answered {error.status_code} {code}".strip()
    if error.status_code == 404:
        return f"{answer}: the container or blob does not exist"
    if error.status_code == 403:
        refused = "the SAS of the URL (invalid, expired, or without read and list permissions)" if uses_sas else "the linked storage account key"
        return f"{answer}: it refused {refused}"
    return answer


async def download_container(entry: dict, directory: Path, auto_storage: AutoStorage | None) -> None:
    """Download the entry's blobs (filtered by blobPrefix) under directory."""
    client, container = _client(entry, auto_storage)
    base = entry.get("filePath") or ""
    source = container
    count = 0
    async with client:
        try:
            async for blob in client.list_blobs(name_starts_with=entry.get("blobPrefix") or None):
                if blob.name.endswith("/"):
                    continue  # a folder marker, not a file
                source = f"{container}/{blob.name}"
                target = confined(directory, posixpath.join(base, blob.name), source)
                stream = await client.download_blob(blob.name)
                await save(stream.chunks(), target, entry.get("fileMode"), source)
                count += 1
        except AzureError as error:
            reason = reason_of(error, "storageContainerUrl" in entry)
            raise ResourceFileError(source, reason, code=code_of(error)) from None
    log.info("downloaded %d blobs from %s", count, container)
