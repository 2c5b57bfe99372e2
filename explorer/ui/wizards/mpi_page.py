"""Task wizard, page 3: the MPI preset that writes the coordination and application
commands, the commands themselves (editable), and a preview of what the primary runs.

Choosing a preset, program or processes per node rewrites both commands; so does a
new instance count or pool OS while the commands are still the preset's. Editing a
command by hand switches the preset to "As written", so nothing typed is overwritten.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox

from explorer.core.checks.problems import Problem
from explorer.core.checks.rank_checks import with_ranks
from explorer.core.mpi.command_preview import preview_command
from explorer.core.mpi.mpi_presets import (
    MpiCommands,
    MpiPreset,
    PresetError,
    build_commands,
    display_name,
    presets_for,
)
from explorer.core.specs.os_family import OsFamily
from explorer.core.specs.task_spec import MultiInstanceTaskSpec
from explorer.ui.wizards.editors import CommandEdit, PreviewText
from explorer.ui.wizards.spec_page import SpecPage

PROGRAM_FIELD = "mpi.program"


class MpiPage(SpecPage):
    def __init__(self, context) -> None:
        """``context()`` -> (OsFamily of the pool, spec) for presets and previews."""
        super().__init__(
            self.tr("MPI"),
            self.tr(
                "Batch runs commands without a shell; the presets wrap them in /bin/bash -c (Linux) or "
                "cmd /c (Windows) so that $AZ_BATCH_HOST_LIST and friends are expanded on the node."
            ),
        )
        self._context = context
        self._os = OsFamily.LINUX
        self._presets: list[MpiPreset | None] = []
        self._generated: MpiCommands | None = None
        self._generated_for: tuple | None = None
        self._program_problem: Problem | None = None
        self.preset_combo = QComboBox()
        self._fill_presets(MpiPreset.MPICH)
        self.program_edit = QLineEdit()
        self.program_edit.setPlaceholderText(
            self.tr("what every rank runs, e.g. python3 $AZ_BATCH_TASK_SHARED_DIR/hello.py")
        )
        self.processes_spin = QSpinBox()
        self.processes_spin.setRange(1, 1024)
        self.coordination_edit = CommandEdit(self.tr("Coordination command"))
        self.command_edit = CommandEdit(self.tr("Application command"))
        self.coordination_preview = PreviewText(self.tr("What every instance runs"))
        self.command_preview = PreviewText(self.tr("What the primary runs"))
        self.memory_note = QLabel()
        self.memory_note.setWordWrap(True)
        self.memory_note.setVisible(False)
        self.memory_note.setAccessibleName(self.tr("Note"))
        self.content().addWidget(self.memory_note)
        form = self.new_form()
        self.add_field_row(form, self.tr("Preset:"), self.preset_combo, "mpi.preset")
        self.add_field_row(form, self.tr("Program:"), self.program_edit, PROGRAM_FIELD)
        self.add_field_row(form, self.tr("Processes per node:"), self.processes_spin, "mpi.processes_per_node")
        self.add_field_row(
            form, self.tr("Coordination command:"), self.coordination_edit, "coordination_command_line"
        )
        form.addRow("", self.coordination_preview)
        self.add_field_row(form, self.tr("Application command:"), self.command_edit, "command_line")
        form.addRow("", self.command_preview)
        self.preset_combo.currentIndexChanged.connect(self._choice_edited)
        self.program_edit.textChanged.connect(self._choice_edited)
        self.processes_spin.valueChanged.connect(self._choice_edited)
        self.coordination_edit.textChanged.connect(self._command_edited)
        self.command_edit.textChanged.connect(self._command_edited)

    # --- values ------------------------------------------------------------------------------

    def preset(self) -> MpiPreset | None:
        return self._presets[self.preset_combo.currentIndex()]

    def choice(self) -> dict[str, object]:
        """What the wizard remembers per pool."""
        preset = self.preset()
        return {
            "preset": preset.value if preset else None,
            "program": self.program_edit.text(),
            "processes_per_node": self.processes_spin.value(),
        }

    def set_choice(self, choice: dict[str, object]) -> None:
        """Restore a remembered choice; the commands are restored separately (``load``)."""
        with self.loading():
            self._select_preset(_preset_or_none(choice.get("preset")))
            self.program_edit.setText(str(choice.get("program") or ""))
            processes = choice.get("processes_per_node")
            self.processes_spin.setValue(processes if isinstance(processes, int) else 1)
        self._generated_for = self._generation_key()  # the loaded commands are this choice's

    def apply(self, spec: MultiInstanceTaskSpec) -> MultiInstanceTaskSpec:
        return replace(
            spec,
            coordination_command_line=_text(self.coordination_edit),
            command_line=_text(self.command_edit),
        )

    def load(self, spec: MultiInstanceTaskSpec, *, as_written: bool = True) -> None:
        with self.loading():
            if as_written:
                self._select_preset(None)
            self._set_commands(MpiCommands(spec.coordination_command_line, spec.command_line))

    def local_problems(self) -> list[Problem]:
        # The program only matters while a preset builds the commands from it.
        return [self._program_problem] if self._program_problem and self.preset() is not None else []

    # --- reacting --------------------------------------------------------------------------------

    def _choice_edited(self, *_args: object) -> None:
        if self._loading:
            return
        self._generate()
        self.notify()

    def _command_edited(self) -> None:
        if self._loading:
            return
        if self.preset() is not None and self._commands() != self._generated:
            with self.loading():
                self._select_preset(None)
        self.notify()

    def sync(self) -> None:
        os_family, spec = self._context()
        if os_family is not self._os:
            self._os = os_family
            with self.loading():
                self._fill_presets(self.preset())
        if self.preset() is not None and self._generation_key() != self._generated_for:
            self._generate()
        self._show_previews(spec)

    def _generation_key(self) -> tuple:
        _, spec = self._context()
        return (
            self.preset(),
            self.program_edit.text(),
            self.processes_spin.value(),
            spec.number_of_instances,
            self._os,
        )

    def _generate(self) -> None:
        preset = self.preset()
        self._program_problem = None
        if preset is None:
            return
        _, spec = self._context()
        self._generated_for = self._generation_key()
        try:
            commands = build_commands(
                preset,
                self.program_edit.text(),
                max(spec.number_of_instances, 1),
                self.processes_spin.value(),
                self._os,
            )
        except PresetError as error:
            self._program_problem = Problem(PROGRAM_FIELD, error.text)
            return
        with self.loading():
            self._set_commands(commands)

    def _commands(self) -> MpiCommands:
        return MpiCommands(_text(self.coordination_edit), _text(self.command_edit))

    def _set_commands(self, commands: MpiCommands) -> None:
        self._generated = commands
        if commands.coordination_command_line != _text(self.coordination_edit):
            self.coordination_edit.setPlainText(commands.coordination_command_line)
        if commands.command_line != _text(self.command_edit):
            self.command_edit.setPlainText(commands.command_line)

    def _fill_presets(self, keep: MpiPreset | None) -> None:
        self._presets = [None, *presets_for(self._os)]
        self.preset_combo.clear()
        self.preset_combo.addItems([self.tr("As written (no preset)"), *(display_name(p) for p in self._presets[1:])])
        self._select_preset(keep if keep in self._presets else self._presets[1])

    def _select_preset(self, preset: MpiPreset | None) -> None:
        self.preset_combo.setCurrentIndex(self._presets.index(preset) if preset in self._presets else 0)

    def _show_previews(self, spec: MultiInstanceTaskSpec) -> None:
        for label, command, who in (
            (self.coordination_preview, spec.coordination_command_line, self.tr("Every instance runs: {}")),
            (self.command_preview, spec.command_line, self.tr("Then the primary runs: {}")),
        ):
            preview = preview_command(
                command, spec.number_of_instances, self._os, job_id=spec.job_id, task_id=spec.task_id
            )
            text = who.format(preview.text) if preview.text else ""
            label.setText(text + (f"\n⚠ {preview.note}" if preview.note else ""))

    def show_memory_note(self, text: str) -> None:
        """Say what the wizard did not remember of the last task (empty: nothing to say)."""
        self.memory_note.setText(text)
        self.memory_note.setVisible(bool(text))

    def set_ranks(self, ranks: int) -> None:
        """The fix for a launcher process count that does not fit the instances: edit the command."""
        self.command_edit.setPlainText(with_ranks(_text(self.command_edit), ranks))


def _preset_or_none(value: object) -> MpiPreset | None:
    try:
        return MpiPreset(value)
    except ValueError:
        return None


def _text(edit: QPlainTextEdit) -> str:
    """The text as typed: toPlainText() would turn non-breaking spaces into spaces."""
    return edit.document().toRawText().replace("\u2029", "\n")
