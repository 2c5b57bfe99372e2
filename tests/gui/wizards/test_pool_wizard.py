"""The pool wizard against a real Local Batch."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard

from explorer.ui.wizards.pool_pages import PoolPage
from explorer.ui.wizards.pool_wizard import PoolWizard
from tests.gui.wizards.wizard_helpers import finish_enabled, fix_buttons, messages, next_enabled
from tests.support.batch_scenarios import create_pool
from tests.support.qt_scenarios import next_emission


@pytest.fixture
def open_wizard(shown, submission, settings):
    return lambda: shown(PoolWizard(submission, settings))


def test_create_an_mpi_pool_with_a_start_task(open_wizard, run, batch_client, settings):
    wizard = open_wizard()
    page = wizard.pool_page
    assert page.inter_node_check.isChecked() and page.slots_spin.value() == 1
    assert page.image_combo.currentText() == "Ubuntu Server 24.04 LTS"
    page.id_edit.setText("mpi-a")
    page.vm_size_combo.setEditText("Standard_HB120rs_v3")
    page.image_combo.setCurrentText("Ubuntu Server 22.04 LTS")
    page.dedicated_spin.setValue(3)
    assert next_enabled(wizard)
    wizard.next()
    start = wizard.start_task_page
    start.preset_combo.setCurrentText("Install MPICH (Ubuntu)")
    assert start.enabled_check.isChecked()
    assert wizard.spec().start_task.user_identity.auto_user.elevation_level == "admin"
    start.command_edit.setPlainText("/bin/bash -c 'echo MPI ready'")  # Local Batch really runs it
    start.environment_editor.add_rows([{"name": "GREETING", "value": "hi"}])
    assert next_enabled(wizard)
    wizard.next()
    assert wizard.review_page.json_view.toPlainText().count('"enableInterNodeCommunication": true') == 1

    created = next_emission(wizard.poolCreated)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert run(created) == ("mpi-a",)
    pool = run(batch_client.get_pool("mpi-a"))
    assert (pool.enable_inter_node_communication, pool.task_slots_per_node, pool.target_dedicated_nodes) == (True, 1, 3)
    assert pool.vm_size == "Standard_HB120rs_v3"
    assert pool.virtual_machine_configuration.image_reference.offer == "0001-com-ubuntu-server-jammy"
    assert pool.start_task.command_line == "/bin/bash -c 'echo MPI ready'"

    again = open_wizard()  # remembered, with the next free-looking id
    assert again.pool_page.id_edit.text() == "mpi-a-2"
    assert again.pool_page.dedicated_spin.value() == 3
    assert again.start_task_page.environment_editor.settings() == ()


def test_on_local_batch_windows_images_are_offered_disabled_saying_why(open_wizard):
    wizard = open_wizard()
    page = wizard.pool_page
    assert page.local_batch  # the wizard's submission talks to Local Batch, on loopback
    windows = page.image_combo.model().item(page.image_combo.findText("Windows Server 2022"))
    assert not windows.isEnabled() and "Linux processes" in windows.toolTip()
    assert all(page.image_combo.model().item(row).isEnabled() for row in range(page.image_combo.count()) if row != windows.row())
    page.image_edits["node_agent_sku_id"].setText("batch.node.windows amd64")  # typed (or remembered from Azure)
    assert messages(page, "image") == [
        "Local Batch nodes are Linux processes on this machine, so it cannot run Windows images. "
        "Choose a Linux image, such as Ubuntu Server 24.04 LTS, or create this pool on an Azure Batch profile."
    ]
    assert not next_enabled(wizard)
    page.image_combo.setCurrentText("Ubuntu Server 24.04 LTS")
    assert messages(page, "image") == [] and next_enabled(wizard)


def test_for_azure_windows_images_stay_offered(qtbot):
    page = PoolPage(local_batch=False)
    qtbot.addWidget(page)
    assert all(page.image_combo.model().item(row).isEnabled() for row in range(page.image_combo.count()))
    page.image_combo.setCurrentText("Windows Server 2022")
    assert page.image_edits["node_agent_sku_id"].text() == "batch.node.windows amd64" and page.local_problems() == []


def test_mpi_settings_are_checked_with_a_fix_offered(open_wizard):
    wizard = open_wizard()
    page = wizard.pool_page
    page.inter_node_check.setChecked(False)
    assert not next_enabled(wizard)
    assert messages(page, "enable_inter_node_communication") == [
        "Inter-node communication is off, so multi-instance (MPI) tasks would wait in this pool forever. "
        "Turn inter-node communication on; it cannot be changed after the pool is created."
    ]
    fix_buttons(page, "enable_inter_node_communication")["Turn inter-node communication on"].click()
    assert page.inter_node_check.isChecked() and next_enabled(wizard)

    page.slots_spin.setValue(4)
    assert messages(page, "task_slots_per_node")[0].startswith("Task slots per node is 4; Batch runs multi-instance")
    fix_buttons(page, "task_slots_per_node")["Use 1 task slot per node"].click()
    assert page.slots_spin.value() == 1 and next_enabled(wizard)


def test_invalid_values_each_get_their_own_message(open_wizard):
    wizard = open_wizard()
    page = wizard.pool_page
    page.id_edit.setText("my pool")
    assert messages(page, "id") == [
        "The pool ID contains characters Batch does not allow: ' '. "
        "Use only letters, digits, '-' and '_', for example 'my-pool'."
    ]
    page.vm_size_combo.setEditText("")
    assert messages(page, "vm_size") == ["The VM size is empty. Enter a size such as Standard_D2s_v3."]
    page.image_edits["publisher"].setText("")
    assert page.image_combo.currentText() == "Other image"
    assert messages(page, "image.publisher") == ["The image publisher is empty. Enter it, for example 'Canonical'."]
    page.dedicated_spin.setValue(-1)
    assert messages(page, "target_dedicated_nodes") == ["The number of dedicated nodes is -1. Use 0 or more."]
    page.dedicated_spin.setValue(0)
    assert messages(page, "target_dedicated_nodes") == [
        "The pool has no nodes, so no task could run on it. Ask for at least 1 dedicated or low-priority node."
    ]
    assert not next_enabled(wizard)
    page.id_edit.setText("ok")
    page.vm_size_combo.setEditText("Standard_D2s_v3")
    page.image_edits["publisher"].setText("Canonical")
    page.low_priority_spin.setValue(2)
    assert next_enabled(wizard)
    wizard.next()
    wizard.start_task_page.enabled_check.setChecked(True)
    assert messages(wizard.start_task_page, "start_task.command_line") == [
        "The start task command is empty. Enter the start task command, or pick an MPI preset to fill it in."
    ]
    assert not next_enabled(wizard)


def test_a_taken_id_is_flagged_while_typing_and_at_creation(open_wizard, run, settle, batch_client):
    run(create_pool(batch_client, "taken", 0, inter_node=True))
    wizard = open_wizard()
    wizard.pool_page.id_edit.setText("Taken")
    settle(wizard.idChecked)
    assert messages(wizard.pool_page, "id") == ["Pool 'Taken' already exists. Choose another ID, such as 'Taken-2'."]
    assert not next_enabled(wizard)

    wizard.pool_page.id_edit.setText("late")
    settle(wizard.idChecked)
    wizard.next()
    wizard.next()
    run(create_pool(batch_client, "late", 0))  # created elsewhere meanwhile
    failed = next_emission(wizard.submitFailed)
    assert finish_enabled(wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    (message,) = run(failed)
    assert "already exists" in message
    assert wizard.currentPage() is wizard.pool_page
    assert messages(wizard.pool_page, "id")[0].endswith(
        "Choose another pool ID; IDs are unique within the account (case-insensitively)."
    )
    assert wizard.pool_page.id_edit.text() == "late" and wizard.spec().target_dedicated_nodes == 2
