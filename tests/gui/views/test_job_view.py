"""Job view against a real Local Batch: task table, counts, filters, task and job actions."""

from __future__ import annotations

from azure.batch import models
from PySide6.QtCore import Qt

from explorer.ui.views.job_view import JobView
from tests.gui.view_helpers import RecordingNavigator, accept_confirmation
from tests.support.batch_scenarios import create_idle_pool, python_command, submit_task
from tests.support.qt_scenarios import until

SLEEP = python_command("import time; time.sleep(60)")




async def three_tasks(client) -> None:
    """t1 succeeds, t2 fails with exit code 3, t3 keeps running."""
    await create_idle_pool(client, "p", 3)
    await submit_task(client, "p", "j", "t1", python_command("pass"))
    for task_id, command in (("t2", python_command("raise SystemExit(3)")), ("t3", SLEEP)):
        await client.create_task("j", models.BatchTaskCreateOptions(id=task_id, command_line=command))


async def job_view(runner, services, navigator, client) -> JobView:
    await three_tasks(client)
    return runner.show(JobView(services, navigator, "j"))


def shown(view: JobView) -> list[str]:
    return [view.task_proxy.snapshot(row).id for row in range(view.task_proxy.rowCount())]


def test_task_table_counts_filters_and_sorting(runner, services, batch_client):
    navigator = RecordingNavigator()
    expected = "3 tasks: 0 active, 1 running, 2 completed (1 succeeded, 1 failed)"

    async def scenario():
        view = await job_view(runner, services, navigator, batch_client)
        await until(view.updated, lambda: view.counts.text() == expected, what=expected)
        await until(view.updated, lambda: view.properties.value("Pool") == "p", what="the job's properties")
        return view

    view = runner.run(scenario())
    assert view.properties.value("State") == "active"

    view.state_filter.setCurrentText("completed")
    assert sorted(shown(view)) == ["t1", "t2"]
    view.text_filter.setText("T2")
    assert shown(view) == ["t2"]
    view.text_filter.clear()
    view.state_filter.setCurrentText("All states")

    exit_code = [c.header for c in view.task_model.columns].index("Exit code")
    view.table.sortByColumn(exit_code, Qt.SortOrder.DescendingOrder)
    assert shown(view) == ["t2", "t1", "t3"]  # 3, 0, then no exit code yet
    assert view.task_proxy.index(0, exit_code).data() == "3"

    view.table.activated.emit(view.task_proxy.index(1, 0))
    assert navigator.opened == [("task", "j", "t1")]
    view.open_pool_action.trigger()
    assert navigator.opened[-1] == ("pool", "p")


def test_terminate_task_and_job_then_delete(runner, services, batch_client):
    navigator = RecordingNavigator()

    async def scenario():
        view = await job_view(runner, services, navigator, batch_client)
        await until(view.updated, lambda: view.task_model.counts().running == 1, what="a running task")
        assert not view.terminate_task_action.isEnabled() and not view.delete_task_action.isEnabled()

        view.table.select_ids(["t3"])
        assert view.terminate_task_action.isEnabled()
        view.terminate_task_action.trigger()
        assert accept_confirmation(view) == "Terminate task t3?"
        await until(view.updated, lambda: view.task_model.counts().completed == 3, what="t3 terminated")

        await until(view.updated, lambda: view.terminate_action.isEnabled(), what="an active job")
        view.terminate_action.trigger()
        accept_confirmation(view)
        await until(view.updated, lambda: view.properties.value("State") == "completed", what="the job completed")
        assert not view.terminate_action.isEnabled()

        view.delete_action.trigger()
        assert accept_confirmation(view).startswith("Delete job j and its 3 tasks?")
        await until(view.banner.errorShown, lambda: view.gone, what="the job gone")
        assert "JobNotFound" in view.banner.details()
        assert not view.delete_action.isEnabled()

    runner.run(scenario())


def test_failed_action_shows_code_and_request_id(runner, services, batch_client):
    navigator = RecordingNavigator()

    async def scenario():
        view = await job_view(runner, services, navigator, batch_client)
        await until(view.updated, lambda: view.task_model.counts().completed == 2, what="two tasks done")
        await batch_client.delete_task("j", "t1")  # gone behind the view's back
        view.table.select_ids(["t1"])
        view.delete_task_action.trigger()
        accept_confirmation(view)
        await until(view.banner.errorShown, lambda: view.banner.isVisible(), what="the failure")
        return view

    view = runner.run(scenario())
    assert view.banner.sentence().startswith("Could not delete task t1: ")
    assert "Batch error code: TaskNotFound" in view.banner.details()
    assert "HTTP status: 404" in view.banner.details()
    request_id = view.banner.details().split("Request id: ")[1]
    assert request_id and request_id != "—"
