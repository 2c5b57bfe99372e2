"""The navigator: connection profiles, then the pools and jobs of the current one, live.

Pools and jobs come from the monitor's PoolsQuery and JobsQuery (the pool and job
views share those polls). A click opens a pool or job; a profile is switched to by
double-click or Enter, as that reconnects. Right-click offers each item's actions;
they are carried out by the view of that item (`actionRequested`), so their
confirmations and errors show where the rest of that item is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QPoint, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from explorer.client.watching.monitor import Monitor, Update
from explorer.client.watching.queries import JobsQuery, PoolsQuery
from explorer.client.watching.snapshots import JobSnapshot, PoolSnapshot
from explorer.ui.views.base_view import LiveQueries
from explorer.ui.widgets.accessible import name_it

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1

# kind -> (label, action) entries of an item's context menu, after "Open".
ITEM_ACTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "pool": ((QT_TR_NOOP("Resize…"), "resize"), (QT_TR_NOOP("Delete pool…"), "delete")),
    "job": ((QT_TR_NOOP("Terminate job…"), "terminate"), (QT_TR_NOOP("Delete job…"), "delete")),
}


def pool_summary(pool: PoolSnapshot) -> str:
    current = pool.current_dedicated_nodes + pool.current_low_priority_nodes
    target = pool.target_dedicated_nodes + pool.target_low_priority_nodes
    nodes = f"{current} nodes" if current == target else f"{current} → {target} nodes"
    state = pool.state if pool.state not in (None, "active") else pool.allocation_state
    return f"{nodes}, {state}" if state and state != "steady" else nodes


class NavigatorPanel(QWidget):
    """Signals: `profileActivated(name)`, `poolActivated(id)`, `jobActivated(id)`,
    `actionRequested(kind, id, action)` from a context menu, `updated()` after a poll is shown."""

    profileActivated = Signal(str)
    poolActivated = Signal(str)
    jobActivated = Signal(str)
    actionRequested = Signal(str, str, str)
    updated = Signal()

    def __init__(
        self, monitor: Monitor, profile_names: list[str], current_profile: str, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        name_it(self.tree, self.tr("Navigator"),
                self.tr("Connection profiles, then the pools and jobs of the current one; Enter opens the item"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_menu)
        self.tree.itemClicked.connect(self._on_clicked)
        self.tree.itemActivated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)

        self._profiles = self._group(self.tr("Connection profiles"))
        self.set_profiles(profile_names, current_profile)
        self._pools = self._group(self.tr("Pools"))
        self.pools_known = False
        """The pools have been listed once (so `ids("pool")` being empty means there are none)."""
        self._jobs = self._group(self.tr("Jobs"))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self._live = LiveQueries(monitor)
        self._live.watch(PoolsQuery(), self._on_pools)
        self._live.watch(JobsQuery(), self._on_jobs)

    def set_profiles(self, profile_names: list[str], current_profile: str) -> None:
        """The profiles listed (again: the accounts dialog added, renamed or removed one)."""
        self._profiles.takeChildren()
        for name in profile_names:
            item = self._item(self._profiles, "profile", name, name)
            if name == current_profile:
                font = QFont(item.font(0))
                font.setBold(True)
                item.setFont(0, font)
                item.setText(1, self.tr("current"))
        self.tree.resizeColumnToContents(0)

    # --- queries -----------------------------------------------------------------

    def item(self, kind: str, item_id: str) -> QTreeWidgetItem | None:
        group = {"profile": self._profiles, "pool": self._pools, "job": self._jobs}[kind]
        for row in range(group.childCount()):
            if group.child(row).data(0, ID_ROLE) == item_id:
                return group.child(row)
        return None

    def ids(self, kind: str) -> list[str]:
        group = {"profile": self._profiles, "pool": self._pools, "job": self._jobs}[kind]
        return [group.child(row).data(0, ID_ROLE) for row in range(group.childCount())]

    def select(self, kind: str, item_id: str) -> None:
        """Show which pool or job the current view is about (without opening anything)."""
        item = self.item(kind, item_id) if kind in ("pool", "job") else None
        if item is not None:
            self.tree.setCurrentItem(item)
        else:
            self.tree.clearSelection()

    # --- Qt ----------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._live.resume()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._live.pause()

    # --- updates -----------------------------------------------------------------

    def _on_pools(self, update: Update) -> None:
        self.pools_known = True
        self._sync(self._pools, "pool", update.items, lambda pool: (pool_summary(pool), pool.vm_size or ""))

    def _on_jobs(self, update: Update) -> None:
        self._sync(self._jobs, "job", update.items, lambda job: (job.state or "", f"pool {job.pool_id}"))

    def _sync(
        self, group: QTreeWidgetItem, kind: str, items: Mapping[str, PoolSnapshot | JobSnapshot],
        describe: Callable[[Any], tuple[str, str]],
    ) -> None:
        """Make `group`'s children the ids of `items`, sorted, keeping the items that stay;
        `describe` gives an item's status text and tooltip."""
        existing = {group.child(row).data(0, ID_ROLE): group.child(row) for row in range(group.childCount())}
        for item_id, child in existing.items():
            if item_id not in items:
                group.removeChild(child)
        for item_id, snapshot in items.items():
            child = existing.get(item_id) or self._item(group, kind, item_id, item_id)
            status, tip = describe(snapshot)
            child.setText(1, status)
            child.setToolTip(0, tip)
        group.sortChildren(0, Qt.SortOrder.AscendingOrder)
        group.setText(1, str(len(items)))
        self.updated.emit()

    def _group(self, title: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.tree, [title])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return group

    @staticmethod
    def _item(group: QTreeWidgetItem, kind: str, item_id: str, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(group, [text])
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, ID_ROLE, item_id)
        return item

    def _on_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        kind, item_id = item.data(0, KIND_ROLE), item.data(0, ID_ROLE)
        if kind == "pool":
            self.poolActivated.emit(item_id)
        elif kind == "job":
            self.jobActivated.emit(item_id)

    def _on_activated(self, item: QTreeWidgetItem, column: int) -> None:
        if item.data(0, KIND_ROLE) == "profile":
            self.profileActivated.emit(item.data(0, ID_ROLE))
        else:
            self._on_clicked(item, column)

    def _show_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        kind = item.data(0, KIND_ROLE) if item is not None else None
        if kind is None:
            return
        item_id = item.data(0, ID_ROLE)
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if kind == "profile":
            menu.addAction(self.tr("Connect"), lambda: self.profileActivated.emit(item_id))
        else:
            menu.addAction(self.tr("Open"), lambda: self._on_clicked(item, 0))
            for label, action in ITEM_ACTIONS[kind]:
                menu.addAction(self.tr(label), lambda a=action: self.actionRequested.emit(kind, item_id, a))
        menu.popup(self.tree.viewport().mapToGlobal(pos))
