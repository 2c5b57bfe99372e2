"""The check for Qt's system libraries: the list matches the installed plugin, and the hint is exact."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import PySide6
import pytest

from explorer.installation import system_libs

QT = Path(PySide6.__file__).parent / "Qt"
ALWAYS_THERE = re.compile(r"^(libc|libm|libdl|libpthread|librt|ld-linux.*|linux-vdso|libstdc\+\+|libgcc_s)\.so")


def _needed(binary: Path) -> set[str]:
    out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout
    names = set()
    for line in out.splitlines():
        name = line.strip().split(" ", 1)[0]
        resolved = line.split("=>", 1)[1].strip() if "=>" in line else ""
        if name and "/PySide6/" not in resolved and not name.startswith("libQt6") and not ALWAYS_THERE.match(name):
            names.add(name)
    return names


@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd")
def test_the_list_covers_what_the_xcb_plugin_links_directly():
    plugin = QT / "plugins" / "platforms" / "libqxcb.so"
    qpa = QT / "lib" / "libQt6XcbQpa.so.6"
    # readelf's NEEDED of the plugin and its QPA library: what the dynamic loader insists on.
    direct = set()
    for binary in (plugin, qpa):
        out = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True).stdout
        direct |= set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out))
    direct = {n for n in direct if not n.startswith("libQt6") and not ALWAYS_THERE.match(n)}
    assert direct, "readelf found nothing: is binutils installed?"
    assert direct <= set(system_libs.XCB_LIBRARIES), direct - set(system_libs.XCB_LIBRARIES)
    # and nothing in the list is unknown to the loader's view of the plugin
    assert set(system_libs.XCB_LIBRARIES) <= _needed(plugin) | _needed(qpa)


def test_the_hint_names_the_missing_libraries_and_the_exact_apt_line():
    hint = system_libs.install_hint(["libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libxcb-icccm.so.4"])
    assert "libxcb-cursor.so.0 libxkbcommon-x11.so.0 libxcb-icccm.so.4" in hint
    assert "\n  sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0\n" in hint


def test_a_library_that_cannot_be_loaded_is_reported(monkeypatch):
    monkeypatch.setattr(system_libs, "XCB_LIBRARIES", {"libc.so.6": "libc6", "libxcb-nothing-here.so.7": "nothing"})
    assert system_libs.missing_libraries() == ["libxcb-nothing-here.so.7"]


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_only_an_x11_start_on_linux_is_checked(environ, platform, expected):
    assert system_libs.needs_xcb(environ, platform) is expected
