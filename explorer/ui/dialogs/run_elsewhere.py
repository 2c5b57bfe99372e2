"""Run on another account…: the same multi-instance task, submitted to another profile's account.

Pick the account (any other profile: it is connected to for this dialog only), the pool there
(its pools listed MPI-ready first, each with what keeps it from running the task, or a new one
with a VM size and image for Azure), the job and task ids (the same by default); the table
shows what becomes of every resource file (copied from this account's storage, uploaded, or
kept). Run reports each step as it ends (check, create pool, copy files, create job, submit
task); a stop says what was undone or kept. Then Compare opens the two runs side by side
(`CompareView`). `open()` it, never `exec()`; when it closes, it closes its connection and
deletes itself. The app ends it with `await wind_up()` (as it quits, or when the window's
connection goes): every read, upload and submission under way stops, its connection closes.
Signal `changed()` after each step it awaited (for tests).
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.client.acting.rerun import (
    Action,
    PoolChoice,
    PoolTarget,
    Rerun,
    RerunPlan,
    RerunResult,
    RerunSource,
    StepResult,
    plan_rerun,
    pool_choices,
)
from explorer.client.acting.storage import LinkedStorage
from explorer.client.acting.submission import Submission
from explorer.client.connecting.accounts import Accounts, kind_label
from explorer.client.connecting.client_factory import Connection
from explorer.client.errors import BatchLayerError
from explorer.client.watching.comparison import RunRecord, read_run
from explorer.core.checks.ids import check_id
from explorer.core.specs.pool_spec import PoolSpec
from explorer.core.texts import Text
from explorer.ui.dialogs.account_forms import error_colour
from explorer.ui.task_owner import TaskOwner
from explorer.ui.translation import error_text, translated
from explorer.ui.views.compare_view import CompareView
from explorer.ui.wizards.field_feedback import problem_text
from explorer.ui.wizards.pool_pages import IMAGES, VM_SIZES

log = logging.getLogger(__name__)

NEW_POOL = "__new__"
ACTIONS = {
    Action.COPY: QT_TRANSLATE_NOOP("RunElsewhereDialog", "copied to its storage"),
    Action.UPLOAD: QT_TRANSLATE_NOOP("RunElsewhereDialog", "uploaded to its storage"),
    Action.KEEP: QT_TRANSLATE_NOOP("RunElsewhereDialog", "kept as it is"),
}
NOWHERE_TO_COPY = QT_TRANSLATE_NOOP("RunElsewhereDialog", "cannot be copied: that account has no linked storage")


class RunElsewhereDialog(QDialog):
    changed = Signal()

    def __init__(self, accounts: Accounts, source: RerunSource, current_profile: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Run {task} on another account").format(task=source.task_id))
        self.resize(1150, 760)
        self.accounts = accounts
        self.source = source
        self._current_profile = current_profile
        self.tasks = TaskOwner(self, on_error=lambda error: self._say(
            self.tr("Something went wrong: {e}").format(e=error_text(error)), True))
        self.plan: RerunPlan | None = None
        self.choices: list[PoolChoice] = []
        self.target: Connection | None = None
        self._target_closing: asyncio.Future | None = None
        self.result: RerunResult | None = None

        self.profile = QComboBox(self)
        self.profile.setAccessibleName(self.tr("Account to run on"))
        self.profile.currentIndexChanged.connect(lambda _i: self.tasks.start(self._connect(), slot="connect"))
        self.pool = QComboBox(self)
        self.pool.setAccessibleName(self.tr("Pool there"))
        self.pool.currentIndexChanged.connect(lambda _i: self._pool_changed())
        self.pool_note = QLabel(self)
        self.pool_note.setWordWrap(True)
        self.new_pool = self._new_pool_box()
        self.job_id = QLineEdit(source.job_id, self)
        self.task_id = QLineEdit(source.task_id, self)
        for edit in (self.job_id, self.task_id):
            edit.textChanged.connect(lambda _t: self._update_buttons())
        form = QFormLayout()
        form.addRow(self.tr("Account:"), self.profile)
        form.addRow(self.tr("Pool there:"), self.pool)
        form.addRow("", self.pool_note)
        form.addRow(self.new_pool)
        form.addRow(self.tr("Job id:"), self.job_id)
        form.addRow(self.tr("Task id:"), self.task_id)

        self.files = QTableWidget(0, 4, self)
        self.files.setHorizontalHeaderLabels([self.tr("On the node"), self.tr("What happens"), self.tr("From"), self.tr("Note")])
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.verticalHeader().hide()
        self.files.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.files.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.files.setAccessibleName(self.tr("What becomes of each resource file"))
        self.steps = QListWidget(self)
        self.steps.setAccessibleName(self.tr("Steps of the run"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.run_button = QPushButton(self.tr("Run there"), self)
        self.run_button.clicked.connect(lambda: self.tasks.start(self._run(), slot="run"))
        self.compare_button = QPushButton(self.tr("Compare the two runs"), self)
        self.compare_button.clicked.connect(self.show_comparison)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.compare_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.compare_button.setVisible(source.spec is None)  # a wizard's task has no run here to compare with
        buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        setup = QWidget(self)
        page = QVBoxLayout(setup)
        page.setContentsMargins(0, 0, 0, 0)
        intro = self.tr("Task {task} of job {job}, on {source}: the same task on another account.")
        if source.spec is not None:
            intro = self.tr("Task {task} of job {job}, not submitted on {source}: sent to another account instead.")
        page.addWidget(QLabel(intro.format(task=source.task_id, job=source.job_id, source=source.label), self))
        page.addLayout(form)
        page.addWidget(QLabel(self.tr("Resource files:"), self))
        page.addWidget(self.files, 2)
        page.addWidget(QLabel(self.tr("Steps:"), self))
        page.addWidget(self.steps, 1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(setup)
        self.compare = CompareView(self._read_both, self)
        """The second page: the two runs side by side, once Compare is clicked."""
        self.compared = False
        self.pages.addWidget(self.compare)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.finished.connect(lambda _result: self.tasks.start(self._closed()))
        self._update_buttons()
        self.tasks.start(self._load(), slot="load")

    def _new_pool_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("New pool there"), self)
        self.new_pool_id = QLineEdit(f"{self.source.task_id}-pool"[:64], box)
        self.new_pool_id.textChanged.connect(lambda _t: self._update_buttons())
        self.vm_size = QComboBox(box)
        self.vm_size.setEditable(True)
        self.vm_size.addItems(VM_SIZES)
        self.image = QComboBox(box)
        for label, image in IMAGES.items():
            self.image.addItem(label, image)
        self.nodes = QSpinBox(box)
        self.nodes.setRange(1, 100)
        form = QFormLayout(box)
        form.addRow(self.tr("Pool id:"), self.new_pool_id)
        form.addRow(self.tr("VM size:"), self.vm_size)
        form.addRow(self.tr("Image:"), self.image)
        form.addRow(self.tr("Dedicated nodes:"), self.nodes)
        box.setVisible(False)
        return box

    # --- steps --------------------------------------------------------------------------------

    async def _load(self) -> None:
        """The task, its files' plan, and the accounts it can go to."""
        try:
            spec = await self.source.task_spec()
            self.plan = await plan_rerun(spec, self.source.storage)
            profiles = await self.accounts.load_async()
        except BatchLayerError as error:
            self._say(error_text(error), True)
        else:
            self.nodes.setValue(spec.number_of_instances)
            self._show_files(self.plan)
            self.profile.blockSignals(True)
            for profile in profiles.profiles:
                if profile.name != self._current_profile:
                    self.profile.addItem(f"{profile.name} ({translated(kind_label(profile))})", profile.name)
            self.profile.setCurrentIndex(-1)
            self.profile.blockSignals(False)
            self._say(self.tr("Choose the account to run on.") if self.profile.count() else
                      self.tr("There is no other account: add one in Connection > Accounts…"))
        self._update_buttons()
        self.changed.emit()

    async def _connect(self) -> None:
        name = self.profile.currentData()
        if name is None or self.plan is None:
            return
        await self._close_target()
        self.pool.clear()
        self._say(self.tr("Connecting to {name}…").format(name=name))
        try:
            profile = (await self.accounts.load_async()).get(name)
            self.target = await self.accounts.factory().connect(profile)
            self.choices = await pool_choices(Submission(self.target.client), self.plan.spec)
        except BatchLayerError as error:
            self._say(error_text(error), True)
        else:
            self.pool.blockSignals(True)
            for choice in self.choices:
                self.pool.addItem(translated(choice.summary()), choice.info.id)
            self.pool.addItem(self.tr("Create a new pool there…"), NEW_POOL)
            ready = next((i for i, c in enumerate(self.choices) if c.ready), len(self.choices))
            self.pool.setCurrentIndex(ready)
            self.pool.blockSignals(False)
            self._pool_changed()
            self._say_connected(name)
        self._show_files(self.plan)  # as far as this account allows (none, if it could not be reached)
        self._update_buttons()
        self.changed.emit()

    def _say_connected(self, name: str) -> None:
        """Connected: its pools and where the files go; in red, why Run stays greyed if they can go nowhere."""
        pools = self.tr("1 pool") if len(self.choices) == 1 else self.tr("{n} pools").format(n=len(self.choices))
        if (storage_problem := self._storage_problem()) is not None:
            self._say(self.tr("Connected to {name}: {pools}. {problem}").format(
                name=name, pools=pools, problem=translated(storage_problem)), True)
            return
        storage = self._target_storage()
        self._say(self.tr("Connected to {name}: {pools}; {storage}.").format(
            name=name, pools=pools,
            storage=self.tr("files go to its storage {s}").format(s=storage.account.name) if storage
            else self.tr("it has no linked storage")))

    async def _run(self) -> None:
        if self.target is None or self.plan is None:
            return
        self.run_button.setEnabled(False)
        self.steps.clear()
        self._say(self.tr("Running on {name}…").format(name=self.profile.currentData()))
        rerun = Rerun(self.target.client, self._target_storage(), self._step)
        try:
            self.result = await rerun.run(
                self.plan, self.pool_target(), self.job_id.text().strip(), self.task_id.text().strip(),
                self.source.storage,
            )
        except BatchLayerError as error:
            self._say(error_text(error), True)
        else:
            self._say(self.tr("Submitted: task {task} of job {job} on pool {pool} there. Compare the two runs as it goes.")
                      .format(task=self.result.task_id, job=self.result.job_id, pool=self.result.pool_id))
        finally:
            self._update_buttons()
            self.changed.emit()

    def show_comparison(self) -> None:
        """The two runs side by side, in this dialog (its connection stays open while it shows)."""
        if self.result is None or self.target is None:
            return
        self.pages.setCurrentWidget(self.compare)
        self.compared = True
        self.setWindowTitle(self.tr("{task}: {source} and {target} side by side").format(
            task=self.source.task_id, source=self.source.label, target=self.profile.currentData()))
        self.compare_button.setEnabled(False)
        self.run_button.setVisible(False)
        self.status.clear()  # the comparison has its own
        self.compare.refresh()

    async def _read_both(self) -> tuple[RunRecord, RunRecord]:
        assert self.result is not None and self.target is not None
        first = await read_run(self.source.client, self.source.label, self.source.job_id, self.source.task_id)
        second = await read_run(self.target.client, str(self.profile.currentData()), self.result.job_id,
                                self.result.task_id)
        return first, second

    async def _closed(self) -> None:
        """Closed: its connection closes, then it goes."""
        await self._close_target()
        self.deleteLater()

    async def wind_up(self) -> None:
        """End it (the app quits): what it does now stops, its connection closes, then it goes."""
        await self.tasks.wind_up()
        await self._close_target()
        if self._target_closing is not None:
            await asyncio.gather(self._target_closing, return_exceptions=True)  # (its error was said)
        self.hide()
        self.deleteLater()

    async def _close_target(self) -> None:
        """Close the connection to the other account; shielded, so that it is never left half closed."""
        target, self.target = self.target, None
        if target is not None:
            self._target_closing = asyncio.ensure_future(target.close())
            await asyncio.shield(self._target_closing)

    # --- helpers -------------------------------------------------------------------------------

    def pool_target(self) -> PoolTarget:
        if self.pool.currentData() != NEW_POOL:
            return PoolTarget(pool_id=self.pool.currentData())
        image = self.image.currentData()
        return PoolTarget(create=PoolSpec(
            self.new_pool_id.text().strip(), self.vm_size.currentText().strip(), image,
            target_dedicated_nodes=self.nodes.value(),
        ))

    def _target_storage(self) -> LinkedStorage | None:
        if self.target is None or self.target.storage is None:
            return None
        return LinkedStorage(self.target.storage, client_options=self.target.storage_options)

    def _storage_problem(self) -> Text | None:
        """Why the files cannot go to the account chosen (None: they can, or none is chosen yet)."""
        if self.target is None or self.plan is None:
            return None
        return self.plan.storage_problem(self.target.storage is not None)

    def _step(self, step: StepResult) -> None:
        mark = "✓" if step.ok else "✗"
        self.steps.addItem(f"{mark}  {translated(step.label)}: {translated(step.detail)}")

    def _show_files(self, plan: RerunPlan) -> None:
        """The plan's files and what becomes of each, as far as the account chosen (if any) allows."""
        nowhere = self._storage_problem() is not None
        self.files.setRowCount(len(plan.transfers))
        for row, transfer in enumerate(plan.transfers):
            where = self.tr("every instance") if transfer.common else self.tr("the primary")
            action = NOWHERE_TO_COPY if nowhere and transfer.action is not Action.KEEP else ACTIONS[transfer.action]
            cells = (f"{transfer.file_path or '—'} ({where})", self.tr(action),
                     translated(transfer.source), translated(transfer.note) if transfer.note else "")
            for column, text in enumerate(cells):
                self.files.setItem(row, column, QTableWidgetItem(text))

    def _pool_changed(self) -> None:
        new = self.pool.currentData() == NEW_POOL
        self.new_pool.setVisible(new)
        index = self.pool.currentIndex()
        if new or not 0 <= index < len(self.choices):
            self.pool_note.setText(self.tr("A pool with inter-node communication and one task slot per node, "
                                      "created before the task is submitted.") if new else "")
        else:
            choice = self.choices[index]
            problems = [problem_text(p) for p in choice.problems]
            self.pool_note.setText(self.tr("MPI-ready for this task.") if choice.ready else "\n".join(problems))
        self._update_buttons()

    def _problem(self) -> str | None:
        """Why Run cannot start yet, or None."""
        if self.target is None or self.plan is None:
            return self.tr("Choose the account first.")
        if (storage_problem := self._storage_problem()) is not None:
            return translated(storage_problem)
        for label, value in ((self.tr("job id"), self.job_id.text()), (self.tr("task id"), self.task_id.text())):
            issue = check_id(value.strip(), label)
            if issue is not None:
                return translated(issue.message)
        if self.pool.currentData() == NEW_POOL:
            issue = check_id(self.new_pool_id.text().strip(), self.tr("pool id"))
            return translated(issue.message) if issue else None
        index = self.pool.currentIndex()
        if not 0 <= index < len(self.choices) or not self.choices[index].usable:
            return self.tr("That pool cannot run a multi-instance task: choose another, or create one.")
        return None

    def _update_buttons(self) -> None:
        running = self.tasks.running("run")
        problem = self._problem()
        self.run_button.setEnabled(not running and problem is None and self.result is None)
        self.run_button.setToolTip(problem or "")
        self.compare_button.setEnabled(self.source.spec is None and self.result is not None and not self.compared)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {error_colour(self.palette())};" if error else "")
        self.status.setText(text)
