"""Task wizard, page 4: the files every instance gets (common resource files) and the
files only the primary gets, from URLs, storage containers, or local files uploaded
to the storage linked to the account (Azurite under Local Batch)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QGroupBox, QLabel, QProgressBar, QPushButton, QVBoxLayout

from explorer.core.specs.task_spec import MultiInstanceTaskSpec
from explorer.ui.dialogs.file_dialogs import ask_open_files
from explorer.ui.wizards.editors import ResourceFilesEditor
from explorer.ui.wizards.spec_page import SpecPage

NO_STORAGE = "Uploading needs a storage account linked to this connection; none is configured."


class FilesPage(SpecPage):
    def __init__(self, can_upload: bool, upload: Callable[[list[Path], bool], None]) -> None:
        """``upload(paths, common)`` uploads local files for the common (True) or primary list."""
        super().__init__(
            "Files",
            "Common files land in every instance's task directory ($AZ_BATCH_TASK_SHARED_DIR); "
            "the primary's files land in its working directory.",
        )
        self._upload = upload
        self._uploading = False
        self.common_editor = ResourceFilesEditor()
        self.primary_editor = ResourceFilesEditor()
        self.upload_buttons: dict[bool, QPushButton] = {}
        layout = QVBoxLayout(self)
        for common, editor, key, title in (
            (True, self.common_editor, "common_resource_files", "Common resource files (every instance)"),
            (False, self.primary_editor, "resource_files", "Resource files (the primary only)"),
        ):
            self.feedback_for(key, editor.feedback)
            editor.changed.connect(self.notify)
            button = QPushButton("Upload local files…")
            button.setEnabled(can_upload)
            button.setToolTip("" if can_upload else NO_STORAGE)
            button.clicked.connect(lambda _checked=False, common=common: self._choose_files(common))
            editor.buttons.insertWidget(1, button)
            self.upload_buttons[common] = button
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(editor)
            layout.addWidget(box)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.upload_status = QLabel("" if can_upload else NO_STORAGE)
        self.upload_status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.upload_status)

    def apply(self, spec: MultiInstanceTaskSpec) -> MultiInstanceTaskSpec:
        return replace(
            spec, common_resource_files=self.common_editor.files(), resource_files=self.primary_editor.files()
        )

    def load(self, spec: MultiInstanceTaskSpec) -> None:
        with self.loading():
            self.common_editor.set_files(spec.common_resource_files)
            self.primary_editor.set_files(spec.resource_files)

    def editor(self, common: bool) -> ResourceFilesEditor:
        return self.common_editor if common else self.primary_editor

    def busy(self) -> bool:
        return self._uploading

    def _choose_files(self, common: bool) -> None:
        ask_open_files(self, "Upload files", lambda paths: self._upload(paths, common))

    # --- what the wizard reports while it uploads ---------------------------------------------

    def upload_started(self, count: int) -> None:
        self._uploading = True
        for button in self.upload_buttons.values():
            button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.upload_status.setStyleSheet("")
        self.upload_status.setText(f"Uploading {count} file{'s' if count != 1 else ''}…")
        self.completeChanged.emit()

    def upload_progress(self, sent: int, total: int, name: str) -> None:
        self.progress.setValue(1000 if total == 0 else int(1000 * sent / total))
        self.upload_status.setText(f"Uploading {name}: {sent:,} of {total:,} bytes")

    def upload_finished(self, error: str | None) -> None:
        self._uploading = False
        for button in self.upload_buttons.values():
            button.setEnabled(True)
        self.progress.setVisible(False)
        self.upload_status.setStyleSheet("color: #c62828;" if error else "")
        self.upload_status.setText(error or "Uploaded; the files are listed above with read-only links.")
        self.completeChanged.emit()
