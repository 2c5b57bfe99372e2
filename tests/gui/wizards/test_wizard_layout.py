"""Wizards with room: one size on every page, messages that push fields down instead of
squashing them, commands and previews shown whole, resource files with a source chooser,
and every control named for assistive technology."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTableWidget,
    QWidget,
)

from explorer.core.specs.resource_files import ResourceFile
from explorer.ui.wizards.pool_wizard import PoolWizard
from explorer.ui.wizards.resource_files_editor import AUTO_STORAGE, CONTAINER, LOCAL
from tests.gui.wizards.wizard_helpers import fix_buttons, messages, next_enabled
from tests.support.batch_scenarios import create_idle_pool
from tests.support.qt_scenarios import next_emission
from tests.support.samples import SAMPLES

CONTROLS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractButton, QTableWidget)


def visible_in_scroll(widget: QWidget) -> bool:
    """True if ``widget`` is shown and lies within the visible part of its page's scroll area."""
    parent = widget.parentWidget()
    while not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    viewport = parent.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return widget.isVisible() and viewport.rect().contains(top_left) and widget.height() >= widget.minimumSizeHint().height()


@pytest.fixture
def open_pool_wizard(shown, submission, settings):
    return lambda: shown(PoolWizard(submission, settings))


def test_the_task_wizard_keeps_one_comfortable_size_on_every_page(open_wizard):
    wizard = open_wizard()
    size = wizard.size()
    room = QGuiApplication.primaryScreen().availableGeometry().size() * 0.92
    assert size == QSize(1040, 780).boundedTo(room)  # smaller only on a screen that cannot hold it
    wizard.target_page.task_id_edit.setText("ok")
    for page in wizard.edit_pages():
        assert wizard.currentPage() is page
        assert wizard.size() == size
        wizard.next()
    assert wizard.size() == size


def test_a_message_pushes_fields_down_instead_of_squashing_them(open_pool_wizard):
    wizard = open_pool_wizard()
    page = wizard.pool_page
    size = wizard.size()
    heights = {name: edit.height() for name, edit in page.image_edits.items()}
    page.inter_node_check.setChecked(False)
    page.slots_spin.setValue(4)
    page.id_edit.setText("a b")
    assert messages(page, "enable_inter_node_communication") and messages(page, "task_slots_per_node")
    page.content().parentWidget().layout().activate()
    assert wizard.size() == size
    for name, edit in page.image_edits.items():
        assert edit.height() == heights[name] >= edit.sizeHint().height(), name
    for label in page.feedback["enable_inter_node_communication"].labels:
        assert label.height() >= label.heightForWidth(label.width())  # no line of the message is cut


def test_pool_image_fields_are_labelled(open_pool_wizard):
    page = open_pool_wizard().pool_page
    buddies = {label.buddy(): label.text() for label in page.findChildren(QLabel) if label.buddy() is not None}
    assert [buddies[page.image_edits[name]] for name in page.image_edits] == [
        "Publisher:",
        "Offer:",
        "SKU:",
        "Version:",
        "Node agent SKU:",
    ]


def test_command_editors_hold_several_lines_and_previews_are_whole(open_wizard, run, settle, batch_client):
    run(create_idle_pool(batch_client, "mpi", 4, inter_node=True))
    wizard = open_wizard(pool_id="mpi")
    settle(wizard.choicesLoaded, wizard.poolRead)
    wizard.next()
    wizard.instances_page.instances_spin.setValue(40)  # a long host list, without spaces to wrap at
    wizard.next()
    page = wizard.mpi_page
    page.program_edit.setText("python3 $AZ_BATCH_TASK_SHARED_DIR/hello.py --steps 100 --output $AZ_BATCH_TASK_DIR/out")
    line = page.command_edit.fontMetrics().lineSpacing()
    assert page.command_edit.height() >= 4 * line
    preview = page.command_preview
    assert "10.0.0.43" in preview.text()  # the fortieth host: nothing is cut from the text
    assert preview.verticalScrollBar().maximum() == 0  # all of it shows, without scrolling


def test_adding_a_file_shows_the_new_row_and_the_table_keeps_its_rows(open_wizard):
    wizard = open_wizard()
    for _ in range(3):
        wizard.next()
    page = wizard.files_page
    assert wizard.currentPage() is page
    editor = page.common_editor
    editor.add_files([ResourceFile(http_url=f"https://h/{n}", file_path=str(n)) for n in range(3)])
    editor.add_button.click()
    new_row = editor.rows_list[-1]
    assert visible_in_scroll(new_row)
    assert wizard.focusWidget() is new_row.edits["http_url.http_url"]  # ready to type in
    assert all(row.height() >= row.minimumSizeHint().height() for row in editor.rows_list)
    assert messages(page, "common_resource_files") == [
        "Row 4: The resource file has no source. "
        "Set an HTTP URL, a storage container URL or an auto-storage container name."
    ]


