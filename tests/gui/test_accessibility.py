"""Issue 17 item 9: every control outside the wizards has a name for assistive technology (as
QAccessible reports it, not as a widget property says), and the heatmap and timeline can be walked
with the keyboard, each item said in words."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QScrollBar,
    QTabBar,
    QWidget,
)

from explorer.ui.main_window import MainWindow
from tests.support.batch_scenarios import create_idle_pool, submit_task
from tests.support.qt_scenarios import SCENARIO_TIMEOUT as TIMEOUT
from tests.support.qt_scenarios import until

CONTROLS = (QAbstractButton, QLineEdit, QAbstractItemView, QComboBox, QAbstractSpinBox, QTabBar, QProgressBar)
CUSTOM = ("NodeHeatmap", "InstanceTimeline", "LogViewer")
"""Drawn by the app itself: nothing for Qt to name them from."""


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def unnamed_controls(root: QWidget) -> list[str]:
    """The controls shown under `root` that assistive technology would announce without a name."""
    missing = []
    for widget in root.findChildren(QWidget):
        # A scrollbar or a header is part of its view, a spin box's line edit part of the spin box:
        # assistive technology names the whole.
        if isinstance(widget, (QScrollBar, QHeaderView)) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue
        if isinstance(widget, CONTROLS) or type(widget).__name__ in CUSTOM:
            if not accessible_name(widget).strip():
                parent = widget.parentWidget()
                missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(parent).__name__}")
    return missing


def test_every_control_of_every_view_has_an_accessible_name(runner, services, batch_client):
    found: dict[str, list[str]] = {}

    async def scenario():
        await create_idle_pool(batch_client, "mpi", 2, inter_node=True)
        await submit_task(batch_client, "mpi", "job", "t", "/bin/echo done", instances=2)
        window = runner.show(MainWindow(services, ["Local Batch"], "Local Batch"), size=(1600, 1000))
        found["window"] = unnamed_controls(window)
        task = window.open_task("job", "t")
        await until(task.updated, lambda: task.header["State"].text() == "completed", TIMEOUT)
        for tab in range(task.tabs.count()):
            task.tabs.setCurrentIndex(tab)
            found[f"task view, tab {task.tabs.tabText(tab)}"] = unnamed_controls(task)
        pool = window.open_pool("mpi")
        await until(pool.updated, lambda: len(pool.selected_node_ids()) == 0 and pool.node_model.rowCount() == 2,
                    TIMEOUT)
        found["pool view"] = unnamed_controls(pool)
        node_id = pool.node_model.snapshot(0).id
        node = window.open_node("mpi", node_id)
        await until(node.updated, lambda: node.node is not None, TIMEOUT)
        for tab in range(node.tabs.count()):
            node.tabs.setCurrentIndex(tab)
            found[f"node view, tab {node.tabs.tabText(tab)}"] = unnamed_controls(node)
        job = window.open_job("job")
        await until(job.updated, lambda: job.task_proxy.rowCount() == 1, TIMEOUT)
        found["job view"] = unnamed_controls(job)

    runner.run_to_end(scenario())
    missing = {where: names for where, names in found.items() if names}
    assert not missing, "\n".join(f"{where}: {names}" for where, names in missing.items())


def test_heatmap_and_timeline_are_walked_with_the_keyboard_each_item_said_in_words(runner, services, batch_client):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from explorer.ui.views.pool_view import PoolView
    from explorer.ui.views.task_view import TaskView
    from tests.gui.view_helpers import RecordingNavigator

    navigator = RecordingNavigator()

    async def scenario():
        await create_idle_pool(batch_client, "mpi", 3, inter_node=True)
        await submit_task(batch_client, "mpi", "job", "t", "/bin/echo done", instances=3)
        task = runner.show(TaskView(services, None, "job", "t"))
        await until(task.updated, lambda: task.header["State"].text() == "completed", TIMEOUT)
        timeline = task.timeline
        await until(task.updated, lambda: len(timeline.texts()) == 3 and "completed" in timeline.texts()[0], TIMEOUT)
        timeline.setFocus()
        QTest.keyClick(timeline, Qt.Key.Key_Down)
        assert timeline.current_row() == 1
        description = timeline.accessibleDescription()
        assert description.startswith("instance 1 (subtask) on tvm") and "completed at" in description
        assert description.endswith("2 of 3")
        QTest.keyClick(timeline, Qt.Key.Key_Return)
        assert task.table.currentIndex().row() == task.model.row_of(1)  # as a click on its row does

        pool = runner.show(PoolView(services, navigator, "mpi"))
        heatmap = pool.heatmap
        await until(pool.updated, lambda: sum(heatmap.state_counts().values()) == 3, TIMEOUT)
        heatmap.setFocus()
        QTest.keyClick(heatmap, Qt.Key.Key_End)
        last = heatmap.current_node()
        assert last is not None and heatmap.accessibleDescription().startswith(f"node {last}: idle, 127.")
        assert heatmap.accessibleDescription().endswith("3 of 3")
        QTest.keyClick(heatmap, Qt.Key.Key_Left)
        assert heatmap.current_node() != last and heatmap.accessibleDescription().endswith("2 of 3")
        QTest.keyClick(heatmap, Qt.Key.Key_Return)
        assert navigator.opened[-1] == ("node", "mpi", heatmap.current_node())

    runner.run_to_end(scenario())


def undescribed_actions(root: QWidget) -> list[str]:
    """Buttons and fields whose name alone does not say what they do: every control but a dialog's
    standard Close, Cancel and OK buttons, without a description."""
    from PySide6.QtWidgets import QDialogButtonBox

    standard = {box.button(button) for box in root.findChildren(QDialogButtonBox)
                for button in (QDialogButtonBox.StandardButton.Close, QDialogButtonBox.StandardButton.Cancel)}
    missing = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QAbstractButton, QAbstractSpinBox)) and widget.isVisibleTo(root) \
                and widget not in standard:
            interface = QAccessible.queryAccessibleInterface(widget)
            if not interface.text(QAccessible.Text.Description).strip():
                missing.append(f"{type(widget).__name__} {accessible_name(widget)!r}")
    return missing


def test_the_resize_confirm_about_dialogs_and_the_first_run_page_name_and_describe_every_control(qtbot, tmp_path):
    """Issue 17 item 9, the dialogs: what a screen reader says of each control is enough to act on."""
    from explorer.ui.dialogs.about import AboutDialog, about_facts
    from explorer.ui.dialogs.confirm import CONFIRM_BUTTON, confirm
    from explorer.ui.dialogs.resize_pool import ResizePoolDialog
    from explorer.ui.widgets.first_run_page import FirstRunPage
    from tests.support.qt_scenarios import show

    resize = show(qtbot, ResizePoolDialog("mpi", 4, 1, lambda dedicated, spot: None), None)
    parent = show(qtbot, QWidget(), (400, 300))
    question = "Delete pool mpi and its 4 nodes? Tasks running on them are stopped. This cannot be undone."
    box = confirm(parent, "Delete pool", question, "Delete pool", lambda: None)
    about = show(qtbot, AboutDialog(about_facts(tmp_path)), None)
    first_run = show(qtbot, FirstRunPage(), (1000, 700))
    try:
        found = {type(root).__name__: unnamed_controls(root) + undescribed_actions(root)
                 for root in (resize, box, about, first_run)}
        assert not any(found.values()), found
        # The descriptions say what the names leave out: which pool goes, what a command link does.
        delete = box.findChild(QAbstractButton, CONFIRM_BUTTON)
        assert QAccessible.queryAccessibleInterface(delete).text(QAccessible.Text.Description) == question
        assert "Monte Carlo" in QAccessible.queryAccessibleInterface(first_run.demo_button).text(
            QAccessible.Text.Description)
        assert accessible_name(resize.dedicated) == "Dedicated nodes:"
    finally:
        box.close()
