"""What every content view shares: services, an error banner, task ownership, live queries.

A view watches the monitor only while it is visible (design.md: nothing is polled
for hidden or closed views): queries are subscribed on show and closed on hide, and
the monitor repeats the full snapshot on resubscription, so nothing is missed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from explorer.client.acting.operations import OperationError
from explorer.client.watching.monitor import Callback, Monitor, Subscription
from explorer.client.watching.queries import Query
from explorer.ui.dialogs.confirm import confirm
from explorer.ui.services import Navigator, ViewServices
from explorer.ui.task_owner import TaskOwner
from explorer.ui.widgets.error_banner import ErrorBanner

T = TypeVar("T")


class Watcher(Protocol):
    """Something that watches through the monitor by itself (a `TaskWatch`): started and
    stopped with the view, asked to poll now on F5."""

    @property
    def active(self) -> bool: ...

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def refresh(self) -> None: ...


class LiveQueries:
    """Monitor queries (and watchers) that are subscribed only between `resume()` and `pause()`."""

    def __init__(self, monitor: Monitor) -> None:
        self._monitor = monitor
        self._watched: list[tuple[Query, Callback]] = []
        self._subscriptions: list[Subscription] = []
        self.watchers: list[Watcher] = []
        self._wanted = False

    @property
    def active(self) -> bool:
        return bool(self._subscriptions) or any(watcher.active for watcher in self.watchers)

    @property
    def queries(self) -> list[Query]:
        return [query for query, _ in self._watched]

    def keep(self, watcher: Watcher) -> None:
        """Start `watcher` with the queries (register it before the view is first shown)."""
        self.watchers.append(watcher)

    def watch(self, query: Query, callback: Callback) -> None:
        self._watched.append((query, callback))
        if self.active:
            self._subscriptions.append(self._monitor.subscribe(query, callback))

    def resume(self) -> None:
        self._wanted = True
        if self.active:
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            # Shown before the loop runs: subscribe as it starts. (Raising here, inside
            # a Qt event handler, would take PySide down.)
            asyncio.get_event_loop().call_soon(self._resume_if_wanted)
            return
        self._subscriptions = [self._monitor.subscribe(q, cb) for q, cb in self._watched]
        for watcher in self.watchers:
            watcher.start()

    def _resume_if_wanted(self) -> None:
        if self._wanted:
            self.resume()

    def pause(self, *_args: object) -> None:
        self._wanted = False
        subscriptions, self._subscriptions = self._subscriptions, []
        for subscription in subscriptions:
            subscription.close()
        for watcher in self.watchers:
            watcher.stop()


class BaseView(QWidget):
    """Subclasses lay out below `self.banner` in `self.body`, watch queries, and load details in `reload()`.

    `refresh()` (F5) hides the banner, polls the view's queries now and reloads.
    """

    refreshed = Signal()
    """A `reload()` finished (successfully or not): tests and the status bar wait on it."""

    def __init__(self, services: ViewServices, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.navigator = navigator
        self.banner = ErrorBanner(self)
        self.owner = TaskOwner(self, on_error=self.banner.show_error)
        self._live = LiveQueries(services.monitor)
        self.destroyed.connect(self._live.pause)
        self._splitters: list[tuple[str, QSplitter]] = []
        self.gone = False
        """The pool or job shown does not exist (the monitor said so); actions are off."""
        self._ready = False
        self._pending: list[Callable[[], None]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        self.body = QVBoxLayout()
        layout.addLayout(self.body, 1)

    # --- for subclasses ----------------------------------------------------------

    def watch(self, query: Query, callback: Callback) -> None:
        self._live.watch(query, callback)

    def keep_live(self, watcher: Watcher) -> None:
        """Run `watcher` while the view is visible, as the watched queries are."""
        self._live.keep(watcher)

    def run(self, slot: str, coro: Coroutine[Any, Any, Any]) -> None:
        """Run `coro` in `slot` (replacing what ran there); failures show in the banner."""
        self.owner.start(coro, slot=slot)

    def act(self, slot: str, action: Callable[[], Coroutine[Any, Any, Any]]) -> None:
        """Run a user action, then poll at once so its effect shows without waiting for the next poll."""

        async def acting() -> None:
            self.banner.hide()
            await action()
            self.services.monitor.refresh()

        self.run(slot, acting())

    def confirm_action(
        self, title: str, text: str, button: str, action: Callable[[], Coroutine[Any, Any, Any]],
    ) -> None:
        """Ask (Cancel is the default), then `act` if the user pressed `button`."""
        confirm(self, title, text, button, lambda: self.act("action", action))

    def load(self, fetch: Callable[[], Awaitable[T]], show: Callable[[T], None]) -> None:
        """Fetch details in the "details" slot and `show` them; `refreshed` is emitted either way."""

        async def loading() -> None:
            try:
                show(await fetch())
            except OperationError as error:
                self.banner.show_error(error)
            self.refreshed.emit()

        self.run("details", loading())

    def when_ready(self, request: Callable[[], None]) -> None:
        """Run a user request (`request_delete`, ...) now, or once the view knows its item's state:
        a context menu in the navigator may open the view and ask in one go."""
        if self._ready:
            request()
        else:
            self._pending.append(request)

    def mark_ready(self) -> None:
        """The first poll of the item is shown and the actions are enabled accordingly."""
        self._ready = True
        pending, self._pending = self._pending, []
        for request in pending:
            request()

    def note_missing(self, what: str, code: str | None) -> None:
        """Say in the banner that `what` does not exist (`code`), or take it back once it does."""
        if code is not None and not self.gone:
            action = self.tr("show {what}").format(what=what)
            self.banner.show_error(OperationError(action, self.tr("it does not exist"), code=code))
        elif code is None and self.gone:
            self.banner.hide()
        self.gone = code is not None

    def make_action(self, text: str, tip: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def remember_splitter(self, name: str, splitter: QSplitter) -> None:
        """Restore `splitter` from the settings now; save it whenever the view is hidden."""
        state = self.services.settings.splitter_state(name)
        if state is not None:
            splitter.restoreState(state)
        self._splitters.append((name, splitter))

    def reload(self) -> None:
        """Fetch what the monitor does not poll (details); the default has nothing to fetch."""
        self.refreshed.emit()

    # --- shared behaviour --------------------------------------------------------

    def refresh(self) -> None:
        self.banner.hide()
        for query in self._live.queries:
            self.services.monitor.refresh(query)
        for watcher in self._live.watchers:
            watcher.refresh()
        self.reload()

    def is_live(self) -> bool:
        return self._live.active

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._live.active:
            self._live.resume()
            self.reload()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._live.pause()
        self.owner.cancel("details")  # read again on show; user actions keep running
        for name, splitter in self._splitters:
            self.services.settings.set_splitter_state(name, splitter.saveState())
