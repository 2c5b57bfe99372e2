"""Uploads to a real Azurite: progress, all-or-nothing on cancel and failure, SAS URLs, no key leaks."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import aiohttp
import pytest
from azure.storage.blob import BlobServiceClient as SyncBlobServiceClient
from azure.storage.blob.aio import BlobServiceClient

from explorer.client.acting.storage import LinkedStorage, UploadProgress
from explorer.client.errors import StorageError
from explorer.client.local.azurite import AzuriteService
from explorer.client.local.probes import answers
from explorer.client.storage_account import StorageAccount

BLOCK = 64 * 1024


def write(path: Path, size: int) -> Path:
    path.write_bytes(os.urandom(size))
    return path


async def blob_names(azurite: AzuriteService, container: str) -> dict[str, bytes]:
    """Every committed blob of the container and its content (read with the SDK directly)."""
    async with BlobServiceClient.from_connection_string(azurite.connection_string) as service:
        client = service.get_container_client(container)
        if not await client.exists():
            return {}
        names = [blob.name async for blob in client.list_blobs()]
        return {name: await (await client.download_blob(name)).readall() for name in names}


async def get(url: str) -> tuple[int, bytes]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.read()


@pytest.mark.asyncio
async def test_upload_reports_progress_to_the_total_and_stores_every_file(azurite, container_name, tmp_path):
    storage = LinkedStorage(azurite.account, block_size=BLOCK)
    files = [write(tmp_path / "big.bin", 3 * BLOCK + 123), write(tmp_path / "small.txt", 10), write(tmp_path / "empty", 0)]
    progress: list[UploadProgress] = []

    result = await storage.upload_files(container_name, files, "run-1/", progress.append)

    total = 3 * BLOCK + 133
    assert result.total == total and [blob.name for blob in result.blobs] == ["run-1/big.bin", "run-1/small.txt", "run-1/empty"]
    assert [p.sent for p in progress] == sorted(p.sent for p in progress)
    assert progress[-1].sent == progress[-1].total == total
    assert len([p for p in progress if p.path == files[0]]) == 4  # one event per staged block
    for index, path in enumerate(files):
        last = [p for p in progress if p.path == path][-1]
        assert last.file_sent == last.file_size == path.stat().st_size
        assert last.file_index == index and last.file_count == 3
    assert await blob_names(azurite, container_name) == {blob.name: blob.path.read_bytes() for blob in result.blobs}


@pytest.mark.asyncio
async def test_cancelled_upload_leaves_no_blob(azurite, container_name, tmp_path):
    storage = LinkedStorage(azurite.account, block_size=BLOCK)
    files = [write(tmp_path / "first.bin", 2 * BLOCK), write(tmp_path / "second.bin", 8 * BLOCK)]
    halfway = asyncio.Event()

    def on_progress(progress: UploadProgress) -> None:
        if progress.path == files[1] and progress.file_sent >= 2 * BLOCK:
            halfway.set()

    upload = asyncio.ensure_future(storage.upload_files(container_name, files, "", on_progress))
    await asyncio.wait_for(halfway.wait(), 60)
    upload.cancel()
    with pytest.raises(asyncio.CancelledError):
        await upload

    assert await blob_names(azurite, container_name) == {}


@pytest.mark.asyncio
async def test_upload_failing_at_commit_removes_what_it_committed_and_keeps_the_old_blob(azurite, container_name, tmp_path, storage):
    """Someone leases the second blob once its blocks are staged: its commit fails, the first is undone."""
    async with BlobServiceClient.from_connection_string(azurite.connection_string) as service:
        client = service.get_container_client(container_name)
        await client.create_container()
        await client.upload_blob("in/locked.txt", b"old")
    files = [write(tmp_path / "free.txt", 100), write(tmp_path / "locked.txt", 100)]
    leases = []

    def lease_once_staged(progress: UploadProgress) -> None:
        if progress.path == files[1] and progress.file_sent == progress.file_size:
            # Synchronous on purpose: the lease exists before the upload moves on to commit.
            blob = SyncBlobServiceClient.from_connection_string(azurite.connection_string).get_blob_client(container_name, "in/locked.txt")
            leases.append(blob.acquire_lease())

    with pytest.raises(StorageError) as error:
        await storage.upload_files(container_name, files, "in/", lease_once_staged)
    leases[0].release()

    assert f"{container_name}/in/locked.txt" in str(error.value) and "412" in str(error.value)
    assert await blob_names(azurite, container_name) == {"in/locked.txt": b"old"}


@pytest.mark.asyncio
async def test_sas_urls_read_and_list_but_do_not_write(azurite, container_name, tmp_path, storage):
    upload = await storage.upload_files(container_name, [write(tmp_path / "data.txt", 5)], "inputs/")
    content = (tmp_path / "data.txt").read_bytes()

    container_url = storage.container_sas_url(container_name, hours=1)
    base, sas = container_url.split("?", 1)
    status, listing = await get(f"{base}?restype=container&comp=list&prefix=inputs/&{sas}")
    assert status == 200 and b"<Name>inputs/data.txt</Name>" in listing
    assert await get(f"{base}/inputs/data.txt?{sas}") == (200, content)
    assert await get(storage.blob_sas_url(container_name, "inputs/data.txt", hours=1)) == (200, content)
    async with aiohttp.ClientSession() as session:
        put = await session.put(f"{base}/inputs/new.txt?{sas}", data=b"x", headers={"x-ms-blob-type": "BlockBlob"})
        assert put.status == 403

    [resource_file] = storage.resource_files(upload, directory="in")
    assert resource_file.file_path == "in/data.txt" and resource_file.sources == ("http_url",)
    assert await get(resource_file.http_url) == (200, content)


@pytest.mark.asyncio
async def test_key_never_shows_in_objects_or_errors(azurite, container_name, tmp_path, storage):
    key = azurite.account_key
    for shown in (storage, storage.account, azurite.account):
        assert key not in repr(shown) and key not in str(shown)
    wrong_key = "V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3JvbmdLZXk="
    refused = LinkedStorage(StorageAccount(azurite.blob_endpoint, azurite.account_name, wrong_key))
    assert wrong_key not in repr(refused)

    with pytest.raises(StorageError) as error:
        await refused.upload_files(container_name, [write(tmp_path / "x.txt", 1)])
    assert "403" in str(error.value)
    chain = [error.value, error.value.__cause__]
    assert all(wrong_key not in repr(e) and wrong_key not in str(e) for e in chain)


@pytest.mark.asyncio
async def test_bad_requests_are_refused_before_anything_is_sent(tmp_path, storage, container_name):
    same = [write(tmp_path / "a.txt", 1), write((tmp_path / "sub").mkdir() or tmp_path / "sub" / "a.txt", 1)]
    with pytest.raises(StorageError, match="same name"):
        await storage.upload_files(container_name, same)
    with pytest.raises(StorageError, match="Cannot read .*missing"):
        await storage.upload_files(container_name, [tmp_path / "missing"])
    with pytest.raises(StorageError, match="not a container name"):
        await storage.upload_files("Bad_Name", [same[0]])


def test_azurite_service_starts_stops_and_explains_a_missing_install(tmp_path, monkeypatch):
    with AzuriteService(tmp_path / "own") as service:
        assert service.is_running() and service.blob_endpoint.endswith(f":{service.port}/devstoreaccount1")
        assert service.log_path.exists()
    assert not service.is_running()

    monkeypatch.setenv("AZURITE_BLOB", str(tmp_path / "no-such-azurite-blob"))
    with pytest.raises(StorageError, match="Azurite is not installed: run `npm install"):
        AzuriteService(tmp_path / "missing").start()



def test_a_reserved_azurite_has_its_account_at_once_and_one_that_never_answers_is_stopped(tmp_path, monkeypatch):
    service = AzuriteService(tmp_path / "own").reserve()
    try:
        port = service.port
        assert port and service.is_expected() and not service.is_running()  # Local Batch can be linked to it now
        with pytest.raises(StorageError, match="Another Azurite holds"):
            AzuriteService(tmp_path / "own").reserve(timeout=0.3)  # the location is taken from the reservation on
        assert service.launch().is_running() and service.port == port
        assert service.wait_until_ready() is service and answers("127.0.0.1", port)
        assert service.wait_until_ready() is service  # ready already: at once
    finally:
        service.stop()

    unused = AzuriteService(tmp_path / "unused").reserve()
    unused.stop()  # a reservation never started gives the location back
    AzuriteService(tmp_path / "unused").reserve().stop()

    failing_executable = tmp_path / "azurite-blob"
    failing_executable.write_text("#!/bin/sh\nexit 3\n")
    failing_executable.chmod(0o755)
    monkeypatch.setenv("AZURITE_BLOB", str(failing_executable))
    failing = AzuriteService(tmp_path / "failing").launch()
    with pytest.raises(StorageError, match="exited with code 3 before it was ready"):
        failing.wait_until_ready()
    assert not failing.is_running()

@pytest.mark.asyncio
async def test_uploads_go_through_the_proxy_given(azurite, container_name, tmp_path):
    # The accounts dialog's manual proxy reaches the storage clients as it reaches the Batch client.
    request_lines: list[bytes] = []

    async def refusing_proxy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        request_lines.append(await reader.readline())
        writer.close()

    proxy = await asyncio.start_server(refusing_proxy, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{proxy.sockets[0].getsockname()[1]}"
    storage = LinkedStorage(azurite.account, client_options={"use_env_settings": False, "proxies": {"http": url}})
    try:
        with pytest.raises(StorageError):
            await storage.upload_files(container_name, [write(tmp_path / "in.txt", 10)])
    finally:
        proxy.close()
        await proxy.wait_closed()
    assert request_lines and azurite.account.url.encode() in request_lines[0], request_lines
    assert await blob_names(azurite, container_name) == {}
