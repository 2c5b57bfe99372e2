"""Confirmation before a destructive action, without a nested event loop.

`QMessageBox.exec()` would spin a second loop inside a qasync slot; `open()` returns
at once and the action runs when (and only if) the user presses the action button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

CONFIRM_BUTTON = "confirmButton"


def confirm(parent: QWidget, title: str, text: str, action: str, on_confirm: Callable[[], None]) -> QMessageBox:
    """Ask; call `on_confirm` if the user presses the button labelled `action`. Cancel is the default."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel, parent)
    button = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    button.setObjectName(CONFIRM_BUTTON)
    button.setAccessibleDescription(text)  # "Delete" alone does not say what goes
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda clicked: on_confirm() if clicked is button else None)
    box.open()
    return box
