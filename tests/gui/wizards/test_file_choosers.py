"""The wizards' file choosers open without a nested event loop and act on the choice."""

from __future__ import annotations

import json
import shutil

from PySide6.QtWidgets import QFileDialog, QWizard

from tests.support.qt_scenarios import next_emission
from tests.support.samples import SAMPLES


def chooser(widget) -> QFileDialog:
    """The file dialog `widget` opened: shown, window-modal, and not run by exec()."""
    [dialog] = [d for d in widget.findChildren(QFileDialog) if d.isVisible()]
    return dialog


def test_import_loads_the_chosen_file(open_wizard):
    wizard = open_wizard()
    wizard.button(QWizard.WizardButton.CustomButton1).click()  # returns at once: no nested loop
    chooser(wizard).fileSelected.emit(str(SAMPLES / "mpi-hello" / "task.json"))
    assert wizard.spec().task_id == "mpi-hello"
    assert wizard.spec().number_of_instances == 4


def test_export_writes_the_chosen_file(open_wizard, tmp_path):
    wizard = open_wizard()
    wizard.target_page.task_id_edit.setText("exported")
    wizard.review_page.export_button.click()
    target = tmp_path / "task.json"
    chooser(wizard.review_page).fileSelected.emit(str(target))
    assert json.loads(target.read_text())["id"] == "exported"
    assert wizard.review_page.status.text() == f"Exported to {target}"


def test_export_to_an_unwritable_place_says_why(open_wizard, tmp_path):
    wizard = open_wizard()
    wizard.review_page.export_button.click()
    target = tmp_path / "missing-folder" / "task.json"
    chooser(wizard.review_page).fileSelected.emit(str(target))
    assert wizard.review_page.status.text().startswith(f"Could not export to {target}: ")


def test_upload_sends_the_chosen_files(open_wizard, storage, run, tmp_path):
    wizard = open_wizard(uploader=storage)
    local = tmp_path / "hello.py"
    shutil.copy(SAMPLES / "mpi-hello" / "hello.py", local)
    uploaded = next_emission(wizard.uploadFinished)
    wizard.files_page.upload_buttons[True].click()
    chooser(wizard.files_page).filesSelected.emit([str(local)])
    assert run(uploaded) == (True,)
    [common] = wizard.spec().common_resource_files
    assert common.file_path == "hello.py"
