"""The status bar: which profile, and whether the monitor reaches it (with a live countdown).

On the left, a notice of what happened to the service itself, when the app knows more
than the polls do ("Local Batch stopped unexpectedly (killed by SIGKILL) at 14:02:11;
restarted"): `show_notice`. It stays until the next notice, so it can still be read
after the fact.
"""

from __future__ import annotations

import dataclasses
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from explorer.client.connecting.connection_state import ConnectionState, ConnectionStatus
from explorer.client.watching.monitor import Monitor

DOT_COLORS = {
    ConnectionStatus.CONNECTED: "#2e7d32",
    ConnectionStatus.RETRYING: "#ef6c00",
    ConnectionStatus.FAILED: "#e53935",
}


class ConnectionStatusBar(QStatusBar):
    """Shows "<profile>: connected / retrying in N s (reason) / failed: reason"; "Retry now" when not connected."""

    def __init__(self, monitor: Monitor, profile_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._monitor = monitor
        self._profile = profile_name
        self._dot = QLabel(self.tr("●"), self)
        self._label = QLabel(self)
        self.retry_button = QPushButton(self.tr("Retry now"), self)
        self.retry_button.setToolTip(self.tr("Try to reach the service again without waiting"))
        self.retry_button.clicked.connect(monitor.retry_now)
        self._notice = QLabel(self)
        self._notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._notice.hide()
        self.addWidget(self._notice, 1)
        self.addPermanentWidget(self._dot)
        self.addPermanentWidget(self._label)
        self.addPermanentWidget(self.retry_button)
        self._state = monitor.state
        self._since = time.monotonic()
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._render)
        subscription = monitor.add_state_listener(self._on_state)
        self.destroyed.connect(lambda *_: subscription.close())
        self._subscription = subscription
        self._render()

    def connection_text(self) -> str:
        return self._label.text()

    def notice_text(self) -> str:
        return "" if self._notice.isHidden() else self._notice.text()

    def show_notice(self, text: str, *, failed: bool = False) -> None:
        self._notice.setText(text)
        self._notice.setToolTip(text)
        self._notice.setStyleSheet(f"color: {DOT_COLORS[ConnectionStatus.FAILED]}" if failed else "")
        self._notice.setVisible(bool(text))

    def stop(self) -> None:
        """Stop listening (the window is closing; the monitor may outlive it)."""
        self._subscription.close()
        self._ticker.stop()

    def _on_state(self, state: ConnectionState) -> None:
        self._state, self._since = state, time.monotonic()
        if state.status is ConnectionStatus.RETRYING:
            self._ticker.start()
        else:
            self._ticker.stop()
        self._render()

    def _render(self) -> None:
        state = self._state
        if state.status is ConnectionStatus.RETRYING and state.retry_in is not None:
            remaining = max(0.0, state.retry_in - (time.monotonic() - self._since))
            state = dataclasses.replace(state, retry_in=remaining)
        self._label.setText(f"{self._profile}: {state}")
        self._dot.setStyleSheet(f"color: {DOT_COLORS[state.status]}")
        self.retry_button.setVisible(state.status is not ConnectionStatus.CONNECTED)
