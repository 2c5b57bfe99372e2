"""The package's plain files: icons, desktop integration files and the sample MPI tasks.

They live beside this module as package data (in the wheel, the sdist and a PyInstaller
bundle alike) and are found through `importlib.resources`. Callers need real paths
(Qt loads icons by file name, the sample server serves a folder), so a package that
is not on the file system (a zip import) is refused in words instead of half working.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

APP_ID = "io.github.mpi_explorer.MPIExplorer"
"""The reverse-DNS application id: names the .desktop file, the metainfo and the icon."""


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:  # PyInstaller: the spec collects this package's data under the bundle
        return Path(bundle) / "explorer" / "resources"
    root = files(__name__)
    if not isinstance(root, Path):
        raise RuntimeError(f"the resources of {__name__} are not plain files ({root!r}): install the package unzipped")
    return root


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def app_icon_path(size: int | None = None) -> Path:
    """The application icon: the SVG, or the PNG of `size` pixels (hicolor layout)."""
    if size is None:
        return resource_path("icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg")
    return resource_path("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")
