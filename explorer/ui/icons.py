"""Action icons from our own SVGs, painted in the palette's colours so they suit light and dark themes.

The SVGs (explorer/resources/icons/actions) draw in `currentColor`; each icon is
rendered once per mode (normal, disabled, selected) in the matching palette colour.
A window repaints its icons when the application palette changes (theme switch).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from explorer.resources import app_icon_path, resource_path

_SIZES = (16, 20, 24, 32, 48)
_MODES = (
    (QIcon.Mode.Normal, QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText),
    (QIcon.Mode.Active, QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText),
    (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText),
    (QIcon.Mode.Selected, QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText),
)


@cache
def _svg(name: str) -> str:
    return resource_path("icons", "actions", f"{name}.svg").read_text(encoding="utf-8")


def themed_icon(name: str, palette: QPalette) -> QIcon:
    """The action icon `name` (a file name in icons/actions, without .svg) in `palette`'s colours."""
    icon = QIcon()
    for mode, group, role in _MODES:
        svg = _svg(name).replace("currentColor", palette.color(group, role).name())
        renderer = QSvgRenderer(QByteArray(svg.encode()))
        for size in _SIZES:
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, size, size))
            painter.end()
            icon.addPixmap(pixmap, mode)
    return icon


def app_icon() -> QIcon:
    """The application icon: the SVG for any size, the PNGs where they exist (sharper when small)."""
    icon = QIcon(str(app_icon_path()))
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = app_icon_path(size)
        if path.is_file():
            icon.addFile(str(path))
    return icon
