"""Where the plain resource files are: the repository's `resources/`, or the bundle's.

One helper for every lookup, so a PyInstaller build (which unpacks data files under
`sys._MEIPASS`) finds icons, styles and samples the same way a checkout does.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
