"""Storage for Entra profiles, with no key anywhere: uploads signed with the sign-in's token and resource-file
URLs that are user-delegation SAS, against a real Azurite run with OAuth (`--oauth basic`, HTTPS) — it hands
out user delegation keys and checks user-delegation SAS signatures. The token comes from a stand-in
credential (the Entra boundary) shaped as Entra's access tokens are; Azurite checks its audience, issuer and
lifetime, not its signature. Azurite has no role assignments: the refusal of an identity without a data role
(403 AuthorizationPermissionMismatch) is answered by a stand-in at the transport, with Azure's error shape."""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from azure.core.credentials import AccessToken
from azure.core.pipeline.transport import AioHttpTransport, AsyncHttpResponse
from azure.core.utils import CaseInsensitiveDict
from azure.storage.blob.aio import BlobClient, BlobServiceClient

from explorer.client.acting.storage import LinkedStorage
from explorer.client.connecting.client_factory import ClientFactory
from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.profiles import EntraAuthMethod, EntraProfile, StorageAuth, StorageLink
from explorer.client.errors import StorageError
from explorer.client.local.azurite import azurite_executable
from explorer.client.local.probes import answers
from explorer.client.storage_account import StorageAccount
from tests.support.arm_stand_in import self_signed_certificate
from tests.support.waiting import wait_until_sync

TENANT, OBJECT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47", "1c2a1b61-7e56-4d8c-a4a5-2f1f4c9a2e11"


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


class EntraTokens:
    """Stands in for a signed-in credential: access tokens with the claims Entra puts in a storage token."""

    def __init__(self) -> None:
        self.scopes: list[tuple[str, ...]] = []

    async def get_token(self, *scopes: str, **kwargs) -> AccessToken:
        self.scopes.append(scopes)
        now = int(time.time())
        claims = {
            "aud": "https://storage.azure.com", "iss": f"https://sts.windows.net/{TENANT}/", "iat": now - 60,
            "nbf": now - 60, "exp": now + 3600, "oid": OBJECT_ID, "tid": TENANT, "sub": OBJECT_ID,
            "scp": "user_impersonation", "ver": "1.0", "upn": "mpi.user@contoso.com",
        }
        return AccessToken(f"{_b64({'typ': 'JWT', 'alg': 'RS256'})}.{_b64(claims)}.c2lnbmF0dXJl", now + 3600)

    async def close(self) -> None:
        pass


