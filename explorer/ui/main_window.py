"""The main window: the navigator beside the open views (tabs), menus, shortcuts, connection status.

It is the `Navigator` the views open each other through: asking for a view that is
open already brings its tab forward. Layout (geometry, toolbars, splitter) and the
view last looked at are kept in the settings and restored on start. Only the visible
tab polls anything; the others are hidden and unsubscribed (see views/base_view.py).

The window shows before its connection is made (a cold start paints at once): built
with the settings only, it says "Starting Local Batch…" or "Connecting to …" in the
main area, the status bar and the navigator, with the actions that need a connection
disabled (their tooltips say why), and `attach(services)` once connected: the views
become available and the view last looked at opens again. If the connection could not
be made, `connect_failed(reason)` says so in the same window and offers what to do.

Switching profile keeps the window (its geometry, splitter, menus): `detach()` closes the
views of the connection that goes and stops what listens to it (the views it had open are
remembered, and open again when that profile is attached again in this session),
`show_profile(name)` shows the next one connecting, and `attach` attaches its services.

With no view open, the main area welcomes: on the embedded Local Batch, while it has
no pool, with the first-run page (the demo, the task wizard, adding an Azure account);
otherwise with a line saying where to start.

Signals for the composition root: `profileRequested(name)` (the user picked another
connection profile), `newTaskRequested()`, `newPoolRequested()`,
`importTaskRequested(path)`, `sampleRequested(name)`, `demoRequested()`,
`addAccountRequested()` (the first-run page), `accountsRequested()` (Connection > Accounts…),
`retryRequested()` (besides the monitor's own retry), `reconnectRequested()` (connect
again after a failed connection), `runElsewhereRequested(job, task)` (the task shown, to run on
another account: `explorer.ui.dialogs.run_elsewhere`), and `closed()` once the window closed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from explorer.client.connecting.profiles import LOCAL_PROFILE_NAME
from explorer.ui.dialogs.about import AboutDialog, show_about
from explorer.ui.dialogs.file_dialogs import JSON_FILTER, ask_open_file
from explorer.ui.icons import themed_icon
from explorer.ui.navigator_panel import NavigatorPanel
from explorer.ui.notifications import TaskNotifications
from explorer.ui.settings import THEMES, Settings
from explorer.ui.status_bar import ConnectionStatusBar
from explorer.ui.task_owner import TaskOwner, owners_within
from explorer.ui.theme import apply_theme
from explorer.ui.widgets.connecting_page import ConnectingPage
from explorer.ui.widgets.first_run_page import FirstRunPage

if TYPE_CHECKING:
    # The views (and the monitor, the Azure SDK and aiohttp under them) are imported when the first one
    # opens, after the connection is made: the window paints before them (issue 16, cold start).
    from explorer.ui.services import ViewServices
    from explorer.ui.views.base_view import BaseView
    from explorer.ui.views.job_view import JobView
    from explorer.ui.views.node_view import NodeView
    from explorer.ui.views.pool_view import PoolView
    from explorer.ui.views.task_view import TaskView

WINDOW = "main"
KEY_FIELDS = {"pool": ("pool_id",), "node": ("pool_id", "node_id"), "job": ("job_id",), "task": ("job_id", "task_id")}
ITEM_REQUESTS: dict[tuple[str, str], str] = {
    ("pool", "resize"): "request_resize",
    ("pool", "delete"): "request_delete",
    ("job", "terminate"): "request_terminate",
    ("job", "delete"): "request_delete",
}
"""The view method a navigator action calls, by (kind, action)."""
FIELD_LABELS = {
    "pool_id": QT_TRANSLATE_NOOP("MainWindow", "pool {id}"), "node_id": QT_TRANSLATE_NOOP("MainWindow", "node {id}"),
    "job_id": QT_TRANSLATE_NOOP("MainWindow", "job {id}"), "task_id": QT_TRANSLATE_NOOP("MainWindow", "task {id}"),
}
THEME_LABELS = {
    "system": QT_TRANSLATE_NOOP("MainWindow", "&System"), "light": QT_TRANSLATE_NOOP("MainWindow", "&Light"),
    "dark": QT_TRANSLATE_NOOP("MainWindow", "&Dark"),
}

Key = tuple[str, ...]
V = TypeVar("V", bound="BaseView")


class MainWindow(QMainWindow):
    profileRequested = Signal(str)
    newTaskRequested = Signal()
    newPoolRequested = Signal()
    importTaskRequested = Signal(str)
    sampleRequested = Signal(str)  # the name of a bundled sample (explorer.client.local.samples)
    demoRequested = Signal()
    addAccountRequested = Signal()
    accountsRequested = Signal()
    retryRequested = Signal()
    reconnectRequested = Signal()
    runElsewhereRequested = Signal(str, str)
    closed = Signal()

    def __init__(
        self, services: ViewServices | Settings, profile_names: list[str], current_profile: str,
        parent: QWidget | None = None, *, local: bool = False,
    ) -> None:
        """`services`: the connection's, for a window connected at once; or only the settings, for a
        window shown while its connection is being made (`attach` the services then).
        `local`: the connection is the embedded Local Batch (it gets the first-run page)."""
        super().__init__(parent)
        self.settings = services if isinstance(services, Settings) else services.settings
        self.services: ViewServices | None = None
        """The connection's services, once attached."""
        self.current_profile = current_profile
        self._local = local
        self.setWindowTitle(self.tr("MPI Explorer — {profile}").format(profile=current_profile))
        self._views: dict[Key, BaseView] = {}
        self._open_before: dict[str, tuple[list[Key], Key | None]] = {}
        """By profile: the views open when its connection went (a switch), and the one shown."""
        self._switched = False
        self.task_notifications = TaskNotifications(self.settings, self._open_notified, parent=self)
        self._open_once_attached: Key | None = None
        """A task whose word was clicked while the window showed another profile (`_open_notified`)."""

        self.navigator_panel = NavigatorPanel(None, profile_names, current_profile, self)
        self.navigator_panel.poolActivated.connect(self.open_pool)
        self.navigator_panel.jobActivated.connect(self.open_job)
        self.navigator_panel.profileActivated.connect(self._request_profile)
        self.navigator_panel.actionRequested.connect(self._on_item_action)
        self.navigator_panel.updated.connect(self._update_welcome)
        self.tabs = QTabWidget(self)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_view)
        self.tabs.currentChanged.connect(self._on_current_changed)
        self.tabs.tabBar().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tabs.tabBar().customContextMenuRequested.connect(self._tab_menu)
        self.welcome = QLabel(self.tr("Choose a pool or a job on the left, or create one from the New menu."), self)
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.first_run_page = FirstRunPage(self)
        self.first_run_page.demoRequested.connect(self.demoRequested)
        self.first_run_page.taskWizardRequested.connect(self.newTaskRequested)
        self.first_run_page.addAccountRequested.connect(self.addAccountRequested)
        self.connecting_page = ConnectingPage(self)
        self.connecting_page.retryRequested.connect(self.reconnectRequested)
        self.connecting_page.localRequested.connect(lambda: self.profileRequested.emit(LOCAL_PROFILE_NAME))
        self.connecting_page.accountsRequested.connect(self.accountsRequested)
        self.content = QStackedWidget(self)
        self.content.addWidget(self.welcome)
        self.content.addWidget(self.first_run_page)
        self.content.addWidget(self.tabs)
        self.content.addWidget(self.connecting_page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.navigator_panel)
        self.splitter.addWidget(self.content)
        self.splitter.setStretchFactor(1, 4)
        self.setCentralWidget(self.splitter)
        self.status = ConnectionStatusBar(None, current_profile, self, local=local)
        self.status.retry_button.clicked.connect(self.retryRequested)
        self.setStatusBar(self.status)
        self._icons: dict[QAction, str] = {}
        self._build_menus(profile_names)
        self._build_toolbar()
        self._paint_icons()
        self._restore_layout()
        self._enable_connected_actions(False)
        self.show_connecting()
        if not isinstance(services, Settings):
            self.attach(services)

    # --- the connection ----------------------------------------------------------

    @property
    def attached(self) -> bool:
        return self.services is not None

    def attach(self, services: ViewServices) -> None:
        """The connection is made: list its pools and jobs, enable what needs it, reopen the last view."""
        self.services = services
        self._fill_samples_menu()
        self.task_notifications.attach(services.monitor, self.current_profile)
        self.navigator_panel.attach(services.monitor)
        self.status.attach(services.monitor)
        self._enable_connected_actions(True)
        self.content.setCurrentWidget(self.welcome)
        self._update_welcome()
        if self.current_profile in self._open_before:
            self._reopen(*self._open_before.pop(self.current_profile))
        elif not self._switched:
            self._restore_selection()  # the view last looked at, as the app starts (not after a switch)
        wanted, self._open_once_attached = self._open_once_attached, None
        if wanted is not None and wanted[0] == self.current_profile:
            self.open_task(*wanted[1:])

    def _open_notified(self, profile: str, job_id: str, task_id: str) -> None:
        """A word was clicked: open its task, after switching back to its profile if the window shows another."""
        if profile == self.current_profile and self.attached:
            self.open_task(job_id, task_id)
            return
        self._open_once_attached = (profile, job_id, task_id)
        if profile != self.current_profile:
            self.profileRequested.emit(profile)

    def detach(self) -> list[TaskOwner]:
        """The connection goes (a switch of profile): its views close (remembered, for when this profile
        is attached again), nothing here listens to it any more, what needs it is disabled.

        Returns the task owners of the closed views, cancelled: wind them up (`TaskOwner.wind_up`)
        before the connection is closed, so that no request of theirs is left in flight."""
        if self.services is None:
            return []
        self._open_before[self.current_profile] = (self.view_keys(), self.current_key())
        owners: list[TaskOwner] = []
        for index in reversed(range(self.tabs.count())):
            owners += owners_within(self.tabs.widget(index))
            self._remove_view(index)
        for owner in owners:
            owner.cancel_all()
        self.task_notifications.detach()
        self.navigator_panel.detach()
        self.status.stop()
        self.services = None
        self._enable_connected_actions(False)
        return owners

    def show_profile(self, name: str, *, local: bool = False) -> None:
        """The window is now for profile `name`, whose connection is being made (`attach` it then)."""
        self.current_profile, self._local, self._switched = name, local, True
        self.setWindowTitle(self.tr("MPI Explorer — {profile}").format(profile=name))
        self.status.connecting_to(name, local=local)
        self.set_profiles(list(self._profile_actions))
        self.show_connecting()

    def show_connecting(self) -> None:
        """The connection is being made (again, after "Try again")."""
        self.connecting_page.connecting(self.current_profile, local=self._local)
        self.content.setCurrentWidget(self.connecting_page)
        self.status.connecting(local=self._local)
        self.navigator_panel.connecting()

    def connect_failed(self, reason: str) -> None:
        """The connection could not be made: say why here, and offer another try (or Local Batch)."""
        self.connecting_page.failed(self.current_profile, reason, offer_local=not self._local)
        self.content.setCurrentWidget(self.connecting_page)
        self.status.connect_failed(reason)
        self.navigator_panel.not_connected()

    def _enable_connected_actions(self, enabled: bool) -> None:
        """What needs a connection waits for it; the tooltip says why it is disabled."""
        why = "" if enabled else self.tr("Available once connected to “{profile}”").format(profile=self.current_profile)
        for action in self._connected_actions:
            action.setEnabled(enabled)
            action.setToolTip(why)  # empty: Qt's default, the action's text

    # --- Navigator ---------------------------------------------------------------

    def open_pool(self, pool_id: str) -> PoolView:
        # Pool and task views draw with pyqtgraph and numpy (~0.4 s to import): paid by the first one, not at start.
        from explorer.ui.views.pool_view import PoolView

        return self._open(("pool", pool_id), lambda services: PoolView(services, self, pool_id))

    def open_node(self, pool_id: str, node_id: str) -> NodeView:
        from explorer.ui.views.node_view import NodeView

        return self._open(("node", pool_id, node_id), lambda services: NodeView(services, self, pool_id, node_id))

    def open_job(self, job_id: str) -> JobView:
        from explorer.ui.views.job_view import JobView

        return self._open(("job", job_id), lambda services: JobView(services, self, job_id))

    def open_task(self, job_id: str, task_id: str) -> TaskView:
        from explorer.ui.views.task_view import TaskView

        view = self._open(("task", job_id, task_id), lambda services: TaskView(services, self, job_id, task_id))
        self.task_notifications.follow(job_id, task_id)  # a word when it ends
        return view

    # --- the open views ----------------------------------------------------------

    def current_view(self) -> BaseView | None:
        return self.tabs.currentWidget()

    def current_key(self) -> Key | None:
        """("pool", id), ("node", pool, node), ("job", id) or ("task", job, task) of the view shown, if any."""
        view = self.current_view()
        return self._key_of(view) if view is not None and self.content.currentWidget() is self.tabs else None

    def view_keys(self) -> list[Key]:
        return [self._key_of(self.tabs.widget(i)) for i in range(self.tabs.count())]

    def close_view(self, index: int | None = None) -> None:
        index = self.tabs.currentIndex() if index is None else index
        if self.tabs.widget(index) is None:
            return
        self._remove_view(index)
        if self.tabs.count() == 0:
            self._update_welcome()
            self.settings.set_last_selection(None)

    def refresh(self) -> None:
        """Poll everything shown now, and reload the current view's details."""
        if self.services is None:
            return
        self.services.monitor.refresh()
        view = self.current_view()
        if view is not None:
            view.refresh()

    def find(self) -> None:
        view = self.current_view()
        if hasattr(view, "find"):
            view.find()

    def toggle_follow(self) -> None:
        view = self.current_view()
        if hasattr(view, "toggle_follow"):
            view.toggle_follow()

    # --- Qt ----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._paint_icons()  # the theme changed: icons in the new text colour
        elif event.type() == QEvent.Type.ActivationChange:
            self.navigator_panel.set_window_active(self.isActiveWindow())
        super().changeEvent(event)

    def closeEvent(self, event) -> None:
        settings = self.settings
        settings.set_geometry(WINDOW, self.saveGeometry())
        settings.set_window_state(WINDOW, self.saveState())
        settings.set_splitter_state("main_window", self.splitter.saveState())
        settings.sync()
        self.status.stop()
        for index in range(self.tabs.count()):
            self.tabs.widget(index).close()  # each view cancels its own tasks
        super().closeEvent(event)
        self.closed.emit()

    # --- internals ---------------------------------------------------------------

    def _remove_view(self, index: int) -> None:
        view = self.tabs.widget(index)
        del self._views[self._key_of(view)]
        self.tabs.removeTab(index)
        view.close()  # hides it: its subscriptions close
        view.deleteLater()

    def _open(self, key: Key, make: Callable[[ViewServices], V]) -> V:
        if self.services is None:
            raise RuntimeError("a view opens once the window is connected (attach)")
        view = self._views.get(key)
        if view is None:
            view = make(self.services)
            self._views[key] = view
            index = self.tabs.addTab(view, view.title)
            fields = zip(KEY_FIELDS[key[0]], key[1:], strict=True)
            self.tabs.setTabToolTip(index, ", ".join(self.tr(FIELD_LABELS[field]).format(id=value)
                                                     for field, value in fields))
            self._follow_unlisted(key)
        self.content.setCurrentWidget(self.tabs)
        self.tabs.setCurrentWidget(view)
        return view

    def _follow_unlisted(self, key: Key) -> None:
        """A view of a pool or job the navigator does not list yet (made elsewhere, or just now): list again."""
        kind = "pool" if key[0] in ("pool", "node") else "job"
        known = self.navigator_panel.pools_known if kind == "pool" else self.navigator_panel.jobs_known
        if known and self.navigator_panel.item(kind, key[1]) is None:
            self.navigator_panel.refresh(kind)

    def _update_welcome(self) -> None:
        """With no view open: the first-run page while Local Batch has no pool, else the line."""
        if self.tabs.count() or self.services is None:
            return
        first_run = self._local and self.navigator_panel.pools_known and not self.navigator_panel.ids("pool")
        self.content.setCurrentWidget(self.first_run_page if first_run else self.welcome)

    def _key_of(self, view: BaseView) -> Key:
        return next(key for key, open_view in self._views.items() if open_view is view)

    def _on_current_changed(self, index: int) -> None:
        view = self.tabs.widget(index)
        self.find_action.setEnabled(hasattr(view, "find"))
        self.follow_action.setEnabled(hasattr(view, "toggle_follow"))
        if view is None:
            return
        kind, *ids = self._key_of(view)
        self.settings.set_last_selection({"kind": kind, **dict(zip(KEY_FIELDS[kind], ids, strict=True))})
        # A node belongs to its pool, a task to its job: that is what the navigator lists.
        self.navigator_panel.select("pool" if kind in ("pool", "node") else "job", ids[0])

    def _restore_layout(self) -> None:
        settings = self.settings
        geometry = settings.geometry(WINDOW)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = settings.window_state(WINDOW)
        if state is not None:
            self.restoreState(state)
        splitter = settings.splitter_state("main_window")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([260, 1020])

    def _restore_selection(self) -> None:
        """The view last looked at, again (once connected)."""
        selection = self.settings.last_selection()
        kind = selection.get("kind") if selection else None
        fields = KEY_FIELDS.get(kind or "")
        if fields and all(isinstance(selection.get(f), str) for f in fields):
            self._open_key((kind, *(selection[f] for f in fields)))

    def _reopen(self, keys: list[Key], shown: Key | None) -> None:
        """The views open before a switch, again, the one shown then in front."""
        for key in [*(key for key in keys if key != shown), *([shown] if shown else [])]:
            self._open_key(key)

    def _open_key(self, key: Key) -> BaseView:
        kind, *ids = key
        openers = {"pool": self.open_pool, "node": self.open_node, "job": self.open_job, "task": self.open_task}
        return openers[kind](*ids)

    def _request_profile(self, name: str) -> None:
        if name != self.current_profile:
            self.profileRequested.emit(name)
        if self.current_profile in self._profile_actions:  # until the switch shows the new one (`show_profile`)
            self._profile_actions[self.current_profile].setChecked(True)

    def _on_item_action(self, kind: str, item_id: str, action: str) -> None:
        view = self.open_pool(item_id) if kind == "pool" else self.open_job(item_id)
        view.when_ready(getattr(view, ITEM_REQUESTS[(kind, action)]))

    def _run_elsewhere(self) -> None:
        key = self.current_key()
        if key is not None and key[0] == "task":
            self.runElsewhereRequested.emit(key[1], key[2])
        else:
            self.status.showMessage(self.tr("Open a task first: Run on another account… sends the task shown."), 8000)

    def _ask_import(self) -> None:
        ask_open_file(self, self.tr("Import task JSON"), JSON_FILTER, lambda path: self.importTaskRequested.emit(str(path)))

    def _set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        apply_theme(QApplication.instance(), theme)

    def _tab_menu(self, pos: QPoint) -> None:
        index = self.tabs.tabBar().tabAt(pos)
        if index < 0:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view = self.tabs.widget(index)
        menu.addAction(self.tr("Close"), lambda: self.close_view(self.tabs.indexOf(view)))
        menu.addAction(self.tr("Close others"), lambda: self._close_all_but(view))
        menu.popup(self.tabs.tabBar().mapToGlobal(pos))

    def _close_all_but(self, keep: QWidget) -> None:
        for index in reversed(range(self.tabs.count())):
            if self.tabs.widget(index) is not keep:
                self.close_view(index)

    def _build_menus(self, profile_names: list[str]) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.import_action = self._add(
            file_menu, self.tr("&Import task JSON…"), self._ask_import, "Ctrl+I", icon="import"
        )
        file_menu.addSeparator()
        self.close_view_action = self._add(
            file_menu, self.tr("&Close view"), self.close_view, "Ctrl+W", icon="close-view"
        )
        self._add(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, icon="quit")

        new_menu = bar.addMenu(self.tr("&New"))
        self.new_task_action = self._add(
            new_menu, self.tr("&Task…"), self.newTaskRequested.emit, "Ctrl+N", icon="new-task"
        )
        self.new_pool_action = self._add(
            new_menu, self.tr("&Pool…"), self.newPoolRequested.emit, "Ctrl+Shift+N", icon="new-pool"
        )
        self.run_elsewhere_action = self._add(new_menu, self.tr("&Run on another account…"), self._run_elsewhere)
        self.samples_menu = samples_menu = new_menu.addMenu(self.tr("Task from &sample"))
        self._icons[samples_menu.menuAction()] = "sample"

        view_menu = bar.addMenu(self.tr("&View"))
        self.refresh_action = self._add(
            view_menu, self.tr("&Refresh"), self.refresh, QKeySequence.StandardKey.Refresh, icon="refresh"
        )
        self.find_action = self._add(
            view_menu, self.tr("&Find…"), self.find, QKeySequence.StandardKey.Find, icon="find"
        )
        self.follow_action = self._add(
            view_menu, self.tr("F&ollow output"), self.toggle_follow, "Ctrl+Shift+F", icon="follow"
        )
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        themes = QActionGroup(self)
        for theme in THEMES:
            action = self._add(theme_menu, self.tr(THEME_LABELS[theme]), lambda t=theme: self._set_theme(t))
            action.setCheckable(True)
            action.setChecked(theme == self.settings.theme)
            themes.addAction(action)
        view_menu.addAction(self.task_notifications.toggle_action(self))

        self.connection_menu = bar.addMenu(self.tr("&Connection"))
        self._profile_actions: dict[str, QAction] = {}
        self._profiles_end = self.connection_menu.addSeparator()
        self.accounts_action = self._add(self.connection_menu, self.tr("&Accounts…"), self.accountsRequested.emit)
        self.retry_action = self._add(self.connection_menu, self.tr("&Retry now"), self._retry_now, icon="retry")
        self.set_profiles(profile_names)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.about_action = self._add(help_menu, self.tr("&About MPI Explorer"), self.show_about, icon="about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.find_action.setEnabled(False)
        self.follow_action.setEnabled(False)
        self._connected_actions = (
            self.import_action, self.new_task_action, self.new_pool_action, self.run_elsewhere_action,
            samples_menu.menuAction(), self.refresh_action, self.retry_action,
        )
        """Actions that need the connection: disabled until `attach`."""

    def _fill_samples_menu(self) -> None:
        """The bundled samples (once connected: they are submitted to the connection)."""
        from explorer.client.local.samples import bundled_samples  # with aiohttp: not before the window paints

        if self.samples_menu.isEmpty():
            for sample in bundled_samples():
                self._add(self.samples_menu, sample.display_name,
                          lambda name=sample.name: self.sampleRequested.emit(name))

    def set_profiles(self, profile_names: list[str]) -> None:
        """The profiles the Connection menu and the navigator offer (again, after the accounts dialog)."""
        for action in self._profile_actions.values():
            self.connection_menu.removeAction(action)
            action.deleteLater()
        self._profile_actions = {}
        group = QActionGroup(self)
        for name in profile_names:
            action = QAction(name, self)
            action.triggered.connect(lambda _checked=False, n=name: self._request_profile(n))
            action.setCheckable(True)
            action.setChecked(name == self.current_profile)
            group.addAction(action)
            self.connection_menu.insertAction(self._profiles_end, action)
            self._profile_actions[name] = action
        self.navigator_panel.set_profiles(profile_names, self.current_profile)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")  # saveState() keeps its place by this name
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_task_action.setIconText(self.tr("New task"))
        self.new_pool_action.setIconText(self.tr("New pool"))
        self.import_action.setIconText(self.tr("Import"))
        for action in (self.new_task_action, self.new_pool_action, self.import_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.refresh_action, self.find_action, self.follow_action):
            toolbar.addAction(action)
        self.toolbar = toolbar
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def _paint_icons(self) -> None:
        palette = self.palette()
        for action, name in self._icons.items():
            action.setIcon(themed_icon(name, palette))

    def _retry_now(self) -> None:
        if self.services is not None:
            self.services.monitor.retry_now()
        self.retryRequested.emit()

    def show_about(self) -> AboutDialog:
        return show_about(self, self.settings.path.parent)

    def _add(
        self, menu: QMenu, text: str, slot: Callable[[], object], shortcut=None, *, icon: str | None = None
    ) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            self._icons[action] = icon
        return action
