"""Lists read as raw JSON through the SDK's pipeline: the same items as the SDK's models, every page, its errors."""

from __future__ import annotations

import pytest
from azure.batch import models
from azure.core.exceptions import ResourceNotFoundError

from explorer.client.errors import error_code
from explorer.client.watching.list_pages import get_json, items_of, list_json, list_pages
from explorer.client.watching.queries import JobTasksQuery, PoolNodesQuery
from explorer.client.watching.snapshots import NodeSnapshot, TaskSnapshot
from tests.support.batch_scenarios import create_idle_pool, submit_task, unique, wait_for_completion
from tests.support.local_batch import connect


@pytest.mark.asyncio
async def test_every_page_is_read_and_equals_what_the_sdk_models_say(local_batch):
    requests: list[str] = []
    async with await connect(local_batch, raw_request_hook=lambda r: requests.append(r.http_request.url)) as conn:
        client = conn.client
        pool_id = await create_idle_pool(client, unique("pages"), 5)
        requests.clear()
        nodes = await list_json(client, f"/pools/{pool_id}/nodes", NodeSnapshot.SELECT, NodeSnapshot.from_json,
                                page_size=2)
        pages = list(requests)
        sdk = {n.id: NodeSnapshot.from_model(n) async for n in client.list_nodes(pool_id, select=list(NodeSnapshot.SELECT))}

    assert nodes == sdk and list(nodes) == list(sdk) and len(nodes) == 5
    assert len(pages) == 3  # 2 + 2 + 1
    assert "maxresults=2" in pages[0] and all(url.count("api-version=") == 1 for url in pages)
    assert all(n.state == "idle" and n.state_transition_time.tzinfo is not None for n in nodes.values())


@pytest.mark.asyncio
async def test_tasks_of_a_job_with_their_times_and_exit_codes(connection):
    client = connection.client
    pool_id = await create_idle_pool(client, unique("tasks"), 1)
    job_id, task_id = unique("job"), "true"
    await submit_task(client, pool_id, job_id, task_id, "/bin/true")
    await wait_for_completion(client, job_id, task_id)

    fetched = await JobTasksQuery(job_id).fetch(client)

    task = fetched.items[task_id]
    assert task == TaskSnapshot.from_model(await client.get_task(job_id, task_id, select=list(TaskSnapshot.SELECT)))
    assert (task.state, task.exit_code, task.node_id is not None) == ("completed", 0, True)
    assert task.start_time <= task.end_time


@pytest.mark.asyncio
async def test_a_missing_pool_raises_what_the_sdk_raises_with_its_code(connection):
    with pytest.raises(ResourceNotFoundError) as raised:
        await PoolNodesQuery("no-such-pool").fetch(connection.client)
    assert error_code(raised.value) == "PoolNotFound"


@pytest.mark.asyncio
async def test_a_second_read_keeps_what_did_not_change_and_decodes_what_did(connection):
    """Given the previous read, a page of the same bytes is the same page and an item of the same JSON keeps its
    snapshot object; a node whose scheduling state (and so its JSON) changed gets a new snapshot that says so."""
    client = connection.client
    pool_id = await create_idle_pool(client, unique("reuse"), 5)
    path = f"/pools/{pool_id}/nodes"

    async def read(previous=()):
        return await list_pages(client, path, NodeSnapshot.SELECT, NodeSnapshot.from_json, page_size=2,
                                previous=previous)

    first = await read()
    again = await read(first)
    assert len(first) == 3 and all(a is b for a, b in zip(first, again, strict=True))

    nodes = items_of(again)
    target = list(nodes)[2]  # on the second page, with another node
    await client.disable_node_scheduling(pool_id, target, models.BatchNodeDisableSchedulingOptions(
        node_disable_scheduling_option="taskcompletion"))
    changed = await read(again)
    after = items_of(changed)

    assert after[target].scheduling_state == "disabled" and nodes[target].scheduling_state == "enabled"
    assert after[target] is not nodes[target]
    assert all(after[key] is nodes[key] for key in nodes if key != target)
    assert changed[0] is again[0] and changed[1] is not again[1] and changed[2] is again[2]
    assert after == {n.id: NodeSnapshot.from_model(n) async for n in client.list_nodes(pool_id)}


@pytest.mark.asyncio
async def test_one_item_read_as_raw_json_equals_the_sdks_and_a_missing_one_raises_as_the_sdk_does(connection):
    client = connection.client
    pool_id = await create_idle_pool(client, unique("one"), 1)
    job_id = unique("job")
    await submit_task(client, pool_id, job_id, "t", "/bin/false")
    await wait_for_completion(client, job_id, "t")
    raw = await get_json(client, f"/jobs/{job_id}/tasks/t", TaskSnapshot.WATCH_SELECT, TaskSnapshot.from_json)
    sdk = TaskSnapshot.from_model(await client.get_task(job_id, "t", select=list(TaskSnapshot.WATCH_SELECT)))
    assert raw == sdk and raw.exit_code == 1 and raw.creation_time is not None
    with pytest.raises(ResourceNotFoundError) as missing:
        await get_json(client, f"/jobs/{job_id}/tasks/gone", TaskSnapshot.WATCH_SELECT, TaskSnapshot.from_json)
    assert error_code(missing.value) == "TaskNotFound"
