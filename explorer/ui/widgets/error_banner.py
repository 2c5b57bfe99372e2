"""An error shown in the view where it happened, in words a user understands.

The banner reads one sentence ("Could not resize pool mpi: ...", plus what to do for
the errors we know), and keeps the Batch error code, HTTP status and request id one
click away, with a button that copies everything for a support request.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QToolButton, QWidget

from explorer.client.acting.operations import OperationError
from explorer.client.errors import BatchLayerError
from explorer.ui.translation import translated

log = logging.getLogger(__name__)

HINTS: dict[str, str] = {
    "AuthenticationFailed": QT_TRANSLATE_NOOP(
        "ErrorBanner", "Check the account key or sign-in of this connection profile."),
    "PoolNotSteady": QT_TRANSLATE_NOOP(
        "ErrorBanner", "The pool is still resizing: wait for it, or stop the resize first."),
    "PoolBeingDeleted": QT_TRANSLATE_NOOP("ErrorBanner", "The pool is being deleted."),
    "JobBeingDeleted": QT_TRANSLATE_NOOP("ErrorBanner", "The job is being deleted."),
    "JobCompleted": QT_TRANSLATE_NOOP("ErrorBanner", "The job has already completed."),
    "TaskCompleted": QT_TRANSLATE_NOOP("ErrorBanner", "The task has already completed."),
    "ServerBusy": QT_TRANSLATE_NOOP("ErrorBanner", "The service is busy; try again in a moment."),
    "OperationTimedOut": QT_TRANSLATE_NOOP("ErrorBanner", "The service did not answer in time; try again."),
}


def hint_for(code: str | None) -> str | None:
    if code is None:
        return None
    if code in HINTS:
        return QCoreApplication.translate("ErrorBanner", HINTS[code])
    if code.endswith("NotFound"):
        return QCoreApplication.translate(
            "ErrorBanner", "It may have been deleted in the meantime; press F5 to refresh.")
    return None


def sentence_for(error: BaseException) -> str:
    """One sentence for the banner: the error's own wording (domain errors are written for users)."""
    if isinstance(error, OperationError):
        sentence, hint = translated(error.sentence), hint_for(error.code)
        return f"{sentence} {hint}" if hint else sentence
    if isinstance(error, (BatchLayerError, OSError)):
        return str(error)
    return QCoreApplication.translate("ErrorBanner", "Something unexpected went wrong: {kind}: {error}").format(
        kind=type(error).__name__, error=error)


def details_for(error: BaseException) -> str:
    if not isinstance(error, OperationError):
        return QCoreApplication.translate("ErrorBanner", "Error type: {kind}").format(kind=type(error).__name__)
    rows = [(QCoreApplication.translate("ErrorBanner", "Batch error code"), error.code),
            (QCoreApplication.translate("ErrorBanner", "HTTP status"), error.status),
            (QCoreApplication.translate("ErrorBanner", "Request id"), error.request_id)]
    return "\n".join(f"{label}: {value if value is not None else '—'}" for label, value in rows)


class ErrorBanner(QFrame):
    """Hidden until `show_error`; `errorShown(sentence)` then, `dismissed` when the user closes it."""

    errorShown = Signal(str)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#errorBanner { background: rgba(229, 57, 53, 40); border: 1px solid #e53935; }")
        self._sentence = QLabel(self)
        self._sentence.setWordWrap(True)
        self._sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._details = QLabel(self)
        self._details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._details.hide()
        self._toggle = self._button(self.tr("Details"), self.tr("Show the error code and request id"))
        self._toggle.setCheckable(True)
        self._toggle.toggled.connect(self._details.setVisible)
        copy = self._button(self.tr("Copy"), self.tr("Copy the message and details to the clipboard"))
        copy.clicked.connect(self.copy)
        close = self._button("✕", self.tr("Dismiss"))
        close.clicked.connect(self.dismiss)
        layout = QGridLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self._sentence, 0, 0)
        for column, button in enumerate((self._toggle, copy, close), start=1):
            layout.addWidget(button, 0, column, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._details, 1, 0, 1, 4)
        layout.setColumnStretch(0, 1)
        self.hide()

    def show_error(self, error: BaseException) -> None:
        if not isinstance(error, (BatchLayerError, OSError)):
            log.error("unexpected error shown in a view", exc_info=error)
        self._sentence.setText(sentence_for(error))
        self._details.setText(details_for(error))
        self._toggle.setChecked(False)
        self.show()
        self.errorShown.emit(self.sentence())

    def sentence(self) -> str:
        return self._sentence.text()

    def details(self) -> str:
        return self._details.text()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.sentence()}\n{self.details()}")

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button
