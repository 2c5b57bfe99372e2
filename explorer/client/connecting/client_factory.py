"""Open a `Connection` (an `azure.batch.aio.BatchClient` plus what it owns) for a profile.

- Local Batch: start the embedded service as a child process (or reuse one handed in)
  and sign with its shared key. If another process serves that data dir already, the
  connection uses that one. Either way a `LocalBatchSupervisor` starts it again when it
  ends unexpectedly; the connection stops a service it started (a reused one it leaves).
- Azure shared key: the key comes from the credential store, never from the profile.
- Azure Entra ID: an azure-identity credential per sign-in method. Interactive browser
  and device code exist only as synchronous credentials, so they are run in a thread.
  Tests replace `entra_credential_builder`: the sign-in is the one boundary faked.

The SDK's own retry policy is switched off (`retry_total=0`): the connection tracker
owns backoff (monitor polls and live file reads), so a dead server is reported at once
instead of after minutes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from azure.batch.aio import BatchClient
from azure.core.credentials import AccessToken, AzureNamedKeyCredential, TokenCredential
from azure.core.credentials_async import AsyncTokenCredential

from explorer.client.connecting.credentials import CredentialStore
from explorer.client.connecting.profiles import (
    EntraAuthMethod,
    EntraProfile,
    LocalBatchProfile,
    Profile,
    SharedKeyProfile,
)
from explorer.client.errors import ConnectError, CredentialError
from explorer.client.local.azurite import AzuriteService
from explorer.client.local.local_batch import LocalBatchService, LocalBatchStartError
from explorer.client.local.supervisor import LocalBatchSupervisor
from explorer.client.waiting import start_in_thread

log = logging.getLogger(__name__)

DEFAULT_CLIENT_OPTIONS: dict[str, Any] = {"retry_total": 0, "connection_timeout": 10, "read_timeout": 60}

DeviceCodePrompt = Callable[[str, str, datetime], None]
"""Called with (verification URL, user code, expiry) so the UI can show them."""


class ThreadedTokenCredential:
    """An AsyncTokenCredential over a synchronous one (browser/device-code sign-in block)."""

    def __init__(self, credential: TokenCredential) -> None:
        self._credential = credential

    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        return await asyncio.to_thread(self._credential.get_token, *scopes, **kwargs)

    async def close(self) -> None:
        close = getattr(self._credential, "close", None)
        if close:
            close()

    async def __aenter__(self) -> ThreadedTokenCredential:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


def build_entra_credential(profile: EntraProfile, device_code_prompt: DeviceCodePrompt | None = None):
    """The azure-identity credential for the profile's sign-in method (no sign-in yet)."""
    # azure-identity takes ~0.2 s to import: paid by an Entra profile, not by every start.
    from azure.identity import DeviceCodeCredential, InteractiveBrowserCredential
    from azure.identity.aio import AzureCliCredential, DefaultAzureCredential

    tenant = profile.tenant_id or None
    method = profile.auth_method
    if method is EntraAuthMethod.AZURE_CLI:
        return AzureCliCredential(tenant_id=tenant or "")
    if method is EntraAuthMethod.DEFAULT:
        # DefaultAzureCredential takes its tenant from AZURE_TENANT_ID and the tools it chains.
        return DefaultAzureCredential()
    if method is EntraAuthMethod.DEVICE_CODE:
        return ThreadedTokenCredential(DeviceCodeCredential(tenant_id=tenant, prompt_callback=device_code_prompt))
    return ThreadedTokenCredential(InteractiveBrowserCredential(tenant_id=tenant))


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
    ) -> None:
        self.profile = profile
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
        entra_credential_builder: Callable[[EntraProfile], AsyncTokenCredential] = build_entra_credential,
        client_options: dict[str, Any] | None = None,
    ) -> None:
        """`local_service`: an already running service to reuse (neither supervised nor stopped).
        `local_azurite`: the storage a Local Batch started here is linked to (started again
        with it if it ended too). `client_options`: BatchClient keyword arguments over
        DEFAULT_CLIENT_OPTIONS (e.g. a `raw_response_hook` for measurements)."""
        self._credentials = credentials
        self._local_service = local_service
        self._local_extra_args = local_extra_args
        self._local_azurite = local_azurite
        self._entra_credential_builder = entra_credential_builder
        self._client_options = {**DEFAULT_CLIENT_OPTIONS, **(client_options or {})}

    async def connect(self, profile: Profile) -> Connection:
        if isinstance(profile, LocalBatchProfile):
            return await self._connect_local(profile)
        if isinstance(profile, SharedKeyProfile):
            return await self._connect_shared_key(profile)
        return self._connect_entra(profile)

    def _client(self, endpoint: str, credential: AzureNamedKeyCredential | AsyncTokenCredential) -> BatchClient:
        return BatchClient(endpoint, credential, **self._client_options)

    async def _connect_local(self, profile: LocalBatchProfile) -> Connection:
        service = self._local_service
        supervisor = None
        if service is None or not service.is_running():
            azurite = self._local_azurite
            service = LocalBatchService(
                profile.resolved_data_dir(), extra_args=self._local_extra_args,
                auto_storage=azurite.account if azurite and azurite.is_running() else None,
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
            raise CredentialError(f"no shared key stored for account {profile.account_name!r}")
        client = self._client(profile.account_url, AzureNamedKeyCredential(profile.account_name, key))
        return Connection(profile, client, profile.account_url)

    def _connect_entra(self, profile: EntraProfile) -> Connection:
        if not profile.account_url.lower().startswith("https://"):
            # azure-core refuses bearer tokens over plain http; say so before the first call.
            raise ConnectError("Entra ID sign-in needs an https:// account URL")
        credential = self._entra_credential_builder(profile)
        client = self._client(profile.account_url, credential)
        return Connection(profile, client, profile.account_url, credential=credential)


async def _start_service(service: LocalBatchService) -> None:
    """Start Local Batch in a thread; if the caller gives up, stop it once it is up."""
    try:
        await start_in_thread(service.start, service.stop)
    except LocalBatchStartError as exc:
        raise ConnectError(str(exc)) from exc
