"""What the main area shows while the window's connection is being made, and if it could not be.

The window paints at once, before Local Batch has started or an Azure account answered:
this page says what is under way ("Starting Local Batch…", "Connecting to “Lab”…").
If the connection fails it says why, in the same window, and offers what can be done:
try again, open Local Batch instead (for another profile), or the accounts dialog.

Signals: `retryRequested()`, `localRequested()`, `accountsRequested()`. The page only
asks; the composition root acts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from explorer.ui.widgets.accessible import name_it

COLUMN_WIDTH = 640


class ConnectingPage(QWidget):
    retryRequested = Signal()
    localRequested = Signal()
    accountsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # no steps to count: it moves while the connection is made
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        name_it(self.busy, self.tr("Connecting"), self.tr("The connection is being made"))
        self.retry_button = QPushButton(self.tr("Try again"), self)
        self.retry_button.clicked.connect(self.retryRequested)
        self.local_button = QPushButton(self.tr("Open Local Batch instead"), self)
        self.local_button.clicked.connect(self.localRequested)
        self.accounts_button = QPushButton(self.tr("Accounts…"), self)
        self.accounts_button.clicked.connect(self.accountsRequested)
        buttons = QHBoxLayout()
        for button in (self.retry_button, self.local_button, self.accounts_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        column = QWidget(self)
        column.setMaximumWidth(COLUMN_WIDTH)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.busy)
        inner.addWidget(self.detail)
        inner.addLayout(buttons)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 4)
        outer.addStretch(1)
        outer.setAlignment(column, Qt.AlignmentFlag.AlignVCenter)

    def connecting(self, profile: str, *, local: bool) -> None:
        if local:
            self.title.setText(self.tr("Starting Local Batch…"))
            self.detail.setText(self.tr(
                "Local Batch runs on this computer; it takes a moment to start. Its pools and jobs show as soon as "
                "it answers."
            ))
        else:
            self.title.setText(self.tr("Connecting to “{profile}”…").format(profile=profile))
            self.detail.setText(self.tr("Its pools and jobs show as soon as the account answers."))
        self._show_buttons(False, offer_local=False)

    def failed(self, profile: str, reason: str, *, offer_local: bool) -> None:
        self.title.setText(self.tr("Could not connect to “{profile}”").format(profile=profile))
        self.detail.setText(reason[:1].upper() + reason[1:])  # the client's reasons start as clauses
        self._show_buttons(True, offer_local=offer_local)

    def _show_buttons(self, failed: bool, *, offer_local: bool) -> None:
        self.busy.setVisible(not failed)
        self.retry_button.setVisible(failed)
        self.local_button.setVisible(failed and offer_local)
        self.accounts_button.setVisible(failed)
