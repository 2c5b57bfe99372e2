"""Add from Azure: the dialog, the app's management clients and a Resource Manager stand-in (REST
spec shapes, TLS on loopback); the sign-in is a stand-in credential; the shared key it reads with
list keys is a real Local Batch's."""

from __future__ import annotations

import uuid

import pytest
from azure.core.credentials import AccessToken

from explorer.client.acting.storage import LinkedStorage
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
    StorageAuth,
    StorageLink,
)
from explorer.ui.dialogs.add_from_azure import AddFromAzureDialog
from tests.support.arm_stand_in import ArmStandIn, BatchAccountShape, serve
from tests.support.local_batch import running_local_batch
from tests.support.qt_scenarios import next_emission
from tests.support.storage import blobs_of


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


@pytest.mark.parametrize("shared_key", [False, True])
def test_an_accounts_auto_storage_is_linked_with_its_listed_key_kept_out_of_the_profiles_file(
    loop, runner, tmp_path, remote_batch, azurite, shared_key
):
    """Shared key: the auto-storage's key is read with the storage list-keys operation, kept in the credential
    store (never in profiles.json), and the connection uploads with it to the real Azurite behind the stand-in.
    Entra: the storage is linked to be signed with the sign-in; no storage key is asked for."""
    endpoint = remote_batch.endpoint
    store_account = azurite.account
    stand_in = ArmStandIn([BatchAccountShape(
        endpoint.account, "westeurope", endpoint.endpoint, endpoint.key, endpoint.key, storage=store_account.name,
        storage_blob=store_account.url, storage_key=store_account.key,
    )])
    arm_runner, url, ca = loop.run_until_complete(serve(stand_in, tmp_path))
    store = ProfileStore(tmp_path / "config")
    credentials = MemoryCredentialStore()
    accounts = Accounts(store, AccountCredentials(credentials, usable=True), environ={},
                        entra_credential_builder=TokenStandIn().builder,
                        arm_options={"arm_endpoint": url, "client_options": {"connection_verify": str(ca)}})
    dialog = runner.show(AddFromAzureDialog(accounts))
    local = tmp_path / "input.txt"
    local.write_text("from the auto-storage\n")

    async def scenario():
        listed = next_emission(dialog.stepFinished)
        dialog.list_button.click()
        await listed
        dialog.set_checked(0)
        dialog.shared_key.setChecked(shared_key)
        added = next_emission(dialog.stepFinished)
        dialog.add_button.click()
        await added
        assert "Added" in dialog.result.text(), dialog.result.text()
        if not shared_key:
            return None
        async with await accounts.factory().connect(store.load().get(endpoint.account)) as connection:
            storage = LinkedStorage(connection.storage)
            upload = await storage.upload_files(container_name, [local])
        return await blobs_of(storage, upload.container)

    container_name = f"auto-{uuid.uuid4().hex[:10]}"
    try:
        blobs = runner.run_to_end(scenario())
    finally:
        loop.run_until_complete(arm_runner.cleanup())
    added = store.load().get(endpoint.account)
    storage_path = f"/resourceGroups/default-azurebatch-japaneast/providers/Microsoft.Storage/storageAccounts/{store_account.name}"
    asked = [r for r in stand_in.requests if "Microsoft.Storage" in r]
    assert store_account.key not in store.path.read_text()
    if shared_key:
        assert added.storage == StorageLink(store_account.name, store_account.url)
        assert credentials.get_secret(added.storage.secret_name) == store_account.key
        assert any(r.endswith(storage_path + "/listKeys") for r in asked)
        assert blobs == {"input.txt": b"from the auto-storage\n"}
    else:
        assert added.storage == StorageLink(store_account.name, store_account.url, StorageAuth.ENTRA)
        assert not any(r.endswith("/listKeys") for r in asked) and credentials.get_secret(added.storage.secret_name) is None
