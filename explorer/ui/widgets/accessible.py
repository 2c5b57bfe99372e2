"""Names and descriptions for assistive technology (screen readers), set where a control is made.

Qt names buttons, labels and tabs from their text; tables, trees, lists, plots, bars and
fields without a label need a name of their own, and a description where the name does
not say what the control shows or does. Callers pass translated text (`tr`).
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QWidget


def name_it(widget: QWidget, name: str, description: str = "") -> None:
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)


def say(widget: QWidget, text: str) -> None:
    """Describe what the keyboard reached inside a custom-drawn `widget` (a tile, a row), and tell
    assistive technology the description changed, so that it reads it out."""
    widget.setAccessibleDescription(text)
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged))
