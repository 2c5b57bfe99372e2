"""The base of every wizard page: edits part of a spec, shows that part's problems
beside its fields, and is complete (Next enabled) only when it has none."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget, QWizardPage

from explorer.core.checks.problems import Problem
from explorer.ui.wizards.field_feedback import FieldFeedback, best_key


class SpecPage(QWizardPage):
    edited = Signal()  # the user (or a fix) changed something on the page
    fixRequested = Signal(object)  # FixAction

    def __init__(self, title: str, subtitle: str = "") -> None:
        super().__init__()
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        self.feedback: dict[str, FieldFeedback] = {}
        self._problems: list[Problem] = []
        self._loading = False

    # --- building --------------------------------------------------------------------

    def feedback_for(self, key: str, feedback: FieldFeedback | None = None) -> FieldFeedback:
        """The feedback showing the problems of field ``key`` (created unless given)."""
        feedback = feedback or FieldFeedback()
        feedback.fixRequested.connect(self.fixRequested)
        self.feedback[key] = feedback
        return feedback

    def new_form(self) -> QFormLayout:
        """The page's form, kept at the top: spare height goes below it, not between rows."""
        column = QVBoxLayout(self)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)
        return form

    def add_field_row(self, form: QFormLayout, label: str, widget: QWidget, key: str) -> None:
        """A form row with the field's feedback right under the widget."""
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        column.addWidget(self.feedback_for(key))
        form.addRow(label, cell)

    def notify(self, *_args: object) -> None:
        """Connect widgets' change signals here; changes made by ``loading()`` are not edits."""
        if not self._loading:
            self.edited.emit()

    def loading(self) -> _Loading:
        """``with self.loading():`` sets widgets without reporting edits, then reports one."""
        return _Loading(self)

    # --- what the wizard calls ------------------------------------------------------------

    def sync(self) -> None:
        """Bring derived widgets up to date with the wizard's state (override as needed)."""

    def local_problems(self) -> list[Problem]:
        """Input that does not fit into the spec at all, e.g. a duration that does not parse."""
        return []

    def busy(self) -> bool:
        """True while the page waits for something (a pool read, an upload): Next stays off."""
        return False

    def owns(self, field: str) -> bool:
        return best_key(field, self.feedback) is not None

    def show_problems(self, problems: Sequence[Problem]) -> None:
        own = [problem for problem in problems if self.owns(problem.field)]
        for key, feedback in self.feedback.items():
            feedback.show_problems([p for p in own if best_key(p.field, self.feedback) == key])
        self._problems = own
        self.completeChanged.emit()

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return not self._problems and not self.busy()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override
        """Going back keeps what the user typed (Qt's default would reset registered fields)."""


class _Loading:
    def __init__(self, page: SpecPage) -> None:
        self._page = page

    def __enter__(self) -> None:
        self._page._loading = True

    def __exit__(self, *exc: object) -> None:
        self._page._loading = False
        self._page.edited.emit()
