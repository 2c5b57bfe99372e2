"""Add from Azure: the dialog, the app's management clients and a Resource Manager stand-in (REST
spec shapes, TLS on loopback); the sign-in is a stand-in credential; the shared key it reads with
list keys is a real Local Batch's."""

from __future__ import annotations

import pytest
from azure.core.credentials import AccessToken

from explorer.client.connecting.accounts import Accounts
from explorer.client.connecting.credentials import AccountCredentials, MemoryCredentialStore
from explorer.client.connecting.profiles import (
    AzureCloud,
    EntraAuthMethod,
    EntraProfile,
    LocalBatchProfile,
    ProfileSet,
    ProfileStore,
    SharedKeyProfile,
)
from explorer.ui.dialogs.add_from_azure import AddFromAzureDialog
from tests.support.arm_stand_in import ArmStandIn, BatchAccountShape, serve
from tests.support.local_batch import running_local_batch
from tests.support.qt_scenarios import next_emission


class TokenStandIn:
    def __init__(self) -> None:
        self.built: list[EntraProfile] = []

    def builder(self, profile, record, prompt):
        self.built.append(profile)

        class Credential:
            async def get_token(self, *scopes, **kwargs):
                return AccessToken("arm-token", 2**31)

            async def close(self):
                pass

        return Credential()


@pytest.fixture
def remote_batch(tmp_path):
    with running_local_batch(tmp_path / "remote") as service:
        yield service


@pytest.mark.parametrize("shared_key", [False, True])
def test_checked_accounts_become_profiles_entra_by_default_or_with_their_listed_key(
    loop, runner, tmp_path, remote_batch, shared_key
):
    endpoint = remote_batch.endpoint
    stand_in = ArmStandIn([
        BatchAccountShape("sampleacct", "japaneast", "sampleacct.japaneast.batch.azure.com", "AAAA==", "BBBB=="),
        BatchAccountShape(endpoint.account, "westeurope", endpoint.endpoint, endpoint.key, endpoint.key, storage=None),
    ])
    arm_runner, url, ca = loop.run_until_complete(serve(stand_in, tmp_path))
    store = ProfileStore(tmp_path / "config")
    store.save(ProfileSet((LocalBatchProfile(data_dir=tmp_path / "lb"),)))
    credentials = MemoryCredentialStore()
    sign_in = TokenStandIn()
    accounts = Accounts(store, AccountCredentials(credentials, usable=True), environ={},
                        entra_credential_builder=sign_in.builder,
                        arm_options={"arm_endpoint": url, "client_options": {"connection_verify": str(ca)}})
    dialog = runner.show(AddFromAzureDialog(accounts))

    async def scenario():
        dialog.tenant.edit.setText("contoso.onmicrosoft.com")
        dialog.cloud.setCurrentIndex(dialog.cloud.findData(AzureCloud.US_GOVERNMENT.value))
        listed = next_emission(dialog.stepFinished)
        dialog.list_button.click()
        await listed
        rows = [[dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
                for r in range(dialog.table.rowCount())]
        blocked = dialog.add_button.isEnabled()
        dialog.set_checked(rows.index(next(r for r in rows if r[0] == endpoint.account)))
        dialog.shared_key.setChecked(shared_key)
        added = next_emission(dialog.stepFinished)
        dialog.add_button.click()
        await added
        if shared_key:  # the added account works, for real
            check = await accounts.test(store.load().get(endpoint.account))
            return rows, blocked, dialog.result.text(), check.pool_count
        return rows, blocked, dialog.result.text(), None

    try:
        rows, blocked, result, pools = runner.run_to_end(scenario())
    finally:
        loop.run_until_complete(arm_runner.cleanup())
    assert rows == [
        [endpoint.account, "westeurope", "default-azurebatch-japaneast", "BatchService", "SubscriptionName"],
        ["sampleacct", "japaneast", "default-azurebatch-japaneast", "BatchService", "SubscriptionName"],
    ]
    assert not blocked and f"Added {endpoint.account}" in result
    assert sign_in.built[0].cloud is AzureCloud.US_GOVERNMENT and sign_in.built[0].tenant_id == "contoso.onmicrosoft.com"
    added = store.load().get(endpoint.account)
    if shared_key:
        assert isinstance(added, SharedKeyProfile) and added.account_url == endpoint.endpoint
        assert credentials.get_secret(added.secret_name) == endpoint.key and pools == 0
    else:
        assert added == EntraProfile(endpoint.account, endpoint.endpoint, EntraAuthMethod.DEVICE_CODE,
                                     "contoso.onmicrosoft.com", AzureCloud.US_GOVERNMENT)
        assert credentials.get_secret(SharedKeyProfile("", endpoint.account, endpoint.endpoint).secret_name) is None
