"""Open a `Connection` (an `azure.batch.aio.BatchClient` plus what it owns) for a profile.

- Local Batch: start the embedded service as a child process (or reuse one handed in)
  and sign with its shared key. If another process serves that data dir already, the
  connection uses that one. Either way a `LocalBatchSupervisor` starts it again when it
  ends unexpectedly; the connection stops a service it started (a reused one it leaves).
- Azure shared key: the key comes from the credential store, never from the profile.
- Azure Entra ID: an azure-identity credential per sign-in method, signed in once and
  remembered (`entra.EntraSignIn`). Tests replace its credential builder: the sign-in
  is the one boundary faked.
- Proxies: the profile set's proxy setting, loopback always direct (`proxies`).
- Storage: an Azure profile's linked storage (its key from the credential store, or for an
  Entra profile the same sign-in) comes with the connection, for the task wizard's uploads.

The SDK's own retry policy is switched off (`retry_total=0`): the connection tracker
owns backoff (monitor polls and live file reads), so a dead server is reported at once
instead of after minutes.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from azure.batch.aio import BatchClient
from azure.core.credentials import AzureNamedKeyCredential
from azure.core.credentials_async import AsyncTokenCredential

from explorer.client.connecting import proxies
from explorer.client.connecting.credentials import CredentialStore
from explorer.client.connecting.entra import (
    CLOUDS,
    CredentialBuilder,
    DeviceCodePrompt,
    EntraSignIn,
    build_entra_credential,
)
from explorer.client.connecting.profiles import (
    EntraProfile,
    LocalBatchProfile,
    Profile,
    ProfileStore,
    SharedKeyProfile,
    StorageAuth,
    StorageLink,
)
from explorer.client.connecting.proxies import ProxySettings
from explorer.client.errors import ConnectError, CredentialError
from explorer.client.files import ReadErrorBodies, quiet_bodyless_errors
from explorer.client.local.azurite import AzuriteService
from explorer.client.local.local_batch import LocalBatchService, LocalBatchStartError
from explorer.client.local.supervisor import LocalBatchSupervisor
from explorer.client.storage_account import StorageAccount
from explorer.client.waiting import start_in_thread
from explorer.core.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)

DEFAULT_CLIENT_OPTIONS: dict[str, Any] = {"retry_total": 0, "connection_timeout": 10, "read_timeout": 60}

class Connection:
    """A BatchClient and everything it depends on; `close()` releases all of it."""

    def __init__(
        self,
        profile: Profile,
        client: BatchClient,
        endpoint: str,
        *,
        credential: AsyncTokenCredential | None = None,
        local_service: LocalBatchService | None = None,
        owns_local_service: bool = False,
        supervisor: LocalBatchSupervisor | None = None,
        storage: StorageAccount | None = None,
        storage_options: dict[str, Any] | None = None,
    ) -> None:
        self.profile = profile
        self.storage = storage
        """The storage linked to an Azure profile (uploads), if it has one and its key is known."""
        self.storage_options = storage_options or {}
        """Network options for the storage's clients (the proxy, as for the Batch client)."""
        self.client = client
        self.endpoint = endpoint
        self.local_service = local_service
        self.supervisor = supervisor
        """Restarts `local_service` when it ends unexpectedly (services this factory started)."""
        self._credential = credential
        self._owns_local_service = owns_local_service
        self._closed = False

    def hand_over(self, client: BatchClient, endpoint: str) -> Connection:
        """A connection over a new client to the same Local Batch, which it now owns (with its
        supervisor); closing this one then closes its client only. For a service that came
        back on another endpoint."""
        successor = Connection(
            self.profile, client, endpoint, local_service=self.local_service,
            owns_local_service=self._owns_local_service, supervisor=self.supervisor,
        )
        self._owns_local_service, self.supervisor = False, None
        return successor

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        await self.client.close()
        if self._credential is not None:
            await self._credential.close()
        if self.supervisor is not None:
            await self.supervisor.close()  # what ends next is on purpose
        if self._owns_local_service and self.local_service is not None:
            await asyncio.to_thread(self.local_service.stop)
        log.info("Closed connection %r", self.profile.name)

    async def __aenter__(self) -> Connection:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"Connection(profile={self.profile.name!r}, endpoint={self.endpoint!r})"


