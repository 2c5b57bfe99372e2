"""One job: its properties, task counts and a sortable, filterable task table.

Counts come from the task snapshots already polled for the table (no extra request);
the table stays responsive at 10,000 tasks because it sorts in Python, not through
QSortFilterProxyModel (see models/snapshot_table.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QTabWidget, QToolBar, QVBoxLayout, QWidget

from explorer.client.watching.history import JobHistory
from explorer.client.watching.monitor import Update
from explorer.client.watching.queries import JobsQuery, JobTasksQuery
from explorer.client.watching.snapshots import JobSnapshot, TaskSnapshot
from explorer.ui.formatting import format_time, state_text
from explorer.ui.models.snapshot_table import SnapshotFilterProxy
from explorer.ui.models.task_table_model import TASK_STATES, TaskTableModel, describe_counts
from explorer.ui.services import Navigator, ViewServices
from explorer.ui.views.base_view import BaseView
from explorer.ui.views.history_tab import HistoryTab, task_entries
from explorer.ui.views.properties_panel import PropertiesPanel
from explorer.ui.views.snapshot_table_view import SnapshotTableView
from explorer.ui.widgets.accessible import name_it
from explorer.ui.widgets.table_columns import TableColumns

ALL_STATES = QT_TRANSLATE_NOOP("JobView", "All states")
TERMINABLE_JOB_STATES = frozenset({"active", "disabled"})


def job_rows(job: JobSnapshot) -> list[tuple[str, str]]:
    return [
        (QCoreApplication.translate("JobView", "Id"), job.id),
        (QCoreApplication.translate("JobView", "Display name"), job.display_name or "—"),
        (QCoreApplication.translate("JobView", "State"), state_text(job.state)),
        (QCoreApplication.translate("JobView", "Pool"), job.pool_id or "—"),
        (QCoreApplication.translate("JobView", "Created"), format_time(job.creation_time)),
    ]


class JobView(BaseView):
    """`updated()` after the view showed a new poll (of the job or of its tasks)."""

    updated = Signal()

    def __init__(self, services: ViewServices, navigator: Navigator, job_id: str, parent: QWidget | None = None):
        super().__init__(services, navigator, parent)
        self.job_id = job_id
        self.title = self.tr("Job {job}").format(job=job_id)
        self._job: JobSnapshot | None = None

        self.open_pool_action = self.make_action(self.tr("Open pool"), self.tr("Show the pool this job runs on"), self._open_pool)
        self.terminate_action = self.make_action(self.tr("Terminate job…"), self.tr("Stop the job's tasks"), self.request_terminate)
        self.delete_action = self.make_action(self.tr("Delete job…"), self.tr("Delete the job and its tasks"), self.request_delete)
        self.open_task_action = self.make_action(self.tr("Open task"), self.tr("Show the selected task"), self._open_selected_task)
        self.terminate_task_action = self.make_action(self.tr("Terminate tasks…"), self.tr("Stop the selected tasks"),
                                                  self.request_terminate_tasks)
        self.delete_task_action = self.make_action(self.tr("Delete tasks…"), self.tr("Delete the selected tasks"),
                                               self.request_delete_tasks)
        toolbar = QToolBar(self)
        toolbar.addActions([self.open_pool_action, self.terminate_action, self.delete_action])
        toolbar.addSeparator()
        toolbar.addActions([self.terminate_task_action, self.delete_task_action])

        self.properties = PropertiesPanel(self)
        self.counts = QLabel(self.tr("Loading tasks…"), self)
        self.state_filter = QComboBox(self)
        self.state_filter.addItem(self.tr(ALL_STATES), None)
        for state in TASK_STATES:
            self.state_filter.addItem(state_text(state), state)
        name_it(self.state_filter, self.tr("Task state"), self.tr("Shows only the tasks in this state"))
        self.text_filter = QLineEdit(self)
        name_it(self.text_filter, self.tr("Filter tasks"), self.tr("Shows only the tasks whose id, name or failure contains this text"))
        self.text_filter.setPlaceholderText(self.tr("Filter tasks by id, name, node or failure (Ctrl+F)"))
        self.text_filter.setClearButtonEnabled(True)
        self.task_model = TaskTableModel(self)
        self.task_proxy = SnapshotFilterProxy(self.task_model, self)
        self.state_filter.currentIndexChanged.connect(
            lambda _index: self.task_proxy.set_states(() if self.state_filter.currentData() is None
                                                      else (self.state_filter.currentData(),)))
        self.text_filter.textChanged.connect(self.task_proxy.set_text)
        self.table = SnapshotTableView(self.task_proxy, self)
        name_it(self.table, self.tr("Tasks of job %1").replace("%1", job_id),
                self.tr("One row per task; Enter opens it, the context menu acts on the selected tasks"))
        TableColumns(self.table, "job_view/tasks", services.settings)
        self.table.context_actions = [self.open_task_action, self.terminate_task_action, self.delete_task_action]
        self.table.snapshotActivated.connect(lambda task: navigator.open_task(job_id, task.id))
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        filters = QHBoxLayout()
        filters.addWidget(self.state_filter)
        filters.addWidget(self.text_filter, 1)

        tasks_tab = QWidget(self)
        tasks_layout = QVBoxLayout(tasks_tab)
        tasks_layout.setContentsMargins(0, 0, 0, 0)
        tasks_layout.addWidget(self.counts)
        tasks_layout.addLayout(filters)
        tasks_layout.addWidget(self.table, 1)
        self.history = JobHistory(services.monitor, job_id)
        self.history_tab = HistoryTab(self, self.history, task_entries(), self.tr("tasks"), f"job-{job_id}-history")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(tasks_tab, self.tr("Tasks"))
        self.tabs.addTab(self.history_tab, self.tr("History"))

        self.body.addWidget(toolbar)
        self.body.addWidget(self.properties)
        self.body.addWidget(self.tabs, 1)

        self.watch(JobsQuery(), self._on_jobs)
        self.watch(JobTasksQuery(job_id), self._on_tasks)
        self._update_actions()

    # --- what the view offers the main window ------------------------------------

    def find(self) -> None:
        self.text_filter.setFocus()
        self.text_filter.selectAll()

    def selected_tasks(self) -> list[TaskSnapshot]:
        return self.table.selected_snapshots()

    # --- actions -----------------------------------------------------------------

    def request_terminate(self) -> None:
        if self.terminate_action.isEnabled():
            text = self.tr("Terminate job {job}? Its running tasks are stopped and no new tasks start.").format(
                job=self.job_id)
            self.confirm_action(self.tr("Terminate job"), text, self.tr("Terminate"),
                                lambda: self.services.operations.terminate_job(self.job_id))

    def request_delete(self) -> None:
        if self.delete_action.isEnabled():
            count = self.task_model.rowCount()
            text = (self.tr("Delete job {job} and its task? Its files on the nodes go too. This cannot be undone.")
                    if count == 1 else
                    self.tr("Delete job {job} and its {count} tasks? Their files on the nodes go too. "
                            "This cannot be undone.")).format(job=self.job_id, count=count)
            self.confirm_action(self.tr("Delete job"), text, self.tr("Delete job"),
                                lambda: self.services.operations.delete_job(self.job_id))

    def request_terminate_tasks(self) -> None:
        ids = [t.id for t in self.selected_tasks() if t.state != "completed"]
        if self.terminate_task_action.isEnabled() and ids:
            text = (self.tr("Terminate task {task}?") if len(ids) == 1
                    else self.tr("Terminate {count} tasks?")).format(task=ids[0], count=len(ids))
            self.confirm_action(self.tr("Terminate tasks"), text, self.tr("Terminate"),
                                lambda: self._for_each(ids, self.services.operations.terminate_task))

    def request_delete_tasks(self) -> None:
        ids = [t.id for t in self.selected_tasks()]
        if self.delete_task_action.isEnabled() and ids:
            text = (self.tr("Delete task {task} and its files? This cannot be undone.") if len(ids) == 1
                    else self.tr("Delete {count} tasks and their files? This cannot be undone.")
                    ).format(task=ids[0], count=len(ids))
            self.confirm_action(self.tr("Delete tasks"), text, self.tr("Delete"),
                                lambda: self._for_each(ids, self.services.operations.delete_task))

    # --- monitor updates ---------------------------------------------------------

    def _on_jobs(self, update: Update) -> None:
        job = update.items.get(self.job_id)
        if job is None or job == self._job:
            return  # absence is judged by the tasks query, which asks for this job itself
        self._job = job
        self.properties.set_rows(job_rows(job))
        self._update_actions()
        self.mark_ready()
        self.updated.emit()

    def _on_tasks(self, update: Update) -> None:
        self.note_missing(self.tr("job {job}").format(job=self.job_id), update.missing)
        if not self.gone:
            self.task_model.set_items(update.items)
            self.counts.setText(describe_counts(self.task_model.counts()))
        self._update_actions()
        self.updated.emit()

    # --- helpers -----------------------------------------------------------------

    def _update_actions(self) -> None:
        job = self._job
        alive = job is not None and not self.gone and job.state != "deleting"
        selected = self.selected_tasks() if alive else []
        self.open_pool_action.setEnabled(job is not None and job.pool_id is not None)
        self.terminate_action.setEnabled(alive and job.state in TERMINABLE_JOB_STATES)
        self.delete_action.setEnabled(alive)
        self.open_task_action.setEnabled(len(self.table.selectionModel().selectedRows()) == 1)
        self.terminate_task_action.setEnabled(any(t.state != "completed" for t in selected))
        self.delete_task_action.setEnabled(bool(selected))

    async def _for_each(self, task_ids: list[str], operation: Callable[[str, str], Awaitable[None]]) -> None:
        for task_id in task_ids:
            await operation(self.job_id, task_id)

    def _open_pool(self) -> None:
        if self._job is not None and self._job.pool_id:
            self.navigator.open_pool(self._job.pool_id)

    def _open_selected_task(self) -> None:
        tasks = self.selected_tasks()
        if len(tasks) == 1:
            self.navigator.open_task(self.job_id, tasks[0].id)
