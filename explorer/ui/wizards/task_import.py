"""Reading task JSON files for the task wizard, and telling the user why one cannot be read."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from explorer.core.batch_json.json_reader import SpecFormatError, parse_json_text
from explorer.core.batch_json.task_document import TaskDocument, document_from_json
from explorer.core.texts import QT_TRANSLATE_NOOP, Text
from explorer.ui.translation import error_text


def read_task_file(path: Path, job_id: str) -> TaskDocument:
    """A task file (as `az batch task create --json-file` takes) for ``job_id``; raises
    SpecFormatError for a file that cannot be read or does not describe an MPI task."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise SpecFormatError("$", Text.of(QT_TRANSLATE_NOOP("TaskImport", "cannot read the file: {reason}."),
                                           reason=reason)) from None
    return document_from_json(parse_json_text(text), job_id=job_id)


def show_import_error(parent: QWidget | None, source: str, error: SpecFormatError) -> QMessageBox:
    """A window-modal message that does not block the caller (nothing open is touched)."""
    translate = QCoreApplication.translate
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("TaskImport", "Cannot import the task"),
        translate("TaskImport", "{} is not a multi-instance task that MPI Explorer can open.").format(source),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText(error_text(error))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
