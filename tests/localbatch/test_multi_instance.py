"""Multi-instance tasks running real MPI across local nodes, through the unmodified client."""

from __future__ import annotations

import pytest
from azure.batch import models
from azure.core.exceptions import ResourceNotFoundError

from explorer.core.mpi.rank_labels import label_length, rank_of
from tests.support.batch_scenarios import (
    create_idle_pool,
    create_job,
    multi_instance,
    read_node_file,
    read_task_file,
    unique,
    wait_for_completion,
    wait_for_idle_nodes,
)
from tests.support.processes import task_processes as processes_of
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio


async def test_mpi_hello_runs_one_rank_per_node(client, samples):
    pool_id = await create_idle_pool(client, unique("pool"), 4, inter_node=True)
    job_id = await create_job(client, pool_id)
    await client.create_task(job_id, models.BatchTaskCreateOptions(samples.task_json("mpi-hello")))
    task = await wait_for_completion(client, job_id, "mpi-hello", timeout=120)
    stdout = (await read_task_file(client, job_id, "mpi-hello", "stdout.txt")).decode()
    assert task.execution_info.exit_code == 0, stdout + (await read_task_file(client, job_id, "mpi-hello", "stderr.txt")).decode()
    # The sample asks Hydra to label each line by rank (-prepend-rank, as the MPICH preset does).
    lines = [(rank_of(line.encode()), line[label_length(line.encode()):]) for line in stdout.splitlines()]
    rank_lines = [(rank, text) for rank, text in lines if text.startswith("rank=")]
    assert all(text.startswith(f"rank={rank} ") for rank, text in rank_lines)
    nodes_of_ranks = {text.split()[2].removeprefix("node=") for _, text in rank_lines}
    pool_nodes = {node.id async for node in client.list_nodes(pool_id)}
    assert len(rank_lines) == 4 and nodes_of_ranks == pool_nodes
    assert (0, "hello from 4 ranks, sum of ranks = 6") in lines

    subtasks = [s async for s in client.list_subtasks(job_id, "mpi-hello")]
    assert sorted(s.id for s in subtasks) == [1, 2, 3]
    assert {s.node_info.node_id for s in subtasks} == pool_nodes - {task.node_info.node_id}
    for subtask in subtasks:
        assert subtask.state == "completed" and subtask.exit_code == 0
        coordination = await read_node_file(
            client, pool_id, subtask.node_info.node_id, f"{subtask.node_info.task_root_directory}/stdout.txt"
        )
        assert f"instance on node {subtask.node_info.node_id} (master: false)" in coordination.decode()
    primary_coordination = await read_task_file(client, job_id, "mpi-hello", "coordination-stdout.txt")
    assert b"(master: true)" in primary_coordination
    selected = [s async for s in client.list_subtasks(job_id, "mpi-hello", select=["id", "state"])]
    assert all(s.node_info is None and s.state == "completed" for s in selected)
    # Each node's recent task names the instance it ran there: 0 is the primary.
    instance_of = {s.node_info.node_id: s.id for s in subtasks} | {task.node_info.node_id: 0}
    for node_id, instance in instance_of.items():
        recent = next(r for r in (await client.get_node(pool_id, node_id)).recent_tasks if r.task_id == "mpi-hello")
        assert recent.subtask_id == instance, node_id


