"""One pool: its properties, node counts by state, the node heatmap and the node table.

The heatmap is fed diffs (`update_states`) while the node set and slot use stay the
same, which keeps a poll of a 10,000-node pool to a re-render of one image. The
legend's state filter also filters the node table, so "select every unusable node and
remove it" is: click the legend entry, Ctrl+A in the table, Remove.

The heatmap can colour the nodes by CPU or memory use instead (the node sampler's figures):
then, and only then, every node's figures are read while the view is shown (`NodeMetricsWatch`,
a HEAD and at most one GET per node every `HEATMAP_METRICS_SECONDS`).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from datetime import datetime, timezone

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from explorer.client.acting.details import PoolDetails
from explorer.client.watching.history import PoolHistory
from explorer.client.watching.monitor import Diff, Update
from explorer.client.watching.node_metrics import NodeKey, NodeMetricsReader
from explorer.client.watching.queries import PoolNodesQuery, PoolsQuery
from explorer.client.watching.snapshots import NodeSnapshot, PoolSnapshot
from explorer.ui.dialogs.resize_pool import ResizePoolDialog
from explorer.ui.formatting import pool_rows
from explorer.ui.models.node_table_model import NodeTableModel, describe_node_counts
from explorer.ui.models.snapshot_table import SnapshotFilterProxy
from explorer.ui.services import Navigator, ViewServices
from explorer.ui.views.base_view import BaseView
from explorer.ui.views.history_tab import HistoryTab, node_entries
from explorer.ui.views.properties_panel import PropertiesPanel
from explorer.ui.views.snapshot_table_view import SnapshotTableView
from explorer.ui.widgets.accessible import name_it
from explorer.ui.widgets.node_heatmap import NodeHeatmap
from explorer.ui.widgets.table_columns import TableColumns

HEATMAP_METRICS_SECONDS = 15.0
TABLE_ROWS_PER_TURN = 500
"""Rows the node table takes in one turn of the event loop (so a first load of 10,000 does not stall it)."""
COLOR_MODES = (("state", QT_TRANSLATE_NOOP("PoolView", "Colour by state")),
               ("cpu", QT_TRANSLATE_NOOP("PoolView", "Colour by CPU use")),
               ("memory", QT_TRANSLATE_NOOP("PoolView", "Colour by memory use")))


class PoolView(BaseView):
    """`updated()` after the view showed a new poll (of the pool or of its nodes)."""

    updated = Signal()
    metricsUpdated = Signal()
    """After a read of a node's figures (while the heatmap is coloured by them)."""

    def __init__(self, services: ViewServices, navigator: Navigator, pool_id: str, parent: QWidget | None = None):
        super().__init__(services, navigator, parent)
        self.pool_id = pool_id
        self.title = self.tr("Pool {pool}").format(pool=pool_id)
        self._pool: PoolSnapshot | None = None
        self._nodes: dict[str, NodeSnapshot] = {}
        self._heatmap_slots: int | None = None
        self._shown: tuple | None = None
        """What the properties panel shows of the pool's state and counts (`_pool_key`)."""
        self._details_asked_at: datetime | None = None
        self._pool_polled_at: datetime | None = None

        self.resize_action = self.make_action(self.tr("Resize…"), self.tr("Change the number of nodes"), self.request_resize)
        self.stop_resize_action = self.make_action(self.tr("Stop resize"), self.tr("Stop the resize under way"), self.stop_resize)
        self.delete_action = self.make_action(self.tr("Delete pool…"), self.tr("Delete the pool and its nodes"), self.request_delete)
        self.open_node_action = self.make_action(self.tr("Open node"), self.tr("Show the selected node"), self._open_selected_node)
        self.reboot_action = self.make_action(self.tr("Reboot nodes…"), self.tr("Reboot the selected nodes"), self.request_reboot)
        self.remove_action = self.make_action(self.tr("Remove nodes…"), self.tr("Remove the selected nodes"), self.request_remove)
        toolbar = QToolBar(self)
        toolbar.addActions([self.resize_action, self.stop_resize_action, self.delete_action])
        toolbar.addSeparator()
        toolbar.addActions([self.reboot_action, self.remove_action])

        self.properties = PropertiesPanel()
        scroll = QScrollArea(self)
        scroll.setWidget(self.properties)
        scroll.setWidgetResizable(True)
        self.summary = QLabel(self.tr("Loading nodes…"), self)
        self.heatmap = NodeHeatmap(self)
        name_it(self.heatmap, self.tr("Nodes of pool %1 by state").replace("%1", pool_id),
                self.tr("One tile per node; the arrow keys walk the nodes, each said in words, Enter opens one"))
        self.heatmap.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.heatmap.customContextMenuRequested.connect(self._heatmap_menu)
        self.heatmap.nodeActivated.connect(lambda node_id: navigator.open_node(pool_id, node_id))
        heatmap_box = QWidget(self)
        heatmap_layout = QVBoxLayout(heatmap_box)
        heatmap_layout.setContentsMargins(0, 0, 0, 0)
        heatmap_top = QHBoxLayout()
        heatmap_top.addWidget(self.summary, 1)
        heatmap_top.addWidget(self._make_color_mode_combo())
        heatmap_layout.addLayout(heatmap_top)
        heatmap_layout.addWidget(self.heatmap, 1)

        self.node_model = NodeTableModel(self)
        self._table_filled = False
        """Whether the table shows every node of the last update (then it takes the monitor's diffs)."""
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_table)
        self.node_proxy = SnapshotFilterProxy(self.node_model, self)
        self.heatmap.filterChanged.connect(self.node_proxy.set_states)
        self.node_filter = QLineEdit(self)
        name_it(self.node_filter, self.tr("Filter nodes"), self.tr("Shows only the nodes whose id, IP address or error contains this text"))
        self.node_filter.setPlaceholderText(self.tr("Filter nodes by id, IP address or error (Ctrl+F)"))
        self.node_filter.setClearButtonEnabled(True)
        self.node_filter.textChanged.connect(self.node_proxy.set_text)
        self.table = SnapshotTableView(self.node_proxy, self)
        name_it(self.table, self.tr("Nodes of pool %1").replace("%1", pool_id),
                self.tr("One row per node; Enter opens it, the context menu acts on the selected nodes"))
        TableColumns(self.table, "pool_view/nodes", services.settings)
        self.table.context_actions = [self.open_node_action, self.reboot_action, self.remove_action]
        self.table.snapshotActivated.connect(lambda node: navigator.open_node(pool_id, node.id))
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.node_filter)
        table_layout.addWidget(self.table, 1)

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(scroll)
        top.addWidget(heatmap_box)
        top.setStretchFactor(1, 2)
        top.setSizes([340, 660])  # until the user moves it (remember_splitter)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(table_box)
        split.setStretchFactor(0, 2)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(split, self.tr("Nodes"))
        self._add_history_tab()
        self.body.addWidget(toolbar)
        self.body.addWidget(self.tabs, 1)
        self.remember_splitter("pool_view/top", top)
        self.remember_splitter("pool_view/main", split)

        self.watch(PoolsQuery(), self._on_pools)
        self.watch(PoolNodesQuery(pool_id), self._on_nodes)
        self._update_actions()

    def _add_history_tab(self) -> None:
        """Nodes by state over time, recorded while the view is shown (`history_tab`)."""
        self.history = PoolHistory(self.services.monitor, self.pool_id)
        self.history_tab = HistoryTab(self, self.history, node_entries(), self.tr("nodes"),
                                      f"pool-{self.pool_id}-history")
        self.tabs.addTab(self.history_tab, self.tr("History"))

    # --- what the view offers the main window ------------------------------------

    def reload(self) -> None:
        self._details_asked_at = datetime.now(timezone.utc)
        self.load(lambda: self.services.operations.get_pool(self.pool_id), self._show_details)

    def _show_details(self, details: PoolDetails) -> None:
        self._shown = _pool_key(details)
        self.properties.set_rows(pool_rows(details))
        self._reload_if_behind()

    def _reload_if_behind(self) -> None:
        """Read the details again if a poll sent after they were asked for says the pool moved on
        (a pool just created: the panel said "resizing, 0 of 4" until the next change, if any)."""
        pool, asked = self._pool, self._details_asked_at
        if (self.is_live() and pool is not None and asked is not None and self._pool_polled_at is not None
                and self._pool_polled_at > asked and self._shown != _pool_key(pool)):
            self.reload()

    def find(self) -> None:
        self.node_filter.setFocus()
        self.node_filter.selectAll()

    def selected_node_ids(self) -> list[str]:
        return [node.id for node in self.table.selected_snapshots()]

    def select_nodes(self, node_ids: list[str]) -> None:
        self.table.select_ids(node_ids)

    # --- actions -----------------------------------------------------------------

    def request_resize(self) -> None:
        if not self.resize_action.isEnabled() or self._pool is None:
            return
        pool = self._pool
        dialog = ResizePoolDialog(
            self.pool_id, pool.target_dedicated_nodes, pool.target_low_priority_nodes,
            lambda dedicated, spot: self.act(
                "action", lambda: self.services.operations.resize_pool(self.pool_id, dedicated, spot)),
            self,
        )
        dialog.open()

    def stop_resize(self) -> None:
        if self.stop_resize_action.isEnabled():
            self.act("action", lambda: self.services.operations.stop_resize(self.pool_id))

    def request_delete(self) -> None:
        if not self.delete_action.isEnabled():
            return
        count = len(self._nodes)
        text = (self.tr("Delete pool {pool} and its node? Tasks running on it are stopped. This cannot be undone.")
                if count == 1 else
                self.tr("Delete pool {pool} and its {count} nodes? Tasks running on them are stopped. "
                        "This cannot be undone.")).format(pool=self.pool_id, count=count)
        self.confirm_action(self.tr("Delete pool"), text, self.tr("Delete pool"),
                            lambda: self.services.operations.delete_pool(self.pool_id))

    def request_reboot(self) -> None:
        ids = self.selected_node_ids()
        if self.reboot_action.isEnabled() and ids:
            text = (self.tr("Reboot node {node}? Tasks running on them are requeued.") if len(ids) == 1
                    else self.tr("Reboot {count} nodes? Tasks running on them are requeued.")
                    ).format(node=ids[0], count=len(ids))
            self.confirm_action(self.tr("Reboot nodes"), text, self.tr("Reboot"),
                                lambda: self.services.operations.reboot_nodes(self.pool_id, ids))

    def request_remove(self) -> None:
        ids = self.selected_node_ids()
        if self.remove_action.isEnabled() and ids:
            if len(ids) == 1:
                text = self.tr("Remove node {node} from pool {pool}? Tasks running on them are requeued.")
            else:
                text = self.tr("Remove {count} nodes from pool {pool}? Tasks running on them are requeued.")
            text = text.format(node=ids[0], pool=self.pool_id, count=len(ids))
            self.confirm_action(self.tr("Remove nodes"), text, self.tr("Remove"),
                                lambda: self.services.operations.remove_nodes(self.pool_id, ids))

    # --- monitor updates ---------------------------------------------------------

    def _on_pools(self, update: Update) -> None:
        pool = update.items.get(self.pool_id)
        if pool is None or pool == self._pool:
            return  # absence is judged by the nodes query, which asks for this pool itself
        self._pool, self._pool_polled_at = pool, update.polled_at
        if self._nodes and self._heatmap_slots != self._slots_per_node():
            self._show_all_nodes()
        self._update_actions()
        if not self.owner.running("details"):
            self._reload_if_behind()  # the pool moved on (resize, state): its details did too
        self.mark_ready()
        self.updated.emit()

    def _on_nodes(self, update: Update) -> None:
        self.note_missing(self.tr("pool {pool}").format(pool=self.pool_id), update.missing)
        if self.gone:
            self._update_actions()
            return
        previous = self._nodes
        self._nodes = dict(update.items)
        pool = self._pool
        if pool is not None and pool.allocation_state == "resizing" and len(previous) != len(self._nodes):
            self.services.monitor.refresh(PoolsQuery())  # nodes came or went: the pool's counts did too
        diff = update.diff  # worked out off the UI thread; against the previous update, which this view showed
        self._update_heatmap(previous, diff)
        if self._table_filled:
            self.node_model.apply(self._nodes, diff)  # 10,000 rows cost what changed
        else:
            self._fill_table()
        if diff.added or diff.removed:
            self._watch_node_metrics()
        self.summary.setText(describe_node_counts(self.heatmap.state_counts()))
        self._update_actions()
        self.updated.emit()

    def _fill_table(self) -> None:
        """Show the nodes in the table, at most `TABLE_ROWS_PER_TURN` new rows per turn of the event loop.

        A pool's first 10,000 rows at once stalled the window for a quarter of a second (the proxy
        filters every row, the view lays them out); the heatmap shows every node from the start.
        """
        nodes = self._nodes
        end = self.node_model.rowCount() + TABLE_ROWS_PER_TURN
        self.node_model.set_items(nodes if len(nodes) <= end else dict(itertools.islice(nodes.items(), end)))
        self._table_filled = len(nodes) <= end
        if not self._table_filled:
            self._fill_timer.start()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._fill_timer.stop()  # shown again, the watch's first update takes the filling up again

    def _update_heatmap(self, previous: Mapping[str, NodeSnapshot], diff: Diff) -> None:
        def shading(node: NodeSnapshot) -> tuple[int, bool]:
            return node.running_task_slots, node.dedicated

        if (self._heatmap_slots is None or diff.added or diff.removed
                or any(k not in previous or shading(previous[k]) != shading(self._nodes[k]) for k in diff.changed)):
            self._show_all_nodes()
            return
        nodes = self._nodes
        moved = {k: nodes[k].state or "unknown" for k in diff.changed if previous[k].state != nodes[k].state}
        if moved:
            self.heatmap.update_states(moved)

    def _show_all_nodes(self) -> None:
        nodes = list(self._nodes.values())
        slots = self._slots_per_node()
        self.heatmap.set_nodes(
            [n.id for n in nodes], [n.state or "unknown" for n in nodes], [not n.dedicated for n in nodes],
            [n.running_task_slots for n in nodes], [slots] * len(nodes), ips=[n.ip_address or "—" for n in nodes],
        )
        self._heatmap_slots = slots

    def _slots_per_node(self) -> int:
        return (self._pool.task_slots_per_node if self._pool else None) or 1

    # --- the heatmap by CPU or memory ------------------------------------------------

    def _make_color_mode_combo(self) -> QComboBox:
        self.color_mode_combo = QComboBox(self)
        for mode, label in COLOR_MODES:
            self.color_mode_combo.addItem(self.tr(label), mode)
        name_it(self.color_mode_combo, self.tr("Colour the nodes by"),
                self.tr("State, or CPU or memory use from the node sampler's figures"))
        self.color_mode_combo.currentIndexChanged.connect(lambda _i: self.set_color_mode(self.color_mode_combo.currentData()))
        self.metrics_watch = self.services.monitor.node_metrics_watch(self._on_node_metrics, HEATMAP_METRICS_SECONDS)
        self.keep_live(self.metrics_watch)  # polls nothing while the heatmap is coloured by state
        return self.color_mode_combo

    def set_color_mode(self, mode: str) -> None:
        self.color_mode_combo.setCurrentIndex(self.color_mode_combo.findData(mode))
        self.heatmap.set_color_mode(mode)
        by = {"state": self.tr("state"), "cpu": self.tr("CPU use"), "memory": self.tr("memory use")}[mode]
        self.heatmap.setAccessibleName(self.tr("Nodes of pool %1 by %2").replace("%1", self.pool_id).replace("%2", by))
        self._watch_node_metrics()
        self._show_node_metrics()

    def _watch_node_metrics(self) -> None:
        by_figures = self.heatmap.color_mode() != "state"
        self.metrics_watch.set_nodes([(self.pool_id, node_id) for node_id in self._nodes] if by_figures else [])

    def _on_node_metrics(self, key: NodeKey, reader: NodeMetricsReader) -> None:
        """One node's figures were read: its tile alone is drawn again."""
        mode = self.heatmap.color_mode()
        if mode != "state":
            self.heatmap.set_value(key[1], _figure(reader, mode))
        self.metricsUpdated.emit()

    def _show_node_metrics(self) -> None:
        mode = self.heatmap.color_mode()
        if mode == "state":
            return
        self.heatmap.set_values({node_id: _figure(reader, mode)
                                 for (_pool, node_id), reader in self.metrics_watch.readers.items()})

    # --- helpers -----------------------------------------------------------------

    def _update_actions(self) -> None:
        pool = self._pool
        alive = pool is not None and not self.gone and pool.state != "deleting"
        steady = alive and pool.allocation_state == "steady"
        selected = alive and self.table.selectionModel().hasSelection()
        self.resize_action.setEnabled(steady)
        self.stop_resize_action.setEnabled(alive and pool.allocation_state == "resizing")
        self.delete_action.setEnabled(alive)
        self.open_node_action.setEnabled(len(self.table.selectionModel().selectedRows()) == 1)
        self.reboot_action.setEnabled(selected)
        self.remove_action.setEnabled(selected and steady)

    def _open_selected_node(self) -> None:
        ids = self.selected_node_ids()
        if len(ids) == 1:
            self.navigator.open_node(self.pool_id, ids[0])

    def _heatmap_menu(self, pos: QPoint) -> None:
        node_id = self.heatmap.node_at(pos)
        if node_id is None:
            return
        self.select_nodes([node_id])
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Open node {node}").format(node=node_id),
                       lambda: self.navigator.open_node(self.pool_id, node_id))
        if self.selected_node_ids() == [node_id]:  # the table's filter may hide it
            menu.addActions([self.reboot_action, self.remove_action])
        menu.popup(self.heatmap.mapToGlobal(pos))


def _figure(reader: NodeMetricsReader, mode: str) -> float | None:
    """The node's latest CPU or memory use (%), None before its first figures."""
    latest = reader.latest()
    return None if latest is None else (latest.cpu if mode == "cpu" else latest.mem_percent)


def _pool_key(pool: PoolSnapshot | PoolDetails) -> tuple:
    """What a pool snapshot and its details both say about its state and node counts."""
    return (pool.state, pool.allocation_state, pool.current_dedicated_nodes, pool.current_low_priority_nodes,
            pool.target_dedicated_nodes, pool.target_low_priority_nodes)
