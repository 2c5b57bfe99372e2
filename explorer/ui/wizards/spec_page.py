"""The base of every wizard page: edits part of a spec, shows that part's problems
beside its fields, and is complete (Next enabled) only when none of them is an error
(warnings are shown and let the user go on).

A page's fields sit in a scroll area: a message that appears takes the room it needs
and pushes what is below it down (scrolling if the page is full), instead of the wizard
squashing the other fields or growing."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget, QWizardPage

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
        self._content: QVBoxLayout | None = None

    # --- building --------------------------------------------------------------------

    def feedback_for(self, key: str, feedback: FieldFeedback | None = None) -> FieldFeedback:
        """The feedback showing the problems of field ``key`` (created unless given)."""
        feedback = feedback or FieldFeedback()
        feedback.fixRequested.connect(self.fixRequested)
        self.feedback[key] = feedback
        return feedback

    def content(self) -> QVBoxLayout:
        """The column inside the page's scroll area, where its fields go (created once)."""
        if self._content is None:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps instead
            inner = QWidget()
            self._content = QVBoxLayout(inner)
            self._content.setContentsMargins(0, 0, 6, 0)
            scroll.setWidget(inner)
            page = QVBoxLayout(self)
            page.setContentsMargins(0, 0, 0, 0)
            page.addWidget(scroll)
        return self._content

    def new_form(self) -> QFormLayout:
        """The page's form, kept at the top: spare height goes below it, not between rows."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.content().addLayout(form)
        self.content().addStretch(1)
        return form

    def add_field_row(self, form: QFormLayout, label: str, widget: QWidget, key: str) -> QLabel:
        """A form row with the field's feedback right under the widget; the label names the
        widget for assistive technology (and is its buddy: Alt+letter focuses it)."""
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        column.addWidget(self.feedback_for(key))
        title = self.add_row(form, label, cell)
        title.setBuddy(widget)
        name_control(widget, label)
        return title

    def add_row(self, form: QFormLayout, label: str, widget: QWidget) -> QLabel:
        title = QLabel(label)
        form.addRow(title, widget)
        return title

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

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self._problems if problem.blocking]

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return not self.errors and not self.busy()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override
        """Going back keeps what the user typed (Qt's default would reset registered fields)."""


def name_control(widget: QWidget, label: str) -> None:
    """Give ``widget`` an accessible name from its label ("Task ID:" -> "Task ID"), unless it has one."""
    if label.strip() and not widget.accessibleName():
        widget.setAccessibleName(label.replace("&", "").rstrip(": "))


class _Loading:
    def __init__(self, page: SpecPage) -> None:
        self._page = page

    def __enter__(self) -> None:
        self._page._loading = True

    def __exit__(self, *exc: object) -> None:
        self._page._loading = False
        self._page.edited.emit()
