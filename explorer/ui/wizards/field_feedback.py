"""Messages beside a field: one line per problem, each with its fix, and a button for
every fix the wizard can apply itself ("Resize the pool to 8 nodes").

Problems name spec fields by path ("common_resource_files[1].http_url"); a page puts
a FieldFeedback under each widget and gives it the key of that widget's field. A
problem is shown by the feedback with the longest key that covers its path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from explorer.core.checks.problems import FixAction, FixKind, Problem

ERROR_STYLE = "color: #c62828;"


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
        FixKind.RESIZE_POOL: f"Resize the pool to {value} nodes",
        FixKind.SET_INSTANCES: f"Use {value} instance{'s' if value != 1 else ''}",
        FixKind.CREATE_POOL: "Create a pool for MPI…",
        FixKind.ENABLE_INTER_NODE_COMMUNICATION: "Turn inter-node communication on",
        FixKind.SET_TASK_SLOTS_PER_NODE: f"Use {value} task slot per node",
    }
    return labels[action.kind]


def problem_text(problem: Problem) -> str:
    return f"{problem.message} {problem.fix}" if problem.fix else problem.message


def row_describer(columns: dict[str, str]) -> Callable[[str], str]:
    """For a table's feedback: "files[1].http_url" -> "Row 2 (HTTP URL): "."""

    def describe(field: str) -> str:
        match = re.search(r"\[(\d+)\](?:\.(\w+))?", field)
        if match is None:
            return ""
        column = columns.get(match.group(2) or "")
        return f"Row {int(match.group(1)) + 1}{f' ({column})' if column else ''}: "

    return describe


class FieldFeedback(QWidget):
    """Shows the problems of one field; hidden when there are none."""

    fixRequested = Signal(object)  # FixAction

    def __init__(self, parent: QWidget | None = None, describe: Callable[[str], str] | None = None) -> None:
        """``describe(field)`` prefixes each message, e.g. with the table row it is about."""
        super().__init__(parent)
        self._describe = describe
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._shown: list[Problem] = []
        self.labels: list[QLabel] = []
        self.fix_buttons: list[QPushButton] = []
        self.setVisible(False)

    @property
    def problems(self) -> list[Problem]:
        return list(self._shown)

    def texts(self) -> list[str]:
        return [label.text() for label in self.labels]

    def show_problems(self, problems: Sequence[Problem]) -> None:
        if list(problems) == self._shown:
            return  # unchanged: keep the widgets (and any focus on a fix button)
        self._shown = list(problems)
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
            elif item.layout() is not None:
                _delete_layout(item.layout())
        self.labels, self.fix_buttons = [], []
        for problem in self._shown:
            self._add_problem(problem)
        self.setVisible(bool(self._shown))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Form layouts inside a QWizard size rows by sizeHint, which for wrapped text
        # assumes a narrower label: reserve the height the text needs at this width.
        super().resizeEvent(event)
        for label in self.labels:
            label.setMinimumHeight(label.heightForWidth(event.size().width()))

    def _add_problem(self, problem: Problem) -> None:
        prefix = self._describe(problem.field) if self._describe else ""
        label = QLabel(prefix + problem_text(problem))
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        self._layout.addWidget(label)
        self.labels.append(label)
        if not problem.fix_actions:
            return
        row = QHBoxLayout()
        for action in problem.fix_actions:
            button = QPushButton(fix_label(action))
            button.clicked.connect(lambda _checked=False, chosen=action: self.fixRequested.emit(chosen))
            row.addWidget(button)
            self.fix_buttons.append(button)
        row.addStretch(1)
        self._layout.addLayout(row)


def _delete_layout(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
    layout.deleteLater()
