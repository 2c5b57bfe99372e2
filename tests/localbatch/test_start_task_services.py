"""What a start task leaves running keeps running, as on Azure (a start task that starts a service in the
background and ends: an MPI process manager, a metrics agent), until the node reboots or leaves."""

from __future__ import annotations

import asyncio
import shlex

import pytest
from azure.batch import models
from azure.batch.models._models import BatchNodeDisableSchedulingOptions, BatchNodeRebootOptions

from tests.support.batch_scenarios import (
    create_job,
    create_pool,
    read_node_file,
    unique,
    wait_for_completion,
    wait_for_idle_nodes,
)
from tests.support.local_batch import make_client, running_local_batch
from tests.support.processes import process_runs
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio

PID_FILE = "shared/service.pid"


def service_start_task(marker: str) -> models.BatchStartTask:
    """A start task that starts a 'service' in the background, writes its pid, and ends at once."""
    service = (f"setsid /bin/bash -c 'sleep 300; : {marker}' >/dev/null 2>&1 </dev/null & "
               f'echo $! > "$AZ_BATCH_NODE_SHARED_DIR/service.pid"')
    return models.BatchStartTask(command_line=f"/bin/bash -c {shlex.quote(service)}", wait_for_success=True)


async def service_pid(client, pool_id: str, node_id: str) -> int:
    return int((await read_node_file(client, pool_id, node_id, PID_FILE)).decode())


@pytest.mark.parametrize("end", ["reboot", "remove"])
async def test_a_service_the_start_task_starts_runs_until_the_node_reboots_or_leaves(client, end):
    marker = unique("start-service")
    pool_id = await create_pool(client, unique("pool"), 1, start_task=service_start_task(marker))
    [node_id] = await wait_for_idle_nodes(client, pool_id, 1)
    node = await client.get_node(pool_id, node_id)
    assert node.start_task_info.result == "success"  # the start task itself has ended
    pid = await service_pid(client, pool_id, node_id)
    assert process_runs(pid, marker), "the start task's service ended with the start task"

    # Tasks use it, and disabling the node's scheduling (which ends its tasks) leaves it running.
    job_id = await create_job(client, pool_id)
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="uses", command_line=f"/bin/bash -c 'kill -0 {pid}'"))
    assert (await wait_for_completion(client, job_id, "uses")).execution_info.exit_code == 0
    await client.disable_node_scheduling(pool_id, node_id, BatchNodeDisableSchedulingOptions(node_disable_scheduling_option="requeue"))
    await wait_until(lambda: _node_state(client, pool_id, node_id, "offline"), what="the node offline")
    assert process_runs(pid, marker)
    await client.enable_node_scheduling(pool_id, node_id)

    if end == "reboot":
        poller = await client.begin_reboot_node(pool_id, node_id, BatchNodeRebootOptions(node_reboot_kind="requeue"),
                                                polling_interval=0.05)
        await poller.result()
        await wait_until(lambda: not process_runs(pid, marker), what="the first boot's service to end")
        await wait_for_idle_nodes(client, pool_id, 1)
        # The start task ran again on the rebooted node and started the service anew.
        again = await service_pid(client, pool_id, node_id)
        assert again != pid and process_runs(again, marker)
        poller = await client.begin_delete_pool(pool_id, polling_interval=0.1)
        await poller.result()
        await wait_until(lambda: not process_runs(again, marker), what="the service to end with the pool")
    else:
        poller = await client.begin_resize_pool(pool_id, models.BatchPoolResizeOptions(target_dedicated_nodes=0),
                                                polling_interval=0.1)
        await poller.result()
        await wait_until(lambda: not process_runs(pid, marker), what="the service to end with its node")


async def _node_state(client, pool_id: str, node_id: str, state: str) -> bool:
    return (await client.get_node(pool_id, node_id)).state == state


async def test_after_a_restart_of_the_service_the_node_reboots_and_its_start_task_starts_the_service_again(tmp_path):
    """A restarted Local Batch ended what the previous run's start tasks left running: the node reboots."""
    marker = unique("start-service")
    with running_local_batch(tmp_path / "lb") as service:
        async with make_client(service) as client:
            pool_id = await create_pool(client, unique("pool"), 1, start_task=service_start_task(marker))
            [node_id] = await wait_for_idle_nodes(client, pool_id, 1)
            before = await service_pid(client, pool_id, node_id)
            booted = (await client.get_node(pool_id, node_id)).last_boot_time
        await asyncio.to_thread(service.restart)
        assert not process_runs(before, marker)  # it ended with the service, as every process it started
        async with make_client(service) as client:
            await wait_until(lambda: _rebooted(client, pool_id, node_id, booted), what="the node rebooted and idle")
            again = await service_pid(client, pool_id, node_id)
            assert again != before and process_runs(again, marker)
            poller = await client.begin_delete_pool(pool_id, polling_interval=0.1)
            await poller.result()
        await wait_until(lambda: not process_runs(again, marker), what="the service to end with the pool")


async def _rebooted(client, pool_id: str, node_id: str, booted) -> bool:
    node = await client.get_node(pool_id, node_id)
    return node.state == "idle" and node.last_boot_time > booted and node.start_task_info.result == "success"
