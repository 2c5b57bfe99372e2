"""Issue 17 item 4: tables show what identifies a row (against Local Batch): widths from contents,
elided middles with the whole value in a tooltip, widths remembered per table, the Files tab's names,
the instances table's state and exit code without scrolling."""

from __future__ import annotations

from azure.batch import models
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from explorer.ui.models.subtask_model import HEADERS
from explorer.ui.views.job_view import JobView
from explorer.ui.views.task_view import TaskView
from tests.gui.view_helpers import RecordingNavigator
from tests.support.batch_scenarios import create_idle_pool, python_command, submit_task
from tests.support.qt_scenarios import SCENARIO_TIMEOUT as TIMEOUT
from tests.support.qt_scenarios import until
from tests.support.waiting import wait_until

LONG_IDS = ("mpi-progress-20261201-131907-first", "mpi-progress-20261201-131907-second")


def text_width(view, text: str) -> int:
    return view.fontMetrics().horizontalAdvance(text)


def tooltip_at(view, index) -> str:
    rect = view.visualRect(index)
    pos = rect.center()
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    return QToolTip.text()


def test_task_ids_are_whole_cut_ones_say_all_in_a_tooltip_and_widths_are_remembered(runner, services, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "p", 1)
        await submit_task(batch_client, "p", "j", LONG_IDS[0], python_command("pass"))
        await batch_client.create_task("j", models.BatchTaskCreateOptions(id=LONG_IDS[1], command_line="/bin/true"))
        view = runner.show(JobView(services, RecordingNavigator(), "j"))
        await until(view.updated, lambda: view.task_proxy.rowCount() == 2, what="both tasks")
        header = view.table.horizontalHeader()
        assert header.sectionSize(0) >= max(text_width(view.table, i) for i in LONG_IDS)  # whole, not cut
        assert header.sectionSize(0) != header.sectionSize(1)  # not equal widths

        header.resizeSection(0, 90)  # the user narrows it: ids are cut in the middle, whole in the tooltip
        index = view.task_proxy.index(0, 0)
        assert tooltip_at(view.table, index).startswith(index.data())
        await wait_until(lambda: services.settings.table_state("job_view/tasks"), what="the widths saved")
        again = runner.show(JobView(services, RecordingNavigator(), "j"))
        await until(again.updated, lambda: again.task_proxy.rowCount() == 2, what="both tasks again")
        assert again.table.horizontalHeader().sectionSize(0) == 90

    runner.run_to_end(scenario())


def test_instances_show_state_and_exit_code_and_the_files_tab_shows_names(runner, services, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "mpi", 3, inter_node=True)
        await submit_task(batch_client, "mpi", "job", "wide", "/bin/echo done", instances=3)
        view = runner.show(TaskView(services, None, "job", "wide"))
        await until(view.updated, lambda: view.header["State"].text() == "completed", TIMEOUT)
        await until(view.updated, lambda: view.model.rowCount() == 3, TIMEOUT, "every instance listed")
        table = view.table
        visible = table.viewport().rect()
        for name in ("State", "Exit code"):
            rect = table.visualRect(view.model.index(1, HEADERS.index(name)))
            assert visible.contains(rect.topLeft()) and visible.contains(rect.topRight() - QPoint(1, 0)), name
        node = view.model.index(1, HEADERS.index("Node"))
        assert tooltip_at(table, node) == node.data() or table.columnWidth(node.column()) >= text_width(table, node.data())

        view.tabs.setCurrentWidget(view.files_tab)
        browser = view.browser
        model = browser.model
        root = model.index(0, 0)
        await wait_until(lambda: any(model.index(r, 0, root).data() == "stdout.txt" for r in range(model.rowCount(root))),
                         what="the primary's files listed")
        names = [model.index(r, 0, root).data() for r in range(model.rowCount(root))]
        widest = max(text_width(browser.tree, n) for n in names)
        assert browser.tree.header().sectionSize(0) >= widest + browser.tree.indentation()
        assert browser.tree.viewport().width() >= browser.tree.header().sectionSize(0)

    runner.run_to_end(scenario())
