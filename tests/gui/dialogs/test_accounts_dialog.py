"""The accounts dialog against a real Local Batch standing in for an Azure Batch account.

Shared-key accounts, Test and the window on the account run for real (HTTP, shared-key
signing); only Entra ID sign-in is stood in for (a credential that hands out a device code).
"""

from __future__ import annotations

import asyncio
import os
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest
from azure.core.credentials import AccessToken
from azure.identity import AuthenticationRecord
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from explorer.app import ExplorerApp
from explorer.client.connecting.accounts import Accounts
from explorer.client.connecting.credentials import AccountCredentials, MemoryCredentialStore
from explorer.client.connecting.profiles import (
    EntraAuthMethod,
    EntraProfile,
    LocalBatchProfile,
    ProfileSet,
    ProfileStore,
    SharedKeyProfile,
)
from explorer.ui.dialogs.accounts_dialog import AccountsDialog
from explorer.ui.dialogs.confirm import CONFIRM_BUTTON
from explorer.ui.settings import Settings
from tests.support.batch_scenarios import create_idle_pool
from tests.support.local_batch import make_client, running_local_batch
from tests.support.qt_scenarios import until
from tests.support.waiting import wait_until


@pytest.fixture
def remote_batch(tmp_path):
    """A second Local Batch, as `mpi-explorer localbatch serve` would run it: the "Azure" account."""
    with running_local_batch(tmp_path / "remote") as service:
        yield service


def new_store(tmp_path: Path) -> ProfileStore:
    store = ProfileStore(tmp_path / "config")
    store.save(ProfileSet((LocalBatchProfile(data_dir=tmp_path / "lb"),)))
    return store


def fill_shared_key(dialog: AccountsDialog, name: str, endpoint, key: str) -> None:
    dialog.add_new("shared_key")
    dialog.name.edit.setText(name)
    form = dialog.form
    form.url.edit.setText(endpoint.endpoint)
    form.account.edit.setText(endpoint.account)
    form.key.edit.setText(key)


async def settled(dialog: AccountsDialog, text: str) -> str:
    return await until(dialog.busyChanged, lambda: text in dialog.result.text() and dialog.result.text(),
                       what=f"{text!r} in the result")


def files_under(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}


def test_add_test_switch_edit_remove_round_trip_with_the_key_only_in_the_credential_store(
    loop, runner, qtbot, tmp_path, remote_batch
):
    endpoint = remote_batch.endpoint
    credentials = MemoryCredentialStore()
    app = ExplorerApp(Settings(tmp_path / "settings.ini"), new_store(tmp_path), credentials)

    async def scenario():
        await create_idle_pool_on(remote_batch, "remote-pool")
        window = await app.start()
        qtbot.addWidget(window)
        window.accounts_action.trigger()
        dialog = app.accounts_dialog
        await until(dialog.busyChanged, lambda: dialog.list.count() == 1, what="the accounts listed")
        fill_shared_key(dialog, "Lab", endpoint, endpoint.key)
        dialog.test_button.click()
        tested = await settled(dialog, "Connected")
        dialog.save_button.click()
        await settled(dialog, "Saved")
        menu = [action.text() for action in window._profile_actions.values()]
        dialog.connect_button.click()
        await wait_until(lambda: window.current_profile == "Lab" and window.attached, what="the window on Lab")
        on_lab = app.window
        assert on_lab is window  # the same window, switched
        await until(on_lab.navigator_panel.updated, lambda: on_lab.navigator_panel.ids("pool"), what="its pools")
        pools = on_lab.navigator_panel.ids("pool")

        # Edit: a new name keeps the key (it belongs to the account, not to the name); then remove.
        on_lab.accounts_action.trigger()
        dialog = app.accounts_dialog
        await until(dialog.busyChanged, lambda: dialog.editing == "Lab" and not dialog._busy, what="Lab in the editor")
        # Switched back from the menu, the dialog open across the switch marks Local Batch as connected now.
        window._profile_actions["Local Batch"].trigger()
        await wait_until(lambda: window.current_profile == "Local Batch" and window.attached, what="back on Local Batch")
        items = {dialog.list.item(i).data(Qt.ItemDataRole.UserRole): dialog.list.item(i).text()
                 for i in range(dialog.list.count())}
        marks = ("connected" in items["Lab"], "connected" in items["Local Batch"], dialog.connect_button.isEnabled())
        placeholder = dialog.form.key.edit.placeholderText()
        dialog.name.edit.setText("Lab renamed")
        dialog.save_button.click()
        await settled(dialog, "Saved")
        renamed = app.profiles.load().names()
        dialog.ask_remove().findChild(QPushButton, CONFIRM_BUTTON).click()
        await settled(dialog, "Removed")
        dialog.close()
        return tested, menu, pools, placeholder, renamed, marks

    try:
        tested, menu, pools, placeholder, renamed, marks = runner.run(scenario())
    finally:
        runner.run(app.shutdown())
    assert "1 pool (remote-pool), 0 jobs" in tested and endpoint.endpoint in tested
    assert menu == ["Local Batch", "Lab"] and pools == ["remote-pool"]
    assert marks == (False, True, True)  # Local Batch connected now; Lab, shown in the editor, may be connected to
    assert placeholder.startswith("stored")
    assert renamed == ["Local Batch", "Lab renamed"]
    assert app.profiles.load().names() == ["Local Batch"]
    secret_name = SharedKeyProfile("x", endpoint.account, endpoint.endpoint).secret_name
    assert credentials.get_secret(secret_name) is None  # removed with the account
    for path, content in files_under(tmp_path / "config").items():
        assert endpoint.key.encode() not in content, path
    for path, content in files_under(Path(os.environ["XDG_STATE_HOME"])).items():
        assert endpoint.key.encode() not in content, path  # nor in the log


