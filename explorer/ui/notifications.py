"""A word when a task ends: a desktop notification when a task the user opened or submitted in this
session completes or fails, with its exit code; clicking it opens the task.

    notifications = TaskNotifications(settings, open_task)   # open_task(profile, job_id, task_id)
    notifications.attach(monitor, "profile")                  # once connected
    notifications.follow("job", "task")      # the main window, whenever a task view is opened
    notifications.toggle_action(parent)      # "Notify when tasks end" (a setting, on by default)
    notifications.detach()                   # a switch of profile: what is followed stays followed

Tasks the user did not open are not followed (no word). Each followed task is watched by a
`TaskEndWatch`: the task query the task view polls too (the monitor polls it once for both), kept
after the view is closed, until the task ends, also after the window switched to another profile:
an HPC user who opened a long run on one account and went on to another still wants the word.
The app keeps that profile's connection (and monitor) open while `watching(profile)`, and closes
it on `finished(profile)`, once its last followed task ended. The words go through a `Notifier` (the test seam);
`TrayNotifier` shows them with `QSystemTrayIcon.showMessage` (Qt's own: on Linux the desktop's
notification service through the tray, on Windows toast balloons, on macOS Notification Center),
and where there is no system tray it makes the window ask for attention instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from explorer.client.watching.monitor import Monitor
from explorer.client.watching.task_watch import TaskEnd, TaskEndWatch
from explorer.ui.settings import Settings

log = logging.getLogger(__name__)

MESSAGE_MS = 10_000


class Notifier(Protocol):
    """Where a word goes; ``on_click`` runs if the user clicks it."""

    def notify(self, title: str, message: str, failed: bool, on_click: Callable[[], None]) -> None: ...


class TrayNotifier:
    """`QSystemTrayIcon.showMessage`; the icon is in the tray only while a message may be clicked."""

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        self._tray = QSystemTrayIcon(icon, parent)
        self._tray.setToolTip(QApplication.applicationDisplayName() or "MPI Explorer")
        self._tray.messageClicked.connect(self._on_clicked)
        self._on_click: Callable[[], None] | None = None

    def notify(self, title: str, message: str, failed: bool, on_click: Callable[[], None]) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            log.info("no system tray for the notification %r: asking for attention instead", title)
            window = QApplication.activeWindow() or next(iter(QApplication.topLevelWidgets()), None)
            if window is not None:
                QApplication.alert(window)
            return
        self._on_click = on_click
        self._tray.show()
        icon = QSystemTrayIcon.MessageIcon.Critical if failed else QSystemTrayIcon.MessageIcon.Information
        self._tray.showMessage(title, message, icon, MESSAGE_MS)

    def _on_clicked(self) -> None:
        on_click, self._on_click = self._on_click, None
        self._tray.hide()
        if on_click is not None:
            on_click()


class TaskNotifications(QObject):
    finished = Signal(str)
    """The last task followed on this profile (not the one attached now) ended: its connection may close."""

    def __init__(
        self, settings: Settings, open_task: Callable[[str, str, str], object],
        notifier: Notifier | None = None, parent: QObject | None = None,
    ) -> None:
        """`open_task(profile, job_id, task_id)`: a word was clicked."""
        super().__init__(parent)
        self._monitor: Monitor | None = None
        self._profile = ""
        self._settings, self._open_task = settings, open_task
        self.notifier: Notifier = notifier or TrayNotifier(QApplication.windowIcon(), self)
        self._watches: dict[tuple[str, str, str], TaskEndWatch] = {}
        """By (profile, job id, task id)."""
        self._said: set[tuple[str, str, str]] = set()
        """The tasks whose end was said (opening one again, from its word, says nothing more)."""
        self._action: QAction | None = None

    @property
    def enabled(self) -> bool:
        return self._settings.notify_task_end

    def set_enabled(self, enabled: bool) -> None:
        self._settings.notify_task_end = enabled
        if self._action is not None:
            self._action.setChecked(enabled)

    def attach(self, monitor: Monitor, profile: str = "") -> None:
        """The window is connected to `profile`: tasks opened now are followed through its monitor
        (the menu's toggle works before)."""
        self._monitor, self._profile = monitor, profile

    def detach(self) -> None:
        """The window's connection goes: the tasks followed on it stay followed (`watching`)."""
        self._monitor = None

    def follow(self, job_id: str, task_id: str) -> None:
        """Say when this task ends (once; it is followed until then). Tasks open only once connected."""
        assert self._monitor is not None, "attach the monitor before following tasks"
        key = (self._profile, job_id, task_id)
        if key in self._watches or key in self._said:
            return
        watch = self._watches[key] = TaskEndWatch(
            self._monitor, job_id, task_id, lambda end: self._on_end(key, end), lambda: self._on_over(key))
        watch.start()

    def following(self, profile: str | None = None) -> list[tuple[str, str]]:
        """(job id, task id) of the tasks followed now on `profile` (by default the one attached)."""
        profile = self._profile if profile is None else profile
        return [key[1:] for key, watch in self._watches.items() if key[0] == profile and watch.active]

    def move(self, profile: str, monitor: Monitor) -> None:
        """The tasks followed on `profile` are followed on through `monitor` (its kept connection was
        replaced: Local Batch came back on another port)."""
        for key, watch in self._watches.items():
            if key[0] == profile:
                watch.move_to(monitor)

    def watching(self, profile: str) -> bool:
        """Whether a task on `profile` is followed (its connection must stay open for the word)."""
        return bool(self.following(profile))

    def toggle_action(self, parent: QWidget) -> QAction:
        """A checkable action for a menu: whether tasks ending are said."""
        if self._action is None:
            self._action = QAction(self.tr("&Notify when tasks end"), parent)
            self._action.setCheckable(True)
            self._action.setChecked(self.enabled)
            self._action.setToolTip(self.tr("A desktop notification when a task opened in this session ends"))
            self._action.toggled.connect(self.set_enabled)
        return self._action

    def stop(self) -> None:
        watches, self._watches = self._watches, {}
        for watch in watches.values():
            watch.stop()

    def _on_over(self, key: tuple[str, str, str]) -> None:
        self._watches.pop(key, None)
        profile = key[0]
        if (self._monitor is None or profile != self._profile) and not self.watching(profile):
            self.finished.emit(profile)

    def _on_end(self, key: tuple[str, str, str], end: TaskEnd) -> None:
        self._said.add(key)
        if not self.enabled:
            return
        code = self.tr("exit code %1").replace("%1", "—" if end.exit_code is None else str(end.exit_code))
        if end.succeeded:
            title = self.tr("Task %1 completed").replace("%1", end.task_id)
        else:
            title = self.tr("Task %1 failed").replace("%1", end.task_id)
        message = self.tr("%1, in job %2").replace("%1", code).replace("%2", end.job_id)
        profile = key[0]
        if profile != self._profile or self._monitor is None:  # the window shows another account now
            message += "\n" + self.tr("on {profile}").format(profile=profile)
        if not end.succeeded and end.failure:
            message += "\n" + end.failure
        self.notifier.notify(title, message, not end.succeeded, lambda: self._open(*key))

    def _open(self, profile: str, job_id: str, task_id: str) -> None:
        self._open_task(profile, job_id, task_id)
        parent = self.parent()
        if isinstance(parent, QWidget):
            window = parent.window()
            window.showNormal() if window.isMinimized() else window.show()
            window.raise_()
            window.activateWindow()
