"""Client factory paths that need no server: Azure shared key and Entra ID.

The Entra sign-in is faked (`entra_credential_builder`): it is the one boundary that
cannot be exercised here. Local Batch connections are covered by the integration tests.
"""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from azure.batch.aio import BatchClient
from azure.core.credentials import AccessToken
from azure.identity import AuthenticationRecord, DeviceCodeCredential, InteractiveBrowserCredential
from azure.identity.aio import AzureCliCredential, DefaultAzureCredential

from explorer.client.connecting.client_factory import ClientFactory
from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.entra import ThreadedTokenCredential, build_entra_credential
from explorer.client.connecting.profiles import EntraAuthMethod, EntraProfile, SharedKeyProfile
from explorer.client.errors import ConnectError, CredentialError

ACCOUNT_URL = "https://lab.eastus.batch.azure.com"
KEY = "a2V5LWZvci10ZXN0cw=="


class FakeSignIn:
    """Stands in for an azure-identity credential: no browser, no Entra tenant here."""

    def __init__(self) -> None:
        self.closed = False
        self.scopes: list[tuple[str, ...]] = []

    async def get_token(self, *scopes, **kwargs) -> AccessToken:
        self.scopes.append(scopes)
        return AccessToken("fake-token", 2**31)

    async def authenticate(self, *, scopes):
        self.scopes.append(tuple(scopes))
        return AuthenticationRecord("contoso", "client", "login.microsoftonline.com", "home-id", "user@contoso.com")

    async def close(self) -> None:
        self.closed = True


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        (EntraAuthMethod.AZURE_CLI, AzureCliCredential),
        (EntraAuthMethod.DEFAULT, DefaultAzureCredential),
        (EntraAuthMethod.DEVICE_CODE, DeviceCodeCredential),
        (EntraAuthMethod.INTERACTIVE_BROWSER, InteractiveBrowserCredential),
    ],
)
@pytest.mark.asyncio
async def test_each_sign_in_method_builds_its_credential_without_signing_in(method, expected):
    credential = build_entra_credential(EntraProfile("Lab", ACCOUNT_URL, method, "contoso.onmicrosoft.com"))
    inner = credential._credential if isinstance(credential, ThreadedTokenCredential) else credential
    assert isinstance(inner, expected)
    await credential.close()


@pytest.mark.asyncio
async def test_entra_connection_owns_and_closes_its_credential():
    sign_in = FakeSignIn()
    factory = ClientFactory(MemoryCredentialStore(), entra_credential_builder=lambda profile, record, prompt: sign_in)
    connection = await factory.connect(EntraProfile("Lab", ACCOUNT_URL, EntraAuthMethod.DEVICE_CODE))
    assert isinstance(connection.client, BatchClient) and connection.endpoint == ACCOUNT_URL
    await connection.close()
    assert sign_in.closed


@pytest.mark.asyncio
async def test_entra_needs_https():
    factory = ClientFactory(MemoryCredentialStore(), entra_credential_builder=lambda profile, record, prompt: FakeSignIn())
    with pytest.raises(ConnectError, match="https"):
        await factory.connect(EntraProfile("Lab", "http://127.0.0.1:1234"))


@pytest.mark.asyncio
async def test_threaded_credential_runs_a_blocking_sign_in_off_the_loop():
    class Blocking:
        def get_token(self, *scopes, **kwargs):
            return AccessToken("|".join(scopes), 1)

    token = await ThreadedTokenCredential(Blocking()).get_token("https://batch.core.windows.net//.default")
    assert token.token == "https://batch.core.windows.net//.default"


@pytest.mark.asyncio
async def test_shared_key_comes_from_the_credential_store_and_stays_out_of_errors_and_reprs():
    profile = SharedKeyProfile("Prod", "prodbatch", "https://prodbatch.westeurope.batch.azure.com")
    credentials = MemoryCredentialStore()
    factory = ClientFactory(credentials)
    with pytest.raises(CredentialError) as info:
        await factory.connect(profile)
    assert "prodbatch" in str(info.value)

    credentials.set_secret(profile.secret_name, KEY)
    async with await factory.connect(profile) as connection:
        assert KEY not in repr(connection) and KEY not in repr(factory.__dict__)


@pytest.mark.asyncio
async def test_the_key_is_read_off_the_event_loop():
    """A keyring may block (D-Bus, an unlock prompt): the loop the window shares must not wait."""

    class RecordingStore(MemoryCredentialStore):
        def get_secret(self, name: str) -> str | None:
            threads.append(threading.current_thread())
            return super().get_secret(name)

    threads: list[threading.Thread] = []
    profile = SharedKeyProfile("Prod", "prodbatch", "https://prodbatch.westeurope.batch.azure.com")
    credentials = RecordingStore()
    credentials.set_secret(profile.secret_name, KEY)
    async with await ClientFactory(credentials).connect(profile):
        pass
    assert threads and threading.main_thread() not in threads


def test_the_client_layer_never_imports_qt():
    code = (
        "import sys, pkgutil, importlib, explorer.client as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'explorer.client.'): importlib.import_module(m.name)\n"
        "bad = [n for n in sys.modules if n.startswith(('PySide6', 'shiboken6', 'qasync'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