class ClientFactory:
    """Builds connections; holds what every connection needs but no per-connection state."""

    def __init__(
        self,
        credentials: CredentialStore,
        *,
        local_service: LocalBatchService | None = None,
        local_extra_args: tuple[str, ...] = (),
        local_azurite: AzuriteService | None = None,
        entra_credential_builder: CredentialBuilder = build_entra_credential,
        sign_ins_dir: Path | None = None,
        proxy: ProxySettings = ProxySettings(),
        client_options: dict[str, Any] | None = None,
    ) -> None:
        """`local_service`: an already running service to reuse (neither supervised nor stopped).
        `local_azurite`: the storage a Local Batch started here is linked to (started again
        with it if it ended too). `sign_ins_dir`: where Entra sign-ins are remembered (the
        profile store's by default). `client_options`: BatchClient keyword arguments over
        DEFAULT_CLIENT_OPTIONS (e.g. a `raw_response_hook` for measurements)."""
        self._credentials = credentials
        self._local_service = local_service
        self._local_extra_args = local_extra_args
        self._local_azurite = local_azurite
        self.sign_in = EntraSignIn(sign_ins_dir or ProfileStore().sign_ins_dir, entra_credential_builder)
        self.proxy = proxy
        self.device_code_prompt: DeviceCodePrompt | None = None
        """Shown the device code of an Entra sign-in (the window sets it; on the event loop)."""
        self._client_options = {**DEFAULT_CLIENT_OPTIONS, **(client_options or {})}

    async def connect(self, profile: Profile) -> Connection:
        if isinstance(profile, LocalBatchProfile):
            return await self._connect_local(profile)
        if isinstance(profile, SharedKeyProfile):
            return await self._connect_shared_key(profile)
        return await self._connect_entra(profile)

    def _client(
        self, endpoint: str, credential: AzureNamedKeyCredential | AsyncTokenCredential, proxy_password: str | None = None,
        **options: Any,
    ) -> BatchClient:
        network = proxies.client_options(endpoint, self.proxy, proxy_password)
        quiet_bodyless_errors()
        errors = {"per_retry_policies": [ReadErrorBodies()]}  # a list of its own per client
        return BatchClient(endpoint, credential, **{**network, **errors, **self._client_options, **options})

    async def _proxy_password(self, endpoint: str) -> str | None:
        """The manual proxy's password (credential store, in a thread), if a request to `endpoint` needs it."""
        if not (self.proxy.username and proxies.client_options(endpoint, self.proxy).get("proxies")):
            return None
        return await asyncio.to_thread(self._credentials.get_secret, proxies.PROXY_SECRET)

    async def _storage(self, link: StorageLink | None, credential: AsyncTokenCredential | None = None) -> StorageAccount | None:
        """The linked storage: with its key from the store, or (Entra profiles) signed by `credential`."""
        if link is None:
            return None
        if link.auth is StorageAuth.ENTRA:
            if credential is None:
                log.warning("The storage %s signs with Entra ID, which this profile does not use: uploads are off",
                            link.account_name)
                return None
            return StorageAccount(link.blob_url.rstrip("/"), link.account_name, token_credential=credential)
        key = await asyncio.to_thread(self._credentials.get_secret, link.secret_name)
        if not key:
            log.warning("No key stored for the storage account %s: uploads are off", link.account_name)
            return None
        return StorageAccount(link.blob_url.rstrip("/"), link.account_name, key)

    async def _storage_options(self, storage: StorageAccount | None) -> dict[str, Any]:
        if storage is None:
            return {}
        return proxies.client_options(storage.url, self.proxy, await self._proxy_password(storage.url))

    async def _connect_local(self, profile: LocalBatchProfile) -> Connection:
        service = self._local_service
        supervisor = None
        if service is None or not service.is_running():
            azurite = self._local_azurite
            service = LocalBatchService(
                profile.resolved_data_dir(), extra_args=self._local_extra_args,
                auto_storage=azurite.account if azurite and azurite.is_expected() else None,
            )
            await _start_service(service)
            supervisor = LocalBatchSupervisor(service, azurite)
            supervisor.watch()
        assert service.endpoint is not None
        client = self.local_client(service)
        owned = supervisor is not None
        return Connection(
            profile, client, service.endpoint.endpoint, local_service=service, owns_local_service=owned,
            supervisor=supervisor,
        )

    def local_client(self, service: LocalBatchService) -> BatchClient:
        """A client for a running Local Batch, signed with its shared key."""
        assert service.endpoint is not None
        info = service.endpoint
        return self._client(info.endpoint, AzureNamedKeyCredential(info.account, info.key))

    async def _connect_shared_key(self, profile: SharedKeyProfile) -> Connection:
        # The keyring may talk to a Secret Service over D-Bus, or ask to unlock it: not on the loop.
        key = await asyncio.to_thread(self._credentials.get_secret, profile.secret_name)
        if not key:
            raise CredentialError(Text.of(QT_TRANSLATE_NOOP(
                "Credentials", "no shared key stored for account '{account}': enter it in Connection > Accounts… "
                               "(or set AZURE_BATCH_ACCESS_KEY for this run)"), account=profile.account_name))
        credential = AzureNamedKeyCredential(profile.account_name, key)
        client = self._client(profile.account_url, credential, await self._proxy_password(profile.account_url))
        storage = await self._storage(profile.storage)
        return Connection(
            profile, client, profile.account_url, storage=storage, storage_options=await self._storage_options(storage)
        )

    async def _connect_entra(self, profile: EntraProfile) -> Connection:
        if not profile.account_url.lower().startswith("https://"):
            # azure-core refuses bearer tokens over plain http; say so before the first call.
            raise ConnectError(Text.of(QT_TRANSLATE_NOOP("SignIn", "Entra ID sign-in needs an https:// account URL")))
        credential = await self.sign_in.credential(profile, self.device_code_prompt)
        client = self._client(
            profile.account_url, credential, await self._proxy_password(profile.account_url),
            credential_scopes=[CLOUDS[profile.cloud].batch_scope],
        )
        storage = await self._storage(profile.storage, credential)
        return Connection(
            profile, client, profile.account_url, credential=credential, storage=storage,
            storage_options=await self._storage_options(storage),
        )


async def _start_service(service: LocalBatchService) -> None:
    """Start Local Batch in a thread; if the caller gives up, stop it once it is up."""
    try:
        await start_in_thread(service.start, service.stop)
    except LocalBatchStartError as exc:
        raise ConnectError(exc.text) from exc
