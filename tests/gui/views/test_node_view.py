"""Node view against a real Local Batch: properties and start task, recent tasks, files, reboot."""

from __future__ import annotations

from azure.batch import models

from explorer.ui.views.node_view import NodeView
from tests.gui.view_helpers import RecordingNavigator, accept_confirmation
from tests.support.batch_scenarios import (
    create_pool,
    python_command,
    submit_task,
    wait_for_completion,
    wait_for_idle_nodes,
)
from tests.support.qt_scenarios import until


async def pool_with_start_task(client, pool_id: str) -> str:
    """One node that ran a start task, then task t1 of job j; returns the node id."""
    start_task = models.BatchStartTask(command_line=python_command("print('node ready')"), wait_for_success=True)
    await create_pool(client, pool_id, 1, start_task=start_task)
    (node_id,) = await wait_for_idle_nodes(client, pool_id, 1)
    await submit_task(client, pool_id, "j", "t1", python_command("print('hello')"))
    await wait_for_completion(client, "j", "t1")
    return node_id


def test_properties_start_task_recent_tasks_and_files(runner, services, batch_client):
    navigator = RecordingNavigator()

    async def scenario():
        node_id = await pool_with_start_task(batch_client, "p")
        view = runner.show(NodeView(services, navigator, "p", node_id))
        await until(view.refreshed, lambda: view.recent.rowCount() == 1, what="the recent task")
        view.tabs.setCurrentWidget(view.files)
        root = view.files.model.index(0, 0)
        await until(view.files.model.loaded, lambda: view.files.model.rowCount(root) > 0, what="the node's files")
        return view, node_id

    view, node_id = runner.run(scenario())
    assert view.properties.value("Id") == node_id
    assert view.properties.value("State").startswith("idle")
    assert view.properties.value("Start task state") == "completed"
    assert view.properties.value("Start task exit code") == "0"
    assert [view.recent.item(0, c).text() for c in range(2)] == ["j", "t1"]
    names = {view.files.model.index(r, 0, view.files.model.index(0, 0)).data()
             for r in range(view.files.model.rowCount(view.files.model.index(0, 0)))}
    assert "startup" in names or "workitems" in names, names

    view.recent.cellActivated.emit(0, 1)
    view.open_pool_action.trigger()
    assert navigator.opened == [("task", "j", "t1"), ("pool", "p")]


def test_reboot_then_node_removed(runner, services, batch_client):
    navigator = RecordingNavigator()

    async def scenario():
        node_id = await pool_with_start_task(batch_client, "p")
        view = runner.show(NodeView(services, navigator, "p", node_id))
        await until(view.updated, lambda: view.reboot_action.isEnabled(), what="reboot allowed")
        idle_since = view.node.state_transition_time
        view.reboot_action.trigger()
        assert accept_confirmation(view).startswith(f"Reboot node {node_id}?")
        await until(view.updated, lambda: view.node.state_transition_time != idle_since and view.node.state == "idle",
                    what="the node back from its reboot")
        assert not view.banner.isVisible()

        await until(view.updated, lambda: view.remove_action.isEnabled(), what="remove allowed")
        view.remove_action.trigger()
        accept_confirmation(view)
        await until(view.updated, lambda: view.gone, what="the node gone")
        return view

    view = runner.run(scenario())
    assert "NodeNotFound" in view.banner.details()
    assert not view.reboot_action.isEnabled() and not view.remove_action.isEnabled()

