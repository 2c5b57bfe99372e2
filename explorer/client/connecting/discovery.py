"""Finding Batch accounts through Azure Resource Manager, as Batch Explorer users do.

Signed in with Entra ID (a credential from `entra`, with the cloud's management scope),
list the subscriptions, then the Batch accounts in one (name, region, resource group,
pool allocation mode, auto-storage), and, when the user asks for a shared key, the
account's keys (the list-keys operation). An account's auto-storage account is linked for
uploads: its blob endpoint (storage accounts get-properties) and, for shared-key use, its
key (storage accounts list-keys); Entra profiles sign for storage with their own sign-in.
Through the Azure management SDKs (azure-mgmt-subscription, azure-mgmt-batch,
azure-mgmt-storage): their pipeline signs every request, none of it is hand-rolled. Tests point `arm_endpoint` at a stand-in that answers the REST
spec examples' shapes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from azure.core.credentials_async import AsyncTokenCredential
from azure.core.exceptions import AzureError

from explorer.client.connecting.entra import CLOUDS
from explorer.client.connecting.profiles import (
    AzureCloud,
    EntraAuthMethod,
    EntraProfile,
    SharedKeyProfile,
    StorageAuth,
    StorageLink,
)
from explorer.client.errors import ConnectError, describe
from explorer.core.texts import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from azure.mgmt.batch.aio import BatchManagementClient
    from azure.mgmt.storage.aio import StorageManagementClient

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Subscription:
    subscription_id: str
    display_name: str
    state: str


@dataclass(frozen=True)
class DiscoveredAccount:
    """A Batch account as Resource Manager describes it."""

    name: str
    subscription_id: str
    resource_group: str
    location: str
    account_url: str
    pool_allocation_mode: str
    auto_storage_account_id: str | None

    def entra_profile(
        self, name: str, tenant: str | None, cloud: AzureCloud, method: EntraAuthMethod, storage: StorageLink | None = None,
    ) -> EntraProfile:
        return EntraProfile(name, self.account_url, method, tenant, cloud, storage)

    def shared_key_profile(self, name: str, storage: StorageLink | None = None) -> SharedKeyProfile:
        return SharedKeyProfile(name, self.name, self.account_url, storage)


@dataclass(frozen=True)
class AutoStorage:
    """A Batch account's auto-storage account, as linked to its profile; `key` only when asked for."""

    link: StorageLink
    key: str | None = field(default=None, repr=False)


def resource_group_of(resource_id: str) -> str:
    """'rg' of /subscriptions/s/resourceGroups/rg/providers/... (ARM ids are case-insensitive)."""
    parts = resource_id.split("/")
    lowered = [p.lower() for p in parts]
    return parts[lowered.index("resourcegroups") + 1] if "resourcegroups" in lowered else ""


def name_of(resource_id: str) -> str:
    """The last segment of an ARM id: the resource's own name."""
    return resource_id.rstrip("/").rsplit("/", 1)[-1]


def subscription_of(resource_id: str) -> str:
    parts = resource_id.split("/")
    lowered = [p.lower() for p in parts]
    return parts[lowered.index("subscriptions") + 1] if "subscriptions" in lowered else ""


def _text(value: object) -> str:
    """An SDK enum's wire value ('BatchService'), or the string itself."""
    return str(getattr(value, "value", value) or "")


