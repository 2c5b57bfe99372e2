"""The system libraries Qt's X11 plugin (xcb) loads, checked before Qt is, with the command that installs them.

Without them Qt aborts with a hint that names only the first one missing
(libxcb-cursor0). The list is what `ldd` shows for PySide6's `libqxcb.so` and
`libQt6XcbQpa.so.6` outside Qt itself (tests/unit/test_system_libs.py keeps it in
step with the installed PySide6); the packages are Debian's and Ubuntu's names.
A frozen bundle carries its own copies, so the check is for pip/pipx installs.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping

# soname -> Debian/Ubuntu package
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}


def needs_xcb(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt will load its xcb plugin: on Linux, unless another platform plugin is asked for.

    In a Wayland session Qt picks its Wayland plugin first, which needs none of these.
    """
    if not platform.startswith("linux") or getattr(sys, "frozen", False):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if not chosen:
        return not environ.get("WAYLAND_DISPLAY")
    return chosen == "xcb"


def missing_libraries() -> list[str]:
    missing = []
    for soname in XCB_LIBRARIES:
        try:
            ctypes.CDLL(soname)  # Qt loads every one of them a moment later anyway
        except OSError:
            missing.append(soname)
    return missing


def install_hint(missing: list[str]) -> str:
    packages = sorted({XCB_LIBRARIES[soname] for soname in missing})
    return (
        "MPI Explorer cannot open its window: Qt's X11 plugin needs system libraries that are missing:\n"
        f"  {' '.join(missing)}\n"
        "Install them (Debian, Ubuntu) with:\n"
        f"  sudo apt-get install {' '.join(packages)}\n"
        "Fedora and Arch package names are in the README (System packages). To run without a screen,\n"
        "set QT_QPA_PLATFORM=offscreen."
    )


def check_for_window() -> str | None:
    """The message to print instead of starting, if the window cannot open for want of a library."""
    if not needs_xcb():
        return None
    missing = missing_libraries()
    return install_hint(missing) if missing else None


if __name__ == "__main__":  # scripts/run.sh: say what is missing before anything is started
    message = check_for_window()
    if message:
        print(message, file=sys.stderr)
    sys.exit(1 if message else 0)
