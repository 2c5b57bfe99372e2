"""Help > About: the version, what it runs on, where its files are, and a way to the logs.

Versions come from the installed distributions' metadata (nothing imports the SDK
here). "Open log folder" asks the desktop to show the folder and returns at once.
"""

from __future__ import annotations

import html
import platform
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer import __version__
from explorer.client.connecting.profiles import LocalBatchProfile
from explorer.installation import logfiles
from explorer.installation.platform_support import local_batch_support
from explorer.ui.icons import app_icon

DISTRIBUTIONS = ("azure-batch", "azure-core", "azure-identity", "azure-storage-blob", "mpich", "mpi4py")
OPEN_LOGS_BUTTON = "openLogFolder"
COPY_BUTTON = "copyDetails"


@dataclass(frozen=True)
class AboutFacts:
    versions: list[tuple[str, str]]
    places: list[tuple[str, str]]
    log_dir: Path


def about_facts(config_dir: Path) -> AboutFacts:
    versions = [
        ("Python", f"{platform.python_version()} ({sys.platform})"),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
    ]
    for name in DISTRIBUTIONS:
        try:
            versions.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, AboutDialog.tr("not installed")))
    local_data = LocalBatchProfile().resolved_data_dir()
    log_dir = logfiles.user_log_dir()
    places = [
        (AboutDialog.tr("Settings and profiles"), str(config_dir)),
        (AboutDialog.tr("Local Batch state"), str(local_data)),
        (AboutDialog.tr("Log"), str(log_dir / "explorer.log")),
        (AboutDialog.tr("Local Batch log"), str(local_data / "localbatch.log")),
        (AboutDialog.tr("Local Batch"), local_batch_support().description),
    ]
    return AboutFacts(versions, places, log_dir)


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding-right:12px'>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>" for k, v in rows
    )
    return f"<table>{cells}</table>"


class AboutDialog(QDialog):
    def __init__(self, facts: AboutFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facts = facts
        self.setWindowTitle(self.tr("About MPI Explorer"))
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(
            self.tr("<h2>MPI Explorer {version}</h2>"
                    "<p>Submit, watch and debug MPI multi-instance tasks on Azure Batch,<br>"
                    "or on this machine with Local Batch.</p><p>MIT licence.</p>").format(
                version=html.escape(__version__)),
            self,
        )
        header = QHBoxLayout()
        header.addWidget(icon)
        header.addWidget(title, 1)
        details = QLabel(
            self.tr("<b>Versions</b>{versions}<br><b>Files</b>{files}").format(
                versions=_table(facts.versions), files=_table(facts.places)), self
        )
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        open_logs = QPushButton(self.tr("Open log folder"), self)
        open_logs.setObjectName(OPEN_LOGS_BUTTON)
        open_logs.setAccessibleDescription(self.tr("Shows the folder of the log files in the file manager"))
        open_logs.clicked.connect(self.open_log_folder)
        copy = QPushButton(self.tr("Copy details"), self)
        copy.setObjectName(COPY_BUTTON)
        copy.setAccessibleDescription(self.tr("Copies the versions and the places of the files, for a support request"))
        copy.clicked.connect(self.copy_details)
        buttons.addButton(open_logs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(details)
        layout.addWidget(buttons)

    def details_text(self) -> str:
        rows = [("MPI Explorer", __version__), *self.facts.versions, *self.facts.places]
        return "\n".join(f"{key}: {value}" for key, value in rows)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())

    def open_log_folder(self) -> bool:
        self.facts.log_dir.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.facts.log_dir)))


def show_about(parent: QWidget, config_dir: Path) -> AboutDialog:
    dialog = AboutDialog(about_facts(config_dir), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
