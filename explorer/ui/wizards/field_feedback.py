"""Messages beside a field: one line per problem, each with its fix, and a button for
every fix the wizard can apply itself ("Resize the pool to 8 nodes").

Problems name spec fields by path ("common_resource_files[1].http_url"); a page puts
a FieldFeedback under each widget and gives it the key of that widget's field. A
problem is shown by the feedback with the longest key that covers its path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from explorer.core.checks.problems import FixAction, FixKind, Problem, Severity
from explorer.ui.translation import translated

# (on a light window, on a dark one): red for what blocks, amber for a warning; each readable on its background.
_COLOURS = {Severity.ERROR: ("#c62828", "#ff8a80"), Severity.WARNING: ("#8a5300", "#ffc570")}




def message_style(widget: QWidget, severity: Severity = Severity.ERROR) -> str:
    """The style sheet of a message about ``widget``'s input, for the current palette."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return f"color: {_COLOURS[severity][dark]};"


def covers(key: str, field: str) -> bool:
    """True if ``field`` is ``key`` itself or lies inside it ("env[0].name" inside "env")."""
    return field == key or field.startswith((f"{key}.", f"{key}["))


def best_key(field: str, keys: Iterable[str]) -> str | None:
    """The most specific of ``keys`` that covers ``field``."""
    matching = [key for key in keys if covers(key, field)]
    return max(matching, key=len) if matching else None


def fix_label(action: FixAction) -> str:
    """The text of the button that applies ``action``."""
    value = action.value
    labels = {
        FixKind.RESIZE_POOL: FieldFeedback.tr("Resize the pool to {} nodes"),
        FixKind.SET_INSTANCES: (FieldFeedback.tr("Use {} instance") if value == 1
                                else FieldFeedback.tr("Use {} instances")),
        FixKind.CREATE_POOL: FieldFeedback.tr("Create a pool for MPI…"),
        FixKind.ENABLE_INTER_NODE_COMMUNICATION: FieldFeedback.tr("Turn inter-node communication on"),
        FixKind.SET_TASK_SLOTS_PER_NODE: FieldFeedback.tr("Use {} task slot per node"),
        FixKind.SET_RANKS: (FieldFeedback.tr("Start {} processes") if value != 1
                            else FieldFeedback.tr("Start {} process")),
    }
    return labels[action.kind].format(value)


def problem_text(problem: Problem) -> str:
    """The problem's message and fix, in the user's language."""
    message = translated(problem.message)
    text = f"{message} {translated(problem.fix)}" if problem.fix else message
    return text if problem.blocking else f"⚠ {text}"


def row_describer(columns: dict[str, str]) -> Callable[[str], str]:
    """For a table's feedback: "files[1].http_url" -> "Row 2 (HTTP URL): "."""

    def describe(field: str) -> str:
        match = re.search(r"\[(\d+)\](?:\.(\w+))?", field)
        if match is None:
            return ""
        column = columns.get(match.group(2) or "")
        row = int(match.group(1)) + 1
        if column:
            return FieldFeedback.tr("Row {} ({}): ").format(row, column)
        return FieldFeedback.tr("Row {}: ").format(row)

    return describe


class FieldFeedback(QWidget):
    """Shows the problems of one field; hidden when there are none. Errors are red, warnings
    (which let the user go on) amber with a ⚠."""

    fixRequested = Signal(object)  # FixAction

    def __init__(self, parent: QWidget | None = None, describe: Callable[[str], str] | None = None) -> None:
        """``describe(field)`` prefixes each message, e.g. with the table row it is about."""
        super().__init__(parent)
        self._describe = describe
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._shown: list[Problem] = []
        self.labels: list[QLabel] = []
        self._labelled: list[Problem] = []
        self.fix_buttons: list[QPushButton] = []
        self.setVisible(False)

    @property
    def problems(self) -> list[Problem]:
        return list(self._shown)

    def texts(self) -> list[str]:
        return [label.text() for label in self.labels]

    def show_problems(self, problems: Sequence[Problem]) -> None:
        problems = sorted(problems, key=lambda p: (_row_of(p), not p.blocking))  # rows in order, errors first
        if problems == self._shown:
            return  # unchanged: keep the widgets (and any focus on a fix button)
        self._shown = problems
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
            elif item.layout() is not None:
                _delete_layout(item.layout())
        self.labels, self.fix_buttons, self._labelled = [], [], []
        for problem in self._shown:
            self._add_problem(problem)
        self.setVisible(bool(self._shown))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Form layouts size rows by sizeHint, which for wrapped text assumes a narrower
        # label: reserve the height the text needs at this width, so that no line is cut.
        super().resizeEvent(event)
        for label in self.labels:
            label.setMinimumHeight(label.heightForWidth(event.size().width()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: colours readable on it
            for label, problem in zip(self.labels, self._labelled, strict=True):
                label.setStyleSheet(message_style(self, problem.severity))
        super().changeEvent(event)

    def _add_problem(self, problem: Problem) -> None:
        prefix = self._describe(problem.field) if self._describe else ""
        label = QLabel(prefix + problem_text(problem))
        label.setWordWrap(True)
        label.setStyleSheet(message_style(self, problem.severity))
        label.setAccessibleName(self.tr("Error") if problem.blocking else self.tr("Warning"))
        label.setAccessibleDescription(label.text())
        self._layout.addWidget(label)
        self.labels.append(label)
        self._labelled.append(problem)
        if not problem.fix_actions:
            return
        row = QHBoxLayout()
        for action in problem.fix_actions:
            button = QPushButton(fix_label(action))
            button.setAccessibleName(fix_label(action))
            button.clicked.connect(lambda _checked=False, chosen=action: self.fixRequested.emit(chosen))
            row.addWidget(button)
            self.fix_buttons.append(button)
        row.addStretch(1)
        self._layout.addLayout(row)


def _row_of(problem: Problem) -> int:
    match = re.search(r"\[(\d+)\]", problem.field)
    return int(match.group(1)) if match else -1


def _delete_layout(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
    layout.deleteLater()
