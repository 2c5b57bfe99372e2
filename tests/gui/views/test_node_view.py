"""Node view against a real Local Batch: properties and start task, recent tasks, files, reboot."""

from __future__ import annotations

import asyncio

from azure.batch import models

from explorer.ui.views.node_view import NodeView
from tests.gui.view_helpers import RecordingNavigator, accept_confirmation, show_view, until
from tests.integration.client.batch_scenarios import (
    VM_SIZE,
    idle_nodes,
    python_command,
    submit_task,
    task_state,
    wait_until,
)


async def pool_with_start_task(client, pool_id: str) -> str:
    """One node that ran a start task, then task t1 of job j; returns the node id."""
    await client.create_pool(models.BatchPoolCreateOptions(
        id=pool_id, vm_size=VM_SIZE, target_dedicated_nodes=1, task_slots_per_node=1,
        start_task=models.BatchStartTask(command_line=python_command("print('node ready')"), wait_for_success=True),
    ))
    nodes = await wait_until(lambda: idle_nodes(client, pool_id), what="an idle node")
    await submit_task(client, pool_id, "j", "t1", python_command("print('hello')"))
    await wait_until(lambda: _is_completed(client), what="t1 completed")
    return nodes[0]


async def _is_completed(client) -> bool:
    return await task_state(client, "j", "t1") == "completed"



def test_properties_start_task_recent_tasks_and_files(loop, qtbot, services, batch_client):
    navigator = RecordingNavigator()

    async def scenario():
        node_id = await pool_with_start_task(batch_client, "p")
        view = show_view(qtbot, NodeView(services, navigator, "p", node_id))
        await until(view.refreshed, lambda: view.recent.rowCount() == 1, what="the recent task")
        view.tabs.setCurrentWidget(view.files)
        root = view.files.model.index(0, 0)
        await until(view.files.model.loaded, lambda: view.files.model.rowCount(root) > 0, what="the node's files")
        return view, node_id

    view, node_id = loop.run_until_complete(asyncio.wait_for(scenario(), 60))
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


def test_reboot_then_node_removed(loop, qtbot, services, batch_client):
    navigator = RecordingNavigator()

    async def scenario():
        node_id = await pool_with_start_task(batch_client, "p")
        view = show_view(qtbot, NodeView(services, navigator, "p", node_id))
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

    view = loop.run_until_complete(asyncio.wait_for(scenario(), 90))
    assert "NodeNotFound" in view.banner.details()
    assert not view.reboot_action.isEnabled() and not view.remove_action.isEnabled()

