"""The editor forms of the accounts dialog, one per kind: fields checked as the user types.

Each form holds its kind's fields, says what is wrong with them (`problems()`), builds the
profile they describe (`profile(name)`) and hands over the secrets typed into it
(`secrets(profile)`, a name -> secret map for the credential store). A key field left
empty keeps the key already stored for that account.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.client.connecting import account_fields as checks
from explorer.client.connecting.entra import CLOUDS, METHOD_LABELS
from explorer.client.connecting.profiles import (
    AzureCloud,
    EntraAuthMethod,
    EntraProfile,
    LocalBatchProfile,
    Profile,
    SharedKeyProfile,
    StorageAuth,
    StorageLink,
)
from explorer.client.connecting.proxies import ProxyMode, ProxySettings, check_proxy_url
from explorer.ui.dialogs.file_dialogs import ask_directory

Check = Callable[[str], "str | None"]


def error_colour(palette: QPalette) -> str:
    """A red that reads on the palette's base colour, light or dark."""
    return "#ef9a9a" if palette.color(QPalette.ColorRole.Base).lightness() < 128 else "#b71c1c"


class Field(QWidget):
    """A line edit with its problem shown under it as the user types."""

    changed = Signal()

    def __init__(self, check: Check, placeholder: str = "", *, secret: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = check
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        if secret:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.edit.textChanged.connect(self._on_change)

    @property
    def text(self) -> str:
        return self.edit.text().strip()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)
        self.show_problem(None)  # a value loaded from the file is not the user's mistake

    def problem(self) -> str | None:
        return self.check(self.text)

    def show_problem(self, problem: str | None) -> None:
        self.error.setStyleSheet(f"color: {error_colour(self.palette())};")
        self.error.setText(problem or "")
        self.error.setVisible(bool(problem))

    def _on_change(self, _text: str) -> None:
        self.show_problem(self.problem())
        self.changed.emit()


class AccountForm(QWidget):
    """Base of the kind forms: a form layout of Fields; `changed` on every edit."""

    changed = Signal()
    kind = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.fields: list[Field] = []
        self.original: Profile | None = None
        self.key_stored = False

    def field(self, label: str, check: Check, placeholder: str = "", *, secret: bool = False,
              form: QFormLayout | None = None) -> Field:
        field = Field(check, placeholder, secret=secret, parent=self)
        field.edit.setObjectName(label.rstrip(":").lower().replace(" ", "_"))
        field.changed.connect(self.changed)
        (form or self.form).addRow(label, field)
        self.fields.append(field)
        return field

    def problems(self) -> list[str]:
        return [problem for field in self.fields if (problem := field.problem())]

    def align_labels(self, width: int) -> None:
        """The labels of this form's own rows as wide as the dialog's name label: one column."""
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                item.widget().setFixedWidth(width)

    def show_all_problems(self) -> None:
        for field in self.fields:
            field.show_problem(field.problem())

    def load(self, profile: Profile | None, key_stored: bool = False) -> None:
        self.original, self.key_stored = profile, key_stored

    def profile(self, name: str) -> Profile:
        raise NotImplementedError

    def secrets(self, profile: Profile) -> dict[str, str]:
        return {}


class LocalBatchForm(AccountForm):
    kind = LocalBatchProfile.kind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Field(lambda _text: None, self.tr("the default: the user data folder"), parent=self)
        self.data_dir.changed.connect(self.changed)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(lambda: ask_directory(self, self.tr("Local Batch data folder"), self._chosen))
        row = QHBoxLayout()
        row.addWidget(self.data_dir, 1)
        row.addWidget(browse)
        self.form.addRow(self.tr("Data folder:"), row)
        note = QLabel(self.tr("Local Batch keeps its pools, jobs, tasks and node files in this folder."), self)
        note.setWordWrap(True)
        note.setEnabled(False)
        self.form.addRow("", note)

    def _chosen(self, path: Path) -> None:
        self.data_dir.edit.setText(str(path))

    def load(self, profile: Profile | None, key_stored: bool = False) -> None:
        super().load(profile, key_stored)
        data_dir = profile.data_dir if isinstance(profile, LocalBatchProfile) else None
        self.data_dir.set_text(str(data_dir) if data_dir else "")

    def profile(self, name: str) -> Profile:
        return LocalBatchProfile(name, Path(self.data_dir.text).expanduser() if self.data_dir.text else None)


