"""Add from Azure: the app's management clients against a Resource Manager stand-in (REST spec shapes).

The sign-in is a stand-in credential that hands out tokens and records their scopes; the
accounts it finds become profiles, and a shared key fetched with list-keys is a real Local
Batch's, so the added account is then tested for real."""

from __future__ import annotations

import pytest
import pytest_asyncio
from azure.core.credentials import AccessToken
from PySide6.QtCore import QLocale

from explorer.client.connecting.accounts import Accounts
from explorer.client.connecting.credentials import AccountCredentials, MemoryCredentialStore
from explorer.client.connecting.discovery import Discovery
from explorer.client.connecting.profiles import AzureCloud, EntraAuthMethod, ProfileStore
from explorer.client.errors import ConnectError
from explorer.ui.translation import error_text, install_translators
from tests.support.arm_stand_in import RESOURCE_GROUP, SUBSCRIPTION, ArmStandIn, BatchAccountShape, serve


class TokenStandIn:
    def __init__(self) -> None:
        self.scopes: list[tuple[str, ...]] = []

    async def get_token(self, *scopes, **kwargs):
        self.scopes.append(scopes)
        return AccessToken("arm-token", 2**31)

    async def close(self):
        pass


@pytest_asyncio.fixture
async def arm(tmp_path, local_batch):
    endpoint = local_batch.endpoint
    stand_in = ArmStandIn([
        BatchAccountShape("sampleacct", "japaneast", "sampleacct.japaneast.batch.azure.com", "AAAA==", "BBBB=="),
        BatchAccountShape(endpoint.account, "local", endpoint.endpoint, endpoint.key, endpoint.key, storage=None),
    ])
    runner, url, ca = await serve(stand_in, tmp_path)
    yield stand_in, url, ca
    await runner.cleanup()


@pytest.mark.asyncio
async def test_subscriptions_then_accounts_then_keys_through_the_management_clients(arm, tmp_path, local_batch):
    stand_in, url, ca = arm
    credential = TokenStandIn()
    async with Discovery(credential, AzureCloud.US_GOVERNMENT, arm_endpoint=url,
                         client_options={"connection_verify": str(ca)}) as discovery:
        [subscription] = await discovery.subscriptions()
        accounts = await discovery.batch_accounts(subscription.subscription_id)
        sample, local = sorted(accounts, key=lambda a: a.name != "sampleacct")
        local_key = await discovery.shared_key(local)
    assert (subscription.subscription_id, subscription.display_name, subscription.state) == (
        SUBSCRIPTION, "SubscriptionName", "Enabled")
    assert (sample.account_url, sample.location, sample.resource_group, sample.pool_allocation_mode) == (
        "https://sampleacct.japaneast.batch.azure.com", "japaneast", RESOURCE_GROUP, "BatchService")
    assert sample.auto_storage_account_id.endswith("/storageAccounts/samplestorage")
    assert set(credential.scopes) == {("https://management.usgovcloudapi.net/.default",)}
    assert f"POST /subscriptions/{SUBSCRIPTION}/resourceGroups/{RESOURCE_GROUP}/providers/Microsoft.Batch/" \
           f"batchAccounts/{local.name}/listKeys" in stand_in.requests

    # Entra by default; the shared key when asked for, tested for real against the Local Batch behind it.
    entra = sample.entra_profile("sampleacct", "contoso.onmicrosoft.com", AzureCloud.PUBLIC, EntraAuthMethod.DEVICE_CODE)
    assert entra.account_url == "https://sampleacct.japaneast.batch.azure.com"
    profile = local.shared_key_profile("Local via ARM")
    accounts_service = Accounts(ProfileStore(tmp_path / "config"),
                                AccountCredentials(MemoryCredentialStore(), usable=True), environ={})
    check = await accounts_service.test(profile, {profile.secret_name: local_key})
    assert check.pool_count == 0 and check.endpoint == local_batch.endpoint.endpoint


@pytest.mark.asyncio
async def test_an_unknown_subscription_is_said_in_words(arm):
    _stand_in, url, ca = arm
    async with Discovery(TokenStandIn(), arm_endpoint=url, client_options={"connection_verify": str(ca)}) as discovery:
        with pytest.raises(ConnectError, match="Could not list the Batch accounts of nope: HTTP 404 SubscriptionNotFound"):
            await discovery.batch_accounts("nope")


@pytest.mark.asyncio
async def test_an_unknown_subscription_reads_in_german_in_the_window(arm, qapp):
    _stand_in, url, ca = arm
    installed = install_translators(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        async with Discovery(TokenStandIn(), arm_endpoint=url, client_options={"connection_verify": str(ca)}) as discovery:
            with pytest.raises(ConnectError) as refused:
                await discovery.batch_accounts("nope")
        assert error_text(refused.value) == (
            "Die Batch-Konten des Abonnements nope konnten nicht aufgelistet werden: HTTP 404 SubscriptionNotFound")
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
