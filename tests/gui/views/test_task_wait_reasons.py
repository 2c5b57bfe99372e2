"""Issue 17 item 3: a queued task says why it waits, read off its job, pool and nodes (against Local Batch)."""

from __future__ import annotations

import pytest
from azure.batch import models

from explorer.ui.views.task_view import TaskView
from tests.support.batch_scenarios import HeldTask, create_idle_pool, create_job, submit_task
from tests.support.qt_scenarios import SCENARIO_TIMEOUT as TIMEOUT
from tests.support.qt_scenarios import until


@pytest.fixture
def open_view(runner, services):
    def open_view(job_id: str, task_id: str) -> TaskView:
        return runner.show(TaskView(services, None, job_id, task_id))

    return open_view


def reasons(view: TaskView) -> str:
    return view.wait_label.text() if view.wait_label.isVisibleTo(view) else ""


def test_a_pool_without_inter_node_communication_is_named_as_the_reason(runner, open_view, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "plain", 2)
        await submit_task(batch_client, "plain", "job", "mpi", "/bin/true", instances=2)
        view = open_view("job", "mpi")
        text = await until(view.updated, lambda: reasons(view), TIMEOUT, "a reason for the wait")
        assert "lacks inter-node communication" in text and text.startswith("⚠")
        assert "cannot start" in view.progress.full_text

    runner.run_to_end(scenario())


def test_too_few_nodes_then_a_resize_then_the_task_runs(runner, open_view, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "small", 1, inter_node=True)
        await submit_task(batch_client, "small", "job", "wide", "/bin/true", instances=2)
        view = open_view("job", "wide")
        await until(view.updated, lambda: "resize it to at least 2" in reasons(view), TIMEOUT, "the size reason")
        await batch_client.begin_resize_pool("small", models.BatchPoolResizeOptions(target_dedicated_nodes=2))
        await until(view.updated, lambda: view.header["State"].text() == "completed", TIMEOUT)
        assert reasons(view) == ""

    runner.run_to_end(scenario())


def test_nodes_busy_with_another_task_are_counted(runner, open_view, batch_client, tmp_path):
    held = HeldTask(tmp_path)

    async def scenario():
        await create_idle_pool(batch_client, "pair", 2, inter_node=True)
        other = await create_job(batch_client, "pair", "other")
        await batch_client.create_task(other, held.body())
        await submit_task(batch_client, "pair", "job", "waits", "/bin/true", instances=2)
        view = open_view("job", "waits")
        text = await until(view.updated, lambda: "running tasks" in reasons(view) and reasons(view), TIMEOUT,
                           "the busy node counted")
        assert "Needs 2 idle nodes at once: 1 idle, 1 running tasks." in text
        assert not text.startswith("⚠")  # it ends by itself once the other task does
        held.release()
        await until(view.updated, lambda: view.header["State"].text() == "completed", TIMEOUT)

    runner.run_to_end(scenario())
