"""One task, live: header and actions, and for a multi-instance task every instance.

    queued / coordination: 3 of 4 instances reported ready / ...   (CoordinationProgress)
    timeline | instances table                                      (InstanceTimeline, SubtaskModel)
    Output | Instance output | Files | Details                       (tabs)

A `TaskWatch` (explorer/client/watching/task_watch.py) does the watching: the task,
its subtasks and the primary's output files, polled by the monitor, turned into typed
snapshots of what the service has reported. This view only renders them: it decides
no phase and sends no request of its own. Output is read by the panes, live while the
task may still write it (polled by themselves, a fraction of a second apart while it
grows), once more when it ends, and again whenever the task's stage changes; a file is
given to a pane only once the watch knows it exists. A one-second clock grows the
timeline's open phases between snapshots; it sends nothing.

When a multi-instance task fails, the banner says which instance made it fail, on which
node, in which phase (the watch's `FailureCause`), shows the last lines of that command's
stderr (one ranged read of its end) and offers to open the instance's files.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QWidget,
)

from explorer.client.files import FileLocation, NodeFiles, TaskFiles
from explorer.client.watching.phases import FailedIn, FailureCause
from explorer.client.watching.snapshots import SubtaskSnapshot, TaskSnapshot
from explorer.client.watching.task_watch import Stage, TaskWatch, TaskWatchSnapshot
from explorer.ui.formatting import state_text, task_rows, wait_text, watch_progress
from explorer.ui.models.subtask_model import HEADERS as INSTANCE_COLUMNS
from explorer.ui.models.subtask_model import SubtaskModel
from explorer.ui.services import Navigator, ViewServices
from explorer.ui.theme import link
from explorer.ui.translation import error_text
from explorer.ui.views.base_view import BaseView
from explorer.ui.views.log_browser import LogBrowser, subtask_root
from explorer.ui.views.properties_panel import PropertiesPanel
from explorer.ui.widgets.accessible import name_it
from explorer.ui.widgets.coordination_progress import CoordinationProgress
from explorer.ui.widgets.instance_cpu import InstanceCpu
from explorer.ui.widgets.instance_timeline import InstanceTimeline
from explorer.ui.widgets.output_pane import OutputPane
from explorer.ui.widgets.table_columns import TableColumns

HEADER_FIELDS = (QT_TRANSLATE_NOOP("TaskView", "State"), QT_TRANSLATE_NOOP("TaskView", "Node"),
                 QT_TRANSLATE_NOOP("TaskView", "Exit code"), QT_TRANSLATE_NOOP("TaskView", "Failure"))
NOT_STARTED = QT_TRANSLATE_NOOP("TaskView", "The command has not started yet.")
NOT_STARTED_MULTI = QT_TRANSLATE_NOOP(
    "TaskView", "The application command runs on the primary once every instance is ready.")
NOT_RUN = QT_TRANSLATE_NOOP("TaskView", "The application command did not run.")
CLOCK_MS = 1000
TAIL_BYTES = 4096
TAIL_LINES = 8
FAILED_IN = {
    FailedIn.DOWNLOAD: QT_TRANSLATE_NOOP("TaskView", "while downloading its resource files"),
    FailedIn.COORDINATION: QT_TRANSLATE_NOOP("TaskView", "in its coordination command"),
    FailedIn.APPLICATION: QT_TRANSLATE_NOOP("TaskView", "in the application command"),
}


class TaskView(BaseView):
    """``updated()`` after every snapshot shown: tests and the status bar wait on it."""

    updated = Signal()

    def __init__(
        self, services: ViewServices, navigator: Navigator | None, job_id: str, task_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, navigator, parent)
        self.job_id, self.task_id = job_id, task_id
        self.title = self.tr("Task {task}").format(task=task_id)
        self._files = TaskFiles(job_id, task_id)
        self.task_watch = TaskWatch(services.monitor, job_id, task_id, self._on_snapshot)
        self.snapshot: TaskWatchSnapshot | None = None
        self._selected: int | None = None
        self._output_source: tuple | None = None
        self._instance_source: tuple | None = None
        self.browser: LogBrowser | None = None
        self._failure: FailureCause | None = None
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self._grow_timeline)
        self._build()
        self.keep_live(self.task_watch)

    # -- public API (main window shortcuts) -------------------------------------

    @property
    def task(self) -> TaskSnapshot | None:
        return self.snapshot.task if self.snapshot else None

    @property
    def subtasks(self) -> Mapping[int, SubtaskSnapshot]:
        return self.snapshot.subtasks if self.snapshot else {}

    def find(self) -> None:
        (self._current_pane() or self.output).find()

    def toggle_follow(self) -> None:
        (self._current_pane() or self.output).toggle_follow()

    def reload(self) -> None:
        self.load(lambda: self.services.operations.get_task(self.job_id, self.task_id),
                  lambda details: self.details.set_rows(task_rows(details)))

    def refresh(self) -> None:
        """F5: poll the task and its files now, re-read the output on screen, reload the details."""
        super().refresh()
        self.output.poll()
        self.instance_output.poll()
        if self.snapshot is not None:
            self._failure = None  # the banner was hidden: say it again (and read the tail again)
            self._show_failure(self.snapshot)

    def open_instance_files(self, number: int) -> None:
        """The Files tab, at instance `number`'s directory (0: the primary's, the task's own files)."""
        self.tabs.setCurrentWidget(self.files_tab)  # _on_tab makes the browser
        browser = self.browser
        if browser is None:
            return
        subtask = self.subtasks.get(number)
        root = subtask_root(subtask) if number and subtask is not None else None
        index = browser.add_root(root) if root is not None else browser.model.index(0, 0)
        browser.tree.setCurrentIndex(index)
        browser.tree.expand(index)

    def is_polling(self) -> bool:
        """Whether anything of the view moves by itself: the panes' polls, the timeline's clock."""
        return self._clock.isActive() or self.output.is_polling() or self.instance_output.is_polling()

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
            self.confirm_action(self.tr("Terminate task"),
                                self.tr("Terminate task {task}? Every instance is stopped.").format(task=self.task_id),
                                self.tr("Terminate"),
                                lambda: self.services.operations.terminate_task(self.job_id, self.task_id))

    def request_delete(self) -> None:
        if self.delete_button.isEnabled():
            self.confirm_action(self.tr("Delete task"),
                                self.tr("Delete task {task} and its files on every node?").format(task=self.task_id),
                                self.tr("Delete"),
                                lambda: self.services.operations.delete_task(self.job_id, self.task_id))

    # -- the watch's snapshots ------------------------------------------------------

    def _on_snapshot(self, snapshot: TaskWatchSnapshot) -> None:
        previous, self.snapshot = self.snapshot, snapshot
        self.note_missing(f"task {self.task_id}", snapshot.missing)
        task = snapshot.task
        if snapshot.stage is Stage.GONE or task is None:
            self._show_gone()
            return
        if previous is not None and previous.task is not None and previous.task.state != task.state and self.is_live():
            self.reload()  # exit code, times
        multi = task.instances > 1
        self._show_header(task)
        self._show_multi_instance(multi)
        progress = watch_progress(snapshot)
        self.progress.show_progress(progress.text, progress.value, progress.maximum, progress.tone)
        self._show_wait(snapshot)
        self.model.set_instances(task, snapshot.subtasks)
        self.timeline.set_instances(snapshot.instances, origin=snapshot.origin, now=self._timeline_now())
        self.instance_cpu.set_instances(snapshot.instances if multi else (), task.pool_id)
        if self._selected is None and multi:
            self._show_instance(0, reveal=False)
        if self.browser is not None:
            self.browser.add_subtasks(snapshot.subtasks.values())
        self._show_output(snapshot)
        self._show_instance_output()
        self._show_failure(snapshot)
        if previous is not None and previous.stage != snapshot.stage:
            # A read refused before (not started, not there yet) is asked again now.
            self.output.poll()
            self.instance_output.poll()
        self._sync_clock()
        self.updated.emit()

    def _timeline_now(self) -> datetime:
        snapshot = self.snapshot
        return (snapshot.ended if snapshot else None) or datetime.now(timezone.utc)

    def _grow_timeline(self) -> None:
        self.timeline.refresh(self._timeline_now())

    def _sync_clock(self) -> None:
        snapshot = self.snapshot
        if self.timeline.isVisible() and snapshot is not None and not snapshot.done:
            if not self._clock.isActive():
                self._clock.start()
        else:
            self._clock.stop()

    # -- output ------------------------------------------------------------------------

    def _show_output(self, snapshot: TaskWatchSnapshot) -> None:
        """The application's stdout/stderr once the watch knows it started (or ran), else why not."""
        multi = snapshot.total > 1
        if snapshot.application_ran:
            source = (snapshot.attempt, self._files, ("stdout.txt", "stderr.txt"))
            if source != self._output_source:
                self._output_source = source
                readers = [self.services.monitor.file_reader(self._files, path) for path in source[2]]
                note = self.tr("output of the application command (primary)") if multi else ""
                self.output.set_readers(readers, note)
        else:
            if self._output_source is not None:
                self._output_source = None  # a new attempt: its files are written afresh
                self.output.set_readers([None, None])
            if snapshot.application_ran is False:
                self.output.set_note(self.tr(NOT_RUN))
            else:
                self.output.set_note(self.tr(NOT_STARTED_MULTI if multi else NOT_STARTED))
        self.output.set_live(not snapshot.done)

    def _show_instance_output(self) -> None:
        """The selected instance's coordination output, once the service reported it started."""
        snapshot, number = self.snapshot, self._selected
        if snapshot is None or number is None:
            return
        found = self._coordination_files(snapshot, number)
        if found is None:
            if self._instance_source is not None:
                self._instance_source = None
                self.instance_output.set_readers([None, None])
            self.instance_output.set_note(self._not_coordinating_note(snapshot, number))
        else:
            location, paths, where = found
            source = (number, snapshot.attempt, location, paths)
            if source != self._instance_source:
                self._instance_source = source
                readers = [self.services.monitor.file_reader(location, path) for path in paths]
                self.instance_output.set_readers(readers, self.tr("coordination output of {where}").format(where=where))
        self.instance_output.set_live(found is not None and not snapshot.done)

    def _coordination_files(
        self, snapshot: TaskWatchSnapshot, number: int,
    ) -> tuple[FileLocation, tuple[str, str], str] | None:
        if number == 0:
            if not (snapshot.coordination_started or snapshot.application_ran):
                return None
            return self._files, ("coordination-stdout.txt", "coordination-stderr.txt"), self.tr("the primary")
        subtask = snapshot.subtasks.get(number)
        if subtask is None or not (subtask.pool_id and subtask.node_id and subtask.task_root_directory):
            return None
        if not (subtask.state == "running" or subtask.previous_state == "running"):
            return None  # still downloading: its coordination command has not written anything
        root = subtask.task_root_directory.rstrip("/")
        return (NodeFiles(subtask.pool_id, subtask.node_id), (f"{root}/stdout.txt", f"{root}/stderr.txt"),
                self.tr("subtask {number} on {node}").format(number=number, node=subtask.node_id))

    @staticmethod
    def _not_coordinating_note(snapshot: TaskWatchSnapshot, number: int) -> str:
        translate = QCoreApplication.translate
        who = (translate("TaskView", "the primary") if number == 0
               else translate("TaskView", "instance {number}").format(number=number))
        if snapshot.stage is Stage.QUEUED:
            text = translate("TaskView", "The task is queued: the coordination command of {who} has not started.")
        elif snapshot.done:
            text = translate("TaskView", "The coordination command of {who} did not run.")
        else:
            text = translate("TaskView", "The coordination command of {who} has not started yet "
                             "(its node is downloading the common files).")
        return text.format(who=who)

    # -- failure -------------------------------------------------------------------------

    def _show_failure(self, snapshot: TaskWatchSnapshot) -> None:
        cause = snapshot.failure if snapshot.total > 1 else None
        if cause == self._failure:
            return
        self._failure = cause
        if cause is None:
            return
        self.banner.show_failure(self._failure_sentence(cause),
                                 (self.tr("Open its files"), lambda: self.open_instance_files(cause.instance)))
        location = self._instance_location(cause)
        if cause.stderr is not None and location is not None:
            self.run("failure-tail", self._read_failure_tail(location, cause.stderr))

    def _failure_sentence(self, cause: FailureCause) -> str:
        if cause.instance == 0:
            who = self.tr("The primary (instance 0)")
        else:
            who = self.tr("Instance %1 (subtask %1)").replace("%1", str(cause.instance))
        sentence = self.tr("%1 failed %2 on node %3").replace("%1", who).replace(
            "%2", self.tr(FAILED_IN[cause.phase])).replace("%3", cause.node_id or "—")
        if cause.exit_code is not None:
            sentence += self.tr(", exit code %1").replace("%1", str(cause.exit_code))
        return sentence + (f": {cause.failure}" if cause.failure else ".")

    def _instance_location(self, cause: FailureCause) -> FileLocation | None:
        if cause.instance == 0:
            return self._files
        return NodeFiles(cause.pool_id, cause.node_id) if cause.pool_id and cause.node_id else None

    async def _read_failure_tail(self, location: FileLocation, path: str) -> None:
        """The last lines of the failing command's stderr: one read of its last `TAIL_BYTES`."""
        name = path.rsplit("/", 1)[-1]
        try:
            reader = self.services.monitor.file_reader(location, path)
            size = await reader.size()
            start = max(0, size - TAIL_BYTES)
            data = await reader.read(start, size - start)
        except OSError as error:
            self.banner.set_tail(self.tr("Its %1 could not be read: %2").replace("%1", name).replace("%2", error_text(error)), "")
            return
        lines = data.decode("utf-8", "replace").splitlines()[1 if start else 0 :]
        if not any(line.strip() for line in lines):
            self.banner.set_tail(self.tr("Its %1 is empty.").replace("%1", name), "")
            return
        self.banner.set_tail(self.tr("The last lines of its %1:").replace("%1", name), "\n".join(lines[-TAIL_LINES:]))

    def _current_pane(self) -> OutputPane | None:
        current = self.tabs.currentWidget()
        return {self.output: self.output, self.instance_tab: self.instance_output}.get(current)

    # -- showing ---------------------------------------------------------------------

    def _show_header(self, task: TaskSnapshot) -> None:
        node = task.node_id
        values = {
            "State": state_text(task.state),
            "Node": link("node", node, self.palette()) if node and task.pool_id else "—",
            "Exit code": "—" if task.exit_code is None else str(task.exit_code),
            "Failure": task.failure or "—",
        }
        for name, text in values.items():
            self.header[name].setText(text)
        self.terminate_button.setEnabled(task.state != "completed")
        self.delete_button.setEnabled(True)
        self.mark_ready()

    def _show_wait(self, snapshot: TaskWatchSnapshot) -> None:
        text = wait_text(snapshot)
        if text != self.wait_label.text():
            self.wait_label.setText(text)
        self.wait_label.setVisible(bool(text))

    def _show_multi_instance(self, multi: bool) -> None:
        for widget in (self.progress, self.instances_split):
            widget.setVisible(multi)
        self.tabs.setTabVisible(self.tabs.indexOf(self.instance_tab), multi)

    def _show_gone(self) -> None:
        self._clock.stop()
        self.wait_label.hide()
        self.output.set_live(False)
        self.instance_output.set_live(False)
        self.header["State"].setText(self.tr("does not exist"))
        self.terminate_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.updated.emit()

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_instance(current.row(), reveal=True)

    def _show_instance(self, row: int, reveal: bool) -> None:
        instance = self.model.instance(row)
        if instance.number != self._selected:
            self._selected = instance.number
            where = self.tr("the primary") if instance.number == 0 else self.tr("subtask {number}").format(
                number=instance.number)
            if instance.node_id:
                where = self.tr("{where} on {node}").format(where=where, node=instance.node_id)
            self.instance_title.setText(self.tr("Coordination command of instance {number} ({where})").format(
                number=instance.number, where=where))
            self._show_instance_output()
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

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.task is not None:
            self._show_header(self.task)  # links take their colour from the palette as they are set

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._sync_clock()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._clock.stop()

    def closeEvent(self, event) -> None:
        self._clock.stop()
        self.owner.cancel_all()
        self.output.clear()
        self.instance_output.clear()
        if self.browser is not None:
            self.browser.close()
        super().closeEvent(event)

    # -- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("<b>Task {task}</b> in job {job}").format(task=self.task_id, job=self.job_id), self)
        grid = QGridLayout()
        grid.addWidget(title, 0, 0, 1, 2 * len(HEADER_FIELDS))
        self.header: dict[str, QLabel] = {}
        for column, name in enumerate(HEADER_FIELDS):
            value = QLabel(self.tr("—"), self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            value.setObjectName(f"header-{name.lower().replace(' ', '-')}")
            grid.addWidget(QLabel(self.tr("{field}:").format(field=self.tr(name)), self), 1, 2 * column)
            grid.addWidget(value, 1, 2 * column + 1)
            self.header[name] = value
        grid.setColumnStretch(2 * len(HEADER_FIELDS) - 1, 1)
        self.header["Node"].linkActivated.connect(self._on_node_link)
        self.header["Failure"].setWordWrap(True)
        self.terminate_button = QPushButton(self.tr("Terminate"), self)
        self.terminate_button.clicked.connect(self.request_terminate)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.clicked.connect(self.request_delete)
        top = QHBoxLayout()
        top.addLayout(grid, 1)
        top.addWidget(self.terminate_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(top)

        self.progress = CoordinationProgress(self)
        name_it(self.progress, self.tr("Coordination progress"), self.progress.toolTip())
        self.body.addWidget(self.progress)
        self.wait_label = QLabel(self)
        self.wait_label.setObjectName("wait-reasons")
        self.wait_label.setWordWrap(True)
        self.wait_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.wait_label.setToolTip(self.tr("Why the task is queued, read off its job, pool and nodes as last polled"))
        self.wait_label.hide()
        self.body.addWidget(self.wait_label)
        self.timeline = InstanceTimeline(self)
        name_it(self.timeline, self.tr("Timeline of the instances"),
                self.tr("The phases of every instance; Up and Down walk the instances, each said in words"))
        self.timeline.rowClicked.connect(self.select_instance)
        self.model = SubtaskModel(self)
        self.table = QTableView(self)
        name_it(self.table, self.tr("Instances"), self.tr("The primary and the subtasks: state, exit code, node, failure"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        TableColumns(self.table, "task_view/instances", self.services.settings, max_width=260,
                                          fixed=(INSTANCE_COLUMNS.index("State"), INSTANCE_COLUMNS.index("Exit code")))
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.instances_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.instances_split.addWidget(self.timeline)
        self.instance_cpu = InstanceCpu(self.services.monitor.node_metrics_watch, self.task_id, self)  # node metrics
        self.keep_live(self.instance_cpu.watch)
        beside = QSplitter(Qt.Orientation.Vertical, self)  # the instances, and their CPU below them
        beside.addWidget(self.table)
        beside.addWidget(self.instance_cpu)
        self.instances_split.addWidget(beside)
        self.instances_split.setSizes([600, 400])  # until the user moves it: room for node ids, state, exit code

        self.output = OutputPane(parent=self)
        self.instance_output = OutputPane((self.tr("coordination stdout"), self.tr("coordination stderr")), self)
        self.instance_title = QLabel(self.tr("Select an instance to read its coordination output."), self)
        self.instance_tab = QWidget(self)
        column = QGridLayout(self.instance_tab)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.instance_title, 0, 0)
        column.addWidget(self.instance_output, 1, 0)
        self.files_tab = QWidget(self)
        QGridLayout(self.files_tab).setContentsMargins(0, 0, 0, 0)
        self.details = PropertiesPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.output, self.tr("Output"))
        self.tabs.addTab(self.instance_tab, self.tr("Instance output"))
        self.tabs.addTab(self.files_tab, self.tr("Files"))
        self.tabs.addTab(self.details, self.tr("Details"))
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
