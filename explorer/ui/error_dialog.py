"""The one place unexpected errors end up: logged, then shown in a dialog.

Both `sys.excepthook` (exceptions raised in Qt slots) and the asyncio loop's exception
handler (tasks nobody awaited) lead here. The dialog is non-modal so a burst of
errors cannot nest event loops, and identical errors are shown once.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger(__name__)


class ErrorDialogs:
    def __init__(self, log_path: Path | None) -> None:
        self._log_path = log_path
        self._shown: set[str] = set()
        self._boxes: list[QMessageBox] = []

    def excepthook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unhandled exception", exc_info=(kind, error, tb))
        self.show(error, "".join(traceback.format_exception(kind, error, tb)))

    def loop_handler(self, loop: asyncio.AbstractEventLoop, context: dict) -> None:
        error = context.get("exception")
        if error is None:
            log.error("event loop: %s", context.get("message"))
            return
        log.error("unhandled exception in %s", context.get("task") or context.get("message"), exc_info=error)
        self.show(error, "".join(traceback.format_exception(error)))

    def show(self, error: BaseException, details: str) -> None:
        summary = f"{type(error).__name__}: {error}"
        if summary in self._shown or QApplication.instance() is None:
            return
        self._shown.add(summary)
        if self._log_path is None:
            text = QCoreApplication.translate("ErrorDialogs", "Something went wrong that MPI Explorer did not expect:"
                                              "\n\n{error}")
        else:
            text = QCoreApplication.translate("ErrorDialogs", "Something went wrong that MPI Explorer did not expect:"
                                              "\n\n{error}\n\nDetails are in {log}.")
        title = QCoreApplication.translate("ErrorDialogs", "MPI Explorer — unexpected error")
        box = QMessageBox(QMessageBox.Icon.Critical, title, text.format(error=summary, log=self._log_path))
        box.setDetailedText(details)
        box.setModal(False)
        box.finished.connect(lambda _result, b=box: self._boxes.remove(b))
        self._boxes.append(box)
        box.show()


def install_error_dialog(loop: asyncio.AbstractEventLoop, log_path: Path | None) -> ErrorDialogs:
    dialogs = ErrorDialogs(log_path)
    sys.excepthook = dialogs.excepthook
    loop.set_exception_handler(dialogs.loop_handler)
    return dialogs
