"""Uploading local files to the storage linked to an account, and handing them to Batch.

The storage is Azurite for Local Batch (`explorer.client.local.azurite`) or the Azure Storage
account linked to a Batch account, reached with a shared key or, for an Entra profile, with
its sign-in (`StorageAccount`). The key stays out of every repr, message and log line.

With Entra there is no key: SAS URLs are *user-delegation* SAS, signed with a user
delegation key the service hands the signed-in identity (Get User Delegation Key). The
identity needs a data role on the account: "Storage Blob Data Contributor" to upload (it may
also get delegation keys), or "Storage Blob Delegator" plus read access for SAS alone; a
refusal (403 AuthorizationPermissionMismatch) says which role to grant. The delegation key
is fetched once per `LinkedStorage` before the first upload (so a missing role is reported
before any byte is sent) and reused while it is valid.

    storage = LinkedStorage(StorageAccount(url, name, key))   # or azurite_storage(service)
    upload = await storage.upload_files("inputs", [Path("a.dat")], "run-42/", on_progress)
    files = storage.resource_files(upload)                      # core ResourceFile entries

Uploads are all-or-nothing. Every file becomes a block blob in two phases: first the
blocks of all files are staged (the bytes, and the progress), then each blob's block
list is committed. Staged blocks are invisible and the service discards them, so a
cancelled or failed upload leaves no new blob; blobs the call had already committed
when it was interrupted are deleted again.

`resource_files` gives one `httpUrl` per blob (a read-only blob SAS URL) with
`filePath` the file's own name: each file lands exactly where the user expects, on
any Batch. A `storageContainerUrl` entry would recreate the blob prefix as
directories on the node, which is Batch's rule for container sources.
"""

from __future__ import annotations

import asyncio
import logging
import posixpath
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from azure.core.exceptions import AzureError, ResourceExistsError, ResourceNotFoundError

from explorer.client.errors import StorageError, describe, error_code
from explorer.client.storage_account import StorageAccount
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.texts import QT_TRANSLATE_NOOP, Template, Text

if TYPE_CHECKING:
    from azure.storage.blob.aio import BlobServiceClient, ContainerClient

    from explorer.client.local.azurite import AzuriteService

log = logging.getLogger(__name__)

