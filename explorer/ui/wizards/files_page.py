"""Task wizard, page 4: the files every instance gets (common resource files) and the
files only the primary gets, from URLs, storage containers, or local files uploaded
to the storage linked to the account (Azurite under Local Batch)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QGroupBox, QLabel, QProgressBar, QPushButton, QVBoxLayout

from explorer.core.checks.problems import Problem, Severity
from explorer.core.specs.task_spec import MultiInstanceTaskSpec
from explorer.ui.dialogs.file_dialogs import ask_open_files
from explorer.ui.wizards.field_feedback import message_style
from explorer.ui.wizards.resource_files_editor import ResourceFileRow, ResourceFilesEditor
from explorer.ui.wizards.spec_page import SpecPage

# upload(paths, common, row): upload local files for the common (True) or primary list; with
# a row, its file becomes the uploaded one.
UploadFunction = Callable[[list[Path], bool, ResourceFileRow | None], None]

_KEYS = {True: "common_resource_files", False: "resource_files"}


class FilesPage(SpecPage):
    def __init__(self, can_upload: bool, upload: UploadFunction) -> None:
        super().__init__(
            self.tr("Files"),
            self.tr(
                "Common files land in every instance's task directory ($AZ_BATCH_TASK_SHARED_DIR); "
                "the primary's files land in its working directory."
            ),
        )
        self.no_storage = self.tr("Uploading needs a storage account linked to this connection; none is configured.")
        self._upload = upload
        self._uploading = False
        note = None if can_upload else self.no_storage
        self.common_editor = ResourceFilesEditor(note, self.tr("Common resource files"))
        self.primary_editor = ResourceFilesEditor(note, self.tr("Resource files of the primary"))
        self.upload_buttons: dict[bool, QPushButton] = {}
        layout = self.content()
        for common, title in (
            (True, self.tr("Common resource files (every instance)")),
            (False, self.tr("Resource files (the primary only)")),
        ):
            editor = self.editor(common)
            self.feedback_for(_KEYS[common], editor.feedback)
            editor.changed.connect(self.notify)
            editor.uploadRequested.connect(
                lambda row, path, common=common: self._upload([path], common, row)
            )
            button = QPushButton(self.tr("Upload local files…"))
            button.setAccessibleName(self.tr("Upload local files to {}").format(title))
            button.setEnabled(can_upload)
            button.setToolTip("" if can_upload else self.no_storage)
            button.clicked.connect(lambda _checked=False, common=common: self._choose_files(common))
            editor.buttons.insertWidget(1, button)
            self.upload_buttons[common] = button
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(editor)
            layout.addWidget(box)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Upload progress"))
        self.upload_status = QLabel("" if can_upload else self.no_storage)
        self.upload_status.setWordWrap(True)
        self.upload_status.setAccessibleName(self.tr("Upload status"))
        layout.addWidget(self.progress)
        layout.addWidget(self.upload_status)
        layout.addStretch(1)

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

    def local_problems(self) -> list[Problem]:
        return [problem for common, key in _KEYS.items() for problem in self.editor(common).local_problems(key)]

    def busy(self) -> bool:
        return self._uploading

    def _choose_files(self, common: bool) -> None:
        ask_open_files(self, self.tr("Upload files"), lambda paths: self._upload(paths, common, None))

    # --- what the wizard reports while it uploads ---------------------------------------------

    def upload_started(self, count: int) -> None:
        self._uploading = True
        for common, button in self.upload_buttons.items():
            button.setEnabled(False)
            self.editor(common).setEnabled(False)  # no row goes away while its upload runs
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.upload_status.setStyleSheet("")
        self.upload_status.setText(self.tr("Uploading {} file(s)…").format(count))
        self.completeChanged.emit()

    def upload_progress(self, sent: int, total: int, name: str) -> None:
        self.progress.setValue(1000 if total == 0 else int(1000 * sent / total))
        self.upload_status.setText(self.tr("Uploading {}: {:,} of {:,} bytes").format(name, sent, total))

    def upload_finished(self, error: str | None) -> None:
        self._uploading = False
        for common, button in self.upload_buttons.items():
            button.setEnabled(True)
            self.editor(common).setEnabled(True)
        self.progress.setVisible(False)
        self.upload_status.setStyleSheet(message_style(self, Severity.ERROR) if error else "")
        self.upload_status.setText(error or self.tr("Uploaded; the files are listed above with read-only links."))
        self.completeChanged.emit()
