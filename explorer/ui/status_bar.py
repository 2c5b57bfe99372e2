"""The status bar: which profile, and whether the monitor reaches it (with a live countdown).

It exists before the connection does: the window shows at once, the bar saying
"<profile>: starting Local Batch…" or "connecting…", and `attach(monitor)` once the
connection is made (or `connect_failed(reason)` if it could not be). A failure of the
polls names the proxy they went through, if any (host:port only).

On the left, a notice of what happened to the service itself, when the app knows more
than the polls do ("Local Batch stopped unexpectedly (killed by SIGKILL) at 14:02:11;
restarted"): `show_notice`. It stays until the next notice, so it can still be read
after the fact.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from explorer.client.connecting.connection_state import ConnectionState, ConnectionStatus
from explorer.core.texts import Text
from explorer.ui.translation import translated

if TYPE_CHECKING:
    from explorer.client.watching.monitor import Monitor, Subscription

DOT_COLORS = {
    ConnectionStatus.CONNECTED: "#2e7d32",
    ConnectionStatus.RETRYING: "#ef6c00",
    ConnectionStatus.FAILED: "#e53935",
}
CONNECTING_COLOR = "#1e88e5"


class ConnectionStatusBar(QStatusBar):
    """Shows "<profile>: connecting… / connected / retrying in N s (reason) / failed: reason";
    "Retry now" while the polls do not get through."""

    def __init__(
        self, monitor: Monitor | None, profile_name: str, parent: QWidget | None = None, *, local: bool = False,
    ) -> None:
        """Without `monitor`, the connection is being made (`local`: Local Batch is starting); `attach` it then."""
        super().__init__(parent)
        self._monitor: Monitor | None = None
        self._subscription: Subscription | None = None
        self._profile = profile_name
        self._dot = QLabel(self.tr("●"), self)
        self._label = QLabel(self)
        self.retry_button = QPushButton(self.tr("Retry now"), self)
        self.retry_button.setToolTip(self.tr("Try to reach the service again without waiting"))
        self.retry_button.clicked.connect(self._retry_now)
        self._notice = QLabel(self)
        self._notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._notice.hide()
        self.addWidget(self._notice, 1)
        self.addPermanentWidget(self._dot)
        self.addPermanentWidget(self._label)
        self.addPermanentWidget(self.retry_button)
        self._state: ConnectionState | None = None
        self._since = time.monotonic()
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._render)
        if monitor is not None:
            self.attach(monitor)
        else:
            self.connecting(local=local)

    def connecting(self, *, local: bool = False) -> None:
        """The connection is being made (`local`: Local Batch is starting)."""
        self._show_unattached(self.tr("starting Local Batch…") if local else self.tr("connecting…"))

    def attach(self, monitor: Monitor) -> None:
        """The connection is made: from now on, show how its polls fare."""
        self._monitor = monitor
        self._subscription = subscription = monitor.add_state_listener(self._on_state)
        self.destroyed.connect(lambda *_: subscription.close())
        self._on_state(monitor.state)

    def connecting_to(self, profile_name: str, *, local: bool = False) -> None:
        """Another profile's connection is being made (a switch): stop listening to the one before."""
        self.stop()
        self._monitor = self._subscription = None
        self._profile, self._state = profile_name, None
        self.show_notice("")
        self.connecting(local=local)

    def connect_failed(self, reason: str) -> None:
        """The connection could not be made (the main area says it in full, and what can be done)."""
        first_line = reason.strip().splitlines()[0] if reason.strip() else self.tr("no reason given")
        self._show_unattached(self.tr("could not connect: {reason}").format(reason=first_line), failed=True)

    def connection_text(self) -> str:
        return self._label.text()

    def notice_text(self) -> str:
        return "" if self._notice.isHidden() else self._notice.text()

    def show_notice(self, notice: str | Text, *, failed: bool = False) -> None:
        """A notice beside the connection (Local Batch stopped, restarted), in the user's language."""
        text = translated(notice)
        self._notice.setText(text)
        self._notice.setToolTip(text)
        self._notice.setStyleSheet(f"color: {DOT_COLORS[ConnectionStatus.FAILED]}" if failed else "")
        self._notice.setVisible(bool(text))

    def stop(self) -> None:
        """Stop listening (the window is closing; the monitor may outlive it)."""
        if self._subscription is not None:
            self._subscription.close()
        self._ticker.stop()

    def _retry_now(self) -> None:
        if self._monitor is not None:
            self._monitor.retry_now()

    def _show_unattached(self, text: str, *, failed: bool = False) -> None:
        self._set_text(text, DOT_COLORS[ConnectionStatus.FAILED] if failed else CONNECTING_COLOR)
        self.retry_button.hide()

    def _on_state(self, state: ConnectionState) -> None:
        self._state, self._since = state, time.monotonic()
        if state.status is ConnectionStatus.RETRYING:
            self._ticker.start()
        else:
            self._ticker.stop()
        self._render()

    def _render(self) -> None:
        state = self._state
        if state is None:
            return
        self._set_text(self._describe(state), DOT_COLORS[state.status])
        self.retry_button.setVisible(state.status is not ConnectionStatus.CONNECTED)

    def _describe(self, state: ConnectionState) -> str:
        if state.status is ConnectionStatus.CONNECTED:
            return self.tr("connected")
        reason = translated(state.reason) if state.reason else self.tr("no answer")
        if state.proxy:
            reason = self.tr("{reason}, through the proxy {proxy}").format(reason=reason, proxy=state.proxy)
        if state.status is ConnectionStatus.FAILED:
            return self.tr("failed: {reason}").format(reason=reason)
        remaining = max(0.0, (state.retry_in or 0.0) - (time.monotonic() - self._since))
        return self.tr("retrying in {seconds:.0f} s ({reason})").format(seconds=remaining, reason=reason)

    def _set_text(self, text: str, color: str) -> None:
        full = self.tr("{profile}: {status}").format(profile=self._profile, status=text)
        self._label.setText(full)
        self._label.setToolTip(full)
        self._dot.setStyleSheet(f"color: {color}")
