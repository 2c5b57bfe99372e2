"""Connection > Accounts…: list, add, edit, test, remove the accounts, choose the default; the proxy.

Kinds: Local Batch (a data folder), Azure Batch with a shared key, Azure Batch with
Microsoft Entra ID. Fields are checked as the user types; "Test" connects with what the
form says (saved or not) and shows the pools and jobs it found, or why it could not.
Keys go to the keyring (in a thread: it may block), or, with no usable keyring, are kept
for this session only, as the banner at the top says. Nothing secret is shown again.

Signals: `profilesChanged()` after anything was saved, `connectRequested(name)` for
"Connect". Non-modal: `open()` it, never `exec()`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.client.connecting import account_fields as checks
from explorer.client.connecting.accounts import Accounts, kind_label
from explorer.client.connecting.credentials import KEYRING_REMEDY
from explorer.client.connecting.entra import record_summary
from explorer.client.connecting.profiles import (
    ENVIRONMENT_PROFILE_NAME,
    LOCAL_PROFILE_NAME,
    EntraProfile,
    LocalBatchProfile,
    Profile,
    ProfileSet,
    SharedKeyProfile,
)
from explorer.client.connecting.proxies import PROXY_SECRET
from explorer.client.errors import BatchLayerError
from explorer.ui.dialogs.account_forms import (
    AccountForm,
    EntraForm,
    Field,
    LocalBatchForm,
    ProxyForm,
    SharedKeyForm,
    error_colour,
)
from explorer.ui.dialogs.add_from_azure import AddFromAzureDialog
from explorer.ui.dialogs.confirm import confirm
from explorer.ui.dialogs.device_code import DeviceCodeDialog, DeviceCodePrompt
from explorer.ui.task_owner import TaskOwner
from explorer.ui.translation import error_text, translated

log = logging.getLogger(__name__)

NEW_KINDS = (
    (SharedKeyProfile.kind, QT_TRANSLATE_NOOP("AccountsDialog", "Azure Batch account with a shared key…")),
    (EntraProfile.kind, QT_TRANSLATE_NOOP("AccountsDialog", "Azure Batch account with Microsoft Entra ID…")),
    (LocalBatchProfile.kind, QT_TRANSLATE_NOOP("AccountsDialog", "Local Batch on another data folder…")),
)
NEW_HEADINGS = {
    SharedKeyProfile.kind: QT_TRANSLATE_NOOP("AccountsDialog", "New Azure Batch account (shared key)"),
    EntraProfile.kind: QT_TRANSLATE_NOOP("AccountsDialog", "New Azure Batch account (Microsoft Entra ID)"),
    LocalBatchProfile.kind: QT_TRANSLATE_NOOP("AccountsDialog", "New Local Batch"),
}
LABEL_WIDTH = 130


class AccountsDialog(QDialog):
    profilesChanged = Signal()
    connectRequested = Signal(str)
    busyChanged = Signal(bool)
    """True while something runs (a test, a save); for tests and the buttons."""

    def __init__(self, accounts: Accounts, parent: QWidget | None = None, current: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accounts"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(980, 640)
        self.accounts = accounts
        self.tasks = TaskOwner(self, on_error=self._unexpected)
        self.profile_set = ProfileSet()
        self.keyring_usable: bool | None = None
        self.editing: str | None = None
        """The saved profile in the editor, or None for a new one."""
        self.adding = False
        """A new account is in the editor: a listing that arrives later must not replace it."""
        self.device_code = DeviceCodePrompt(self)
        self._connected_to = current
        self._busy = 0
        gone = self._gone = [False]  # not a bound method: the slot must outlive the C++ object
        self.destroyed.connect(lambda *_args: gone.__setitem__(0, True))

        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._accounts_tab(), self.tr("Accounts"))
        self.tabs.addTab(self._proxy_tab(), self.tr("Network proxy"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self._run("load", self._load, select=current)

    # --- building --------------------------------------------------------------------

    def _accounts_tab(self) -> QWidget:
        tab = QWidget(self)
        self.list = QListWidget(tab)
        self.list.setMinimumWidth(260)
        self.list.currentItemChanged.connect(self._selection_changed)
        self.add_button = QToolButton(tab)
        self.add_button.setText(self.tr("Add"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_button)
        for kind, text in NEW_KINDS:
            menu.addAction(self.tr(text), lambda k=kind: self.add_new(k))
        menu.addSeparator()
        menu.addAction(self.tr("From Azure: sign in and pick accounts…"), self.add_from_azure)
        self.add_button.setMenu(menu)
        self.remove_button = QPushButton(self.tr("Remove"), tab)
        self.remove_button.clicked.connect(self.ask_remove)
        self.default_button = QPushButton(self.tr("Set as default"), tab)
        self.default_button.setToolTip(self.tr("The account the window opens on"))
        self.default_button.clicked.connect(lambda: self._run("save", self._set_default))
        list_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.default_button):
            list_buttons.addWidget(button)
        list_buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(list_buttons)

        self.heading = QLabel(tab)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.name = Field(self._check_name, self.tr("as it appears in the Connection menu"), parent=tab)
        self.name.edit.setObjectName("profile_name")
        self.forms: dict[str, AccountForm] = {
            form.kind: form for form in (LocalBatchForm(tab), SharedKeyForm(tab), EntraForm(tab))
        }
        self.stack = QStackedWidget(tab)
        for form in self.forms.values():
            form.align_labels(LABEL_WIDTH)
            self.stack.addWidget(form)
            form.changed.connect(self._update_buttons)
        self.entra_form.signOutRequested.connect(lambda: self._run("save", self._sign_out))
        self.name.changed.connect(self._update_buttons)
        self.test_button = QPushButton(self.tr("Test"), tab)
        self.test_button.setToolTip(self.tr("Connect with what the form says and list what the account has"))
        self.test_button.clicked.connect(lambda: self._run("test", self._test))
        self.save_button = QPushButton(self.tr("Save"), tab)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self._run("save", self._save))
        self.connect_button = QPushButton(self.tr("Connect"), tab)
        self.connect_button.setToolTip(self.tr("Open the window on this account"))
        self.connect_button.clicked.connect(self._connect_clicked)
        self.result = QLabel(tab)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setMinimumHeight(48)
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        actions = QHBoxLayout()
        actions.addWidget(self.test_button)
        actions.addStretch(1)
        actions.addWidget(self.connect_button)
        actions.addWidget(self.save_button)
        name_row = QHBoxLayout()
        name_label = QLabel(self.tr("Name:"), tab)
        name_label.setFixedWidth(LABEL_WIDTH)
        name_row.addWidget(name_label, 0, Qt.AlignmentFlag.AlignTop)
        name_row.addWidget(self.name, 1)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addLayout(name_row)
        right.addWidget(self.stack)
        right.addStretch(1)
        right.addWidget(self.result)
        right.addLayout(actions)
        row = QHBoxLayout(tab)
        row.addLayout(left, 2)
        row.addSpacing(12)
        row.addLayout(right, 5)
        return tab

    def _proxy_tab(self) -> QWidget:
        tab = QWidget(self)
        self.proxy_form = ProxyForm(tab)
        self.proxy_save = QPushButton(self.tr("Save proxy"), tab)
        self.proxy_save.clicked.connect(lambda: self._run("save", self._save_proxy))
        self.proxy_form.changed.connect(lambda: self.proxy_save.setEnabled(self.proxy_form.problem() is None))
        self.proxy_result = QLabel(tab)
        self.proxy_result.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.proxy_form)
        layout.addStretch(1)
        layout.addWidget(self.proxy_result)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.proxy_save)
        layout.addLayout(row)
        return tab

    @property
    def form(self) -> AccountForm:
        return self.stack.currentWidget()

    @property
    def entra_form(self) -> EntraForm:
        form = self.forms[EntraProfile.kind]
        assert isinstance(form, EntraForm)
        return form

    # --- what the user does -------------------------------------------------------------

    def add_new(self, kind: str) -> None:
        """An empty form for a new account of `kind` (its name suggested)."""
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.list.blockSignals(False)
        self.editing = None
        self.adding = True
        form = self.forms[kind]
        self.stack.setCurrentWidget(form)
        form.load(None)
        self.heading.setText(self.tr(NEW_HEADINGS[kind]))
        self.name.set_text(self._free_name("Azure Batch" if kind != LocalBatchProfile.kind else "Local Batch 2"))
        self.name.setEnabled(True)
        self._set_editable(True)
        self._say("")
        self._update_buttons()
        first = next(iter(form.fields), None)
        (first.edit if first else self.name.edit).setFocus()

    def add_from_azure(self) -> AddFromAzureDialog:
        dialog = AddFromAzureDialog(self.accounts, self)
        dialog.profilesChanged.connect(lambda: self._run("load", self._load))
        dialog.profilesChanged.connect(self.profilesChanged)
        dialog.open()
        return dialog

    def _selection_changed(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        self._run("edit", self._edit, self.profile_set.get(name))

    def ask_remove(self) -> QMessageBox | None:
        name = self.editing
        if name is None:
            return None
        return confirm(
            self, self.tr("Remove account"),
            self.tr("Remove “{name}” from MPI Explorer, with the keys stored for it?\n\n"
                    "The Batch account itself is not touched.").format(name=name),
            self.tr("Remove"), lambda: self._run("save", self._remove, name),
        )

    def _connect_clicked(self) -> None:
        if self.editing is not None:
            self.connectRequested.emit(self.editing)
            self.accept()

    # --- async steps --------------------------------------------------------------------

    async def _load(self, select: str | None = None) -> None:
        self.profile_set = await self.accounts.load_async()
        if self.keyring_usable is None:
            self.keyring_usable = await self.accounts.keyring_usable()
            self._show_banner()
        self.proxy_form.load(self.profile_set.proxy, await self.accounts.has_secret(PROXY_SECRET))
        chosen = self._fill_list(select or (self.editing if self.editing else self.profile_set.selected))
        if chosen is not None and chosen != self.editing:
            await self._edit(self.profile_set.get(chosen))

    def set_connected(self, name: str | None) -> None:
        """The window switched to `name`'s account (None: none yet): the list marks it, Connect is greyed for it."""
        if name == self._connected_to:
            return
        self._connected_to = name
        self._fill_list(self.editing)
        self._update_buttons()

    def _fill_list(self, select: str | None) -> str | None:
        """List the accounts with `select` current (unless a new one is being added); returns its name if listed.

        Refilling never reloads the editor by itself: what the user typed there survives a listing that
        arrives later (a save elsewhere, the window switching accounts); `_load` opens another account.
        """
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for profile in self.profile_set.profiles:
            marks = [translated(kind_label(profile))]
            if profile.name == self.profile_set.selected:
                marks.append(self.tr("default"))
            if profile.name == self._connected_to:
                marks.append(self.tr("connected"))
            item = QListWidgetItem(f"{profile.name}\n    {' · '.join(marks)}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, profile.name)
            if profile.name == select:
                chosen = item
        shown = chosen is not None and not self.adding
        if shown:
            self.list.setCurrentItem(chosen)
        self.list.blockSignals(False)
        return select if shown else None

    async def _edit(self, profile: Profile) -> None:
        self.editing, self.adding = profile.name, False
        form = self.forms[profile.kind]
        key_stored = isinstance(profile, SharedKeyProfile) and await self.accounts.has_secret(profile.secret_name)
        storage = getattr(profile, "storage", None)
        storage_stored = storage is not None and await self.accounts.has_secret(storage.secret_name)
        if isinstance(form, SharedKeyForm):
            form.load(profile, key_stored, storage_stored)
        elif isinstance(form, EntraForm):
            assert isinstance(profile, EntraProfile)
            sign_in = self.accounts.factory().sign_in
            form.load(profile, storage_key_stored=storage_stored)
            who = await asyncio.to_thread(record_summary, sign_in.record_path(profile))
            form.show_sign_in(who, await asyncio.to_thread(sign_in.signed_in, profile))
        else:
            form.load(profile)
        self.stack.setCurrentWidget(form)
        self.heading.setText(translated(kind_label(profile)))
        self.name.set_text(profile.name)
        builtin = profile.name in (LOCAL_PROFILE_NAME, ENVIRONMENT_PROFILE_NAME)
        self.name.setEnabled(not builtin)
        self._set_editable(profile.name != ENVIRONMENT_PROFILE_NAME)
        if profile.name == ENVIRONMENT_PROFILE_NAME:
            self._say(self.tr("This account comes from AZURE_BATCH_ENDPOINT, AZURE_BATCH_ACCOUNT and "
                              "AZURE_BATCH_ACCESS_KEY in the environment; it is not saved. "
                              "Test and Connect use it as it is."))
        elif isinstance(profile, SharedKeyProfile) and not key_stored:
            self._say(self.tr("No key is stored for this account: enter it and Save."), error=True)
        else:
            self._say("")
        self._update_buttons()

    async def _test(self) -> None:
        profile = self._form_profile()
        if profile is None:
            return
        self._say(self.tr("Testing… (connecting and listing pools and jobs)"))
        try:
            check = await self.accounts.test(
                profile, self.form.secrets(profile), proxy=self.proxy_form.settings(),
                device_code_prompt=self.device_code.show,
            )
        except BatchLayerError as error:
            self._say(self.tr("Could not connect. {error}").format(error=error_text(error)), error=True)
            return
        finally:
            self.device_code.close()
        self._say(self.tr("✓ {summary}").format(summary=check.summary()))

    async def _save(self) -> None:
        profile = self._form_profile()
        if profile is None:
            return
        secrets = self.form.secrets(profile)
        session_only = not self.keyring_usable
        for name, secret in secrets.items():
            await self.accounts.store_secret(name, secret, session_only=session_only)
        original = self.profile_set.get(self.editing) if self.editing else None
        profile_set = self.profile_set.put(profile, replacing=self.editing)
        await self.accounts.save(profile_set)
        if isinstance(original, SharedKeyProfile) and isinstance(profile, SharedKeyProfile) and (
            original.secret_name != profile.secret_name
        ):
            await asyncio.to_thread(self.accounts.credentials.delete_secret, original.secret_name)
        self.editing, self.adding = None, False
        await self._load(select=profile.name)  # reopened: the key field shows the key as stored now
        if not secrets:
            said = self.tr("Saved “{name}”.")
        elif session_only:
            said = self.tr("Saved “{name}”. Its key is kept for this session only (no keyring).")
        else:
            said = self.tr("Saved “{name}”. Its key is in the keyring.")
        self._say(said.format(name=profile.name))
        self.profilesChanged.emit()

    async def _remove(self, name: str) -> None:
        profile = self.profile_set.get(name)
        await self.accounts.save(self.profile_set.without(name))
        await self.accounts.forget_secrets(profile)
        self.editing, self.adding = None, False
        await self._load(select=self.profile_set.selected)
        self._say(self.tr("Removed “{name}”.").format(name=name))
        self.profilesChanged.emit()

    async def _set_default(self) -> None:
        if self.editing is None:
            return
        await self.accounts.save(self.profile_set.with_selected(self.editing))
        await self._load(select=self.editing)
        self._say(self.tr("MPI Explorer opens on “{name}” from now on.").format(name=self.editing))
        self.profilesChanged.emit()

    async def _sign_out(self) -> None:
        if self.editing is None:
            return
        profile = self.profile_set.get(self.editing)
        if isinstance(profile, EntraProfile):
            await asyncio.to_thread(self.accounts.factory().sign_in.sign_out, profile)
            self.entra_form.show_sign_in(None, False)
            self._say(self.tr("Signed out of “{name}”: the next connection asks you to sign in again.").format(
                name=profile.name))

    async def _save_proxy(self) -> None:
        form = self.proxy_form
        if form.problem():
            return
        if form.password.text:
            await self.accounts.store_secret(PROXY_SECRET, form.password.text, session_only=not self.keyring_usable)
        profile_set = await self.accounts.load_async()
        await self.accounts.save(dataclasses.replace(profile_set, proxy=form.settings()))
        self.profile_set = dataclasses.replace(self.profile_set, proxy=form.settings())
        self.proxy_result.setText(self.tr("Saved. It applies to the next connection (Connection menu, or Connect)."))
        self.profilesChanged.emit()

    # --- device code ------------------------------------------------------------------

    @property
    def device_code_dialog(self) -> DeviceCodeDialog | None:
        return self.device_code.dialog

    # --- helpers ------------------------------------------------------------------------

    def _check_name(self, text: str) -> str | None:
        if self.editing in (LOCAL_PROFILE_NAME, ENVIRONMENT_PROFILE_NAME) and text == self.editing:
            return None
        taken = [name for name in self.profile_set.names() if name != self.editing]
        return checks.check_profile_name(text, taken)

    def _form_profile(self) -> Profile | None:
        """The profile the form describes, or None (and every problem shown) if it has any."""
        problems = [p for p in (self.name.problem(), *self.form.problems()) if p]
        if problems:
            self.name.show_problem(self.name.problem())
            self.form.show_all_problems()
            self._say(self.tr("Fix the fields marked in red first."), error=True)
            return None
        return self.form.profile(self.name.text)

    def _free_name(self, base: str) -> str:
        names, candidate, n = set(self.profile_set.names()), base, 1
        while candidate in names:
            n += 1
            candidate = f"{base} {n}"
        return candidate

    def _set_editable(self, editable: bool) -> None:
        self.stack.setEnabled(editable)
        self.save_button.setEnabled(editable)

    def _update_buttons(self) -> None:
        builtin = self.editing in (LOCAL_PROFILE_NAME, ENVIRONMENT_PROFILE_NAME)
        saved = self.editing is not None
        self.remove_button.setEnabled(saved and not builtin)
        self.default_button.setEnabled(saved and self.editing != self.profile_set.selected)
        self.connect_button.setEnabled(saved and self.editing != self._connected_to)
        valid = not self.name.problem() and not self.form.problems()
        busy = self._busy > 0
        self.save_button.setEnabled(valid and not busy and self.editing != ENVIRONMENT_PROFILE_NAME)
        self.test_button.setEnabled(valid and not busy)

    def _show_banner(self) -> None:
        if self.keyring_usable:
            self.banner.hide()
            return
        self.banner.setText(self.tr("⚠ {remedy} Keys you save now are kept for this session only.").format(
            remedy=translated(KEYRING_REMEDY)))
        self.banner.setStyleSheet("border: 1px solid #d9a400; border-radius: 4px; padding: 8px;")
        self.banner.show()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.result.setStyleSheet(f"color: {error_colour(self.palette())};" if error else "")
        self.result.setText(text)

    def _run(self, slot: str, step_of: Callable[..., Coroutine[Any, Any, None]], *args: Any, **kwargs: Any) -> None:
        """Run `step_of(*args, **kwargs)` as the dialog's task in `slot`, busy while it runs."""

        async def step() -> None:
            self._busy += 1
            self._update_buttons()
            self.busyChanged.emit(True)
            try:
                await step_of(*args, **kwargs)
            except BatchLayerError as error:
                self._say(error_text(error), error=True)
            finally:
                self._busy -= 1
                if not self._gone[0]:  # a cancelled step ends after the dialog was deleted
                    self._update_buttons()
                    self.busyChanged.emit(False)

        self.tasks.start(step(), slot=slot)

    def _unexpected(self, error: BaseException) -> None:
        log.error("accounts dialog step failed", exc_info=error)
        if not self._gone[0]:
            self._say(self.tr("Something went wrong: {error}").format(error=error_text(error)), error=True)
