"""One task, live: header and actions, and for a multi-instance task every instance.

    coordination: 3 of 4 instances ready        (CoordinationProgress)
    timeline | instances table                  (InstanceTimeline, SubtaskModel)
    Output | Instance output | Files | Details   (tabs)

The monitor's TaskQuery brings the task and its subtasks; a `PhaseTracker` turns
them into phases. What the service has no state for is learned from the primary's
files (see explorer/client/watching/phases.py): `coordination-stdout.txt` appearing starts its
coordination, `stdout.txt` appearing starts the application — both are probed
(one HEAD each) until seen. While the view is visible and the task not completed a
timer, at the monitor's fast interval, grows the timeline, probes, and polls the
output on screen; the log viewers read only the page in view, so output growing at
MB/s costs one HEAD and a page per tick. After the task completes one last tick
reads what was written at the end; then nothing is polled.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QWidget,
)

from explorer.client.files import NodeFiles, TaskFiles
from explorer.client.watching.monitor import Update
from explorer.client.watching.phases import Observation, PhaseTracker
from explorer.client.watching.queries import TaskQuery
from explorer.client.watching.snapshots import SubtaskSnapshot, TaskSnapshot
from explorer.ui.formatting import task_rows
from explorer.ui.models.subtask_model import SubtaskModel
from explorer.ui.services import Navigator, ViewServices
from explorer.ui.views.base_view import BaseView
from explorer.ui.views.log_browser import LogBrowser
from explorer.ui.views.properties_panel import PropertiesPanel
from explorer.ui.widgets.coordination_progress import CoordinationProgress
from explorer.ui.widgets.instance_timeline import InstanceTimeline
from explorer.ui.widgets.output_pane import OutputPane

HEADER_FIELDS = ("State", "Node", "Exit code", "Failure")
NOT_STARTED = "The application command has not started yet."
NOT_STARTED_MULTI = "The application command runs on the primary once every instance is ready."
NOT_RUN = "The application command did not run."


class TaskView(BaseView):
    """``updated()`` after every change shown (snapshot, probe): tests and the status bar wait on it."""

    updated = Signal()

    def __init__(
        self, services: ViewServices, navigator: Navigator | None, job_id: str, task_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, navigator, parent)
        self.job_id, self.task_id = job_id, task_id
        self.title = f"Task {task_id}"
        self.query = TaskQuery(job_id, task_id)
        self._files = TaskFiles(job_id, task_id)
        self.tracker = PhaseTracker()
        self.task: TaskSnapshot | None = None
        self.subtasks: Mapping[int, SubtaskSnapshot] = {}
        self._coordination_started: datetime | None = None
        self._application_started: datetime | None = None
        self._missing_at: dict[str, datetime] = {}
        self._selected: int | None = None
        self.browser: LogBrowser | None = None
        self._read_after_end = False
        self._ticker = QTimer(self)
        self._ticker.setInterval(round(services.monitor.fast_interval * 1000))
        self._ticker.timeout.connect(self._tick)
        self._build()
        self.watch(self.query, self._on_update)

    # -- public API (main window shortcuts) -------------------------------------

    def find(self) -> None:
        (self._current_pane() or self.output).find()

    def toggle_follow(self) -> None:
        (self._current_pane() or self.output).toggle_follow()

    def reload(self) -> None:
        self.load(lambda: self.services.operations.get_task(self.job_id, self.task_id),
                  lambda details: self.details.set_rows(task_rows(details)))

    def is_polling(self) -> bool:
        """Whether the timer probes and polls output (only while visible and the task not done)."""
        return self._ticker.isActive()

    def select_instance(self, number: int) -> None:
        """Show instance `number`'s coordination output (0: the primary's) in its tab."""
        row = self.model.row_of(number)
        if row is None:
            return
        if self.table.currentIndex().row() == row:
            self._show_instance(row, reveal=True)
        else:
            self.table.setCurrentIndex(self.model.index(row, 0))  # _on_row shows it

    def request_terminate(self) -> None:
        if self.terminate_button.isEnabled():
            self.confirm_action("Terminate task", f"Terminate task {self.task_id}? Every instance is stopped.",
                                "Terminate", lambda: self.services.operations.terminate_task(self.job_id, self.task_id))

    def request_delete(self) -> None:
        if self.delete_button.isEnabled():
            self.confirm_action("Delete task", f"Delete task {self.task_id} and its files on every node?", "Delete",
                                lambda: self.services.operations.delete_task(self.job_id, self.task_id))

    # -- monitor ---------------------------------------------------------------------

    def _on_update(self, update: Update) -> None:
        self.note_missing(f"task {self.task_id}", update.missing)
        if self.gone:
            self._show_gone()
            return
        task, previous = update.task, self.task
        if previous is not None and previous.start_time not in (None, task.start_time):
            self._new_attempt()
        self.task, self.subtasks = task, update.items
        if previous is not None and previous.state != task.state and self.is_live():
            self.reload()  # exit code, times
        self._show_header(task)
        self._show_multi_instance(task.instances > 1)
        self.model.set_instances(task, update.items)
        if self._selected is None and task.instances > 1:
            self._show_instance(0, reveal=False)
        if self.browser is not None:
            self.browser.add_subtasks(update.items.values())
        self._observe()
        self._start_ticking()

    def _new_attempt(self) -> None:
        """A retry or requeue: the primary's files are written afresh."""
        self._coordination_started = self._application_started = None
        self._missing_at.clear()
        self._read_after_end = False
        self.output.set_readers([None, None])

    def _observe(self) -> None:
        if self.task is None:
            return
        self.tracker.observe(Observation(
            self.task, self.subtasks, datetime.now(timezone.utc),
            coordination_started=self._coordination_started, application_started=self._application_started,
        ))
        self.progress.set_progress(self.tracker.ready_count(), self.tracker.total)
        self.timeline.set_instances(self.tracker.instances(), now=self.tracker.ended or datetime.now(timezone.utc))
        self.updated.emit()

    # -- the timer: timeline, probes, output ---------------------------------------------

    def _start_ticking(self) -> None:
        if self.isVisible() and not self._ticker.isActive() and not self._finished():
            self._ticker.start()
            self._tick()

    def _finished(self) -> bool:
        """Completed, and the output read once since."""
        return self.task is not None and self.task.state == "completed" and self._read_after_end

    def _tick(self) -> None:
        task = self.task
        if task is None:
            return
        if task.state != "active" and self._application_started is None:
            # The last probe, after the end, replaces one that may have asked before the application started.
            if task.state == "completed" or not self.owner.running("probe"):
                self.run("probe", self._probe())
        pane = self._current_pane()
        if pane is not None:
            pane.poll()
        if task.state == "completed":
            self._read_after_end = True
            self._ticker.stop()
        else:
            self.timeline.refresh(datetime.now(timezone.utc))

    async def _probe(self) -> None:
        task = self.task
        if task.instances > 1 and self._coordination_started is None:
            self._coordination_started = await self._appeared("coordination-stdout.txt")
        self._application_started = await self._appeared("stdout.txt")
        if self._application_started is not None:
            operations = self.services.operations
            self.output.set_readers([operations.range_reader(self._files, p) for p in ("stdout.txt", "stderr.txt")],
                                    "output of the application command (primary)")
        elif task.state == "completed":  # missing after the end: missing for good
            self.output.set_note(NOT_RUN)
        self._observe()

    async def _appeared(self, path: str) -> datetime | None:
        """When the primary's file `path` appeared, None if it has not: its creation time, but
        not before a probe found it missing (file times are whole seconds)."""
        asked = datetime.now(timezone.utc)
        created = await self.services.operations.file_created(self._files, path)
        if created is None:
            self._missing_at[path] = asked
            return None
        return max(created, self._missing_at.get(path, created))

    def _current_pane(self) -> OutputPane | None:
        current = self.tabs.currentWidget()
        return {self.output: self.output, self.instance_tab: self.instance_output}.get(current)

    # -- showing ---------------------------------------------------------------------

    def _show_header(self, task: TaskSnapshot) -> None:
        node = task.node_id
        values = {
            "State": task.state or "—",
            "Node": f'<a href="node">{node}</a>' if node and task.pool_id else "—",
            "Exit code": "—" if task.exit_code is None else str(task.exit_code),
            "Failure": task.failure or "—",
        }
        for name, text in values.items():
            self.header[name].setText(text)
        self.terminate_button.setEnabled(task.state != "completed")
        self.delete_button.setEnabled(True)
        self.mark_ready()

    def _show_multi_instance(self, multi: bool) -> None:
        for widget in (self.progress, self.instances_split):
            widget.setVisible(multi)
        self.tabs.setTabVisible(self.tabs.indexOf(self.instance_tab), multi)
        if self._application_started is None and self.task.state != "completed":
            self.output.set_note(NOT_STARTED_MULTI if multi else NOT_STARTED)

    def _show_gone(self) -> None:
        self._ticker.stop()
        self.header["State"].setText("does not exist")
        self.terminate_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.updated.emit()

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_instance(current.row(), reveal=True)

    def _show_instance(self, row: int, reveal: bool) -> None:
        instance = self.model.instance(row)
        if instance.number == 0:
            location, paths = self._files, ("coordination-stdout.txt", "coordination-stderr.txt")
            where = "the primary"
        elif instance.root and instance.pool_id and instance.node_id:
            location = NodeFiles(instance.pool_id, instance.node_id)
            paths = (f"{instance.root}/stdout.txt", f"{instance.root}/stderr.txt")
            where = f"subtask {instance.number} on {instance.node_id}"
        else:
            return
        if instance.number != self._selected:
            self._selected = instance.number
            readers = [self.services.operations.range_reader(location, path) for path in paths]
            self.instance_output.set_readers(readers, f"coordination output of {where}")
            self.instance_title.setText(f"Coordination command of instance {instance.number} ({where})")
        if reveal:
            self.tabs.setCurrentWidget(self.instance_tab)

    def _on_node_link(self) -> None:
        if self.navigator is not None and self.task and self.task.pool_id and self.task.node_id:
            self.navigator.open_node(self.task.pool_id, self.task.node_id)

    def _on_tab(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.files_tab and self.browser is None:
            self.browser = LogBrowser.for_task(self.services, self.job_id, self.task_id, self.subtasks.values())
            self.files_tab.layout().addWidget(self.browser)

    # -- Qt ----------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._start_ticking()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._ticker.stop()

    def closeEvent(self, event) -> None:
        self._ticker.stop()
        self.owner.cancel_all()
        self.output.clear()
        self.instance_output.clear()
        if self.browser is not None:
            self.browser.close()
        super().closeEvent(event)

    # -- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(f"<b>Task {self.task_id}</b> in job {self.job_id}", self)
        grid = QGridLayout()
        grid.addWidget(title, 0, 0, 1, 2 * len(HEADER_FIELDS))
        self.header: dict[str, QLabel] = {}
        for column, name in enumerate(HEADER_FIELDS):
            value = QLabel("—", self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            value.setObjectName(f"header-{name.lower().replace(' ', '-')}")
            grid.addWidget(QLabel(f"{name}:", self), 1, 2 * column)
            grid.addWidget(value, 1, 2 * column + 1)
            self.header[name] = value
        grid.setColumnStretch(2 * len(HEADER_FIELDS) - 1, 1)
        self.header["Node"].linkActivated.connect(self._on_node_link)
        self.header["Failure"].setWordWrap(True)
        self.terminate_button = QPushButton("Terminate", self)
        self.terminate_button.clicked.connect(self.request_terminate)
        self.delete_button = QPushButton("Delete", self)
        self.delete_button.clicked.connect(self.request_delete)
        top = QHBoxLayout()
        top.addLayout(grid, 1)
        top.addWidget(self.terminate_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(top)

        self.progress = CoordinationProgress(self)
        self.body.addWidget(self.progress)
        self.timeline = InstanceTimeline(self)
        self.timeline.rowClicked.connect(self.select_instance)
        self.model = SubtaskModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.instances_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.instances_split.addWidget(self.timeline)
        self.instances_split.addWidget(self.table)

        self.output = OutputPane(parent=self)
        self.instance_output = OutputPane(("coordination stdout", "coordination stderr"), self)
        self.instance_title = QLabel("Select an instance to read its coordination output.", self)
        self.instance_tab = QWidget(self)
        column = QGridLayout(self.instance_tab)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.instance_title, 0, 0)
        column.addWidget(self.instance_output, 1, 0)
        self.files_tab = QWidget(self)
        QGridLayout(self.files_tab).setContentsMargins(0, 0, 0, 0)
        self.details = PropertiesPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.output, "Output")
        self.tabs.addTab(self.instance_tab, "Instance output")
        self.tabs.addTab(self.files_tab, "Files")
        self.tabs.addTab(self.details, "Details")
        self.tabs.currentChanged.connect(self._on_tab)
        follow = self.services.settings.follow_output
        self.output.set_follow(follow)
        self.instance_output.set_follow(follow)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.instances_split)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 2)
        self.body.addWidget(split, 1)
        self.remember_splitter("task_view/instances", self.instances_split)
        self.remember_splitter("task_view", split)
