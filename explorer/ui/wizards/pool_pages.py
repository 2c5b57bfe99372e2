"""Pool wizard pages: the pool itself (size, image, nodes, MPI settings) and its start task."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from explorer.core.checks.problems import Problem
from explorer.core.specs.os_family import OsFamily
from explorer.core.specs.pool_spec import PoolSpec, StartTask, VmImage
from explorer.ui.translation import Texts
from explorer.ui.wizards.editors import CommandEdit, EnvironmentEditor, IdentityEditor
from explorer.ui.wizards.resource_files_editor import ResourceFilesEditor
from explorer.ui.wizards.spec_page import SpecPage, name_control

VM_SIZES = ("Standard_D2s_v3", "Standard_D4s_v3", "Standard_F4s_v2", "Standard_HB120rs_v3", "Standard_HC44rs")
IMAGES = {
    "Ubuntu Server 24.04 LTS": VmImage("Canonical", "ubuntu-24_04-lts", "server", "batch.node.ubuntu 24.04"),
    "Ubuntu Server 22.04 LTS": VmImage(
        "Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts", "batch.node.ubuntu 22.04"
    ),
    "AlmaLinux HPC 8.7 (InfiniBand drivers, MPI)": VmImage(
        "almalinux", "almalinux-hpc", "8_7-hpc-gen2", "batch.node.el 8"
    ),
    "Windows Server 2022": VmImage(
        "MicrosoftWindowsServer", "WindowsServer", "2022-datacenter", "batch.node.windows amd64"
    ),
}
CUSTOM_IMAGE = QT_TRANSLATE_NOOP("PoolPage", "Other image")
"""The images above are named as their publishers name them; this one is translated (`PoolPage.tr`)."""


class PoolPages(Texts):
    """The translation context of this module's texts: `PoolPages.tr("...")`."""


def image_fields() -> dict[str, str]:
    return {
        "publisher": PoolPages.tr("Publisher:"),
        "offer": PoolPages.tr("Offer:"),
        "sku": PoolPages.tr("SKU:"),
        "version": PoolPages.tr("Version:"),
        "node_agent_sku_id": PoolPages.tr("Node agent SKU:"),
    }


IMAGE_FIELDS = tuple(image_fields())
# Installing packages needs an administrator: presets also choose a pool-scoped admin auto-user.
START_TASK_PRESETS = {
    "Install MPICH (Ubuntu)": "/bin/bash -c 'apt-get update && apt-get install -y mpich python3-mpi4py'",
    "Install Open MPI (Ubuntu)": "/bin/bash -c 'apt-get update && apt-get install -y openmpi-bin python3-mpi4py'",
}
_NODE_LIMIT = 100_000