async def test_task_waits_without_inter_node_pool_and_for_enough_nodes(client):
    plain_pool = await create_idle_pool(client, unique("pool"), 2)
    job_id = await create_job(client, plain_pool)
    await client.create_task(job_id, multi_instance("queued", 2, "/bin/true", "/bin/true"))
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="ordinary", command_line="/bin/true"))
    await wait_for_completion(client, job_id, "ordinary")  # the scheduler has run since the task was added
    assert (await client.get_task(job_id, "queued")).state == "active"

    pool_id = await create_idle_pool(client, unique("pool"), 4, inter_node=True)
    job_id = await create_job(client, pool_id)
    await client.create_task(job_id, multi_instance("five", 5, "/bin/true", "/bin/bash -c 'echo $AZ_BATCH_HOST_LIST'"))
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="ordinary", command_line="/bin/true"))
    await wait_for_completion(client, job_id, "ordinary")
    assert (await client.get_task(job_id, "five")).state == "active"
    poller = await client.begin_resize_pool(pool_id, models.BatchPoolResizeOptions(target_dedicated_nodes=5), polling_interval=0.1)
    await poller.result()
    task = await wait_for_completion(client, job_id, "five")
    assert task.execution_info.exit_code == 0
    hosts = (await read_task_file(client, job_id, "five", "stdout.txt")).decode().strip().split(",")
    assert len(set(hosts)) == 5


async def test_failing_coordination_fails_the_task_before_the_application(client):
    pool_id = await create_idle_pool(client, unique("pool"), 3, inter_node=True)
    job_id = await create_job(client, pool_id)
    coordination = "/bin/bash -c 'test \"$AZ_BATCH_IS_CURRENT_NODE_MASTER\" = true || exit 4'"
    await client.create_task(job_id, multi_instance("badcoord", 3, coordination, "/bin/bash -c 'echo application ran'"))
    task = await wait_for_completion(client, job_id, "badcoord")
    info = task.execution_info
    assert info.result == "failure" and info.failure_info.code == "CoordinationCommandFailed"
    assert "subtask" in info.failure_info.message and "exited with code 4" in info.failure_info.message
    with pytest.raises(ResourceNotFoundError):  # the application command never started
        await read_task_file(client, job_id, "badcoord", "stdout.txt")
    failed = [s async for s in client.list_subtasks(job_id, "badcoord") if s.exit_code == 4]
    assert failed and all(s.state == "completed" and s.result == "failure" for s in failed)


async def test_terminate_leaves_no_process_of_any_instance(client):
    pool_id = await create_idle_pool(client, unique("pool"), 3, inter_node=True)
    job_id = await create_job(client, pool_id)
    # Each instance leaves a daemon that escapes its process group, as an MPI daemon would.
    coordination = "/bin/bash -c 'setsid sleep 300 < /dev/null > /dev/null 2>&1 & echo daemon started'"
    await client.create_task(job_id, multi_instance("longmpi", 3, coordination, "sleep 300"))

    async def running():
        return (await client.get_task(job_id, "longmpi")).state == "running"

    await wait_until(running, what="application command running")
    assert len(processes_of(job_id, "longmpi")) >= 4
    await client.terminate_task(job_id, "longmpi")
    task = await client.get_task(job_id, "longmpi")
    assert task.state == "completed" and task.execution_info.failure_info.code == "TaskEnded"
    assert processes_of(job_id, "longmpi") == []
    await wait_for_idle_nodes(client, pool_id, 3)


async def test_rebooting_a_node_of_an_instance_requeues_the_task(client):
    pool_id = await create_idle_pool(client, unique("pool"), 2, inter_node=True)
    job_id = await create_job(client, pool_id)
    await client.create_task(job_id, multi_instance("victim", 2, "/bin/true", "sleep 300"))

    async def running():
        task = await client.get_task(job_id, "victim")
        return task.state == "running" and task

    await wait_until(running, what="victim running")
    subtask = [s async for s in client.list_subtasks(job_id, "victim")][0]
    from azure.batch.models._models import BatchNodeRebootOptions

    await client.begin_reboot_node(pool_id, subtask.node_info.node_id, BatchNodeRebootOptions(node_reboot_kind="requeue"))

    async def requeued():
        task = await client.get_task(job_id, "victim")
        return task.execution_info.requeue_count >= 1 and task

    await wait_until(requeued, what="task requeued")
    await wait_until(running, what="victim running again after the node came back")
    await client.terminate_task(job_id, "victim")
    assert processes_of(job_id, "victim") == []