def test_each_resource_file_shows_only_its_sources_fields(open_wizard):
    wizard = open_wizard()
    editor = wizard.files_page.common_editor
    row = editor.add_row()
    row.edits["http_url.http_url"].setText("https://h/a.out")
    assert row.edits["http_url.http_url"].isVisibleTo(row)
    assert not row.edits["storage_container_url.blob_prefix"].isVisibleTo(row)
    row.set_source(CONTAINER)
    assert not row.edits["http_url.http_url"].isVisibleTo(row)
    assert row.edits["storage_container_url.storage_container_url"].isVisibleTo(row)
    assert row.edits["storage_container_url.blob_prefix"].isVisibleTo(row)
    row.edits["storage_container_url.storage_container_url"].setText("https://acct.blob.core.windows.net/in?sv=x")
    row.edits["storage_container_url.blob_prefix"].setText("run-1/")
    assert editor.files() == (
        ResourceFile(storage_container_url="https://acct.blob.core.windows.net/in?sv=x", blob_prefix="run-1/"),
    )
    row.set_source(AUTO_STORAGE)
    row.edits["auto_storage_container_name.auto_storage_container_name"].setText("inputs")
    assert editor.files() == (ResourceFile(auto_storage_container_name="inputs"),)


def test_an_imported_file_with_two_sources_is_kept_shown_and_cleared_on_request(open_wizard):
    wizard = open_wizard()
    for _ in range(3):
        wizard.next()
    page = wizard.files_page
    both = ResourceFile(http_url="https://h/a", storage_container_url="https://h/c", file_path="a")
    page.common_editor.add_files([both])
    [row] = page.common_editor.rows_list
    assert page.common_editor.files() == (both,)  # nothing imported is dropped unseen
    assert row.extras_label.isVisibleTo(row) and "Storage container URL 'https://h/c'" in row.extras_label.text()
    assert messages(page, "common_resource_files")[0].startswith("Row 1: The resource file has 2 sources")
    assert not next_enabled(wizard)
    row.clear_extras_button.click()
    assert page.common_editor.files() == (ResourceFile(http_url="https://h/a", file_path="a"),)
    assert next_enabled(wizard)


def test_an_identity_reference_is_carried_through_without_a_word(open_wizard):
    wizard = open_wizard()
    for _ in range(3):
        wizard.next()
    page = wizard.files_page
    identity = "/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/reader"
    read_with_identity = ResourceFile(storage_container_url="https://h/c", file_path="in", identity_reference=identity)
    page.common_editor.add_files([read_with_identity])
    [row] = page.common_editor.rows_list
    assert page.common_editor.files() == (read_with_identity,)
    assert not row.extras_label.isVisibleTo(row) and next_enabled(wizard)


def test_a_local_file_row_uploads_into_a_link(open_wizard, run, storage, tmp_path):
    wizard = open_wizard(uploader=storage)
    for _ in range(3):
        wizard.next()
    page = wizard.files_page
    local = tmp_path / "hello.py"
    shutil.copy(SAMPLES / "mpi-hello" / "hello.py", local)
    row = page.primary_editor.add_row()
    row.set_source(LOCAL)
    assert messages(page, "resource_files") == ["Row 1: No local file is chosen. Press Browse… to choose the file to upload."]
    row.local_edit.setText(str(local))
    row.mode_edit.setText("0644")
    assert messages(page, "resource_files") == [
        "Row 1: 'hello.py' is not uploaded yet. "
        "Press Upload to send it to the linked storage; the row then holds its download link."
    ]
    assert not next_enabled(wizard)
    uploaded = next_emission(wizard.uploadFinished)
    row.upload_button.click()
    assert run(uploaded) == (True,)
    [file] = wizard.spec().resource_files
    assert file.http_url.startswith(storage.account.url + "/mpi-explorer-uploads/")
    assert (file.file_path, file.file_mode) == ("hello.py", "0644")
    assert messages(page, "resource_files") == [] and next_enabled(wizard)


def test_without_storage_the_local_source_says_why(open_wizard):
    row = open_wizard().files_page.common_editor.add_row()
    item = row.source_combo.model().item(3)
    assert row.source_combo.itemData(3) == LOCAL
    assert not item.isEnabled() and "storage account" in item.toolTip()


def _unnamed_controls(wizard) -> list[str]:
    found = []
    for widget in wizard.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)):
            continue
        if widget.parentWidget() is not None and widget.parentWidget().inherits("QWizard"):
            continue  # the wizard's own Back/Next/Cancel buttons: Qt names them from their text
        interface = QAccessible.queryAccessibleInterface(widget)
        if not (interface and interface.text(QAccessible.Text.Name).strip()):
            found.append(f"{type(widget).__name__} {widget.objectName() or ''} on {widget.window().windowTitle()}")
    return found


def test_every_control_of_both_wizards_has_an_accessible_name(open_wizard, open_pool_wizard):
    task = open_wizard()
    task.files_page.common_editor.add_row()
    task.settings_page.environment_editor.add_rows([{"name": "A"}])
    pool = open_pool_wizard()
    pool.start_task_page.files_editor.add_row()
    assert _unnamed_controls(task) == []
    assert _unnamed_controls(pool) == []


def test_fix_buttons_are_named_by_what_they_do(open_pool_wizard):
    page = open_pool_wizard().pool_page
    page.inter_node_check.setChecked(False)
    [button] = fix_buttons(page, "enable_inter_node_communication").values()
    assert button.accessibleName() == "Turn inter-node communication on"
