"""Add from Azure…: sign in with Entra ID, see the Batch accounts of your subscriptions, add some in one step.

The accounts are listed with region, resource group, pool allocation mode and
subscription; the checked ones become profiles that sign in with Entra ID (the same
tenant, cloud and method), or, when asked, use the shared key fetched with the
account's list-keys operation (kept like any key: keyring, or this session only). An
account's auto-storage is linked for uploads: with its key (storage list-keys) beside a
shared key, or signed with Entra ID (user-delegation SAS, no key) beside an Entra sign-in.
Signal: `profilesChanged()` after accounts were added. `open()` it, never `exec()`.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.client.connecting import account_fields as checks
from explorer.client.connecting.accounts import Accounts
from explorer.client.connecting.discovery import DiscoveredAccount, Discovery
from explorer.client.connecting.entra import CLOUDS, METHOD_LABELS
from explorer.client.connecting.profiles import AzureCloud, EntraAuthMethod, ProfileSet
from explorer.client.errors import BatchLayerError, KeyringUnavailable
from explorer.ui.dialogs.account_forms import Field, error_colour
from explorer.ui.dialogs.device_code import DeviceCodePrompt
from explorer.ui.task_owner import TaskOwner
from explorer.ui.translation import error_text

log = logging.getLogger(__name__)

COLUMNS = (QT_TRANSLATE_NOOP("AddFromAzureDialog", "Account"), QT_TRANSLATE_NOOP("AddFromAzureDialog", "Region"),
           QT_TRANSLATE_NOOP("AddFromAzureDialog", "Resource group"),
           QT_TRANSLATE_NOOP("AddFromAzureDialog", "Pool allocation"),
           QT_TRANSLATE_NOOP("AddFromAzureDialog", "Subscription"))


class AddFromAzureDialog(QDialog):
    profilesChanged = Signal()
    stepFinished = Signal()
    """After each step (listing, adding), whatever its outcome: for tests."""

    def __init__(self, accounts: Accounts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add Batch accounts from Azure"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 560)
        self.accounts = accounts
        self.tasks = TaskOwner(self, on_error=lambda error: self._say(
            self.tr("Something went wrong: {error}").format(error=error_text(error)), error=True))
        self.credential: Any = None
        """The sign-in of this dialog, reused by each step (one sign-in, not one per step)."""
        self.cloud_used = AzureCloud.PUBLIC
        self.found: list[DiscoveredAccount] = []
        self.device_code = DeviceCodePrompt(self)
        self._subscription_names: dict[str, str] = {}

        self.tenant = Field(checks.check_tenant, self.tr("your home tenant (or a GUID / contoso.onmicrosoft.com)"), parent=self)
        self.cloud = QComboBox(self)
        for cloud, endpoints in CLOUDS.items():
            self.cloud.addItem(endpoints.label, cloud.value)
        self.method = QComboBox(self)
        for method, label in METHOD_LABELS.items():
            self.method.addItem(label, method.value)
        self.method.setCurrentIndex(self.method.findData(EntraAuthMethod.DEVICE_CODE.value))
        self.list_button = QPushButton(self.tr("Sign in and list accounts"), self)
        self.list_button.clicked.connect(lambda: self.tasks.start(self._list(), slot="list"))
        form = QFormLayout()
        form.addRow(self.tr("Tenant:"), self.tenant)
        form.addRow(self.tr("Cloud:"), self.cloud)
        form.addRow(self.tr("Sign in with:"), self.method)
        form.addRow("", self.list_button)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.itemChanged.connect(lambda _item: self._update_buttons())
        self.shared_key = QCheckBox(
            self.tr("Use each account's shared key (and its auto-storage's key), read with list keys, instead of Entra ID"),
            self,
        )
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_button = QPushButton(self.tr("Add checked accounts"), self)
        self.add_button.clicked.connect(lambda: self.tasks.start(self._add(), slot="add"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.shared_key, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        self._update_buttons()

    # --- steps ----------------------------------------------------------------------

    async def _list(self) -> None:
        if self.tenant.problem():
            self._say(self.tenant.problem() or "", error=True)
            return
        self.list_button.setEnabled(False)
        self._say(self.tr("Signing in and listing your subscriptions…"))
        try:
            self.cloud_used = AzureCloud(self.cloud.currentData())
            self.credential = await self.accounts.discovery_credential(
                self.tenant.text or None, self.cloud_used, EntraAuthMethod(self.method.currentData()),
                self.device_code.show,
            )
            async with self.accounts.discovery(self.credential, self.cloud_used) as discovery:
                subscriptions = await discovery.subscriptions()
                self.device_code.close()
                found: list[DiscoveredAccount] = []
                for subscription in subscriptions:
                    self._subscription_names[subscription.subscription_id] = subscription.display_name
                    found += await discovery.batch_accounts(subscription.subscription_id)
        except BatchLayerError as error:
            self._say(error_text(error), error=True)
        else:
            self._fill(found)
            accounts = (self.tr("1 Batch account") if len(found) == 1
                        else self.tr("{count} Batch accounts").format(count=len(found)))
            where = (self.tr("1 subscription") if len(subscriptions) == 1
                     else self.tr("{count} subscriptions").format(count=len(subscriptions)))
            self._say(self.tr("{accounts} in {subscriptions}. Check the ones to add.").format(
                accounts=accounts, subscriptions=where))
        finally:
            self.device_code.close()
            self.list_button.setEnabled(True)
            self.stepFinished.emit()

    async def _add(self) -> None:
        chosen = self.checked()
        if not chosen or self.credential is None:
            return
        self.add_button.setEnabled(False)
        try:
            async with self.accounts.discovery(self.credential, self.cloud_used) as discovery:
                profile_set = await self._added(discovery, chosen)
            await self.accounts.save(profile_set)
        except BatchLayerError as error:
            self._say(error_text(error), error=True)
        else:
            names = ", ".join(a.name for a in chosen)
            self._say(self.tr("Added {names}. Choose one in the Connection menu, or Connect in Accounts.").format(
                names=names))
            self.profilesChanged.emit()
        finally:
            self._update_buttons()
            self.stepFinished.emit()

    async def _added(self, discovery: Discovery, chosen: list[DiscoveredAccount]) -> ProfileSet:
        """The profiles with the chosen accounts added (their keys stored first, when asked for)."""
        profile_set = await self.accounts.load_async()
        session_only = not await self.accounts.keyring_usable()
        shared_key = self.shared_key.isChecked()
        for account in chosen:
            name = _free_name(account.name, profile_set.names())
            storage = await discovery.auto_storage(account, with_key=shared_key)
            if storage is not None and storage.key is not None:
                await self._keep(storage.link.secret_name, storage.key, session_only)
            link = storage.link if storage else None
            if shared_key:
                profile = account.shared_key_profile(name, link)
                await self._keep(profile.secret_name, await discovery.shared_key(account), session_only)
                profile_set = profile_set.put(profile)
            else:
                profile_set = profile_set.put(account.entra_profile(
                    name, self.tenant.text or None, AzureCloud(self.cloud.currentData()),
                    EntraAuthMethod(self.method.currentData()), link,
                ))
        return profile_set

    async def _keep(self, name: str, key: str, session_only: bool) -> None:
        """A key read from Azure, into the keyring (or for this session only when there is none)."""
        try:
            await self.accounts.store_secret(name, key, session_only=session_only)
        except KeyringUnavailable:
            await self.accounts.store_secret(name, key, session_only=True)

    # --- the table ---------------------------------------------------------------------

    def _fill(self, found: list[DiscoveredAccount]) -> None:
        self.found = found
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for account in found:
            row = self.table.rowCount()
            self.table.insertRow(row)
            subscription = self._subscription_names.get(account.subscription_id, account.subscription_id)
            cells = (account.name, account.location, account.resource_group, account.pool_allocation_mode, subscription)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Unchecked)
                    item.setToolTip(account.account_url)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self._update_buttons()

    def set_checked(self, row: int, checked: bool = True) -> None:
        self.table.item(row, 0).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked(self) -> list[DiscoveredAccount]:
        return [a for row, a in enumerate(self.found) if self.table.item(row, 0).checkState() == Qt.CheckState.Checked]

    # --- helpers -------------------------------------------------------------------------


    def _update_buttons(self) -> None:
        self.add_button.setEnabled(bool(self.found) and bool(self.checked()))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.result.setStyleSheet(f"color: {error_colour(self.palette())};" if error else "")
        self.result.setText(text)


def _free_name(base: str, taken: list[str]) -> str:
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base} ({n})"
    return candidate