class StorageBox(QGroupBox):
    """The storage an Azure profile uploads local files to (optional): name, blob endpoint, key."""

    def __init__(self, form: AccountForm, *, entra: bool = False) -> None:
        """`entra`: offer to sign for the storage with the profile's Entra ID sign-in instead of a key."""
        super().__init__(
            QCoreApplication.translate("StorageBox", "Linked storage, for uploading local files (optional)"), form)
        self.setCheckable(True)
        self.setChecked(False)
        layout = QFormLayout(self)
        self.account = form.field(self.tr("Storage account:"), self._when_on(checks.check_storage_account_name),
                                  self.tr("mystorage"), form=layout)
        self.url = form.field(self.tr("Blob endpoint:"), self._when_on(checks.check_storage_url),
                              "https://mystorage.blob.core.windows.net", form=layout)
        self.with_entra = QCheckBox(
            self.tr("Sign in with Entra ID, no key (user-delegation SAS; needs the Storage Blob Data Contributor role)"),
            self,
        )
        self.with_entra.setVisible(entra)
        layout.addRow("", self.with_entra)
        self.key = form.field(self.tr("Storage key:"), self._when_on(self._check_key), "", secret=True, form=layout)
        self.key_stored = False
        self.with_entra.toggled.connect(self._entra_toggled)
        self.toggled.connect(lambda _on: form.show_all_problems())
        self.toggled.connect(form.changed)
        self._form = form
        self.account.changed.connect(self._suggest_url)

    def _when_on(self, check: Check) -> Check:
        return lambda text: check(text) if self.isChecked() else None

    def _check_key(self, text: str) -> str | None:
        if self.with_entra.isChecked():
            return None
        return checks.check_shared_key(text, required=not self.key_stored)

    def _entra_toggled(self, on: bool) -> None:
        self.key.setEnabled(not on)
        self._form.show_all_problems()
        self._form.changed.emit()

    def _suggest_url(self) -> None:
        if self.account.text and not self.url.edit.isModified():
            self.url.edit.setText(f"https://{self.account.text}.blob.core.windows.net")

    def load(self, link: StorageLink | None, key_stored: bool) -> None:
        self.setChecked(link is not None)
        self.with_entra.setChecked(link is not None and link.auth is StorageAuth.ENTRA)
        self.key_stored = key_stored
        self.account.set_text(link.account_name if link else "")
        self.url.set_text(link.blob_url if link else "")
        self.key.set_text("")
        self.key.edit.setPlaceholderText(self.tr("stored — leave empty to keep it") if key_stored else "")

    def link(self) -> StorageLink | None:
        if not self.isChecked():
            return None
        auth = StorageAuth.ENTRA if self.with_entra.isChecked() else StorageAuth.SHARED_KEY
        return StorageLink(self.account.text, self.url.text.rstrip("/"), auth)

    def secrets(self) -> dict[str, str]:
        link = self.link()
        return {link.secret_name: self.key.text} if link and link.auth is StorageAuth.SHARED_KEY and self.key.text else {}


class SharedKeyForm(AccountForm):
    kind = SharedKeyProfile.kind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = self.field(self.tr("Account URL:"), checks.check_account_url,
                              "https://myaccount.westeurope.batch.azure.com")
        self.account = self.field(self.tr("Account name:"), checks.check_account_name, self.tr("myaccount"))
        self.key = self.field(self.tr("Access key:"), self._check_key, self.tr("primary or secondary key"), secret=True)
        self.storage = StorageBox(self)
        self.form.addRow(self.storage)
        self.url.changed.connect(self._suggest_account)

    def _check_key(self, text: str) -> str | None:
        unchanged = isinstance(self.original, SharedKeyProfile) and self.key_stored and (
            self.original.secret_name == self._secret_name()
        )
        if not text and isinstance(self.original, SharedKeyProfile) and self.key_stored and not unchanged:
            return self.tr("The account URL or name changed: enter its key again.")
        return checks.check_shared_key(text, required=not unchanged)

    def _secret_name(self) -> str:
        return SharedKeyProfile("", self.account.text, checks.normalized_url(self.url.text)).secret_name

    def _suggest_account(self) -> None:
        suggested = checks.account_name_from_url(self.url.text)
        if suggested and not self.account.edit.isModified():
            self.account.edit.setText(suggested)

    def load(self, profile: Profile | None, key_stored: bool = False, storage_key_stored: bool = False) -> None:
        super().load(profile, key_stored)
        shared = profile if isinstance(profile, SharedKeyProfile) else None
        self.url.set_text(shared.account_url if shared else "")
        self.account.set_text(shared.account_name if shared else "")
        self.key.set_text("")
        self.key.edit.setPlaceholderText(
            self.tr("stored — leave empty to keep it") if key_stored else self.tr("primary or secondary key")
        )
        self.storage.load(shared.storage if shared else None, storage_key_stored)

    def profile(self, name: str) -> Profile:
        return SharedKeyProfile(name, self.account.text, checks.normalized_url(self.url.text), self.storage.link())

    def secrets(self, profile: Profile) -> dict[str, str]:
        assert isinstance(profile, SharedKeyProfile)
        typed = {profile.secret_name: self.key.text} if self.key.text else {}
        return {**typed, **self.storage.secrets()}


