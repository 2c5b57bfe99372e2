"""The translation pipeline end to end: a catalogue compiled by pyside6-lrelease from the committed
German .ts (a few messages filled in here), installed for a German locale as the app installs it,
and the texts of a dialog, a wait reason, an operation error and a wizard field's check shown in German,
Qt's own buttons too."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel

from explorer.client.acting.operations import OperationError
from explorer.client.watching.snapshots import JobSnapshot, PoolSnapshot, TaskSnapshot
from explorer.client.watching.wait_reasons import why_waiting
from explorer.core.checks.validation import validate_pool
from explorer.core.specs.pool_spec import PoolSpec, StartTask, VmImage
from explorer.core.texts import QT_TRANSLATE_NOOP, Text
from explorer.ui import translation
from explorer.ui.dialogs.resize_pool import ResizePoolDialog
from explorer.ui.translation import install_translators, translated
from explorer.ui.widgets.error_banner import sentence_for
from explorer.ui.wizards.field_feedback import FieldFeedback

CATALOGUES = Path(translation.__file__).resolve().parents[1] / "resources" / "translations"
LRELEASE = Path(shutil.which("pyside6-lrelease") or Path(__file__).resolve().parents[2] / ".venv/bin/pyside6-lrelease")
GERMAN = {
    ("ResizePoolDialog", "Resize pool {pool}"): "Pool {pool} skalieren",
    ("ResizePoolDialog", "Dedicated nodes:"): "Dedizierte Knoten:",
    ("WaitReasons", "Pool {pool} is being deleted."): "Pool {pool} wird gelöscht.",
    ("Operations", "Could not {action}: {reason}"): "{action} ging nicht: {reason}",
    ("Operations", "resize pool {pool}"): "Pool {pool} skalieren",
    ("Validation", "The VM size '{size}' contains spaces."): "Die VM-Größe „{size}“ enthält Leerzeichen.",
    ("Validation", "VM sizes are single words such as Standard_D2s_v3."):
        "VM-Größen sind ein Wort wie Standard_D2s_v3.",
    ("FieldChecks", "The {what} is empty."): "Das Feld „{what}“ ist leer.",
    ("FieldChecks", "Enter the {what}, or pick an MPI preset to fill it in."):
        "Geben Sie den {what} ein, oder füllen Sie ihn mit einer MPI-Vorlage.",
    ("Validation", "start task command"): "Befehl des Starttasks",
}


def german_catalogue(directory: Path) -> None:
    """The committed German .ts with the messages of GERMAN translated, compiled into `directory`."""
    tree = ET.parse(CATALOGUES / "mpi_explorer_de.ts")
    filled = set()
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            key = (context.findtext("name"), message.findtext("source"))
            if key in GERMAN:
                target = message.find("translation")
                target.text = GERMAN[key]
                target.attrib.pop("type", None)
                filled.add(key)
    assert filled == set(GERMAN), f"not in the committed catalogue: {set(GERMAN) - filled}"
    tree.write(directory / "mpi_explorer_de.ts", encoding="utf-8", xml_declaration=True)
    subprocess.run([str(LRELEASE), "-silent", str(directory / "mpi_explorer_de.ts"), "-qm",
                    str(directory / "mpi_explorer_de.qm")], check=True)


@pytest.fixture
def german(qapp, tmp_path, monkeypatch):
    german_catalogue(tmp_path)
    monkeypatch.setattr(translation, "translations_dir", lambda: str(tmp_path))
    installed = install_translators(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
        translator.deleteLater()


def test_a_german_locale_shows_the_window_in_german(german, qtbot):
    assert [Path(t.filePath()).name for t in german][:1] == ["mpi_explorer_de.qm"]
    dialog = ResizePoolDialog("mpi", 2, 0, lambda dedicated, spot: None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Pool mpi skalieren"
    form = dialog.findChild(QFormLayout)
    assert form.labelForField(dialog.dedicated).text() == "Dedizierte Knoten:"
    assert dialog.findChild(QLabel).text() == "Nodes leaving the pool have their running tasks requeued."  # not in this catalogue: English
    if len(german) > 1:  # Qt ships qtbase_de with PySide6: its standard buttons follow
        cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text() == "Abbrechen"

    task = TaskSnapshot("t", None, "active", None, 4, None, None, None, None, None, 0, None)
    pool = PoolSnapshot("p", "deleting", "steady", "vm", 4, 0, 4, 0, True, 1)
    (reason,) = why_waiting(task, JobSnapshot("j", None, "active", "p", None), pool, None)
    assert translated(reason.message) == "Pool p wird gelöscht." and reason.text == "Pool p is being deleted."
    error = OperationError(Text.of(QT_TRANSLATE_NOOP("Operations", "resize pool {pool}"), pool="mpi"), "busy")
    assert sentence_for(error) == "Pool mpi skalieren ging nicht: busy"
    assert str(error) == "Could not resize pool mpi: busy"


def test_english_and_languages_without_a_translated_catalogue_install_nothing(qapp):
    assert install_translators(qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == []
    # The committed German catalogue has no translations yet: the window stays English, buttons too.
    assert install_translators(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany)) == []
    # Qt has Japanese buttons, but without our catalogue they would make a window of two languages.
    assert install_translators(qapp, QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)) == []


def test_a_wizard_field_shows_its_check_in_german(german, qtbot):
    """A check's message and fix are translated as the field shows them, and the field's name among their
    arguments too; str() of a message is the English, for logs."""
    image = VmImage("Canonical", "ubuntu-24_04-lts", "server", "batch.node.ubuntu 24.04")
    spec = PoolSpec("mpi", "Standard D2s", image, target_dedicated_nodes=2, start_task=StartTask(" "))
    problems = {problem.field: problem for problem in validate_pool(spec)}
    feedback = FieldFeedback()
    qtbot.addWidget(feedback)
    feedback.show_problems([problems["vm_size"]])
    assert feedback.texts() == [
        "Die VM-Größe „Standard D2s“ enthält Leerzeichen. VM-Größen sind ein Wort wie Standard_D2s_v3."
    ]
    assert str(problems["vm_size"].message) == "The VM size 'Standard D2s' contains spaces."
    feedback.show_problems([problems["start_task.command_line"]])
    assert feedback.texts() == [
        "Das Feld „Befehl des Starttasks“ ist leer. "
        "Geben Sie den Befehl des Starttasks ein, oder füllen Sie ihn mit einer MPI-Vorlage."
    ]
