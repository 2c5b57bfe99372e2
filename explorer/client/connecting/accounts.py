"""The accounts a user keeps: profiles with their keys, tested before they are relied on.

The accounts dialog and the `mpi-explorer accounts` commands both go through `Accounts`:
it reads and writes `profiles.json` and the credential store (each in a thread: file I/O
and the keyring block), and `test` connects as the window would and counts what it
found, or says in words a user can act on why it could not.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from azure.core.credentials_async import AsyncTokenCredential
from azure.core.exceptions import ClientAuthenticationError, HttpResponseError, ServiceRequestError

from explorer.client.connecting import proxies
from explorer.client.connecting.client_factory import ClientFactory
from explorer.client.connecting.credentials import AccountCredentials, CredentialStore, MemoryCredentialStore
from explorer.client.connecting.discovery import Discovery
from explorer.client.connecting.entra import CLOUDS, CredentialBuilder, build_entra_credential, method_problem, on_loop
from explorer.client.connecting.profiles import (
    AzureCloud,
    EntraAuthMethod,
    EntraProfile,
    LocalBatchProfile,
    Profile,
    ProfileSet,
    ProfileStore,
    SharedKeyProfile,
    with_environment,
)
from explorer.client.errors import BatchLayerError, ConnectError, SignInError, describe, status_code
from explorer.core.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AccountCheck:
    """What a successful test found."""

    endpoint: str
    pool_ids: tuple[str, ...]
    job_count: int

    @property
    def pool_count(self) -> int:
        return len(self.pool_ids)

    def summary(self) -> str:
        pools = ", ".join(self.pool_ids[:5]) + (" …" if len(self.pool_ids) > 5 else "")
        found = f"{self.pool_count} pool{'s' * (self.pool_count != 1)}" + (f" ({pools})" if pools else "")
        return f"Connected to {self.endpoint}: {found}, {self.job_count} job{'s' * (self.job_count != 1)}."


class _Overlay:
    """Secrets typed in the dialog but not saved yet, over the stored ones (for Test)."""

    def __init__(self, typed: MemoryCredentialStore, stored: CredentialStore) -> None:
        self._typed, self._stored = typed, stored

    def get_secret(self, name: str) -> str | None:
        return self._typed.get_secret(name) or self._stored.get_secret(name)

    def set_secret(self, name: str, secret: str) -> None:
        self._typed.set_secret(name, secret)

    def delete_secret(self, name: str) -> None:
        self._typed.delete_secret(name)


class Accounts:
    def __init__(
        self, store: ProfileStore, credentials: AccountCredentials, *, environ: Mapping[str, str] | None = None,
        entra_credential_builder: CredentialBuilder = build_entra_credential, local_extra_args: tuple[str, ...] = (),
        arm_options: dict[str, Any] | None = None,
    ) -> None:
        """`arm_options`: Discovery keyword arguments (tests: the stand-in's `arm_endpoint`, its CA)."""
        self.store = store
        self._arm_options = arm_options or {}
        self.credentials = credentials
        self._environ = os.environ if environ is None else environ
        self._builder = entra_credential_builder
        self._local_extra_args = local_extra_args

    def load(self) -> ProfileSet:
        """The saved profiles and the environment's account. Blocking (file I/O)."""
        return with_environment(self.store.load(), self._environ)

    async def load_async(self) -> ProfileSet:
        return await asyncio.to_thread(self.load)

    async def save(self, profile_set: ProfileSet) -> None:
        await asyncio.to_thread(self.store.save, profile_set)

    async def keyring_usable(self) -> bool:
        return await asyncio.to_thread(lambda: self.credentials.keyring_usable)

    async def store_secret(self, name: str, secret: str, *, session_only: bool = False) -> None:
        """Into the keyring (KeyringUnavailable if there is none), or for this session only."""
        if session_only:
            self.credentials.keep_for_session(name, secret)
        else:
            await asyncio.to_thread(self.credentials.set_secret, name, secret)

    async def has_secret(self, name: str) -> bool:
        return bool(await asyncio.to_thread(self.credentials.get_secret, name))

    async def forget_secrets(self, profile: Profile) -> None:
        """Delete the keys only this profile used (a shared key, its storage key) and its sign-in."""
        names = [p.secret_name for p in (profile,) if isinstance(p, SharedKeyProfile)]
        storage = getattr(profile, "storage", None)
        if storage is not None:
            names.append(storage.secret_name)
        for name in names:
            await asyncio.to_thread(self.credentials.delete_secret, name)
        if isinstance(profile, EntraProfile):
            await asyncio.to_thread(self.factory().sign_in.sign_out, profile)

    async def discovery_credential(
        self, tenant: str | None, cloud: AzureCloud, method: EntraAuthMethod, device_code_prompt=None,
    ) -> AsyncTokenCredential:
        """The Entra credential for Resource Manager (it signs in at its first request)."""
        problem = await asyncio.to_thread(method_problem, method)
        if problem:
            raise SignInError(problem)
        profile = EntraProfile("Add from Azure", CLOUDS[cloud].resource_manager, method, tenant or None, cloud)
        return self._builder(profile, None, on_loop(device_code_prompt))

    def discovery(self, credential: AsyncTokenCredential, cloud: AzureCloud) -> Discovery:
        """Resource Manager's clients over `credential` (`async with` it: it closes them, not the credential)."""
        return Discovery(credential, cloud, **self._arm_options)

    def factory(self, credentials: CredentialStore | None = None, proxy: proxies.ProxySettings | None = None,
                **options: Any) -> ClientFactory:
        return ClientFactory(
            credentials or self.credentials, entra_credential_builder=self._builder,
            sign_ins_dir=self.store.sign_ins_dir, local_extra_args=self._local_extra_args,
            proxy=proxy if proxy is not None else self.store_proxy(), **options,
        )

    def store_proxy(self) -> proxies.ProxySettings:
        try:
            return self.store.load().proxy
        except BatchLayerError:
            return proxies.ProxySettings()

    async def test(
        self, profile: Profile, typed_secrets: Mapping[str, str] | None = None, *,
        proxy: proxies.ProxySettings | None = None, device_code_prompt=None,
    ) -> AccountCheck:
        """Connect, list the pools and count the jobs, close. ConnectError says why not, for a user."""
        typed = MemoryCredentialStore()
        for name, secret in (typed_secrets or {}).items():
            typed.set_secret(name, secret)
        if proxy is None:
            proxy = await asyncio.to_thread(self.store_proxy)
        factory = self.factory(_Overlay(typed, self.credentials), proxy)
        factory.device_code_prompt = device_code_prompt
        endpoint = getattr(profile, "account_url", "")
        try:
            async with await factory.connect(profile) as connection:
                endpoint = connection.endpoint
                client = connection.client
                pool_ids = tuple([pool.id async for pool in client.list_pools(select=["id"])])
                jobs = len([job async for job in client.list_jobs(select=["id"])])
        except BatchLayerError:
            raise
        except Exception as error:
            raise ConnectError(explain_failure(error, endpoint, proxy)) from None
        return AccountCheck(endpoint, pool_ids, jobs)


def explain_failure(error: BaseException, endpoint: str, proxy: proxies.ProxySettings) -> Text:
    """Why a connection to `endpoint` failed, in words a user can act on (never a key)."""
    code = status_code(error)
    if isinstance(error, ClientAuthenticationError) or code in (401, 403):
        return Text.of(QT_TRANSLATE_NOOP(
            "AccountChecks", "{endpoint} refused the credentials ({reason}): check the account name and key "
            "(or, for Entra ID, that your user has a role on the account)."), endpoint=endpoint, reason=describe(error))
    if code == 404:
        return Text.of(QT_TRANSLATE_NOOP(
            "AccountChecks", "{endpoint} answered 404: is this the account URL shown on the account's overview page?"),
            endpoint=endpoint)
    if isinstance(error, HttpResponseError):
        return Text.of(QT_TRANSLATE_NOOP("AccountChecks", "{endpoint} answered {reason}."),
                       endpoint=endpoint, reason=describe(error))
    reason = describe(error)
    if isinstance(error, (ServiceRequestError, OSError, asyncio.TimeoutError)):
        return proxies.explain(Text.of(QT_TRANSLATE_NOOP("AccountChecks", "Could not reach {endpoint}: {reason}"),
                                       endpoint=endpoint, reason=reason), endpoint, proxy)
    return Text.of(QT_TRANSLATE_NOOP("AccountChecks", "Could not connect to {endpoint}: {reason}"),
                   endpoint=endpoint, reason=reason)


def kind_label(profile: Profile) -> Text:
    """The kind of account, as the accounts dialog and the run-elsewhere list name it."""
    if isinstance(profile, LocalBatchProfile):
        return Text.of(QT_TRANSLATE_NOOP("AccountKinds", "Local Batch"))
    if isinstance(profile, SharedKeyProfile):
        return Text.of(QT_TRANSLATE_NOOP("AccountKinds", "Azure Batch, shared key"))
    return Text.of(QT_TRANSLATE_NOOP("AccountKinds", "Azure Batch, Microsoft Entra ID"))