class Discovery:
    """One signed-in look at Resource Manager; `close()` it (or `async with`)."""

    def __init__(
        self, credential: AsyncTokenCredential, cloud: AzureCloud = AzureCloud.PUBLIC, *, arm_endpoint: str | None = None,
        client_options: dict[str, Any] | None = None,
    ) -> None:
        endpoints = CLOUDS[cloud]
        self._credential = credential
        self._base_url = arm_endpoint or endpoints.resource_manager
        self._options = {"credential_scopes": [endpoints.management_scope], **(client_options or {})}
        # The management SDKs are imported when an account is first looked for, not at every start.
        from azure.mgmt.subscription.aio import SubscriptionClient

        self._subscriptions = SubscriptionClient(credential, base_url=self._base_url, **self._options)
        self._batch: dict[str, BatchManagementClient] = {}
        self._storage: dict[str, StorageManagementClient] = {}

    async def subscriptions(self) -> list[Subscription]:
        try:
            return [
                Subscription(s.subscription_id or "", s.display_name or s.subscription_id or "", _text(s.state))
                async for s in self._subscriptions.subscriptions.list()
            ]
        except AzureError as error:
            raise ConnectError(Text.of(QT_TRANSLATE_NOOP("Discovery", "Could not list your subscriptions: {reason}"),
                                       reason=describe(error))) from None

    async def batch_accounts(self, subscription_id: str) -> list[DiscoveredAccount]:
        client = self._batch_client(subscription_id)
        try:
            accounts = [account async for account in client.batch_account.list()]
        except AzureError as error:
            raise ConnectError(Text.of(QT_TRANSLATE_NOOP(
                "Discovery", "Could not list the Batch accounts of {subscription}: {reason}"),
                subscription=subscription_id, reason=describe(error))) from None
        found = []
        for account in accounts:
            endpoint = account.account_endpoint or ""
            auto_storage = account.auto_storage.storage_account_id if account.auto_storage else None
            found.append(DiscoveredAccount(
                account.name or "", subscription_id, resource_group_of(account.id or ""), account.location or "",
                endpoint if "://" in endpoint else f"https://{endpoint}", _text(account.pool_allocation_mode),
                auto_storage,
            ))
        return sorted(found, key=lambda a: (a.name, a.location))

    async def shared_key(self, account: DiscoveredAccount) -> str:
        """The account's primary key (list keys; needs a role that may read keys)."""
        client = self._batch_client(account.subscription_id)
        try:
            keys = await client.batch_account.get_keys(account.resource_group, account.name)
        except AzureError as error:
            raise ConnectError(Text.of(QT_TRANSLATE_NOOP("Discovery", "Could not read the keys of {account}: {reason}"),
                                       account=account.name, reason=describe(error))) from None
        if not keys.primary:
            raise ConnectError(Text.of(QT_TRANSLATE_NOOP(
                "Discovery", "{account} gave no key: shared-key access may be turned off for it."),
                account=account.name))
        return keys.primary

    async def auto_storage(self, account: DiscoveredAccount, *, with_key: bool) -> AutoStorage | None:
        """The account's auto-storage linked as a profile's storage: signed with its key (read with the
        storage account's list-keys, `with_key`) or with Entra ID. None if the account has none."""
        storage_id = account.auto_storage_account_id
        if not storage_id:
            return None
        name, group = name_of(storage_id), resource_group_of(storage_id)
        client = self._storage_client(subscription_of(storage_id) or account.subscription_id)
        try:
            properties = await client.storage_accounts.get_properties(group, name)
            keys = (await client.storage_accounts.list_keys(group, name)).keys_property if with_key else None
        except AzureError as error:
            failed = (QT_TRANSLATE_NOOP("Discovery", "Could not read the keys of {account}'s storage account "
                                                     "{storage}: {reason}") if with_key else
                      QT_TRANSLATE_NOOP("Discovery", "Could not read the endpoints of {account}'s storage account "
                                                     "{storage}: {reason}"))
            raise ConnectError(Text.of(failed, account=account.name, storage=name, reason=describe(error))) from None
        endpoints = properties.primary_endpoints
        blob_url = (endpoints.blob if endpoints and endpoints.blob else f"https://{name}.blob.core.windows.net").rstrip("/")
        if not with_key:
            return AutoStorage(StorageLink(name, blob_url, StorageAuth.ENTRA))
        key = next((k.value for k in keys or () if k.value), None)
        if key is None:
            raise ConnectError(Text.of(QT_TRANSLATE_NOOP(
                "Discovery", "Storage account {storage} gave no key: shared-key access may be turned off for it."),
                storage=name))
        return AutoStorage(StorageLink(name, blob_url), key)

    def _storage_client(self, subscription_id: str) -> StorageManagementClient:
        if subscription_id not in self._storage:
            from azure.mgmt.storage.aio import StorageManagementClient

            self._storage[subscription_id] = StorageManagementClient(
                self._credential, subscription_id, base_url=self._base_url, **self._options
            )
        return self._storage[subscription_id]

    def _batch_client(self, subscription_id: str) -> BatchManagementClient:
        if subscription_id not in self._batch:
            from azure.mgmt.batch.aio import BatchManagementClient

            self._batch[subscription_id] = BatchManagementClient(
                self._credential, subscription_id, base_url=self._base_url, **self._options
            )
        return self._batch[subscription_id]

    async def close(self) -> None:
        await self._subscriptions.close()
        for client in self._batch.values():
            await client.close()
        for storage in self._storage.values():
            await storage.close()

    async def __aenter__(self) -> Discovery:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
