"""Lists read as raw JSON through the SDK's pipeline: the same items as the SDK's models, every page, its errors."""

from __future__ import annotations

import pytest
from azure.core.exceptions import ResourceNotFoundError

from explorer.client.errors import error_code
from explorer.client.watching.list_pages import list_json
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
