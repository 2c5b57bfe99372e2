"""One compute node: its properties and start task, its figures, its recent tasks, and its files.

The node is followed through its pool's node listing (there is no one-node query),
which the pool view usually polls already; its details are read again only when
that snapshot changes. The files are a `LogBrowser` over the node's file API. The figures
(CPU, memory, network, disk) are the node sampler's, read while the view is shown
(`NodeMetricsWatch`: a HEAD and at most one GET every 10 s).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QWidget,
)

from explorer.client.acting.details import NodeDetails, RecentTask
from explorer.client.files import NodeFiles
from explorer.client.watching.monitor import Update
from explorer.client.watching.node_metrics import NodeKey, NodeMetricsReader
from explorer.client.watching.queries import NODE_TRANSITIONAL, NodeQuery
from explorer.client.watching.snapshots import NodeSnapshot
from explorer.ui.formatting import node_rows, state_text
from explorer.ui.services import Navigator, ViewServices
from explorer.ui.views.base_view import BaseView
from explorer.ui.views.log_browser import LogBrowser
from explorer.ui.views.properties_panel import PropertiesPanel
from explorer.ui.widgets.accessible import name_it
from explorer.ui.widgets.node_metrics_charts import NodeMetricsCharts
from explorer.ui.widgets.table_columns import TableColumns

RECENT_COLUMNS = (QT_TRANSLATE_NOOP("NodeView", "Job"), QT_TRANSLATE_NOOP("NodeView", "Task"),
                  QT_TRANSLATE_NOOP("NodeView", "Instance"), QT_TRANSLATE_NOOP("NodeView", "State"),
                  QT_TRANSLATE_NOOP("NodeView", "Exit code"))


def recent_task_cells(task: RecentTask) -> tuple[str, ...]:
    instance = "" if task.subtask_id is None else (
        QCoreApplication.translate("NodeView", "primary") if task.subtask_id == 0 else str(task.subtask_id))
    return (task.job_id or "", task.task_id or "", instance, state_text(task.state, ""),
            "" if task.exit_code is None else str(task.exit_code))


class NodeView(BaseView):
    """`updated()` after the view showed a new poll of the node."""

    updated = Signal()
    metricsUpdated = Signal()
    """After a read of the node's figures (new ones or none)."""

    def __init__(
        self, services: ViewServices, navigator: Navigator, pool_id: str, node_id: str, parent: QWidget | None = None,
    ):
        super().__init__(services, navigator, parent)
        self.pool_id, self.node_id = pool_id, node_id
        self.title = self.tr("Node {node}").format(node=node_id)
        self.node: NodeSnapshot | None = None
        """The latest snapshot of the node (None until polled, or once gone)."""

        self.open_pool_action = self.make_action(
            self.tr("Open pool"), self.tr("Show pool {pool}").format(pool=pool_id),
            lambda: navigator.open_pool(pool_id))
        self.reboot_action = self.make_action(self.tr("Reboot…"), self.tr("Reboot this node"), self.request_reboot)
        self.remove_action = self.make_action(
            self.tr("Remove from pool…"), self.tr("Remove this node from its pool"), self.request_remove)
        toolbar = QToolBar(self)
        toolbar.addActions([self.open_pool_action, self.reboot_action, self.remove_action])

        self.properties = PropertiesPanel()
        scroll = QScrollArea(self)
        scroll.setWidget(self.properties)
        scroll.setWidgetResizable(True)
        self.recent = QTableWidget(0, len(RECENT_COLUMNS), self)
        name_it(self.recent, self.tr("Recent tasks"), self.tr("The tasks this node ran last; Enter opens one"))
        self.recent.setHorizontalHeaderLabels([self.tr(column) for column in RECENT_COLUMNS])
        self.recent.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recent.verticalHeader().hide()
        self.recent_columns = TableColumns(self.recent, "node_view/recent_tasks", services.settings)
        self.recent.setToolTip(self.tr("Double-click a task to open it"))
        self.recent.cellActivated.connect(self._open_recent)
        self.files = LogBrowser(services, NodeFiles(pool_id, node_id), parent=self,
                                label=self.tr("node {node}").format(node=node_id))
        self.metrics = NodeMetricsCharts(self)
        name_it(self.metrics, self.tr("Node metrics"), self.tr("CPU, memory, network and disk of this node"))
        self.metrics_watch = services.monitor.node_metrics_watch(self._on_metrics)
        self.metrics_watch.set_nodes([(pool_id, node_id)])
        self.keep_live(self.metrics_watch)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.metrics, self.tr("Metrics"))
        self.tabs.addTab(self.recent, self.tr("Recent tasks"))
        self.tabs.addTab(self.files, self.tr("Files"))
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(scroll)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 2)
        split.setSizes([380, 620])  # until the user moves it (remember_splitter)
        self.body.addWidget(toolbar)
        self.body.addWidget(split, 1)
        self.remember_splitter("node_view", split)

        self.watch(NodeQuery(pool_id, node_id), self._on_nodes)
        self._update_actions()

    # --- what the view offers the main window ------------------------------------

    def reload(self) -> None:
        self.load(lambda: self.services.operations.get_node(self.pool_id, self.node_id), self._show_details)

    def refresh(self) -> None:
        super().refresh()
        if self.files.isVisible():
            self.files.refresh()

    def find(self) -> None:
        self.tabs.setCurrentWidget(self.files)
        self.files.find()

    def toggle_follow(self) -> None:
        self.files.toggle_follow()

    # --- actions -----------------------------------------------------------------

    def request_reboot(self) -> None:
        if self.reboot_action.isEnabled():
            text = self.tr("Reboot node {node}? Tasks running on it are requeued.").format(node=self.node_id)
            self.confirm_action(self.tr("Reboot node"), text, self.tr("Reboot"),
                                lambda: self.services.operations.reboot_nodes(self.pool_id, [self.node_id]))

    def request_remove(self) -> None:
        if self.remove_action.isEnabled():
            text = self.tr("Remove node {node} from pool {pool}? Tasks running on it are requeued.").format(
                node=self.node_id, pool=self.pool_id)
            self.confirm_action(self.tr("Remove node"), text, self.tr("Remove"),
                                lambda: self.services.operations.remove_nodes(self.pool_id, [self.node_id]))

    # --- updates -----------------------------------------------------------------

    def _on_nodes(self, update: Update) -> None:
        node = update.items.get(self.node_id)
        self.note_missing(self.tr("node {node}").format(node=self.node_id),
                          update.missing or (None if node else "NodeNotFound"))
        previous, self.node = self.node, node
        if node is not None and previous is not None and node != previous and self.is_live():
            self.reload()
        self._update_actions()
        self.updated.emit()

    def _on_metrics(self, _key: NodeKey, reader: NodeMetricsReader) -> None:
        if reader.error:
            self.metrics.set_status(self.tr("The node's figures could not be read: {}").format(reader.error))
        elif reader.missing:
            self.metrics.set_status(self.tr(
                "No figures from this node yet. A node writes its first within seconds of starting if its pool "
                "runs the node sampler: tick \u201cCollect node metrics\u201d when you create a pool, or add the "
                "sampler's start task to it (README, \u201cNode metrics\u201d)."))
        else:
            self.metrics.set_status("")
        self.metrics.set_samples(reader.samples)
        self.metricsUpdated.emit()

    def _show_details(self, details: NodeDetails) -> None:
        self.properties.set_rows(node_rows(details))
        self.recent.setRowCount(len(details.recent_tasks))
        for row, task in enumerate(details.recent_tasks):
            for column, text in enumerate(recent_task_cells(task)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (task.job_id, task.task_id))
                self.recent.setItem(row, column, item)
        self.recent_columns.fit_to_contents()

    def _open_recent(self, row: int, column: int) -> None:
        job_id, task_id = self.recent.item(row, column).data(Qt.ItemDataRole.UserRole)
        if job_id and task_id:
            self.navigator.open_task(job_id, task_id)

    def _update_actions(self) -> None:
        node = self.node
        alive = node is not None and not self.gone
        self.reboot_action.setEnabled(alive and node.state not in NODE_TRANSITIONAL)
        self.remove_action.setEnabled(alive and node.state != "leavingpool")
