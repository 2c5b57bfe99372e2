"""Job preparation and release tasks, through the unmodified client against a real Local Batch."""

from __future__ import annotations

import pytest
from azure.batch import models
from azure.batch.models._models import BatchJobTerminateOptions
from azure.core.exceptions import HttpResponseError

from tests.support.batch_scenarios import (
    create_idle_pool,
    read_node_file,
    read_task_file,
    unique,
    wait_for_completion,
)
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio

INSTALL = "/bin/bash -c 'echo $AZ_BATCH_NODE_ID > $AZ_BATCH_NODE_SHARED_DIR/mpi-installed; echo installed'"
# Every instance checks that its own node was prepared, and where the preparation ran.
CHECK = "/bin/bash -c 'grep -qx \"$AZ_BATCH_NODE_ID\" $AZ_BATCH_NODE_SHARED_DIR/mpi-installed && test -d \"$AZ_BATCH_JOB_PREP_WORKING_DIR\"'"


async def create_prepared_job(client, pool_id: str, preparation: str, *, release: str | None = None, retries: int = 0) -> str:
    job_id = unique("job")
    await client.create_job(
        models.BatchJobCreateOptions(
            id=job_id,
            pool_info=models.BatchPoolInfo(pool_id=pool_id),
            job_preparation_task=models.BatchJobPreparationTask(
                command_line=preparation, constraints=models.BatchTaskConstraints(max_task_retry_count=retries)
            ),
            job_release_task=models.BatchJobReleaseTask(command_line=release) if release else None,
        )
    )
    return job_id


async def statuses(client, job_id: str) -> list[models.BatchJobPreparationAndReleaseTaskStatus]:
    return [entry async for entry in client.list_job_preparation_and_release_task_status(job_id)]


async def test_mpi_job_prepared_on_every_instance_node_and_released_on_terminate(client):
    pool_id = await create_idle_pool(client, unique("pool"), 3, inter_node=True)
    job_id = await create_prepared_job(client, pool_id, INSTALL, release="/bin/bash -c 'echo released from $AZ_BATCH_NODE_ID'")
    job = await client.get_job(job_id)
    prep = job.job_preparation_task
    assert prep.id == "jobpreparation" and prep.wait_for_success and prep.rerun_on_node_reboot_after_success
    assert job.job_release_task.id == "jobrelease" and job.job_release_task.max_wall_clock_time is not None

    await client.create_task(
        job_id,
        models.BatchTaskCreateOptions(
            id="mpi", command_line=CHECK,
            multi_instance_settings=models.MultiInstanceSettings(number_of_instances=3, coordination_command_line=CHECK),
        ),
    )
    task = await wait_for_completion(client, job_id, "mpi", timeout=120)
    assert task.execution_info.exit_code == 0, await read_task_file(client, job_id, "mpi", "coordination-stderr.txt")
    pool_nodes = {node.id async for node in client.list_nodes(pool_id)}
    entries = await statuses(client, job_id)
    assert {entry.node_id for entry in entries} == pool_nodes
    for entry in entries:
        info = entry.job_preparation_task_execution_info
        assert info.state == "completed" and info.result == "success" and info.exit_code == 0
        assert info.task_root_directory == f"workitems/{job_id}/job-1/jobpreparation"
        assert entry.job_release_task_execution_info is None
        stdout = await read_node_file(client, pool_id, entry.node_id, f"{info.task_root_directory}/stdout.txt")
        assert stdout == b"installed\n"

    poller = await client.begin_terminate_job(job_id, BatchJobTerminateOptions(termination_reason="done"), polling_interval=0.1)
    await poller.result()
    assert (await client.get_job(job_id)).state == "completed"  # only once every release task has run
    for entry in await statuses(client, job_id):
        info = entry.job_release_task_execution_info
        assert info.state == "completed" and info.result == "success" and info.exit_code == 0
        stdout = await read_node_file(client, pool_id, entry.node_id, f"{info.task_root_directory}/stdout.txt")
        assert stdout.decode() == f"released from {entry.node_id}\n"


async def test_failed_preparation_keeps_the_jobs_tasks_off_that_node(client):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    [node_id] = [node.id async for node in client.list_nodes(pool_id)]
    job_id = await create_prepared_job(client, pool_id, "/bin/bash -c 'echo cannot install >&2; exit 3'", retries=1)
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="blocked", command_line="/bin/true"))

    async def prep_failed():
        entries = await statuses(client, job_id)
        info = entries[0].job_preparation_task_execution_info if entries else None
        return info if info is not None and info.state == "completed" else None

    info = await wait_until(prep_failed, what="the preparation task to fail")
    assert info.result == "failure" and info.exit_code == 3 and info.retry_count == 1
    assert info.failure_info.code == "FailureExitCode"

    async def back_in_queue():
        task = await client.get_task(job_id, "blocked")
        return task if task.state == "active" else None

    # As on Batch: the task goes back to the queue, and no node of the pool may take it.
    task = await wait_until(back_in_queue, what="the task back in the queue")
    assert task.execution_info.result is None
    other_job = unique("job")
    await client.create_job(models.BatchJobCreateOptions(id=other_job, pool_info=models.BatchPoolInfo(pool_id=pool_id)))
    await client.create_task(other_job, models.BatchTaskCreateOptions(id="other", command_line="/bin/true"))
    other = await wait_for_completion(client, other_job, "other")  # the node still serves other jobs
    assert other.node_info.node_id == node_id and other.execution_info.exit_code == 0
    assert (await client.get_task(job_id, "blocked")).state == "active"


async def test_preparation_and_release_refusals(client):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    plain = unique("job")
    await client.create_job(models.BatchJobCreateOptions(id=plain, pool_info=models.BatchPoolInfo(pool_id=pool_id)))
    with pytest.raises(HttpResponseError) as refused:
        await statuses(client, plain)
    assert refused.value.status_code == 409 and refused.value.error.code == "JobPreparationTaskOrReleaseTaskNotSpecified"

    with pytest.raises(HttpResponseError) as refused:
        await client.create_job(
            models.BatchJobCreateOptions(
                id=unique("job"), pool_info=models.BatchPoolInfo(pool_id=pool_id),
                job_release_task=models.BatchJobReleaseTask(command_line="/bin/true"),
            )
        )
    assert refused.value.status_code == 400 and "jobPreparationTask" in refused.value.error.message

    job_id = await create_prepared_job(client, pool_id, "/bin/true")
    with pytest.raises(HttpResponseError) as refused:
        await client.create_task(job_id, models.BatchTaskCreateOptions(id="JobPreparation", command_line="/bin/true"))
    assert refused.value.status_code == 409 and refused.value.error.code == "TaskIdSameAsJobPreparationTask"
