"""Help > About, the toolbar and the themed action icons of the main window."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QPushButton

from explorer import __version__
from explorer.ui.dialogs import about
from explorer.ui.dialogs.about import COPY_BUTTON, OPEN_LOGS_BUTTON, AboutDialog
from explorer.ui.icons import themed_icon
from explorer.ui.main_window import MainWindow
from explorer.ui.theme import apply_theme, dark_palette


def make_window(qtbot, services) -> MainWindow:
    window = MainWindow(services, ["Local Batch"], "Local Batch")
    qtbot.addWidget(window)
    window.show()
    return window


def test_about_says_the_version_what_it_runs_on_and_where_its_files_are(loop, qtbot, services, tmp_path):
    window = make_window(qtbot, services)
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.details_text()
    assert f"MPI Explorer: {__version__}" in text
    for name in ("Qt:", "PySide6:", "azure-batch:", "mpich:"):
        assert name in text
    log_dir = Path(os.environ["XDG_STATE_HOME"]) / "mpi-explorer" / "log"
    assert dialog.facts.log_dir == log_dir and f"Log: {log_dir / 'explorer.log'}" in text
    assert f"Settings and profiles: {services.settings.path.parent}" in text
    assert "Local Batch: runs here (Linux)" in text

    dialog.findChild(QPushButton, COPY_BUTTON).click()
    assert QGuiApplication.clipboard().text() == text


class DesktopStandIn:
    """The desktop's file manager is outside the test's reach: record what it was asked to open."""

    opened: list[str] = []

    @classmethod
    def openUrl(cls, url: QUrl) -> bool:  # noqa: N802 - Qt's name
        cls.opened.append(url.toLocalFile())
        return True


def test_open_log_folder_hands_the_folder_to_the_desktop(loop, qtbot, services, monkeypatch):
    monkeypatch.setattr(about, "QDesktopServices", DesktopStandIn)
    window = make_window(qtbot, services)
    dialog = window.show_about()
    dialog.findChild(QPushButton, OPEN_LOGS_BUTTON).click()
    assert DesktopStandIn.opened == [str(dialog.facts.log_dir)] and dialog.facts.log_dir.is_dir()


def test_the_toolbar_offers_the_main_actions_with_icons(loop, qtbot, services):
    window = make_window(qtbot, services)
    actions = [a for a in window.toolbar.actions() if not a.isSeparator()]
    assert [a.iconText() for a in actions] == ["New task", "New pool", "Import", "Refresh", "Find", "Follow output"]
    assert all(not a.icon().isNull() for a in actions)
    assert not window.about_action.icon().isNull()


def test_icons_take_the_text_colour_of_the_theme(loop, qtbot, services, qapp):
    def ink(icon) -> tuple[int, int, int]:
        image = icon.pixmap(24, 24).toImage()
        alpha_best = max(
            ((x, y) for x in range(24) for y in range(24)), key=lambda p: image.pixelColor(*p).alpha()
        )
        color = image.pixelColor(*alpha_best)
        return color.red(), color.green(), color.blue()

    dark = ink(themed_icon("refresh", dark_palette()))
    assert min(dark) > 180  # light ink on a dark window
    light_palette = QPalette(qapp.style().standardPalette())
    assert max(ink(themed_icon("refresh", light_palette))) < 80

    async def repainted(condition) -> None:
        # The palette change reaches the window as a posted event: let the loop deliver it.
        for _ in range(500):
            if condition():
                return
            await asyncio.sleep(0.01)
        raise AssertionError("the icons were not repainted")

    window = make_window(qtbot, services)
    try:
        apply_theme(qapp, "dark")
        loop.run_until_complete(repainted(lambda: min(ink(window.refresh_action.icon())) > 180))
        apply_theme(qapp, "light")
        loop.run_until_complete(repainted(lambda: max(ink(window.refresh_action.icon())) < 80))
    finally:
        apply_theme(qapp, "system")