async def create_idle_pool_on(service, pool_id: str) -> None:
    async with make_client(service) as client:
        await create_idle_pool(client, pool_id, 1)


def test_fields_are_checked_as_the_user_types(loop, runner, tmp_path):
    accounts = Accounts(new_store(tmp_path), AccountCredentials(MemoryCredentialStore(), usable=True), environ={})
    dialog = runner.show(AccountsDialog(accounts))

    async def scenario():
        await until(dialog.busyChanged, lambda: dialog.list.count() == 1, what="the accounts listed")
        dialog.add_new("shared_key")
        form = dialog.form
        form.url.edit.setText("http://prod.westeurope.batch.azure.com")
        url_problem = form.url.error.text()
        form.url.edit.setText("https://prod.westeurope.batch.azure.com")
        suggested = form.account.text
        form.key.edit.setText("not a key!")
        key_problem = form.key.error.text()
        blocked = dialog.save_button.isEnabled(), dialog.test_button.isEnabled()
        form.key.edit.setText("a2V5LWZvci10ZXN0cy1hdC1sZWFzdC0xNi1ieXRlcw==")
        dialog.name.edit.setText("Local Batch")
        name_problem = dialog.name.error.text()
        dialog.name.edit.setText("Prod")
        return url_problem, suggested, key_problem, blocked, name_problem, dialog.save_button.isEnabled()

    url_problem, suggested, key_problem, blocked, name_problem, enabled = runner.run_to_end(scenario())
    assert "https://" in url_problem and "Local Batch" in url_problem
    assert suggested == "prod"  # the account name is taken from the URL
    assert "base64" in key_problem
    assert blocked == (False, False)
    assert "built-in" in name_problem
    assert enabled


def test_what_the_user_types_survives_the_window_switching_accounts_and_saved_stays_said(loop, runner, tmp_path):
    accounts = Accounts(new_store(tmp_path), AccountCredentials(MemoryCredentialStore(), usable=True), environ={})
    dialog = runner.show(AccountsDialog(accounts, current="Local Batch"))
    key = "a2V5LWZvci10ZXN0cy1hdC1sZWFzdC0xNi1ieXRlcw=="

    async def idle() -> None:
        await until(dialog.busyChanged, lambda: not dialog._busy, what="the dialog idle")
        await asyncio.sleep(0)  # a step started by what just happened would be running now

    async def scenario():
        await until(dialog.busyChanged, lambda: dialog.list.count() == 1, what="the accounts listed")
        address = SimpleNamespace(endpoint="https://lab.westeurope.batch.azure.com", account="lab")  # never dialled
        fill_shared_key(dialog, "Lab", address, key)
        dialog.save_button.click()
        await settled(dialog, "Saved")
        await idle()
        said_after_save = dialog.result.text()
        dialog.name.edit.setText("Lab 2")  # typed, not saved yet, when the window switches
        dialog.set_connected("Lab")
        await idle()
        kept = dialog.name.text, dialog.editing, dialog.save_button.isEnabled()
        dialog.save_button.click()
        await settled(dialog, "Saved “Lab 2”")
        return said_after_save, kept, accounts.store.load().names()

    said_after_save, kept, names = runner.run_to_end(scenario())
    assert said_after_save.startswith("Saved “Lab”")  # not wiped by the editor reopening the saved account
    assert kept == ("Lab 2", "Lab", True)
    assert names == ["Local Batch", "Lab 2"]


