"""The resource-file editor: one row per file, each with a source chooser (an HTTP URL, a
storage container URL, a container of the account's auto-storage, or a local file to
upload) that shows only that source's fields, then where the file lands and its mode.

Batch takes exactly one source per file. A file read from JSON may name several, or set a
field its source ignores (a blob prefix beside an HTTP URL): the row keeps those values,
lists them under the row with a Clear button, and the checks say what is wrong, so that
nothing imported is lost unseen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.core.checks.problems import Problem
from explorer.core.specs.resource_files import ResourceFile
from explorer.ui.dialogs.file_dialogs import ask_open_file
from explorer.ui.wizards.field_feedback import FieldFeedback, row_describer

HTTP, CONTAINER, AUTO_STORAGE, LOCAL = "http_url", "storage_container_url", "auto_storage_container_name", "local"
SOURCES = (HTTP, CONTAINER, AUTO_STORAGE, LOCAL)
# The spec fields each source shows, besides file path and mode.
SOURCE_FIELDS = {
    HTTP: ("http_url",),
    CONTAINER: ("storage_container_url", "blob_prefix"),
    AUTO_STORAGE: ("auto_storage_container_name", "blob_prefix"),
    LOCAL: (),
}
# Carried through as imported, not edited here: the pool identity a storage source is read with.
CARRIED_FIELDS = ("identity_reference",)
ALL_FIELDS = tuple(field.name for field in fields(ResourceFile))


def column_titles() -> dict[str, str]:
    """Spec attribute -> its name in messages ("Row 2 (HTTP URL): …")."""
    return {
        "http_url": ResourceFilesEditor.tr("HTTP URL"),
        "storage_container_url": ResourceFilesEditor.tr("Storage container URL"),
        "auto_storage_container_name": ResourceFilesEditor.tr("Auto-storage container"),
        "blob_prefix": ResourceFilesEditor.tr("Blob prefix"),
        "file_path": ResourceFilesEditor.tr("File path"),
        "file_mode": ResourceFilesEditor.tr("File mode"),
    }


def source_titles() -> dict[str, str]:
    return {
        HTTP: ResourceFilesEditor.tr("HTTP URL (one file)"),
        CONTAINER: ResourceFilesEditor.tr("Storage container URL"),
        AUTO_STORAGE: ResourceFilesEditor.tr("Auto-storage container"),
        LOCAL: ResourceFilesEditor.tr("Local file to upload"),
    }


class ResourceFileRow(QFrame):
    """One resource file. ``file()`` is what the spec gets; a local file is None there until uploaded."""

    changed = Signal()
    removeRequested = Signal(object)  # this row
    uploadRequested = Signal(object, object)  # this row, the local Path

    def __init__(self, upload_note: str | None) -> None:
        """``upload_note`` is None when local files can be uploaded, else why not."""
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._extras: dict[str, str] = {}
        self._carried: dict[str, str | None] = {}
        titles = column_titles()
        self.source_combo = QComboBox()
        for source, title in source_titles().items():
            self.source_combo.addItem(title, source)
        if upload_note is not None:
            item = self.source_combo.model().item(SOURCES.index(LOCAL))
            item.setEnabled(False)
            item.setToolTip(upload_note)
        self.source_combo.setAccessibleName(self.tr("Source"))
        self.edits: dict[str, QLineEdit] = {}
        self.stack = QStackedWidget()
        placeholders = {
            "http_url": "https://ACCOUNT.blob.core.windows.net/CONTAINER/FILE?SAS",
            "storage_container_url": "https://ACCOUNT.blob.core.windows.net/CONTAINER?SAS",
            "auto_storage_container_name": self.tr("a container of the account's linked storage"),
            "blob_prefix": self.tr("optional: only blobs whose names start with this"),
        }
        for source in SOURCES:
            page = QWidget()
            line = QHBoxLayout(page)
            line.setContentsMargins(0, 0, 0, 0)
            for name in SOURCE_FIELDS[source]:
                edit = self._edit(f"{source}.{name}", titles[name], placeholders[name])
                if name == "blob_prefix":
                    line.addWidget(_buddy_label(self.tr("Blob prefix:"), edit))
                line.addWidget(edit, 2 if name != "blob_prefix" else 1)
            if source == LOCAL:
                self.local_edit = self._edit("local", self.tr("Local file"), self.tr("a file on this computer"))
                self.browse_button = _button(self.tr("Browse…"), self.tr("Choose the local file"))
                self.browse_button.clicked.connect(self._browse)
                self.upload_button = _button(self.tr("Upload"), self.tr("Upload the local file"))
                self.upload_button.clicked.connect(self._upload)
                for widget in (self.local_edit, self.browse_button, self.upload_button):
                    line.addWidget(widget, 2 if widget is self.local_edit else 0)
            self.stack.addWidget(page)
        self.path_edit = self._edit("file_path", titles["file_path"], self.tr("relative to the task directory"))
        self.mode_edit = self._edit("file_mode", titles["file_mode"], self.tr("e.g. 0755 (Linux)"))
        self.mode_edit.setMaximumWidth(140)
        self.remove_button = _button(self.tr("Remove"), self.tr("Remove this file"))
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self))
        self.extras_label = QLabel()
        self.extras_label.setWordWrap(True)
        self.clear_extras_button = _button(self.tr("Clear them"), self.tr("Clear the values this source does not use"))
        self.clear_extras_button.clicked.connect(self.clear_extras)
        grid = QGridLayout(self)
        grid.addWidget(_buddy_label(self.tr("Source:"), self.source_combo), 0, 0)
        grid.addWidget(self.source_combo, 0, 1)
        grid.addWidget(self.stack, 0, 2, 1, 3)
        grid.addWidget(self.remove_button, 0, 5)
        self.path_label = _buddy_label(self.tr("Save as:"), self.path_edit)
        grid.addWidget(self.path_label, 1, 0)
        grid.addWidget(self.path_edit, 1, 1, 1, 2)
        grid.addWidget(_buddy_label(self.tr("Mode:"), self.mode_edit), 1, 3)
        grid.addWidget(self.mode_edit, 1, 4)
        extras = QHBoxLayout()
        extras.addWidget(self.extras_label, 1)
        extras.addWidget(self.clear_extras_button)
        grid.addLayout(extras, 2, 0, 1, 6)
        grid.setColumnStretch(2, 1)
        self.source_combo.currentIndexChanged.connect(self._source_chosen)
        self._show_extras()

    def _edit(self, key: str, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(name)
        edit.textChanged.connect(self.changed)
        self.edits[key] = edit
        return edit

    # --- values ----------------------------------------------------------------------------

    def source(self) -> str:
        return self.source_combo.currentData()

    def set_source(self, source: str) -> None:
        self.source_combo.setCurrentIndex(SOURCES.index(source))

    def file(self) -> ResourceFile:
        values: dict[str, str | None] = {**self._extras, **self._carried}
        for name in SOURCE_FIELDS[self.source()]:
            values[name] = self.edits[f"{self.source()}.{name}"].text() or None
        values["file_path"] = self.path_edit.text() or None
        values["file_mode"] = self.mode_edit.text() or None
        return ResourceFile(**{name: values.get(name) for name in ALL_FIELDS})

    def set_file(self, file: ResourceFile) -> None:
        """Show ``file``: its first source is chosen, values the source does not show are kept as extras."""
        self.blockSignals(True)
        source = next(iter(file.sources), HTTP)
        self.set_source(source)
        shown = set(SOURCE_FIELDS[source]) | {"file_path", "file_mode", *CARRIED_FIELDS}
        self._carried = {name: getattr(file, name) for name in CARRIED_FIELDS}
        for name in SOURCE_FIELDS[source]:
            self.edits[f"{source}.{name}"].setText(getattr(file, name) or "")
        self.path_edit.setText(file.file_path or "")
        self.mode_edit.setText(file.file_mode or "")
        self._extras = {name: getattr(file, name) for name in ALL_FIELDS if name not in shown and getattr(file, name)}
        self._show_extras()
        self.blockSignals(False)
        self.changed.emit()

    def set_value(self, attribute: str, text: str) -> None:
        """Type ``text`` into the field of ``attribute`` (choosing its source if it is one)."""
        if attribute in ("file_path", "file_mode"):
            (self.path_edit if attribute == "file_path" else self.mode_edit).setText(text)
            return
        if attribute in SOURCES:
            self.set_source(attribute)
        self._extras.pop(attribute, None)
        self._show_extras()
        self.edits[f"{self.source()}.{attribute}"].setText(text)

    def local_path(self) -> Path | None:
        """The file to upload when the source is a local file and one is named."""
        text = self.local_edit.text().strip()
        return Path(text) if self.source() == LOCAL and text else None

    def local_problem(self, field: str) -> Problem | None:
        if self.source() != LOCAL:
            return None
        if self.local_path() is None:
            return Problem(field, self.tr("No local file is chosen."),
                           self.tr("Press Browse… to choose the file to upload."))
        return Problem(
            field,
            self.tr("'{}' is not uploaded yet.").format(self.local_path().name),
            self.tr("Press Upload to send it to the linked storage; the row then holds its download link."),
        )

    def clear_extras(self) -> None:
        self._extras = {}
        self._show_extras()
        self.changed.emit()

    # --- reacting ----------------------------------------------------------------------------

    def _source_chosen(self) -> None:
        self.stack.setCurrentIndex(self.source_combo.currentIndex())
        # A container's blobs land under the file path (a directory); a single file is saved as it.
        container = self.source() in (CONTAINER, AUTO_STORAGE)
        self.path_label.setText(self.tr("Save under:") if container else self.tr("Save as:"))
        self.path_edit.setPlaceholderText(
            self.tr("a directory relative to the task directory, or empty for the directory itself")
            if container
            else self.tr("relative to the task directory")
        )
        # Choosing a source is choosing one: the values of other sources (kept in their own,
        # hidden fields until chosen again) no longer go to Batch.
        self._extras = {}
        self._show_extras()
        self.changed.emit()

    def _show_extras(self) -> None:
        titles = column_titles()
        listed = "; ".join(f"{titles[name]} '{value}'" for name, value in self._extras.items())
        self.extras_label.setText(self.tr("Also set, though this source does not use it: {}").format(listed))
        self.extras_label.setVisible(bool(self._extras))
        self.clear_extras_button.setVisible(bool(self._extras))

    def _browse(self) -> None:
        ask_open_file(self, self.tr("Choose a file to upload"), "", lambda path: self.local_edit.setText(str(path)))

    def _upload(self) -> None:
        path = self.local_path()
        if path is not None:
            self.uploadRequested.emit(self, path)


class ResourceFilesEditor(QWidget):
    """The rows, an "Add file" button (pages add their own beside it) and the rows' messages."""

    changed = Signal()
    uploadRequested = Signal(object, object)  # row, Path

    def __init__(self, upload_note: str | None = None, name: str = "") -> None:
        """``upload_note``: None when local files can be uploaded, else why they cannot."""
        super().__init__()
        self._upload_note = upload_note
        self.rows_list: list[ResourceFileRow] = []
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel(self.tr("No files."))
        self.empty_label.setEnabled(False)
        self.add_button = _button(self.tr("Add file"),
                                  self.tr("Add a resource file to {}").format(name) if name else "")
        self.add_button.clicked.connect(self.add_row)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addStretch(1)
        self.feedback = FieldFeedback(describe=row_describer(column_titles()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addLayout(self._rows)
        layout.addLayout(self.buttons)
        layout.addWidget(self.feedback)
        if name:
            self.setAccessibleName(name)

    def files(self) -> tuple[ResourceFile, ...]:
        return tuple(row.file() for row in self.rows_list)

    def set_files(self, files: Sequence[ResourceFile]) -> None:
        for row in list(self.rows_list):
            self._drop(row)
        self.add_files(files)

    def add_files(self, files: Sequence[ResourceFile]) -> None:
        for file in files:
            self._new_row().set_file(file)
        self.changed.emit()

    def add_row(self) -> ResourceFileRow:
        """A new, empty row (an HTTP URL to fill in), scrolled into view with its URL focused."""
        row = self._new_row()
        self.changed.emit()
        self._reveal(row)
        row.edits["http_url.http_url"].setFocus()
        return row

    def replace_row(self, row: ResourceFileRow, file: ResourceFile) -> None:
        if row in self.rows_list:
            row.set_file(file)

    def set_cell(self, index: int, attribute: str, text: str) -> None:
        self.rows_list[index].set_value(attribute, text)

    def local_problems(self, key: str) -> list[Problem]:
        found = (row.local_problem(f"{key}[{index}]") for index, row in enumerate(self.rows_list))
        return [problem for problem in found if problem is not None]

    def _new_row(self) -> ResourceFileRow:
        row = ResourceFileRow(self._upload_note)
        row.setAccessibleName(self.tr("Resource file {}").format(len(self.rows_list) + 1))
        row.changed.connect(self.changed)
        row.removeRequested.connect(self._remove)
        row.uploadRequested.connect(self.uploadRequested)
        self.rows_list.append(row)
        self._rows.addWidget(row)
        row.setVisible(self.isVisible())  # now, not at the layout's queued show: it is scrolled to at once
        self.empty_label.setVisible(False)
        return row

    def _remove(self, row: ResourceFileRow) -> None:
        self._drop(row)
        self.changed.emit()

    def _drop(self, row: ResourceFileRow) -> None:
        self.rows_list.remove(row)
        self._rows.removeWidget(row)
        row.deleteLater()
        self.empty_label.setVisible(not self.rows_list)
        for index, kept in enumerate(self.rows_list):
            kept.setAccessibleName(self.tr("Resource file {}").format(index + 1))

    def _reveal(self, row: ResourceFileRow) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.widget().layout().activate()  # place the new row before scrolling to it
            parent.ensureWidgetVisible(row)


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    if name:
        button.setAccessibleName(name)
    return button


def _buddy_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
