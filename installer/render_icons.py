"""Render the application icon from its SVG: the hicolor PNGs (committed), and .ico/.icns for the installers.

    python installer/render_icons.py                     # the PNGs under explorer/resources/icons/hicolor
    python installer/render_icons.py --ico build/app.ico --icns build/app.icns   # only these

Qt draws the SVG (QtSvg) and writes ICO and ICNS through its image format plugins,
so nothing beyond the app's own dependencies is needed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from explorer.resources import app_icon_path  # noqa: E402

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 256)
ICNS_SIZE = 1024  # Qt's icns writer stores the image at this size; macOS scales it down


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(app_icon_path())).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def write(image: QImage, path: Path, image_format: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QImageWriter(str(path), image_format.encode())
    if not writer.write(image):
        raise SystemExit(f"cannot write {path}: {writer.errorString()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ico", type=Path, help="also write a Windows .ico here")
    parser.add_argument("--icns", type=Path, help="also write a macOS .icns here")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication([])
    if not (args.ico or args.icns):
        for size in PNG_SIZES:
            write(render(size), app_icon_path(size), "png")
    if args.ico:
        # Qt's ICO writer takes one image; the largest keeps Explorer's views sharp.
        write(render(max(ICO_SIZES)), args.ico, "ico")
    if args.icns:
        write(render(ICNS_SIZE), args.icns, "icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