def test_with_no_keyring_the_dialog_says_so_and_keeps_the_key_for_this_session_only(
    loop, runner, tmp_path, remote_batch
):
    class Refusing(MemoryCredentialStore):
        def set_secret(self, name, secret):
            raise AssertionError("the keyring was called although it is unusable")

    endpoint = remote_batch.endpoint
    store = new_store(tmp_path)
    credentials = AccountCredentials(Refusing(), usable=False)
    dialog = runner.show(AccountsDialog(Accounts(store, credentials, environ={})))

    async def scenario():
        await until(dialog.busyChanged, lambda: dialog.list.count() == 1, what="the accounts listed")
        banner = dialog.banner.text() if dialog.banner.isVisible() else ""
        fill_shared_key(dialog, "Lab", endpoint, endpoint.key)
        dialog.save_button.click()
        saved = await settled(dialog, "Saved")
        # This session connects with it (Test of the saved account, key field left empty).
        await until(dialog.busyChanged, lambda: not dialog._busy, what="idle")
        dialog.test_button.click()
        return banner, saved, await settled(dialog, "Connected")

    banner, saved, tested = runner.run_to_end(scenario())
    assert "no usable system keyring" in banner and "gnome-keyring" in banner and "keyrings.alt" in banner
    assert "kept for this session only" in saved
    assert store.load().names() == ["Local Batch", "Lab"]
    assert credentials.is_session_only(store.load().get("Lab").secret_name)
    assert "0 pools" in tested


class DeviceCodeSignIn:
    """The Entra stand-in: `authenticate` hands out a device code (from a thread, as azure-identity
    does) and completes once the test says the user entered it; it counts sign-ins."""

    def __init__(self) -> None:
        self.sign_ins = 0
        self.entered = threading.Event()

    def builder(self, profile, record, prompt):
        stand_in = self

        class Credential:
            async def authenticate(self, *, scopes):
                def sign_in():
                    prompt("https://microsoft.com/devicelogin", "F7K2QX9PL", datetime.now(timezone.utc) + timedelta(minutes=15))
                    assert stand_in.entered.wait(30)
                    stand_in.sign_ins += 1
                    return AuthenticationRecord("contoso", "client", "login.microsoftonline.com", "home", "ada@contoso.com")

                return await asyncio.to_thread(sign_in)

            async def get_token(self, *scopes, **kwargs):
                return AccessToken("token", 2**31)

            async def close(self):
                pass

        return Credential()


def test_the_device_code_reaches_a_dialog_with_copy_and_open_browser(loop, runner, tmp_path):
    store = new_store(tmp_path)
    # Nothing answers there: the sign-in is what is tried, not Azure.
    store.save(ProfileSet((LocalBatchProfile(), EntraProfile("Lab", "https://127.0.0.1:1", EntraAuthMethod.DEVICE_CODE))))
    stand_in = DeviceCodeSignIn()
    accounts = Accounts(store, AccountCredentials(MemoryCredentialStore(), usable=True), environ={},
                        entra_credential_builder=stand_in.builder)
    dialog = runner.show(AccountsDialog(accounts, current="Local Batch"))

    async def scenario():
        await until(dialog.busyChanged, lambda: dialog.list.count() == 2, what="the accounts listed")
        dialog.list.setCurrentRow(1)
        await until(dialog.busyChanged, lambda: dialog.editing == "Lab" and not dialog._busy, what="Lab in the editor")
        before = dialog.entra_form.signed_in.text()
        dialog.test_button.click()
        code_dialog = await wait_until(lambda: dialog.device_code_dialog, what="the device code dialog")
        shown = code_dialog.code_label.text(), code_dialog.isVisible(), code_dialog.open_button.text()
        code_dialog.copy_button.click()
        stand_in.entered.set()
        result = await settled(dialog, "Could not")
        return before, shown, result, dialog.device_code_dialog

    before, shown, result, left_open = runner.run_to_end(scenario())
    assert "not signed in" in before
    assert shown == ("F7K2QX9PL", True, "Open browser")
    assert QGuiApplication.clipboard().text() == "F7K2QX9PL"
    assert "https://127.0.0.1:1" in result and left_open is None  # the sign-in is over: the code is gone
    assert stand_in.sign_ins == 1
    assert (store.sign_ins_dir / store.load().get("Lab").record_name).is_file()