def _spin(minimum: int, maximum: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    return spin


def windows_refusal() -> str:
    return PoolPages.tr("Local Batch nodes are Linux processes on this machine, so it cannot run Windows images.")


class PoolPage(SpecPage):
    """The pool itself. On Local Batch (`local_batch`) the Windows images are offered disabled, saying why:
    Local Batch refuses them (its nodes are Linux processes), as the wizard says before the service does."""

    def __init__(self, local_batch: bool = False) -> None:
        super().__init__(
            PoolPages.tr("Pool"),
            PoolPages.tr(
                "MPI tasks need inter-node communication and one task slot per node; neither can change later. "
                "Local Batch accepts any VM size and the Linux images it lists."
            ),
        )
        self.local_batch = local_batch
        self.id_edit = QLineEdit()
        self.vm_size_combo = QComboBox()
        self.vm_size_combo.setEditable(True)
        self.vm_size_combo.addItems(VM_SIZES)
        self.image_combo = QComboBox()
        self.image_combo.addItems([*IMAGES, self.tr(CUSTOM_IMAGE)])
        if local_batch:
            self._disable_windows_images()
        self.image_edits = {name: QLineEdit() for name in IMAGE_FIELDS}
        self.dedicated_spin = _spin(-_NODE_LIMIT, _NODE_LIMIT)
        self.low_priority_spin = _spin(-_NODE_LIMIT, _NODE_LIMIT)
        self.inter_node_check = QCheckBox(self.tr("Enable inter-node communication (needed by MPI)"))
        self.inter_node_check.setAccessibleName(self.tr("Enable inter-node communication"))
        self.slots_spin = _spin(0, 256)
        form = self.new_form()
        self.add_field_row(form, self.tr("Pool ID:"), self.id_edit, "id")
        self.add_field_row(form, self.tr("VM size:"), self.vm_size_combo, "vm_size")
        self.add_field_row(form, self.tr("Image:"), self.image_combo, "image")
        # Each part of the image on its own labelled row, indented under "Image:".
        for name, title in image_fields().items():
            label = self.add_field_row(form, title, self.image_edits[name], f"image.{name}")
            label.setIndent(16)
            name_control(self.image_edits[name], self.tr("Image") + " " + title)
        self.add_field_row(form, self.tr("Dedicated nodes:"), self.dedicated_spin, "target_dedicated_nodes")
        self.add_field_row(form, self.tr("Low-priority nodes:"), self.low_priority_spin, "target_low_priority_nodes")
        self.add_field_row(form, "", self.inter_node_check, "enable_inter_node_communication")
        self.add_field_row(form, self.tr("Task slots per node:"), self.slots_spin, "task_slots_per_node")
        self.image_combo.currentTextChanged.connect(self._image_chosen)
        for signal in (
            self.id_edit.textChanged,
            self.vm_size_combo.currentTextChanged,
            self.dedicated_spin.valueChanged,
            self.low_priority_spin.valueChanged,
            self.inter_node_check.toggled,
            self.slots_spin.valueChanged,
            *(edit.textChanged for edit in self.image_edits.values()),
        ):
            signal.connect(self.notify)

    def image(self) -> VmImage:
        return VmImage(**{name: edit.text() for name, edit in self.image_edits.items()})

    def _disable_windows_images(self) -> None:
        model = self.image_combo.model()
        assert isinstance(model, QStandardItemModel)
        for row, image in enumerate(IMAGES.values()):
            if image.os_family is OsFamily.WINDOWS:
                item = model.item(row)
                item.setEnabled(False)
                item.setToolTip(windows_refusal() + " " + self.tr("Create Windows pools on an Azure Batch profile."))

    def local_problems(self) -> list[Problem]:
        """A Windows image (typed, or remembered from an Azure profile) cannot be created on Local Batch."""
        if not self.local_batch or self.image().os_family is not OsFamily.WINDOWS:
            return []
        return [Problem(
            "image", windows_refusal(),
            self.tr("Choose a Linux image, such as {}, or create this pool on an Azure Batch profile.").format(
                next(iter(IMAGES))),
        )]

    def _image_chosen(self, title: str) -> None:
        if title in IMAGES and not self._loading:
            with self.loading():
                self._show_image(IMAGES[title])

    def _show_image(self, image: VmImage) -> None:
        for name, edit in self.image_edits.items():
            edit.setText(getattr(image, name))

    def sync(self) -> None:
        title = next((title for title, image in IMAGES.items() if image == self.image()), self.tr(CUSTOM_IMAGE))
        self.image_combo.blockSignals(True)
        self.image_combo.setCurrentText(title)
        self.image_combo.blockSignals(False)

    def apply(self, spec: PoolSpec) -> PoolSpec:
        return replace(
            spec,
            id=self.id_edit.text(),
            vm_size=self.vm_size_combo.currentText(),
            image=self.image(),
            target_dedicated_nodes=self.dedicated_spin.value(),
            target_low_priority_nodes=self.low_priority_spin.value(),
            enable_inter_node_communication=self.inter_node_check.isChecked(),
            task_slots_per_node=self.slots_spin.value(),
        )

    def load(self, spec: PoolSpec) -> None:
        with self.loading():
            self.id_edit.setText(spec.id)
            self.vm_size_combo.setCurrentText(spec.vm_size)
            self._show_image(spec.image)
            self.dedicated_spin.setValue(spec.target_dedicated_nodes)
            self.low_priority_spin.setValue(spec.target_low_priority_nodes)
            self.inter_node_check.setChecked(spec.enable_inter_node_communication)
            self.slots_spin.setValue(spec.task_slots_per_node)


class StartTaskPage(SpecPage):
    def __init__(self) -> None:
        super().__init__(
            PoolPages.tr("Start task"),
            PoolPages.tr("Runs on every node as it joins the pool, e.g. to install an MPI library."),
        )
        self.enabled_check = QCheckBox(self.tr("Run a start task on every node"))
        self.preset_combo = QComboBox()
        self.preset_combo.addItems([self.tr("Choose a preset…"), *START_TASK_PRESETS])
        self.command_edit = CommandEdit(self.tr("Start task command"))
        self.files_editor = ResourceFilesEditor(
            self.tr("Local files are uploaded for tasks only: give the start task a URL or a container."),
            self.tr("Start task resource files"),
        )
        self.environment_editor = EnvironmentEditor()
        self.identity_editor = IdentityEditor()
        self.wait_check = QCheckBox(self.tr("Run tasks on a node only after its start task succeeded"))
        form = self.new_form()
        form.addRow("", self.enabled_check)
        self.add_field_row(form, self.tr("Preset:"), self.preset_combo, "start_task.preset")
        self.add_field_row(form, self.tr("Command:"), self.command_edit, "start_task.command_line")
        self.add_row(form, self.tr("Resource files:"), self.files_editor)
        self.feedback_for("start_task.resource_files", self.files_editor.feedback)
        self.add_row(form, self.tr("Environment:"), self.environment_editor)
        self.feedback_for("start_task.environment_settings", self.environment_editor.feedback)
        self.add_field_row(form, self.tr("Run as:"), self.identity_editor, "start_task.user_identity")
        form.addRow("", self.wait_check)
        self.preset_combo.currentTextChanged.connect(self._preset_chosen)
        for signal in (
            self.enabled_check.toggled,
            self.command_edit.textChanged,
            self.files_editor.changed,
            self.environment_editor.changed,
            self.identity_editor.changed,
            self.wait_check.toggled,
        ):
            signal.connect(self.notify)

    def _preset_chosen(self, title: str) -> None:
        if title not in START_TASK_PRESETS:
            return
        with self.loading():
            self.enabled_check.setChecked(True)
            self.command_edit.setPlainText(START_TASK_PRESETS[title])
            self.identity_editor.mode_combo.setCurrentIndex(1)
            self.identity_editor.scope_combo.setCurrentIndex(1)
            self.identity_editor.elevation_combo.setCurrentIndex(2)

    def sync(self) -> None:
        enabled = self.enabled_check.isChecked()
        for widget in (
            self.command_edit,
            self.files_editor,
            self.environment_editor,
            self.identity_editor,
            self.wait_check,
        ):
            widget.setEnabled(enabled)

    def apply(self, spec: PoolSpec) -> PoolSpec:
        if not self.enabled_check.isChecked():
            return replace(spec, start_task=None)
        start_task = StartTask(
            command_line=self.command_edit.toPlainText(),
            resource_files=self.files_editor.files(),
            environment_settings=self.environment_editor.settings(),
            user_identity=self.identity_editor.identity(),
            wait_for_success=self.wait_check.isChecked(),
        )
        return replace(spec, start_task=start_task)

    def load(self, spec: PoolSpec) -> None:
        start_task = spec.start_task or StartTask("")
        with self.loading():
            self.enabled_check.setChecked(spec.start_task is not None)
            self.command_edit.setPlainText(start_task.command_line)
            self.files_editor.set_files(start_task.resource_files)
            self.environment_editor.set_settings(start_task.environment_settings)
            self.identity_editor.set_identity(start_task.user_identity)
            self.wait_check.setChecked(start_task.wait_for_success)
