"""An error shown in the view where it happened, in words a user understands.

The banner reads one sentence ("Could not resize pool mpi: ...", plus what to do for
the errors we know), and keeps the Batch error code, HTTP status and request id one
click away, with a button that copies everything for a support request.

`show_failure` says why a task failed instead: a sentence, the last lines of the failing
command's stderr (set when read, `set_tail`) and a button that leads to its files.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QToolButton, QWidget

from explorer.client.acting.operations import OperationError
from explorer.client.errors import BatchLayerError
from explorer.ui.translation import error_text, translated

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
        if not hint:
            return sentence
        stop = "" if sentence.endswith((".", "!", "?", "…")) else "."  # "…: it does not exist." then the hint
        return f"{sentence}{stop} {hint}"
    if isinstance(error, (BatchLayerError, OSError)):
        return error_text(error)
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
        self._tail_title = QLabel(self)
        self._tail = QLabel(self)
        self._tail.setObjectName("failure-tail")
        self._tail.setTextFormat(Qt.TextFormat.PlainText)
        self._tail.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._tail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._action = QToolButton(self)
        self._action.clicked.connect(self._on_action)
        self._on_action_clicked: Callable[[], None] | None = None
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
        for column, button in enumerate((self._action, self._toggle, copy, close), start=1):
            layout.addWidget(button, 0, column, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._details, 1, 0, 1, 5)
        layout.addWidget(self._tail_title, 2, 0, 1, 5)
        layout.addWidget(self._tail, 3, 0, 1, 5)
        layout.setColumnStretch(0, 1)
        self._show_failure_parts(False)
        self.hide()

    def show_error(self, error: BaseException) -> None:
        if not isinstance(error, (BatchLayerError, OSError)):
            log.error("unexpected error shown in a view", exc_info=error)
        self._sentence.setText(sentence_for(error))
        self._details.setText(details_for(error))
        self._toggle.setChecked(False)
        self._show_failure_parts(False)
        self.show()
        self.errorShown.emit(self.sentence())

    def show_failure(self, sentence: str, action: tuple[str, Callable[[], None]] | None = None) -> None:
        """Why a task failed: ``sentence``, and a button (text, what it does) if given; no error code."""
        self._sentence.setText(sentence)
        self._details.setText("")
        self._toggle.setChecked(False)
        self._show_failure_parts(True)
        self.set_tail("", "")
        self._on_action_clicked = action[1] if action else None
        self._action.setText(action[0] if action else "")
        self._action.setVisible(action is not None)
        self.show()
        self.errorShown.emit(self.sentence())

    def set_tail(self, title: str, text: str) -> None:
        """The last lines of the failing command's output, under ``title`` (empty: none shown)."""
        self._tail_title.setText(title)
        self._tail_title.setVisible(bool(title))
        self._tail.setText(text)
        self._tail.setVisible(bool(text))

    def tail(self) -> str:
        return self._tail.text()

    def action_text(self) -> str:
        """The failure's button, if one is shown."""
        return self._action.text() if not self._action.isHidden() else ""

    def trigger_action(self) -> None:
        self._action.click()

    def sentence(self) -> str:
        return self._sentence.text()

    def details(self) -> str:
        return self._details.text()

    def copy(self) -> None:
        extra = self.details() or "\n".join(part for part in (self._tail_title.text(), self.tail()) if part)
        QGuiApplication.clipboard().setText(f"{self.sentence()}\n{extra}")

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

    def _show_failure_parts(self, failure: bool) -> None:
        self._toggle.setVisible(not failure)
        for part in (self._action, self._tail_title, self._tail):
            part.setVisible(False)

    def _on_action(self) -> None:
        if self._on_action_clicked is not None:
            self._on_action_clicked()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button
