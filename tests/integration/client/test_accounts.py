"""Accounts end to end: the `accounts` commands as a shell runs them, proxies, sign-in kept across
starts, linked storage. A separately started Local Batch stands in for the Azure Batch account,
Azurite for its storage; only the Entra sign-in is a stand-in (a credential that counts sign-ins)."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from azure.core.credentials import AccessToken
from azure.identity import AuthenticationRecord

from explorer.client.acting.storage import LinkedStorage
from explorer.client.connecting.accounts import Accounts
from explorer.client.connecting.client_factory import ClientFactory
from explorer.client.connecting.credentials import AccountCredentials, MemoryCredentialStore
from explorer.client.connecting.profiles import (
    EntraAuthMethod,
    EntraProfile,
    LocalBatchProfile,
    ProfileSet,
    ProfileStore,
    SharedKeyProfile,
    StorageLink,
)
from explorer.client.connecting.proxies import ProxyMode, ProxySettings
from explorer.client.errors import ConnectError
from tests.support.keyrings import file_keyring_env, no_keyring_env

DEAD_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens, a connection is refused at once
PROXY_VARS = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


def shell_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A shell's environment: no proxy settings unless given, the test's own user dirs."""
    env = {k: v for k, v in os.environ.items() if k.lower() not in PROXY_VARS and not k.startswith("AZURE_")}
    env.update(extra)
    return env


def accounts_cli(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "explorer", "accounts", *args], input=stdin, env=env, capture_output=True,
        text=True, timeout=120,
    )


def test_the_accounts_commands_with_no_keyring_daemon(tmp_path, local_batch):
    """The Done-when of issue 11: add-shared-key / test from a shell with no keyring, behind a dead proxy."""
    endpoint = local_batch.endpoint
    env = shell_env(tmp_path, **no_keyring_env())
    added = accounts_cli(env, "add-shared-key", "Lab", "--url", endpoint.endpoint, "--account", endpoint.account,
                         stdin=endpoint.key + "\n")
    assert added.returncode == 0, added.stderr
    assert "its key was not kept" in added.stderr and "gnome-keyring" in added.stderr
    listed = json.loads(accounts_cli(env, "list").stdout)
    assert [(a["name"], a.get("key_stored")) for a in listed] == [("Local Batch", None), ("Lab", False)]

    refused = accounts_cli(env, "test", "Lab")
    assert refused.returncode == 1 and "no shared key stored" in refused.stderr and refused.stdout == ""

    with_key = {**env, "AZURE_BATCH_ACCESS_KEY": endpoint.key, "http_proxy": DEAD_PROXY, "HTTP_PROXY": DEAD_PROXY}
    tested = accounts_cli(with_key, "test", "Lab")
    assert tested.returncode == 0, tested.stderr
    assert json.loads(tested.stdout) == {"name": "Lab", "endpoint": endpoint.endpoint, "pools": 0, "jobs": 0}

    environment = {**env, "AZURE_BATCH_ENDPOINT": endpoint.endpoint, "AZURE_BATCH_ACCOUNT": endpoint.account,
                   "AZURE_BATCH_ACCESS_KEY": endpoint.key}
    assert json.loads(accounts_cli(environment, "test", "environment").stdout)["pools"] == 0
    assert "environment" in [a["name"] for a in json.loads(accounts_cli(environment, "list").stdout)]

    removed = accounts_cli(env, "remove", "Lab")
    assert removed.returncode == 0, removed.stderr
    assert [a["name"] for a in json.loads(accounts_cli(env, "list").stdout)] == ["Local Batch"]
    written = b"".join(p.read_bytes() for p in Path(os.environ["XDG_CONFIG_HOME"]).rglob("*") if p.is_file())
    assert endpoint.key.encode() not in written


def test_with_a_keyring_the_key_lives_there_only_and_goes_with_the_account(tmp_path, local_batch):
    endpoint = local_batch.endpoint
    keyring_file = tmp_path / "keyring.json"
    env = shell_env(tmp_path, **file_keyring_env(keyring_file))
    added = accounts_cli(env, "add-shared-key", "Lab", "--url", endpoint.endpoint, "--account", endpoint.account,
                         stdin=endpoint.key + "\n")
    assert added.returncode == 0 and "in the keyring" in added.stderr, added.stderr
    assert endpoint.key in keyring_file.read_text()
    assert json.loads(accounts_cli(env, "test", "Lab").stdout)["pools"] == 0
    profiles = (Path(os.environ["XDG_CONFIG_HOME"]) / "mpi-explorer" / "profiles.json").read_text()
    assert endpoint.key not in profiles and '"account_url"' in profiles
    assert accounts_cli(env, "remove", "Lab").returncode == 0
    assert endpoint.key not in keyring_file.read_text()


