"""Task wizard, page 5: environment variables, the user the task runs as, and its
constraints (maximum wall-clock time, retention, retries)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtWidgets import QLineEdit

from explorer.core.checks.problems import Problem
from explorer.core.duration_texts import duration_problem
from explorer.core.durations import DurationError, format_duration, parse_duration
from explorer.core.specs.task_spec import MultiInstanceTaskSpec, TaskConstraints
from explorer.core.specs.user_identity import UserIdentity
from explorer.ui.wizards.editors import EnvironmentEditor, IdentityEditor
from explorer.ui.wizards.spec_page import SpecPage

WALL_CLOCK = "constraints.max_wall_clock_time"
RETENTION = "constraints.retention_time"
RETRIES = "constraints.max_task_retry_count"


class SettingsPage(SpecPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Settings"),
            self.tr(
                "MPI launchers that start ranks over SSH need the same account on every node: "
                "a pool-scoped auto-user is the usual choice on Linux."
            ),
        )
        self.environment_editor = EnvironmentEditor()
        self.identity_editor = IdentityEditor()
        self.wall_clock_edit = _line(self.tr("no limit — ISO 8601, e.g. PT1H30M"))
        self.retention_edit = _line(self.tr("Batch's default, 7 days — e.g. P1D"))
        self.retries_edit = _line(self.tr("Batch's default, no retries — -1 retries forever"))
        form = self.new_form()
        self.add_row(form, self.tr("Environment:"), self.environment_editor)
        self.feedback_for("environment_settings", self.environment_editor.feedback)
        self.add_field_row(form, self.tr("Run as:"), self.identity_editor, "user_identity")
        self.add_field_row(form, self.tr("Max wall-clock time:"), self.wall_clock_edit, WALL_CLOCK)
        self.add_field_row(form, self.tr("Retention time:"), self.retention_edit, RETENTION)
        self.add_field_row(form, self.tr("Max retries:"), self.retries_edit, RETRIES)
        self.environment_editor.changed.connect(self.notify)
        self.identity_editor.changed.connect(self.notify)
        for edit in (self.wall_clock_edit, self.retention_edit, self.retries_edit):
            edit.textChanged.connect(self.notify)

    def apply(self, spec: MultiInstanceTaskSpec) -> MultiInstanceTaskSpec:
        constraints = TaskConstraints(
            _duration_if_valid(self.wall_clock_edit.text()),
            _duration_if_valid(self.retention_edit.text()),
            _integer_or_none(self.retries_edit.text()),
        )
        return replace(
            spec,
            environment_settings=self.environment_editor.settings(),
            user_identity=self.identity_editor.identity(),
            constraints=None if constraints == TaskConstraints() else constraints,
        )

    def load(self, spec: MultiInstanceTaskSpec) -> None:
        with self.loading():
            self.environment_editor.set_settings(spec.environment_settings)
        self.recall(spec.user_identity, spec.constraints)

    def recall(self, identity: UserIdentity | None, constraints: TaskConstraints | None) -> None:
        """Show an identity and constraints (remembered ones, or a loaded spec's)."""
        with self.loading():
            self.identity_editor.set_identity(identity)
            self._show_constraints(constraints or TaskConstraints())

    def _show_constraints(self, constraints: TaskConstraints) -> None:
        for edit, duration in (
            (self.wall_clock_edit, constraints.max_wall_clock_time),
            (self.retention_edit, constraints.retention_time),
        ):
            edit.setText("" if duration is None else format_duration(duration))
        retries = constraints.max_task_retry_count
        self.retries_edit.setText("" if retries is None else str(retries))

    def local_problems(self) -> list[Problem]:
        problems = []
        for field, edit in ((WALL_CLOCK, self.wall_clock_edit), (RETENTION, self.retention_edit)):
            try:
                _duration_or_none(edit.text())
            except DurationError as error:
                problems.append(Problem(field, *duration_problem(error)))
        if self.retries_edit.text().strip() and _integer_or_none(self.retries_edit.text()) is None:
            problems.append(
                Problem(
                    RETRIES,
                    self.tr("'{}' is not a whole number.").format(self.retries_edit.text()),
                    self.tr("Enter 0 for no retries or -1 to retry forever, or leave it empty for Batch's default."),
                )
            )
        return problems


def _line(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


def _duration_or_none(text: str) -> timedelta | None:
    """Raises DurationError for text that is not a duration."""
    return parse_duration(text) if text.strip() else None


def _duration_if_valid(text: str) -> timedelta | None:
    """None for text that does not parse; ``local_problems`` reports it."""
    try:
        return _duration_or_none(text)
    except DurationError:
        return None


def _integer_or_none(text: str) -> int | None:
    try:
        return int(text.strip())
    except ValueError:
        return None
