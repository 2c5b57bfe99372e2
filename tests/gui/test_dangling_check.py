"""The end-of-test check of the GUI tests finds what a test leaves running or open."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from tests.support.dangling import DanglingCheck


def test_a_task_nobody_ends_is_reported_and_cancelled(loop):
    check = DanglingCheck(settle_timeout=0.5)  # the task never ends: how long it is given does not matter
    try:
        task = loop.create_task(asyncio.Event().wait(), name="forgotten")
        problems = check.wind_up(loop, [])
    finally:
        check.stop_tracking()
    assert problems == ["asyncio tasks still pending after the test's widgets were deleted: forgotten (Event.wait)"]
    assert task.cancelled()


def test_a_timer_still_running_once_its_widget_closed_is_reported(qtbot):
    label = QLabel("polls")
    check = DanglingCheck()
    try:
        timer = QTimer(label)
        timer.start(250)
        problems = check.wind_up(None, [label])  # closes and deletes the label, and the timer with it
    finally:
        check.stop_tracking()
    assert problems == ["timers still running after their widgets closed: QTimer every 250 ms of QLabel"]


def test_a_window_left_open_is_reported_and_closed(qtbot):
    check = DanglingCheck()
    try:
        window = QLabel("left open")
        window.setObjectName("forgotten")
        window.show()
        problems = check.wind_up(None, [])
    finally:
        check.stop_tracking()
    assert problems == ["top-level widgets left open (close them, or register them with qtbot): QLabel 'forgotten'"]
    assert not window.isVisible()
    qtbot.addWidget(window)


def test_closed_widgets_and_ended_tasks_pass(loop, qtbot):
    check = DanglingCheck()
    try:
        label = QLabel("tidy")
        label.show()
        timer = QTimer(label)
        timer.start(250)
        done = loop.create_task(asyncio.sleep(0))
        loop.run_until_complete(done)
        timer.stop()
        problems = check.wind_up(loop, [label])
    finally:
        check.stop_tracking()
    assert problems == []
