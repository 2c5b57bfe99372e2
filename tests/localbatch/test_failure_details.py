"""`failureInfo.details` as Azure fills it, for tasks, subtasks, start tasks and preparation/release tasks:
what failed (a resource file's source and local path) or, when nothing more is known, the message as `Message`."""

from __future__ import annotations

import pytest
from azure.batch import models

from tests.support.batch_scenarios import (
    create_idle_pool,
    create_job,
    create_pool,
    multi_instance,
    unique,
    wait_for_completion,
)
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio


def details(failure: models.BatchTaskFailureInfo) -> dict[str, str]:
    return {pair.name: pair.value for pair in failure.details}


async def failure_of(read_info, what: str) -> models.BatchTaskFailureInfo:
    """Once the execution info `read_info` reads says the run failed: its failureInfo."""

    async def failed():
        info = await read_info()
        return info.failure_info if info is not None and info.result == "failure" else None

    return await wait_until(failed, what=f"{what} to fail")


async def test_a_task_failure_carries_details(client, local_batch):
    pool_id = await create_idle_pool(client, unique("pool"), 2, inter_node=True)
    job_id = await create_job(client, pool_id)
    missing = f"{local_batch.endpoint.endpoint}/no/such/input.bin?sig=SECRET"
    await client.create_task(job_id, models.BatchTaskCreateOptions(
        id="download", command_line="/bin/true", resource_files=[models.ResourceFile(http_url=missing, file_path="in/input.bin")]))
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="noprogram", command_line="no-such-program-xyz"))
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="exit3", command_line="/bin/bash -c 'exit 3'"))
    await client.create_task(job_id, multi_instance("mpi", 2, "/bin/bash -c 'exit 5'", "/bin/true"))

    download = (await wait_for_completion(client, job_id, "download")).execution_info.failure_info
    found = details(download)
    assert found["BlobSource"] == missing.replace("SECRET", "REDACTED")  # the SAS signature is a secret
    assert found["FilePath"].endswith(f"workitems/{job_id}/job-1/download/wd/in/input.bin")
    assert found["Reason"].startswith("the server answered 403")  # Local Batch refuses the unsigned GET
    assert download.code == "BlobAccessDenied"  # Batch's code for a refused source

    no_program = (await wait_for_completion(client, job_id, "noprogram")).execution_info.failure_info
    assert no_program.code == "CommandProgramNotFound" and details(no_program) == {"Message": no_program.message}
    exit3 = (await wait_for_completion(client, job_id, "exit3")).execution_info.failure_info
    assert exit3.code == "FailureExitCode" and details(exit3) == {"Message": exit3.message}

    await wait_for_completion(client, job_id, "mpi")
    subtasks = [subtask async for subtask in client.list_subtasks(job_id, "mpi")]
    failed = [subtask.failure_info for subtask in subtasks if subtask.result == "failure"]
    assert failed and all(details(failure) == {"Message": failure.message} for failure in failed)


async def test_start_preparation_and_release_failures_carry_details(client):
    start = models.BatchStartTask(command_line="/bin/bash -c 'exit 4'", wait_for_success=True)
    pool_id = await create_pool(client, unique("pool"), 1, start_task=start)

    async def start_task_info():
        nodes = [node async for node in client.list_nodes(pool_id)]
        return nodes[0].start_task_info if nodes else None

    failure = await failure_of(start_task_info, "the start task")
    assert failure.code == "FailureExitCode" and details(failure) == {"Message": failure.message}

    prepared_pool = await create_idle_pool(client, unique("pool"), 1)
    job_id = unique("job")
    await client.create_job(models.BatchJobCreateOptions(
        id=job_id, pool_info=models.BatchPoolInfo(pool_id=prepared_pool),
        job_preparation_task=models.BatchJobPreparationTask(command_line="no-such-installer-xyz"),
    ))
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="t", command_line="/bin/true"))

    async def preparation_info():
        entries = [entry async for entry in client.list_job_preparation_and_release_task_status(job_id)]
        return entries[0].job_preparation_task_execution_info if entries else None

    failure = await failure_of(preparation_info, "the preparation task")
    assert failure.code == "CommandProgramNotFound" and details(failure) == {"Message": failure.message}
