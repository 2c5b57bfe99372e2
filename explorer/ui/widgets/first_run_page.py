"""What the main area offers while Local Batch has no pool: the three ways to begin, one click each.

Signals: `demoRequested()` (a local MPI pool and a sample MPI task, what `--demo` does),
`taskWizardRequested()`, `addAccountRequested()`. The page only asks; the composition
root acts, and tells the page when the demo could not start (`demo_failed`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCommandLinkButton, QHBoxLayout, QLabel, QVBoxLayout, QWidget

DEMO_TEXT = QT_TRANSLATE_NOOP("FirstRunPage", "Create a local MPI pool (4 nodes) and run a sample MPI task")
DEMO_DESCRIPTION = QT_TRANSLATE_NOOP(
    "FirstRunPage",
    "Local Batch creates the pool “mpi-demo” on this computer and runs a Monte Carlo pi estimate on "
    "4 MPI ranks, one per node, for about 30 seconds. You watch every instance start and the output live.")
WIZARD_TEXT = QT_TRANSLATE_NOOP("FirstRunPage", "Open the task wizard")
WIZARD_DESCRIPTION = QT_TRANSLATE_NOOP(
    "FirstRunPage", "Describe your own multi-instance MPI task step by step: pool, instances, MPI command, files.")
COLUMN_WIDTH = 640
ACCOUNT_TEXT = QT_TRANSLATE_NOOP("FirstRunPage", "Add an Azure Batch account")
ACCOUNT_DESCRIPTION = QT_TRANSLATE_NOOP(
    "FirstRunPage", "Connect to a Batch account in Azure, to run the same tasks on real VMs.")


class FirstRunPage(QWidget):
    demoRequested = Signal()
    taskWizardRequested = Signal()
    addAccountRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Run your first MPI task"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr("Local Batch, built into MPI Explorer, runs Azure Batch multi-instance tasks with real MPI on "
                    "this computer. It has no pool yet: start with one of these."), self,
        )
        intro.setWordWrap(True)
        self.demo_button = self._button(DEMO_TEXT, DEMO_DESCRIPTION, self._demo_clicked)
        self.wizard_button = self._button(WIZARD_TEXT, WIZARD_DESCRIPTION, self.taskWizardRequested.emit)
        self.account_button = self._button(ACCOUNT_TEXT, ACCOUNT_DESCRIPTION, self.addAccountRequested.emit)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        footer = QLabel(self.tr("Or choose a pool or a job on the left, or create one from the New menu."), self)
        footer.setEnabled(False)  # the muted colour of the palette, light or dark

        self._column = column = QWidget(self)
        column.setMaximumWidth(COLUMN_WIDTH)
        column.installEventFilter(self)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(10)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addSpacing(8)
        for button in self._buttons():
            inner.addWidget(button)
        inner.addWidget(self.status)
        inner.addSpacing(8)
        inner.addWidget(footer)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 100)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._column and event.type() == QEvent.Type.Resize:
            # A box layout gives a command link the height of a one-line description; at
            # the column's width the wrapped description's height is known: nothing is cut.
            for button in self._buttons():
                button.setMinimumHeight(button.heightForWidth(self._column.width()))
        return super().eventFilter(watched, event)

    def _buttons(self) -> tuple[QCommandLinkButton, ...]:
        return self.demo_button, self.wizard_button, self.account_button

    def demo_started(self) -> None:
        """The demo is being created (a click here, or `--demo`): one pool and one task, so the button
        waits; a second click while it starts would submit another task."""
        self.demo_button.setEnabled(False)
        self.status.setText(self.tr("Creating the pool and submitting the sample task…"))
        self.status.show()

    def demo_failed(self, message: str) -> None:
        """The demo did not start: say why, and offer it again."""
        self.demo_button.setEnabled(True)
        self.status.setText(self.tr("The sample could not be started: {message}").format(message=message))
        self.status.show()

    def _button(self, text: str, description: str, slot: Callable[[], object]) -> QCommandLinkButton:
        button = QCommandLinkButton(self.tr(text), self.tr(description), self)
        button.setAccessibleDescription(button.description())  # Qt says only the title of a command link
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _demo_clicked(self) -> None:
        self.demo_started()
        self.demoRequested.emit()