def test_bad_input_says_what_is_wrong_and_changes_nothing(tmp_path):
    env = shell_env(tmp_path, **no_keyring_env())
    bad_key = accounts_cli(env, "add-shared-key", "Lab", "--url", "https://lab.eastus.batch.azure.com", stdin="not-a-key\n")
    assert bad_key.returncode == 2 and "base64" in bad_key.stderr
    bad_url = accounts_cli(env, "add-entra", "Lab", "--url", "http://lab.eastus.batch.azure.com")
    assert bad_url.returncode == 2 and "https://" in bad_url.stderr
    assert not (Path(os.environ["XDG_CONFIG_HOME"]) / "mpi-explorer" / "profiles.json").exists()


@pytest.mark.asyncio
async def test_loopback_is_never_proxied_whatever_the_environment_says(tmp_path, monkeypatch):
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"):
        monkeypatch.setenv(name, DEAD_PROXY)
    factory = ClientFactory(MemoryCredentialStore(), local_extra_args=("--node-start-seconds", "0.05"))
    async with await factory.connect(LocalBatchProfile(data_dir=tmp_path / "lb")) as connection:  # the default kind
        assert [pool async for pool in connection.client.list_pools()] == []


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("settings", "source"),
    [(ProxySettings(), "the environment's https_proxy"),
     (ProxySettings(ProxyMode.MANUAL, DEAD_PROXY), "the proxy setting in Connection > Accounts…")],
)
async def test_a_connection_error_through_a_proxy_names_the_proxy(tmp_path, monkeypatch, settings, source):
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.setenv("https_proxy", DEAD_PROXY)
    profile = SharedKeyProfile("Prod", "prodbatch", "https://prodbatch.westeurope.batch.azure.com")
    accounts = Accounts(ProfileStore(tmp_path / "config"), AccountCredentials(MemoryCredentialStore(), usable=True),
                        environ={})
    with pytest.raises(ConnectError) as info:
        await accounts.test(profile, {profile.secret_name: "a2V5LWZvci10ZXN0cy1hdC1sZWFzdC0xNi1ieXRlcw=="},
                            proxy=settings)
    message = str(info.value)
    assert f"through the proxy {DEAD_PROXY} ({source})" in message and "Could not reach" in message
    assert "a2V5" not in message


class CountingSignIn:
    """The Entra stand-in: a credential that signs in (counted) only when it has no saved record."""

    def __init__(self) -> None:
        self.sign_ins = 0
        self.records: list[AuthenticationRecord | None] = []

    def builder(self, profile, record, prompt):
        self.records.append(record)
        stand_in = self

        class Credential:
            async def authenticate(self, *, scopes):
                stand_in.sign_ins += 1
                return AuthenticationRecord("contoso", "client", "login.microsoftonline.com", "home", "ada@contoso.com")

            async def get_token(self, *scopes, **kwargs):
                assert record is not None or stand_in.sign_ins, "a token before any sign-in"
                return AccessToken("token", 2**31)

            async def close(self):
                pass

        return Credential()


@pytest.mark.asyncio
async def test_the_sign_in_is_kept_across_two_app_starts_and_sign_out_forgets_it(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # sign-out cleans azure-identity's caches, kept under ~
    store = ProfileStore(tmp_path / "config")
    profile = EntraProfile("Lab", "https://lab.westeurope.batch.azure.com", EntraAuthMethod.DEVICE_CODE)
    store.save(ProfileSet((LocalBatchProfile(), profile)))
    stand_in = CountingSignIn()

    for _start in range(2):  # each start builds its own factory, as ExplorerApp does
        factory = ClientFactory(MemoryCredentialStore(), entra_credential_builder=stand_in.builder,
                                sign_ins_dir=store.sign_ins_dir)
        async with await factory.connect(store.load().get("Lab")):
            pass
    assert stand_in.sign_ins == 1
    assert stand_in.records[0] is None and stand_in.records[1].username == "ada@contoso.com"

    await asyncio.to_thread(factory.sign_in.sign_out, profile)
    async with await factory.connect(profile):
        pass
    assert stand_in.sign_ins == 2


@pytest.mark.asyncio
async def test_an_azure_profile_with_linked_storage_uploads_there(tmp_path, local_batch, azurite, container_name):
    endpoint = local_batch.endpoint
    storage = azurite.account
    profile = SharedKeyProfile("Lab", endpoint.account, endpoint.endpoint, StorageLink(storage.name, storage.url))
    credentials = MemoryCredentialStore()
    credentials.set_secret(profile.secret_name, endpoint.key)
    credentials.set_secret(profile.storage.secret_name, storage.key)
    (tmp_path / "input.dat").write_bytes(b"x" * 1000)
    async with await ClientFactory(credentials).connect(profile) as connection:
        assert connection.storage is not None and storage.key not in repr(connection.storage)
        upload = await LinkedStorage(connection.storage).upload_files(container_name, [tmp_path / "input.dat"])
    assert upload.total == 1000