class EntraForm(AccountForm):
    kind = EntraProfile.kind
    signOutRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = self.field(
            self.tr("Account URL:"), lambda text: checks.check_account_url(text, https_only=True),
            "https://myaccount.westeurope.batch.azure.com",
        )
        self.tenant = self.field(self.tr("Tenant:"), checks.check_tenant,
                                 self.tr("your home tenant (or a GUID / contoso.onmicrosoft.com)"))
        self.cloud = QComboBox(self)
        for cloud, endpoints in CLOUDS.items():
            self.cloud.addItem(endpoints.label, cloud.value)
        self.form.addRow(self.tr("Cloud:"), self.cloud)
        self.method = QComboBox(self)
        for method, label in METHOD_LABELS.items():
            self.method.addItem(label, method.value)
        self.form.addRow(self.tr("Sign in with:"), self.method)
        self.signed_in = QLabel(self)
        self.sign_out = QPushButton(self.tr("Sign out"), self)
        self.sign_out.clicked.connect(self.signOutRequested)
        row = QHBoxLayout()
        row.addWidget(self.signed_in, 1)
        row.addWidget(self.sign_out)
        self.form.addRow(self.tr("Sign-in:"), row)
        self.storage = StorageBox(self, entra=True)
        self.form.addRow(self.storage)
        for combo in (self.cloud, self.method):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def load(self, profile: Profile | None, key_stored: bool = False, storage_key_stored: bool = False) -> None:
        super().load(profile, key_stored)
        entra = profile if isinstance(profile, EntraProfile) else None
        self.url.set_text(entra.account_url if entra else "")
        self.tenant.set_text(entra.tenant_id or "" if entra else "")
        self.cloud.setCurrentIndex(self.cloud.findData((entra.cloud if entra else AzureCloud.PUBLIC).value))
        method = entra.auth_method if entra else EntraAuthMethod.DEVICE_CODE
        self.method.setCurrentIndex(self.method.findData(method.value))
        self.storage.load(entra.storage if entra else None, storage_key_stored)
        self.show_sign_in(None, False)

    def show_sign_in(self, who: str | None, signed_in: bool) -> None:
        if signed_in:
            self.signed_in.setText(self.tr("signed in as {who}; a restart does not ask again").format(who=who) if who
                                   else self.tr("signed in; a restart does not ask again"))
        else:
            self.signed_in.setText(self.tr("not signed in yet: Test or Connect signs in (once)"))
        self.sign_out.setEnabled(signed_in)

    def profile(self, name: str) -> Profile:
        return EntraProfile(
            name, checks.normalized_url(self.url.text), EntraAuthMethod(self.method.currentData()),
            self.tenant.text or None, AzureCloud(self.cloud.currentData()), self.storage.link(),
        )

    def secrets(self, profile: Profile) -> dict[str, str]:
        return self.storage.secrets()


class ProxyForm(QWidget):
    """The network proxy: the system's (environment), none, or a manual URL with optional credentials."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox(self)
        for mode, label in (
            (ProxyMode.SYSTEM, self.tr("The system's (http_proxy, https_proxy, no_proxy)")),
            (ProxyMode.NONE, self.tr("None: connect directly")),
            (ProxyMode.MANUAL, self.tr("This proxy:")),
        ):
            self.mode.addItem(label, mode.value)
        self.url = Field(self._when_manual(check_proxy_url), "http://proxy.example.com:3128", parent=self)
        self.username = Field(lambda _text: None, self.tr("optional"), parent=self)
        self.password = Field(lambda _text: None, self.tr("optional; kept in the keyring"), secret=True, parent=self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Proxy:"), self.mode)
        form.addRow(self.tr("Proxy URL:"), self.url)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        note = QLabel(
            self.tr("Local Batch and Azurite, on this computer, are always reached directly, whatever this says."), self
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        form.addRow("", note)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        for field in (self.url, self.username, self.password):
            field.changed.connect(self.changed)
        self._mode_changed()

    def _when_manual(self, check: Check) -> Check:
        return lambda text: check(text) if self.current_mode() is ProxyMode.MANUAL else None

    def _mode_changed(self, _index: int = 0) -> None:
        manual = self.current_mode() is ProxyMode.MANUAL
        for field in (self.url, self.username, self.password):
            field.setEnabled(manual)
        self.url.show_problem(self.url.problem())
        self.changed.emit()

    def load(self, settings: ProxySettings, password_stored: bool) -> None:
        self.mode.setCurrentIndex(self.mode.findData(settings.mode.value))
        self.url.set_text(settings.url)
        self.username.set_text(settings.username)
        self.password.set_text("")
        self.password.edit.setPlaceholderText(
            self.tr("stored — leave empty to keep it") if password_stored else self.tr("optional"))

    def problem(self) -> str | None:
        return self.url.problem()

    def settings(self) -> ProxySettings:
        manual = self.current_mode() is ProxyMode.MANUAL
        return ProxySettings(self.current_mode(), self.url.text if manual else "", self.username.text if manual else "")

    def current_mode(self) -> ProxyMode:
        return ProxyMode(self.mode.currentData())
