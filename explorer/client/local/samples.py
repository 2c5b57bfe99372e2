"""The bundled sample MPI tasks, and where the nodes get their programs from.

A sample's `task.json` is plain Batch JSON, ready for File > Import or
`az batch task create --json-file`: its programs are resource files from the
container `mpi-explorer-samples` of the storage linked to the Batch account
(`autoStorageContainerName`, one blob per program, named `<sample>/<file>`). The app
uploads the bundled programs to its Azurite once (`publish_samples`), and Local Batch
is linked to that Azurite: the files outlive the app session that submitted a task,
so a task requeued after a restart still finds them. On Azure, upload the samples
folder to that container of the account's auto-storage.

Without Azurite there is no linked storage: the app then serves the samples folder
on loopback while it runs (`SampleServer`) and points the sample's resource files
there (`sample_task_json(name, base_url)`), same paths on the node.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import posixpath
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web
from azure.core.exceptions import AzureError, ResourceExistsError

from explorer.client.errors import StorageError, describe
from explorer.client.storage_account import StorageAccount
from explorer.core.texts import QT_TRANSLATE_NOOP, Text
from explorer.resources import resource_path

log = logging.getLogger(__name__)

SAMPLES_CONTAINER = "mpi-explorer-samples"
TASK_FILE = "task.json"


@dataclass(frozen=True)
class Sample:
    name: str
    display_name: str
    task_file: Path


def samples_dir() -> Path:
    return resource_path("samples")


def bundled_samples() -> list[Sample]:
    samples = []
    for task_file in sorted(samples_dir().glob(f"*/{TASK_FILE}")):
        data = json.loads(task_file.read_text(encoding="utf-8"))
        samples.append(Sample(task_file.parent.name, data.get("displayName") or task_file.parent.name, task_file))
    return samples


def sample_programs() -> dict[str, Path]:
    """Blob name (`<sample>/<file>`) -> file, for every file a sample's nodes download."""
    return {
        path.relative_to(samples_dir()).as_posix(): path
        for task_file in sorted(samples_dir().glob(f"*/{TASK_FILE}"))
        for path in sorted(task_file.parent.rglob("*"))
        if path.is_file() and path.name != TASK_FILE
    }


def sample_task_json(name: str, base_url: str | None = None) -> dict:
    """The sample's task, as in its file; given `base_url` (a server of the samples folder),
    with its files from there instead of the linked storage."""
    data = json.loads((samples_dir() / name / TASK_FILE).read_text(encoding="utf-8"))
    if base_url is not None:
        settings = data.get("multiInstanceSettings") or {}
        for owner, key in ((settings, "commonResourceFiles"), (data, "resourceFiles")):
            if owner.get(key):
                owner[key] = [entry for file in owner[key] for entry in _over_http(file, base_url.rstrip("/"))]
    return data


def _over_http(resource_file: dict, base_url: str) -> list[dict]:
    """A samples-container entry as one httpUrl per blob it names, landing at the same path."""
    if resource_file.get("autoStorageContainerName") != SAMPLES_CONTAINER:
        return [resource_file]
    prefix = resource_file.get("blobPrefix") or ""
    directory = resource_file.get("filePath") or ""
    return [
        {"httpUrl": f"{base_url}/{blob}", "filePath": posixpath.join(directory, blob)}
        for blob in sample_programs()
        if blob.startswith(prefix)
    ]


async def publish_samples(storage: StorageAccount) -> int:
    """Upload the sample programs the container lacks or holds otherwise; returns how many.

    Idempotent and cheap when nothing changed (one listing). StorageError says why not."""
    programs = await asyncio.to_thread(_read_programs)
    try:
        credential = {"account_name": storage.name, "account_key": storage.key or ""}  # Azurite: always a key
        from azure.storage.blob import ContentSettings  # ~0.3 s to import: not on every start
        from azure.storage.blob.aio import ContainerClient

        async with ContainerClient(storage.url, SAMPLES_CONTAINER, credential=credential) as container:
            try:
                await container.create_container()
            except ResourceExistsError:
                pass
            stored = {
                blob.name: bytes(blob.content_settings.content_md5 or b"")
                async for blob in container.list_blobs()
            }
            uploaded = 0
            for name, data in programs.items():
                digest = hashlib.md5(data).digest()  # what Blob storage keeps and compares
                if stored.get(name) != digest:
                    await container.upload_blob(
                        name, data, overwrite=True, content_settings=ContentSettings(content_md5=bytearray(digest))
                    )
                    uploaded += 1
    except AzureError as error:
        raise StorageError(Text.of(QT_TRANSLATE_NOOP("Samples", "Cannot publish the sample programs to {url}: {reason}"),
                                   url=storage.url, reason=describe(error))) from error
    log.info("sample programs in container %s: %d uploaded, %d unchanged", SAMPLES_CONTAINER, uploaded,
             len(programs) - uploaded)
    return uploaded


def _read_programs() -> dict[str, bytes]:
    return {name: path.read_bytes() for name, path in sample_programs().items()}


class SampleServer:
    """Serves the samples folder read-only on 127.0.0.1 while the app runs (no linked storage)."""

    def __init__(self, directory: Path | None = None) -> None:
        self._directory = directory or samples_dir()
        self._runner: web.AppRunner | None = None
        self.base_url: str | None = None

    async def start(self) -> str:
        app = web.Application()
        app.router.add_static("/", self._directory, show_index=False, follow_symlinks=False)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        log.info("serving samples at %s", self.base_url)
        return self.base_url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
