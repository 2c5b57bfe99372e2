"""The navigator: connection profiles, then the pools and jobs of the current one, live.

Pools and jobs come from the monitor's PoolsQuery and JobsQuery (the pool and job
views share those polls). The panel exists before the connection: until `attach(monitor)`
and the first listing, each group says "connecting…" instead of a count it has not read.
A click opens a pool or job; a profile is switched to by double-click or Enter, as that
reconnects. Right-click offers each item's actions; they are carried out by the view of
that item (`actionRequested`), so their confirmations and errors show where the rest of
that item is shown.

Following changes made elsewhere (the portal, `az batch`, a script): the monitor lists
pools and jobs every 10 s when nothing moves. While the window is the active one (the
user looks at it) the panel asks for both lists every `ACTIVE_INTERVAL` seconds, and at
once when the window becomes active again (the user comes back from the other tool);
a job on a pool it does not know asks for the pools at once. The cost: two `$select`ed
list requests of one page each per interval while the window is active, about 0.7
requests a second, nothing more when it is in the background; lists longer than a page
(`ACTIVE_REFRESH_LIMIT`) keep the monitor's own pace, which accounts for their cost.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from explorer.ui.translation import state_text
from explorer.ui.widgets.accessible import name_it

if TYPE_CHECKING:
    # Imported once attached (the Azure SDK under them): the window paints before them.
    from explorer.client.watching.monitor import Monitor, Update
    from explorer.client.watching.snapshots import JobSnapshot, PoolSnapshot
    from explorer.ui.views.base_view import LiveQueries

ACTIVE_INTERVAL = 3.0
"""Seconds between listings of pools and jobs while the window is the active one."""
ACTIVE_REFRESH_LIMIT = 1000
"""Items (Batch's page size) beyond which a list is not asked for more often than the monitor polls it."""

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1

# kind -> (label, action) entries of an item's context menu, after "Open".
ITEM_ACTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "pool": ((QT_TRANSLATE_NOOP("NavigatorPanel", "Resize…"), "resize"),
             (QT_TRANSLATE_NOOP("NavigatorPanel", "Delete pool…"), "delete")),
    "job": ((QT_TRANSLATE_NOOP("NavigatorPanel", "Terminate job…"), "terminate"),
            (QT_TRANSLATE_NOOP("NavigatorPanel", "Delete job…"), "delete")),
}


def pool_summary(pool: PoolSnapshot) -> str:
    current = pool.current_dedicated_nodes + pool.current_low_priority_nodes
    target = pool.target_dedicated_nodes + pool.target_low_priority_nodes
    if current != target:
        nodes = NavigatorPanel.tr("{current} → {target} nodes").format(current=current, target=target)
    elif current == 1:
        nodes = NavigatorPanel.tr("1 node")
    else:
        nodes = NavigatorPanel.tr("{current} nodes").format(current=current)
    state = pool.state if pool.state not in (None, "active") else pool.allocation_state
    if not state or state == "steady":
        return nodes
    return NavigatorPanel.tr("{nodes}, {state}").format(nodes=nodes, state=state_text(state))


class NavigatorPanel(QWidget):
    """Signals: `profileActivated(name)`, `poolActivated(id)`, `jobActivated(id)`,
    `actionRequested(kind, id, action)` from a context menu, `updated()` after a poll is shown."""

    profileActivated = Signal(str)
    poolActivated = Signal(str)
    jobActivated = Signal(str)
    actionRequested = Signal(str, str, str)
    updated = Signal()

    def __init__(
        self, monitor: Monitor | None, profile_names: list[str], current_profile: str, parent: QWidget | None = None,
    ) -> None:
        """Without `monitor`, the connection is being made: `attach` it then."""
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
        self.jobs_known = False
        self.connecting()
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self._live: LiveQueries | None = None
        self._monitor: Monitor | None = None
        self._active_timer = QTimer(self)
        self._active_timer.setInterval(int(ACTIVE_INTERVAL * 1000))
        self._active_timer.timeout.connect(self._refresh_lists)
        self._refreshed_at = float("-inf")
        if monitor is not None:
            self.attach(monitor)

    def attach(self, monitor: Monitor) -> None:
        """The connection is made: list its pools and jobs (while the panel shows)."""
        from explorer.client.watching.queries import JobsQuery, PoolsQuery
        from explorer.ui.views.base_view import LiveQueries

        self._monitor = monitor
        self._live = LiveQueries(monitor)
        self._live.watch(PoolsQuery(), self._on_pools)
        self._live.watch(JobsQuery(), self._on_jobs)
        if self.isVisible():
            self._live.resume()

    def detach(self) -> None:
        """The connection goes (a switch of profile): stop listing, and forget what it listed."""
        if self._live is not None:
            self._live.pause()
        self._live = self._monitor = None
        self._active_timer.stop()
        for group in (self._pools, self._jobs):
            group.takeChildren()
        self.pools_known = self.jobs_known = False

    def connecting(self) -> None:
        """Until the first listing: no count that has not been read."""
        for group, known in ((self._pools, self.pools_known), (self._jobs, self.jobs_known)):
            if not known:
                group.setText(1, self.tr("connecting…"))

    def not_connected(self) -> None:
        """The connection could not be made: no count to show."""
        for group in (self._pools, self._jobs):
            group.setText(1, self.tr("not connected"))

    def set_window_active(self, active: bool) -> None:
        """The window became the active one (list now, then every ACTIVE_INTERVAL) or went to the background."""
        if not (active and self.isVisible()):
            self._active_timer.stop()
            return
        if not self._active_timer.isActive():
            self._active_timer.start()
            if time.monotonic() - self._refreshed_at >= ACTIVE_INTERVAL:
                self._refresh_lists()

    def refresh(self, kind: str) -> None:
        """List the pools ("pool") or the jobs ("job") now: one is known to exist that is not listed yet."""
        if self._monitor is not None and self._live is not None and self._live.active:
            from explorer.client.watching.queries import JobsQuery, PoolsQuery

            self._monitor.refresh(PoolsQuery() if kind == "pool" else JobsQuery())

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

    def count_text(self, kind: str) -> str:
        """What the "Pools" ("pool") or "Jobs" ("job") row says beside its title: a count, or "connecting…"."""
        return {"pool": self._pools, "job": self._jobs}[kind].text(1)

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
        if self._live is not None:
            self._live.resume()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._active_timer.stop()
        if self._live is not None:
            self._live.pause()

    # --- updates -----------------------------------------------------------------

    def _refresh_lists(self) -> None:
        self._refreshed_at = time.monotonic()
        for kind in ("pool", "job"):
            if len(self.ids(kind)) < ACTIVE_REFRESH_LIMIT:
                self.refresh(kind)

    def _on_pools(self, update: Update) -> None:
        self.pools_known = True
        self._sync(self._pools, "pool", update.items, lambda pool: (pool_summary(pool), pool.vm_size or ""))

    def _on_jobs(self, update: Update) -> None:
        self.jobs_known = True
        self._sync(self._jobs, "job", update.items,
                   lambda job: (state_text(job.state, ""), self.tr("pool {pool}").format(pool=job.pool_id)))
        if self.pools_known and any(
            job.pool_id and self.item("pool", job.pool_id) is None for job in update.items.values()
        ):
            self.refresh("pool")  # a job on a pool made since the pools were listed

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
