"""State survives a restart; a 5,000-node pool is created and listed in pages of 1000."""

from __future__ import annotations

import asyncio

import pytest
from azure.batch import models

from tests.support.batch_scenarios import (
    HeldTask,
    create_idle_pool,
    create_job,
    read_task_file,
    unique,
    wait_for_completion,
    wait_for_idle_node_count,
)
from tests.support.local_batch import make_client, running_local_batch
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio


async def test_state_survives_a_restart(tmp_path):
    with running_local_batch(tmp_path / "lb") as service:
        async with make_client(service) as client:
            pool_id = await create_idle_pool(client, unique("pool"), 2)
            job_id = await create_job(client, pool_id)
            await client.create_task(job_id, models.BatchTaskCreateOptions(id="t1", command_line="echo persisted"))
            before = await wait_for_completion(client, job_id, "t1")
            nodes_before = sorted([(n.id, n.ip_address) async for n in client.list_nodes(pool_id)])
        await asyncio.to_thread(service.restart)
        async with make_client(service) as client:
            pool = await client.get_pool(pool_id)
            assert pool.current_dedicated_nodes == 2
            assert sorted([(n.id, n.ip_address) async for n in client.list_nodes(pool_id)]) == nodes_before
            after = await client.get_task(job_id, "t1")
            assert after.state == "completed" and after.execution_info.exit_code == 0
            assert after.etag == before.etag and after.last_modified == before.last_modified
            assert await read_task_file(client, job_id, "t1", "stdout.txt") == b"persisted\n"


async def test_an_attempt_cut_off_by_a_stop_is_neither_counted_nor_recent_on_its_node(tmp_path):
    held = HeldTask(tmp_path / "held")
    with running_local_batch(tmp_path / "lb") as service:
        async with make_client(service) as client:
            pool_id = await create_idle_pool(client, unique("pool"), 1)
            job_id = await create_job(client, pool_id)
            await client.create_task(job_id, held.body())
            await wait_until(lambda: held.runs == 1, what="the held task running")
        await asyncio.to_thread(service.restart)  # a clean stop: the attempt is cut off, then requeued
        async with make_client(service) as client:
            await wait_until(lambda: held.runs == 2, what="the held task running again")
            held.release()
            await wait_for_completion(client, job_id, held.id)
            [node] = [node async for node in client.list_nodes(pool_id)]
            node = await client.get_node(pool_id, node.id)
            assert node.total_tasks_run == 1 and node.total_tasks_succeeded == 1
            assert [(r.task_id, r.task_state) for r in node.recent_tasks] == [(held.id, "completed")]


async def test_five_thousand_node_pool_lists_in_five_pages(client, local_batch):
    pool_id = "big-pool"
    await client.create_pool(models.BatchPoolCreateOptions(id=pool_id, vm_size="small", target_dedicated_nodes=5000))
    await wait_for_idle_node_count(client, pool_id, 5000)
    pages = client.list_nodes(pool_id, select=["id", "state"]).by_page()
    sizes = []
    ids = set()
    async for page in pages:
        items = [node async for node in page]
        sizes.append(len(items))
        ids.update(node.id for node in items)
        assert all(node.ip_address is None for node in items)  # $select honoured
    assert sizes == [1000] * 5 and len(ids) == 5000
    node_dirs = local_batch.data_dir / "nodes" / pool_id
    assert not node_dirs.exists() or not any(node_dirs.iterdir())  # no node used yet: no directories
    some_node = sorted(ids)[0]
    [f async for f in client.list_node_files(pool_id, some_node)]
    assert sorted(p.name for p in node_dirs.iterdir()) == [some_node.lower()]
