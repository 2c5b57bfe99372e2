"""Finding Batch accounts through Azure Resource Manager, as Batch Explorer users do.

Signed in with Entra ID (a credential from `entra`, with the cloud's management scope),
list the subscriptions, then the Batch accounts in one (name, region, resource group,
pool allocation mode, auto-storage), and, when the user asks for a shared key, the
account's keys (the list-keys operation). Through the Azure management SDKs
(azure-mgmt-subscription, azure-mgmt-batch): their pipeline signs every request, none
of it is hand-rolled. Tests point `arm_endpoint` at a stand-in that answers the REST
spec examples' shapes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from azure.core.credentials_async import AsyncTokenCredential
from azure.core.exceptions import AzureError

from explorer.client.connecting.entra import CLOUDS
from explorer.client.connecting.profiles import (
    AzureCloud,
    EntraAuthMethod,
    EntraProfile,
    SharedKeyProfile,
)
from explorer.client.errors import ConnectError, describe

if TYPE_CHECKING:
    from azure.mgmt.batch.aio import BatchManagementClient

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

    def entra_profile(self, name: str, tenant: str | None, cloud: AzureCloud, method: EntraAuthMethod) -> EntraProfile:
        return EntraProfile(name, self.account_url, method, tenant, cloud)

    def shared_key_profile(self, name: str) -> SharedKeyProfile:
        return SharedKeyProfile(name, self.name, self.account_url)


def resource_group_of(resource_id: str) -> str:
    """'rg' of /subscriptions/s/resourceGroups/rg/providers/... (ARM ids are case-insensitive)."""
    parts = resource_id.split("/")
    lowered = [p.lower() for p in parts]
    return parts[lowered.index("resourcegroups") + 1] if "resourcegroups" in lowered else ""


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

    async def subscriptions(self) -> list[Subscription]:
        try:
            return [
                Subscription(s.subscription_id or "", s.display_name or s.subscription_id or "", _text(s.state))
                async for s in self._subscriptions.subscriptions.list()
            ]
        except AzureError as error:
            raise ConnectError(f"Could not list your subscriptions: {describe(error)}") from None

    async def batch_accounts(self, subscription_id: str) -> list[DiscoveredAccount]:
        client = self._batch_client(subscription_id)
        try:
            accounts = [account async for account in client.batch_account.list()]
        except AzureError as error:
            raise ConnectError(f"Could not list the Batch accounts of {subscription_id}: {describe(error)}") from None
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
            raise ConnectError(f"Could not read the keys of {account.name}: {describe(error)}") from None
        if not keys.primary:
            raise ConnectError(f"{account.name} gave no key: shared-key access may be turned off for it")
        return keys.primary

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

    async def __aenter__(self) -> Discovery:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
