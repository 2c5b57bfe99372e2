"""File choosers that never block the event loop.

`QFileDialog.getOpenFileName()` and friends run a nested event loop: under qasync the
asyncio tasks of every view would stall or re-enter while the dialog is up. These open a
window-modal dialog with `open()` and call back with the choice; nothing happens if the
user cancels. Each returns the dialog (it deletes itself when closed), so tests can drive it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

JSON_FILTER = QT_TRANSLATE_NOOP("FileDialogs", "Task JSON (*.json);;All files (*)")
"""A name filter: the dialogs translate it (in the context "FileDialogs")."""


def ask_open_file(parent: QWidget, title: str, name_filter: str, on_chosen: Callable[[Path], None]) -> QFileDialog:
    dialog = _dialog(parent, title, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.fileSelected.connect(lambda path: on_chosen(Path(path)))
    return _opened(dialog)


def ask_open_files(parent: QWidget, title: str, on_chosen: Callable[[list[Path]], None]) -> QFileDialog:
    dialog = _dialog(parent, title)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.filesSelected.connect(lambda paths: on_chosen([Path(path) for path in paths]))
    return _opened(dialog)


def ask_save_file(
    parent: QWidget, title: str, on_chosen: Callable[[Path], None], *, name_filter: str = "", suggested: str = ""
) -> QFileDialog:
    dialog = _dialog(parent, title, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if suggested:
        dialog.selectFile(suggested)
    dialog.fileSelected.connect(lambda path: on_chosen(Path(path)))
    return _opened(dialog)


def ask_directory(parent: QWidget, title: str, on_chosen: Callable[[Path], None]) -> QFileDialog:
    dialog = _dialog(parent, title)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.fileSelected.connect(lambda path: on_chosen(Path(path)))
    return _opened(dialog)


def _dialog(parent: QWidget, title: str, name_filter: str = "") -> QFileDialog:
    shown_filter = QCoreApplication.translate("FileDialogs", name_filter) if name_filter else ""
    dialog = QFileDialog(parent, title, "", shown_filter)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def _opened(dialog: QFileDialog) -> QFileDialog:
    dialog.open()
    return dialog