@pytest.fixture(scope="module")
def oauth_azurite(tmp_path_factory):
    """A real Azurite that takes bearer tokens (OAuth needs HTTPS): (blob endpoint, CA bundle)."""
    directory = tmp_path_factory.mktemp("azurite-oauth")
    cert, key = self_signed_certificate(directory)
    executable = azurite_executable()
    assert executable is not None, "Azurite is not installed: run scripts/setup.sh"
    port = _free_port()
    process = subprocess.Popen(
        [str(executable), "--blobHost", "127.0.0.1", "--blobPort", str(port), "--location", str(directory / "data"),
         "--oauth", "basic", "--cert", str(cert), "--key", str(key), "--silent", "--skipApiVersionCheck"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        wait_until_sync(lambda: answers("127.0.0.1", port) or process.poll() is not None, what="Azurite with OAuth")
        assert process.poll() is None, "Azurite with OAuth did not start"
        yield f"https://127.0.0.1:{port}/devstoreaccount1", cert
    finally:  # as AzuriteService stops its own: the group, killed if it does not stop in time
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def entra_storage(url: str, tokens: EntraTokens, ca: Path, **options) -> LinkedStorage:
    account = StorageAccount(url, "devstoreaccount1", token_credential=tokens)
    return LinkedStorage(account, client_options={"connection_verify": str(ca), **options})


@pytest.mark.asyncio
async def test_an_entra_upload_gives_user_delegation_sas_urls_that_read_the_files_and_no_other(oauth_azurite, tmp_path):
    url, ca = oauth_azurite
    tokens = EntraTokens()
    storage = entra_storage(url, tokens, ca)
    local = tmp_path / "input.dat"
    local.write_bytes(b"rank data\n" * 100)
    container = f"entra-{uuid.uuid4().hex[:10]}"

    upload = await storage.upload_files(container, [local], "run-1/")
    [resource] = storage.resource_files(upload, "inputs")

    assert resource.file_path == "inputs/input.dat" and "skoid=" + OBJECT_ID in resource.http_url  # user delegation
    assert "sig=" in resource.http_url and "sp=r" in resource.http_url
    async with BlobClient.from_blob_url(resource.http_url, connection_verify=str(ca)) as blob:
        assert await (await blob.download_blob()).readall() == local.read_bytes()
    forged = resource.http_url.replace("run-1/input.dat", "run-1/other.dat")
    async with BlobClient.from_blob_url(forged, connection_verify=str(ca)) as blob:
        with pytest.raises(Exception) as refused:
            await blob.download_blob()
    assert getattr(refused.value, "status_code", None) == 403  # the signature covers the blob's name
    assert all(scopes == ("https://storage.azure.com/.default",) for scopes in tokens.scopes) and tokens.scopes


class RefusingTransport(AioHttpTransport):
    """Answers one operation as Azure Storage answers an identity without the data role; passes the rest on."""

    def __init__(self, operation: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.operation = operation

    async def send(self, request, **kwargs):
        if self.operation in request.url:
            return _Refused(request)
        return await super().send(request, **kwargs)


class _Refused(AsyncHttpResponse):
    BODY = (
        '\ufeff<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationPermissionMismatch</Code><Message>This '
        "request is not authorized to perform this operation using this permission.\nRequestId:5a2b0e4c-501e-0062-"
        "7c3e-2e8a4f000000\nTime:2026-12-01T16:00:00.0000000Z</Message></Error>"
    ).encode()

    def __init__(self, request) -> None:
        super().__init__(request, None)
        self.status_code, self.reason, self.content_type = 403, "This request is not authorized", "application/xml"
        self.headers = CaseInsensitiveDict({
            "Content-Type": "application/xml", "x-ms-error-code": "AuthorizationPermissionMismatch",
            "x-ms-request-id": "5a2b0e4c-501e-0062-7c3e-2e8a4f000000", "Content-Length": str(len(self.BODY)),
        })

    def body(self) -> bytes:
        return self.BODY

    async def load_body(self) -> None:
        pass

    def stream_download(self, pipeline, **kwargs):
        raise NotImplementedError


@pytest.mark.asyncio
@pytest.mark.parametrize(("operation", "role"), [
    ("comp=userdelegationkey", '"Storage Blob Delegator"'), ("comp=block", '"Storage Blob Data Contributor"'),
])
async def test_an_identity_without_the_data_role_is_told_which_role_to_grant_and_nothing_is_left(
    oauth_azurite, tmp_path, operation, role
):
    url, ca = oauth_azurite
    tokens = EntraTokens()
    storage = entra_storage(url, tokens, ca, transport=RefusingTransport(operation, connection_verify=str(ca)))
    local = tmp_path / "input.dat"
    local.write_bytes(b"x" * 10)
    container = f"entra-{uuid.uuid4().hex[:10]}"

    with pytest.raises(StorageError) as refused:
        await storage.upload_files(container, [local])

    message = str(refused.value)
    assert "AuthorizationPermissionMismatch" in message and role in message and "devstoreaccount1" in message
    assert "Access control (IAM)" in message
    async with BlobServiceClient(url, credential=EntraTokens(), connection_verify=str(ca)) as service:
        client = service.get_container_client(container)
        left = [blob.name async for blob in client.list_blobs()] if await client.exists() else []
    assert left == []  # refused before the first byte (delegation key), or the staged blocks never committed


@pytest.mark.asyncio
async def test_an_entra_profiles_connection_uploads_to_its_storage_with_its_own_sign_in(oauth_azurite, tmp_path):
    url, ca = oauth_azurite
    tokens = EntraTokens()
    profile = EntraProfile("Lab", "https://lab.westeurope.batch.azure.com", EntraAuthMethod.DEFAULT,
                           storage=StorageLink("devstoreaccount1", url, StorageAuth.ENTRA))
    factory = ClientFactory(MemoryCredentialStore(), entra_credential_builder=lambda p, r, prompt: tokens,
                            sign_ins_dir=tmp_path / "sign-ins")
    local = tmp_path / "input.dat"
    local.write_bytes(b"signed in\n")

    async with await factory.connect(profile) as connection:
        storage = LinkedStorage(connection.storage, client_options={"connection_verify": str(ca)})
        upload = await storage.upload_files(f"entra-{uuid.uuid4().hex[:10]}", [local])
        [resource] = storage.resource_files(upload)

    assert connection.storage.token_credential is tokens and connection.storage.key is None
    async with BlobClient.from_blob_url(resource.http_url, connection_verify=str(ca)) as blob:
        assert await (await blob.download_blob()).readall() == b"signed in\n"
