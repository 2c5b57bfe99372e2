"""Light and dark palettes; the "system" theme follows the platform's colour scheme as it changes.

The palettes are applied over the Fusion style, the one style that draws with the
palette alone on every platform (native styles ignore parts of a dark palette).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEME_PROPERTY = "explorerTheme"
FOLLOWING_PROPERTY = "explorerThemeFollowsSystem"

_DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e0e0e0",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.ToolTipBase: "#3c3c3c",
    QPalette.ColorRole.ToolTipText: "#e0e0e0",
    QPalette.ColorRole.PlaceholderText: "#8a8a8a",
    QPalette.ColorRole.Text: "#e0e0e0",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e0e0e0",
    QPalette.ColorRole.BrightText: "#ff6e6e",
    QPalette.ColorRole.Light: "#4a4a4a",
    QPalette.ColorRole.Midlight: "#3e3e3e",
    QPalette.ColorRole.Mid: "#2f2f2f",
    QPalette.ColorRole.Dark: "#1a1a1a",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Link: "#64b5f6",
    QPalette.ColorRole.LinkVisited: "#b39ddb",
    QPalette.ColorRole.Highlight: "#2f65ca",
    QPalette.ColorRole.HighlightedText: "#ffffff",
}
_DARK_DISABLED = (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText)


def link(href: str, text: str, palette: QPalette) -> str:
    """A rich-text link in `palette`'s link colour (a label keeps the colour it was set with: set it
    again when the palette changes)."""
    color = palette.color(QPalette.ColorRole.Link).name()
    return f'<a href="{html.escape(href)}" style="color: {color}">{html.escape(text)}</a>'


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in _DARK.items():
        palette.setColor(role, QColor(color))
    for role in _DARK_DISABLED:
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7f7f7f"))
    return palette


def is_dark(app: QApplication, theme: str) -> bool:
    if theme == "system":
        return app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return theme == "dark"


def apply_theme(app: QApplication, theme: str) -> None:
    """Use `theme` ("system", "light" or "dark") now and, for "system", whenever the platform switches."""
    app.setProperty(THEME_PROPERTY, theme)
    hints = app.styleHints()
    if not app.property(FOLLOWING_PROPERTY):
        app.setProperty(FOLLOWING_PROPERTY, True)
        hints.colorSchemeChanged.connect(lambda _scheme: _apply(app))
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+: also tells the platform (title bars)
        if theme == "system":
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light)
    _apply(app)


def _apply(app: QApplication) -> None:
    theme = str(app.property(THEME_PROPERTY) or "system")
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(dark_palette() if is_dark(app, theme) else app.style().standardPalette())
