"""The device code of a Microsoft Entra ID sign-in, shown where a GUI user sees it.

azure-identity hands the verification URL and the code to a callback (it would print
them on stdout); this dialog shows both, with Copy code and Open browser. It closes
when its owner learns the sign-in finished (or failed).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget


class DeviceCodeDialog(QDialog):
    def __init__(self, url: str, code: str, expires: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to Microsoft Entra ID"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.url, self.code = url, code
        intro = QLabel(
            self.tr("To sign in, open {link} in a browser (on this or any other device) and enter this code "
                    "before {time}:").format(link=f"<a href=\"{url}\">{url}</a>", time=f"{expires.astimezone():%H:%M}"),
            self,
        )
        intro.setWordWrap(True)
        intro.setOpenExternalLinks(True)
        self.code_label = QLabel(code, self)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(self.font().pointSizeF() * 2)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        waiting = QLabel(self.tr("MPI Explorer waits for the sign-in and goes on by itself."), self)
        waiting.setEnabled(False)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("Copy code"), self)
        self.copy_button.clicked.connect(self.copy_code)
        self.open_button = QPushButton(self.tr("Open browser"), self)
        self.open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(url)))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.code_label)
        layout.addSpacing(8)
        layout.addWidget(waiting)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def copy_code(self) -> None:
        QGuiApplication.clipboard().setText(self.code)
        self.copy_button.setText(self.tr("Copied"))


class DeviceCodePrompt:
    """Shows one device code at a time over `parent` (a new code replaces the old), closed when told."""

    def __init__(self, parent: QWidget | None) -> None:
        self.parent = parent
        self.dialog: DeviceCodeDialog | None = None

    def show(self, url: str, code: str, expires: datetime) -> None:
        self.close()
        self.dialog = DeviceCodeDialog(url, code, expires, self.parent)
        self.dialog.open()

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
