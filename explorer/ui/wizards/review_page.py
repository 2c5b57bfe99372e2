"""The last page of both wizards: the exact JSON that will be sent, its export, and
every problem still open (including a refusal by the service)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from explorer.ui.dialogs.file_dialogs import JSON_FILTER, ask_save_file
from explorer.ui.wizards.spec_page import SpecPage


def json_text(body: dict) -> str:
    return json.dumps(body, indent=2) + "\n"


class ReviewPage(SpecPage):
    def __init__(self, title: str, subtitle: str, body: Callable[[], dict], busy: Callable[[], bool]) -> None:
        super().__init__(title, subtitle)
        self._body = body
        self._busy = busy
        self.json_view = QPlainTextEdit()
        self.json_view.setReadOnly(True)
        self.json_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.json_view.setAccessibleName(self.tr("The JSON that will be sent"))
        self.export_button = QPushButton(self.tr("Export JSON…"))
        self.export_button.setAccessibleName(self.tr("Export JSON to a file"))
        self.export_button.clicked.connect(self._choose_export_file)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Status"))
        self._buttons = QHBoxLayout()
        self._buttons.addWidget(self.export_button)
        self._buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.json_view, 1)
        layout.addWidget(self.feedback_for("*"))
        layout.addLayout(self._buttons)

    def add_button(self, button: QPushButton) -> None:
        """A button of the wizard's own beside Export JSON… (the task wizard's Run on another account…)."""
        self._buttons.insertWidget(self._buttons.indexOf(self.status), button)

    def owns(self, field: str) -> bool:
        return True  # everything still wrong is listed here, whichever page it belongs to

    def show_problems(self, problems) -> None:
        self.feedback["*"].show_problems(list(problems))
        self._problems = list(problems)
        self.completeChanged.emit()

    def sync(self) -> None:
        text = json_text(self._body())
        if text != self.json_view.toPlainText():
            self.json_view.setPlainText(text)

    def busy(self) -> bool:
        return self._busy()

    def export_json(self, path: Path) -> None:
        Path(path).write_text(json_text(self._body()), encoding="utf-8")
        self.status.setText(self.tr("Exported to {}").format(path))

    def _choose_export_file(self) -> None:
        ask_save_file(self, self.tr("Export JSON"), self._export_to, name_filter=JSON_FILTER)

    def _export_to(self, path: Path) -> None:
        try:
            self.export_json(path)
        except OSError as error:
            self.status.setText(self.tr("Could not export to {}: {}").format(path, error.strerror or error))
