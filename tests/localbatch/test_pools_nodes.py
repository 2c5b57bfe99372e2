"""Pools and nodes through the unmodified azure-batch async client."""

from __future__ import annotations

import ipaddress

import pytest
from azure.batch import models
from azure.batch.models._models import BatchNodeRebootOptions
from azure.core.exceptions import HttpResponseError, ResourceExistsError, ResourceNotFoundError

from tests.support.batch_scenarios import create_idle_pool, unique, wait_for_idle_nodes
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio


async def test_pool_of_four_nodes_reaches_idle_with_own_loopback_addresses(client, local_batch):
    pool_id = await create_idle_pool(client, unique("pool"), 4, inter_node=True)
    pool = await client.get_pool(pool_id)
    assert pool.current_dedicated_nodes == 4
    assert pool.allocation_state == "steady"
    assert pool.enable_inter_node_communication is True
    assert pool.vm_size == "standard_d2s_v3"
    nodes = [node async for node in client.list_nodes(pool_id)]
    addresses = {node.ip_address for node in nodes}
    assert len(addresses) == 4
    assert all(ipaddress.ip_address(a).is_loopback and a != "127.0.0.1" for a in addresses)
    node = await client.get_node(pool_id, nodes[0].id)
    assert node.state == "idle" and node.is_dedicated


async def test_duplicate_pool_is_409_and_unknown_pool_is_404(client):
    pool_id = unique("dup")
    options = models.BatchPoolCreateOptions(id=pool_id, vm_size="small", target_dedicated_nodes=0)
    await client.create_pool(options)
    with pytest.raises(ResourceExistsError) as error:
        await client.create_pool(models.BatchPoolCreateOptions(id=pool_id.upper(), vm_size="small"))
    assert error.value.error.code == "PoolExists"
    with pytest.raises(ResourceNotFoundError) as error:
        await client.get_pool("no-such-pool")
    assert error.value.error.code == "PoolNotFound"


async def test_resize_up_and_down_then_node_counts(client):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    poller = await client.begin_resize_pool(pool_id, models.BatchPoolResizeOptions(target_dedicated_nodes=3), polling_interval=0.1)
    await poller.result()
    await wait_for_idle_nodes(client, pool_id, 3)
    counts = [c async for c in client.list_pool_node_counts(filter=f"poolId eq '{pool_id}'")]
    assert counts and counts[0].dedicated.idle == 3 and counts[0].dedicated.total == 3
    poller = await client.begin_resize_pool(pool_id, models.BatchPoolResizeOptions(target_dedicated_nodes=1), polling_interval=0.1)
    await poller.result()
    await wait_for_idle_nodes(client, pool_id, 1)


async def test_remove_and_reboot_nodes(client):
    pool_id = await create_idle_pool(client, unique("pool"), 3)
    nodes = [node async for node in client.list_nodes(pool_id)]
    poller = await client.begin_remove_nodes(pool_id, models.BatchNodeRemoveOptions(node_ids=[nodes[0].id]), polling_interval=0.1)
    await poller.result()
    await wait_for_idle_nodes(client, pool_id, 2)
    assert (await client.get_pool(pool_id)).target_dedicated_nodes == 2
    before = await client.get_node(pool_id, nodes[1].id)
    # The SDK refuses to send a reboot without options (batch-notes.md).
    poller = await client.begin_reboot_node(
        pool_id, nodes[1].id, BatchNodeRebootOptions(node_reboot_kind="requeue"), polling_interval=0.1
    )
    await poller.result()

    async def rebooted():
        node = await client.get_node(pool_id, nodes[1].id)
        return node.state == "idle" and node.last_boot_time > before.last_boot_time and node

    await wait_until(rebooted, what="rebooted node idle again")


async def test_delete_pool(client):
    pool_id = await create_idle_pool(client, unique("pool"), 2)
    poller = await client.begin_delete_pool(pool_id, polling_interval=0.1)
    await poller.result()
    with pytest.raises(ResourceNotFoundError):
        await client.get_pool(pool_id)


async def test_start_task_runs_on_each_node_and_failure_marks_node(client):
    pool_id = unique("start")
    await client.create_pool(
        models.BatchPoolCreateOptions(
            id=pool_id,
            vm_size="small",
            target_dedicated_nodes=2,
            start_task=models.BatchStartTask(command_line="/bin/sh -c 'echo started on $AZ_BATCH_NODE_ID'", wait_for_success=True),
        )
    )
    await wait_for_idle_nodes(client, pool_id, 2)
    nodes = [node async for node in client.list_nodes(pool_id)]
    for node in nodes:
        assert node.start_task_info.result == "success"
        stream = await client.download_node_file(pool_id, node.id, "startup/stdout.txt")
        text = b"".join([c async for c in stream]).decode()
        assert text.strip() == f"started on {node.id}"
    failing = unique("startfail")
    await client.create_pool(
        models.BatchPoolCreateOptions(
            id=failing, vm_size="small", target_dedicated_nodes=1,
            start_task=models.BatchStartTask(command_line="/bin/sh -c 'exit 3'", wait_for_success=True),
        )
    )

    async def failed():
        nodes = [node async for node in client.list_nodes(failing)]
        return nodes and nodes[0].state == "starttaskfailed" and nodes[0]

    node = await wait_until(failed, what="start task failure")
    assert node.start_task_info.exit_code == 3


async def test_invalid_pool_bodies_are_400_and_store_nothing(client):
    with pytest.raises(HttpResponseError) as error:
        await client.create_pool(models.BatchPoolCreateOptions(id="bad id!", vm_size="small"))
    assert error.value.status_code == 400 and error.value.error.code == "InvalidPropertyValue"
    with pytest.raises(HttpResponseError) as error:
        await client.create_pool(models.BatchPoolCreateOptions(id=unique("neg"), vm_size="small", target_dedicated_nodes=-1))
    assert error.value.error.code == "InvalidPropertyValue"
    pools = [p.id async for p in client.list_pools(select=["id"])]
    assert "bad id!" not in pools
