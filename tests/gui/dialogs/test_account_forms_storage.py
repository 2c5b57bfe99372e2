"""The linked-storage box of the account forms: an Entra profile's storage may sign with the sign-in, no key."""

from __future__ import annotations

from explorer.client.connecting.profiles import EntraAuthMethod, EntraProfile, StorageAuth, StorageLink
from explorer.ui.dialogs.account_forms import EntraForm, SharedKeyForm


def test_an_entra_profiles_storage_can_sign_with_entra_and_then_needs_no_key(qtbot):
    form = EntraForm()
    qtbot.addWidget(form)
    form.load(None)
    form.url.edit.setText("https://lab.westeurope.batch.azure.com")
    form.storage.setChecked(True)
    form.storage.account.edit.setText("labstore")
    form.storage.url.edit.setText("https://labstore.blob.core.windows.net")
    needs_key = form.problems()
    form.storage.with_entra.setChecked(True)
    profile = form.profile("Lab")

    assert needs_key and not form.problems() and not form.storage.key.isEnabled()
    assert profile.storage == StorageLink("labstore", "https://labstore.blob.core.windows.net", StorageAuth.ENTRA)
    assert form.secrets(profile) == {}
    form.load(EntraProfile("Lab", profile.account_url, EntraAuthMethod.DEVICE_CODE, storage=profile.storage))
    assert form.storage.with_entra.isChecked()
    shared = SharedKeyForm()
    qtbot.addWidget(shared)
    assert shared.storage.with_entra.isHidden()  # a shared-key profile has no sign-in to sign with
