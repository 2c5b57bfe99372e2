"""A real Azurite for the tests that need blob storage (registered in tests/conftest.py).

One Azurite per test session, in a temp dir, always stopped at the end. It must be
installed (`scripts/test.sh` does it): a missing Azurite is an error, not a skip.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest
from azure.storage.blob import ContainerSasPermissions, generate_container_sas
from azure.storage.blob.aio import BlobServiceClient

from explorer.client.acting.storage import LinkedStorage, azurite_storage
from explorer.client.local.azurite import AzuriteService


@pytest.fixture(scope="session")
def azurite(tmp_path_factory) -> AzuriteService:
    service = AzuriteService(tmp_path_factory.mktemp("azurite"))
    service.start()
    yield service
    service.stop()


@pytest.fixture
def storage(azurite: AzuriteService) -> LinkedStorage:
    return azurite_storage(azurite)


@pytest.fixture
def container_name() -> str:
    """A fresh container name per test, so tests never see each other's blobs."""
    return f"test-{uuid.uuid4().hex[:12]}"


async def writable_container_url(storage: LinkedStorage, container: str, *, create: bool = True) -> str:
    """A container URL with a SAS that lets Batch upload output files (the container made unless `create` is False)."""
    if create:
        async with BlobServiceClient(
            storage.account.url, credential={"account_name": storage.account.name, "account_key": storage.account.key}
        ) as service:
            await service.create_container(container)
    sas = generate_container_sas(
        storage.account.name, container, account_key=storage.account.key,
        permission=ContainerSasPermissions(read=True, write=True, create=True, add=True, list=True),
        expiry=datetime.now(timezone.utc) + timedelta(hours=1),
    )
    return f"{storage.account.url.rstrip('/')}/{container}?{sas}"


async def content_type_of(storage: LinkedStorage, container: str, blob: str) -> str | None:
    """The Content-Type a blob was stored with."""
    async with BlobServiceClient(
        storage.account.url, credential={"account_name": storage.account.name, "account_key": storage.account.key}
    ) as service:
        properties = await service.get_blob_client(container, blob).get_blob_properties()
        return properties.content_settings.content_type


async def blobs_of(storage: LinkedStorage, container: str) -> dict[str, bytes]:
    """Every blob of the container, by name, with its content."""
    async with BlobServiceClient(
        storage.account.url, credential={"account_name": storage.account.name, "account_key": storage.account.key}
    ) as service:
        client = service.get_container_client(container)
        return {blob.name: await (await client.download_blob(blob.name)).readall() async for blob in client.list_blobs()}