BLOCK_SIZE = 4 * 1024 * 1024
# Long enough for a task that waits in the queue before its node downloads the files.
DEFAULT_SAS_HOURS = 7 * 24.0
# A user delegation key (and so a user-delegation SAS) lives at most 7 days; a minute is left for clock skew.
MAX_DELEGATION = timedelta(days=7) - timedelta(minutes=1)
_CLOCK_SKEW = timedelta(minutes=5)
_PERMISSION_CODES = ("AuthorizationPermissionMismatch", "AuthorizationFailure")
_CONTAINER_NAME = re.compile(r"^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class UploadProgress:
    """Where an upload is: the current file (`file_index` of `file_count`) and all files."""

    path: Path
    file_index: int
    file_count: int
    file_sent: int
    file_size: int
    sent: int
    total: int


@dataclass(frozen=True)
class UploadedBlob:
    """A local file and the blob it became."""

    path: Path
    name: str
    size: int


@dataclass(frozen=True)
class UploadResult:
    """What one upload_files call stored: its blobs, in the order the files were given."""

    container: str
    blobs: tuple[UploadedBlob, ...]

    @property
    def total(self) -> int:
        return sum(blob.size for blob in self.blobs)


def _plan(paths: Sequence[Path], blob_prefix: str) -> list[UploadedBlob]:
    """One blob per file, named prefix + file name; refuses missing files and name clashes."""
    blobs: list[UploadedBlob] = []
    seen: dict[str, Path] = {}
    for path in map(Path, paths):
        try:
            size = path.stat().st_size
        except OSError as error:
            raise StorageError(Text.of(QT_TRANSLATE_NOOP("Storage", "Cannot read {path}: {reason}"),
                                       path=str(path), reason=error.strerror or str(error))) from None
        if not path.is_file():
            raise StorageError(Text.of(QT_TRANSLATE_NOOP("Storage", "{path} is not a file."), path=str(path)))
        if path.name in seen:
            raise StorageError(Text.of(QT_TRANSLATE_NOOP(
                "Storage", "{first} and {second} have the same name; they would be one blob."),
                first=str(seen[path.name]), second=str(path)))
        seen[path.name] = path
        blobs.append(UploadedBlob(path, blob_prefix + path.name, size))
    return blobs


class LinkedStorage:
    """Uploads and SAS URLs for one storage account. `block_size` is the staged block size."""

    def __init__(
        self, account: StorageAccount, *, block_size: int = BLOCK_SIZE, client_options: dict[str, Any] | None = None
    ) -> None:
        self.account = account
        self._block_size = block_size
        self._client_options = client_options or {}  # e.g. the proxy (explorer.client.connecting.proxies)
        self._delegation: Any = None  # azure.storage.blob.UserDelegationKey, for Entra accounts

    def __repr__(self) -> str:
        return f"LinkedStorage({self.account!r})"

    def _service(self) -> BlobServiceClient:
        # azure-storage-blob costs ~0.3 s to import: paid by the first upload, not by every start.
        from azure.storage.blob.aio import BlobServiceClient, ExponentialRetry

        credential: Any = self.account.token_credential or {"account_name": self.account.name, "account_key": self.account.key}
        return BlobServiceClient(
            self.account.url,
            credential=credential,
            # The SDK's default waits 15 s before its first retry: too long behind a progress bar.
            retry_policy=ExponentialRetry(initial_backoff=1, increment_base=2, retry_total=3, random_jitter_range=1),
            **self._client_options,
        )

    async def upload_files(
        self,
        container: str,
        paths: Sequence[Path],
        blob_prefix: str = "",
        on_progress: Callable[[UploadProgress], None] | None = None,
    ) -> UploadResult:
        """Upload files as blobs `blob_prefix + file name`, creating the container if needed.

        `on_progress` is called after every staged block (and once for an empty file).
        All-or-nothing: on cancellation or StorageError no new blob is left behind.
        """
        if not _CONTAINER_NAME.match(container):
            raise StorageError(Text.of(QT_TRANSLATE_NOOP(
                "Storage", "'{container}' is not a container name: use 3-63 lowercase letters, digits and single "
                           "hyphens."),
                container=container))
        blobs = _plan(paths, blob_prefix)
        report = _Reporter(blobs, on_progress)
        from azure.storage.blob import BlobBlock

        async with self._service() as service:
            await self._prepare_sas(service)
            client = service.get_container_client(container)
            await _ensure_container(client, self.account)
            committed: list[str] = []
            current = container
            try:
                staged = []
                for index, blob in enumerate(blobs):
                    current = blob.name
                    staged.append(await self._stage(client, blob, index, report))
                for blob, block_ids in zip(blobs, staged, strict=True):
                    current = blob.name
                    await client.get_blob_client(blob.name).commit_block_list([BlobBlock(block_id) for block_id in block_ids])
                    committed.append(blob.name)
            except BaseException as error:
                await _delete_quietly(client, committed)
                if isinstance(error, (AzureError, OSError)):
                    raise StorageError(
                        _refusal(error, self.account, QT_TRANSLATE_NOOP("Storage", "upload to it"))
                        or Text.of(QT_TRANSLATE_NOOP("Storage", "Uploading {blob} failed: {reason}"),
                                   blob=f"{container}/{current}", reason=describe(error))
                    ) from error
                raise
        log.info("uploaded %d files (%d bytes) to container %s", len(blobs), report.sent, container)
        return UploadResult(container, tuple(blobs))

    async def _stage(self, client: ContainerClient, blob: UploadedBlob, index: int, report: _Reporter) -> list[str]:
        blob_client = client.get_blob_client(blob.name)
        # Fixed-length ids: the service wants every block id of a blob the same length.
        upload_id = uuid.uuid4().hex
        block_ids: list[str] = []
        report.file_started(index)
        source = await asyncio.to_thread(open, blob.path, "rb")
        with source:
            while chunk := await asyncio.to_thread(source.read, self._block_size):
                block_id = f"{upload_id}{len(block_ids):08d}"
                await blob_client.stage_block(block_id, chunk, length=len(chunk))
                block_ids.append(block_id)
                report.advance(len(chunk))
        return block_ids

    async def prepare_sas(self) -> None:
        """Get what SAS URLs are signed with, if that needs the service (Entra: a user delegation key).

        `upload_files` does it; call it before `*_sas_url` when nothing is uploaded first."""
        if self.account.uses_entra and not self._delegation_valid():
            async with self._service() as service:
                await self._prepare_sas(service)

    async def _prepare_sas(self, service: BlobServiceClient) -> None:
        if not self.account.uses_entra or self._delegation_valid():
            return
        now = datetime.now(timezone.utc)
        try:
            self._delegation = await service.get_user_delegation_key(now - _CLOCK_SKEW, now + MAX_DELEGATION)
        except AzureError as error:
            raise StorageError(
                _refusal(error, self.account,
                         QT_TRANSLATE_NOOP("Storage", "sign SAS URLs for it (Get User Delegation Key)"), _DELEGATOR)
                or Text.of(QT_TRANSLATE_NOOP("Storage", "Could not get a user delegation key from {account}: {reason}"),
                           account=self.account.name, reason=describe(error))
            ) from error

    def _delegation_valid(self) -> bool:
        if self._delegation is None:
            return False
        return _key_expiry(self._delegation) - datetime.now(timezone.utc) > timedelta(hours=1)

    def _signing(self, hours: float) -> tuple[dict[str, Any], datetime]:
        """The generate_*_sas keyword that signs (key or delegation key), and the SAS expiry."""
        if not self.account.uses_entra:
            return {"account_key": self.account.key}, _expiry(hours)
        if self._delegation is None:
            raise StorageError("No user delegation key yet: upload first, or call prepare_sas()")
        return {"user_delegation_key": self._delegation}, min(_expiry(hours), _key_expiry(self._delegation))

    def container_sas_url(self, container: str, hours: float = DEFAULT_SAS_HOURS) -> str:
        """The container's URL with a read + list SAS (a `storageContainerUrl` for Batch)."""
        from azure.storage.blob import ContainerSasPermissions, generate_container_sas

        signing, expiry = self._signing(hours)
        sas = generate_container_sas(
            self.account.name, container, permission=ContainerSasPermissions(read=True, list=True), expiry=expiry,
            **signing,
        )
        return f"{self._base()}/{container}?{sas}"

    def blob_sas_url(self, container: str, blob: str, hours: float = DEFAULT_SAS_HOURS) -> str:
        """The blob's URL with a read-only SAS (an `httpUrl` for Batch)."""
        from azure.storage.blob import BlobSasPermissions, generate_blob_sas

        signing, expiry = self._signing(hours)
        sas = generate_blob_sas(
            self.account.name, container, blob, permission=BlobSasPermissions(read=True), expiry=expiry, **signing,
        )
        return f"{self._base()}/{container}/{quote(blob)}?{sas}"

    def locate(self, url: str) -> tuple[str, str] | None:
        """(container, blob path) of a blob or container URL in this account (any SAS ignored), else None.

        For a container URL the blob path is ""."""
        from urllib.parse import unquote, urlsplit

        base, target = urlsplit(self._base()), urlsplit(url)
        if (target.scheme, target.netloc.lower()) != (base.scheme, base.netloc.lower()):
            return None
        prefix = base.path.rstrip("/") + "/"
        if not target.path.startswith(prefix):
            return None
        container, _, blob = target.path[len(prefix):].partition("/")
        return (container, unquote(blob)) if container else None

    async def blob_names(self, container: str, prefix: str = "") -> list[str]:
        """The blobs of `container` whose names start with `prefix` (none if there is no such container)."""
        async with self._service() as service:
            client = service.get_container_client(container)
            try:
                return [blob.name async for blob in client.list_blobs(name_starts_with=prefix or None)]
            except ResourceNotFoundError:
                return []  # no such container: no such blobs
            except AzureError as error:
                raise StorageError(Text.of(QT_TRANSLATE_NOOP("Storage", "Cannot list {blobs} in {account}: {reason}"),
                                           blobs=f"{container}/{prefix}*", account=self.account.name,
                                           reason=describe(error))) from error

    async def download_blob(self, container: str, blob: str, path: Path) -> int:
        """Write the blob to `path` (chunk by chunk, file writes in a thread); its size."""
        async with self._service() as service:
            try:
                stream = await service.get_blob_client(container, blob).download_blob()
                handle = await asyncio.to_thread(open, path, "wb")
                with handle:
                    size = 0
                    async for chunk in stream.chunks():
                        await asyncio.to_thread(handle.write, chunk)
                        size += len(chunk)
            except AzureError as error:
                raise StorageError(Text.of(QT_TRANSLATE_NOOP("Storage", "Cannot read {blob} from {account}: {reason}"),
                                           blob=f"{container}/{blob}", account=self.account.name,
                                           reason=describe(error))) from error
        return size

    async def delete_blobs(self, container: str, names: Sequence[str]) -> None:
        """Remove blobs (those already gone are fine); what cannot be removed is logged."""
        async with self._service() as service:
            await _delete_quietly(service.get_container_client(container), list(names))

    def resource_files(self, upload: UploadResult, directory: str = "", hours: float = DEFAULT_SAS_HOURS) -> list[ResourceFile]:
        """One httpUrl resource file per uploaded blob, placed at `directory/<file name>`."""
        return [
            ResourceFile(http_url=self.blob_sas_url(upload.container, blob.name, hours), file_path=posixpath.join(directory, blob.path.name))
            for blob in upload.blobs
        ]

    def _base(self) -> str:
        return self.account.url.rstrip("/")


def azurite_storage(service: AzuriteService) -> LinkedStorage:
    """The storage of a running Azurite (its well-known development account)."""
    return LinkedStorage(service.account)


def _key_expiry(key: Any) -> datetime:
    """When a user delegation key ends (the service echoes the ISO 8601 time it was asked for)."""
    return datetime.strptime(key.signed_expiry[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)


def _expiry(hours: float) -> datetime:
    return datetime.now(timezone.utc) + timedelta(hours=hours)


async def _ensure_container(client: ContainerClient, account: StorageAccount) -> None:
    try:
        await client.create_container()
    except ResourceExistsError:
        pass
    except AzureError as error:
        raise StorageError(
            _refusal(error, account, QT_TRANSLATE_NOOP("Storage", "create containers in it"))
            or Text.of(QT_TRANSLATE_NOOP("Storage", "Cannot create container {container}: {reason}"),
                       container=client.container_name, reason=describe(error))
        ) from error


_CONTRIBUTOR, _DELEGATOR = "Storage Blob Data Contributor", "Storage Blob Delegator"


def _refusal(error: BaseException, account: StorageAccount, doing: Template, role: str = _CONTRIBUTOR) -> Text | None:
    """For a signed-in identity the account refused (403 AuthorizationPermissionMismatch): which role to grant."""
    code = getattr(error, "error_code", None) or error_code(error)  # the storage SDK puts its code on the error
    if not account.uses_entra or code not in _PERMISSION_CODES:
        return None
    if role == _CONTRIBUTOR:
        grant = Text.of(QT_TRANSLATE_NOOP("Storage", 'grant your user the "{role}" role'), role=role)
    else:
        grant = Text.of(QT_TRANSLATE_NOOP(
            "Storage", 'grant your user the "{role}" role ("{contributor}" covers it too, and uploads)'),
            role=role, contributor=_CONTRIBUTOR)
    return Text.of(QT_TRANSLATE_NOOP(
        "Storage", "Your Entra ID sign-in may not {doing} ({code}): on storage account {account}, "
                   "Access control (IAM) > Add role assignment, {grant}. "
                   "Role assignments can take a few minutes to apply."),
        doing=Text.of(doing), code=str(code), account=account.name, grant=grant)


async def _delete_quietly(client: ContainerClient, names: list[str]) -> None:
    """Remove blobs an interrupted upload had committed; what cannot be removed is logged."""
    for name in names:
        try:
            await client.delete_blob(name)
        except ResourceNotFoundError:
            pass
        except AzureError as error:
            log.warning("could not remove %s/%s after an interrupted upload: %s", client.container_name, name, describe(error))


class _Reporter:
    """Turns staged byte counts into UploadProgress for the caller's callback."""

    def __init__(self, blobs: list[UploadedBlob], callback: Callable[[UploadProgress], None] | None) -> None:
        self._blobs = blobs
        self._callback = callback
        self._total = sum(blob.size for blob in blobs)
        self._index = 0
        self._file_sent = 0
        self.sent = 0

    def file_started(self, index: int) -> None:
        self._index, self._file_sent = index, 0
        if self._blobs[index].size == 0:
            self._emit()

    def advance(self, count: int) -> None:
        self._file_sent += count
        self.sent += count
        self._emit()

    def _emit(self) -> None:
        if self._callback is None:
            return
        blob = self._blobs[self._index]
        self._callback(
            UploadProgress(blob.path, self._index, len(self._blobs), self._file_sent, blob.size, self.sent, self._total)
        )
