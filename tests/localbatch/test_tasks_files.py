"""Ordinary tasks and their files through the unmodified azure-batch async client."""

from __future__ import annotations

import asyncio
import sys

import pytest
from azure.batch import models
from azure.core.exceptions import HttpResponseError, ResourceExistsError, ResourceNotFoundError

from tests.support.batch_scenarios import create_idle_pool, create_job, read_task_file, unique, wait_for_completion
from tests.support.local_batch import make_client
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio

WRITER = (
    f"{sys.executable} -c \"import os, sys; sys.stdout.write('line one\\nline two\\n'); "
    "sys.stderr.write('to stderr\\n'); os.makedirs('out/deep', exist_ok=True); "
    "open('out/deep/result.txt', 'w').write(os.environ['AZ_BATCH_TASK_ID'])\""
)


@pytest.fixture(scope="module")
def pool_and_job(local_batch):
    async def setup():
        async with make_client(local_batch) as client:
            pool_id = await create_idle_pool(client, unique("pool"), 2, slots=2)
            return pool_id, await create_job(client, pool_id)

    return asyncio.run(setup())


async def test_task_writes_stdout_and_stderr_read_whole_and_by_range(client, pool_and_job):
    _, job_id = pool_and_job
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="writer", command_line=WRITER))
    task = await wait_for_completion(client, job_id, "writer")
    assert task.execution_info.exit_code == 0 and task.execution_info.result == "success"
    assert await read_task_file(client, job_id, "writer", "stdout.txt") == b"line one\nline two\n"
    assert await read_task_file(client, job_id, "writer", "stderr.txt") == b"to stderr\n"
    assert await read_task_file(client, job_id, "writer", "stdout.txt", ocp_range="bytes=5-7") == b"one"
    assert await read_task_file(client, job_id, "writer", "stdout.txt", ocp_range="bytes=9-") == b"line two\n"
    props = await client.get_task_file_properties(job_id, "writer", "stdout.txt")
    assert props.content_length == 18 and props.is_directory is False
    assert await read_task_file(client, job_id, "writer", "wd/out/deep/result.txt") == b"writer"

    node = await client.get_node(task.node_info.pool_id, task.node_info.node_id)
    recent = next(r for r in node.recent_tasks if r.task_id == "writer")
    assert recent.task_state == "completed" and recent.execution_info.exit_code == 0


async def test_files_listed_recursively_and_filtered(client, pool_and_job):
    _, job_id = pool_and_job
    task_id = unique("lister")
    await client.create_task(job_id, models.BatchTaskCreateOptions(id=task_id, command_line=WRITER))
    await wait_for_completion(client, job_id, task_id)
    names = {f.name async for f in client.list_task_files(job_id, task_id, recursive=True)}
    assert {"stdout.txt", "stderr.txt", "wd", "wd/out", "wd/out/deep", "wd/out/deep/result.txt"} <= names
    top = {f.name async for f in client.list_task_files(job_id, task_id)}
    assert "wd/out" not in top and "stdout.txt" in top
    only_wd = {f.name async for f in client.list_task_files(job_id, task_id, recursive=True, filter="startswith(name,'wd/out')")}
    assert only_wd == {"wd/out", "wd/out/deep", "wd/out/deep/result.txt"}


async def test_nonzero_exit_is_failure_and_retries_are_counted(client, pool_and_job):
    # A job of its own: the module's shared job holds other tests' failed tasks.
    job_id = await create_job(client, pool_and_job[0])
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="succeeds", command_line="/bin/true"))
    await client.create_task(
        job_id,
        models.BatchTaskCreateOptions(
            id="fails", command_line="/bin/sh -c 'exit 7'", constraints=models.BatchTaskConstraints(max_task_retry_count=2)
        ),
    )
    await wait_for_completion(client, job_id, "succeeds")
    task = await wait_for_completion(client, job_id, "fails")
    info = task.execution_info
    assert info.exit_code == 7 and info.result == "failure" and info.retry_count == 2
    assert info.failure_info.code == "FailureExitCode"
    failed = [t.id async for t in client.list_tasks(job_id, filter="executionInfo/result eq 'failure'", select=["id"])]
    # Other tests of this module share the job: the filter must pick exactly the failed tasks.
    assert "fails" in failed
    assert failed == [t.id async for t in client.list_tasks(job_id) if t.execution_info and t.execution_info.result == "failure"]


async def test_task_killed_past_max_wall_clock_time(client, pool_and_job):
    import datetime

    _, job_id = pool_and_job
    await client.create_task(
        job_id,
        models.BatchTaskCreateOptions(
            id="sleeper",
            command_line="/bin/sh -c 'sleep 60 & sleep 60'",
            constraints=models.BatchTaskConstraints(max_wall_clock_time=datetime.timedelta(seconds=1)),
        ),
    )
    task = await wait_for_completion(client, job_id, "sleeper", timeout=30)
    assert task.execution_info.result == "failure"
    assert task.execution_info.failure_info.code == "MaxWallClockTimeExpiry"
    elapsed = task.execution_info.end_time - task.execution_info.start_time
    assert elapsed < datetime.timedelta(seconds=20)


async def test_command_line_runs_without_a_shell(client, pool_and_job):
    _, job_id = pool_and_job
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="noshell", command_line="echo $AZ_BATCH_TASK_ID"))
    await wait_for_completion(client, job_id, "noshell")
    assert await read_task_file(client, job_id, "noshell", "stdout.txt") == b"$AZ_BATCH_TASK_ID\n"
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="missingprog", command_line="no-such-program-xyz"))
    task = await wait_for_completion(client, job_id, "missingprog")
    assert task.execution_info.failure_info.code == "CommandProgramNotFound"


async def test_failed_resource_download_names_the_file(client, pool_and_job, local_batch):
    _, job_id = pool_and_job
    missing = f"{local_batch.endpoint.endpoint}/no/such/file.bin"
    await client.create_task(
        job_id,
        models.BatchTaskCreateOptions(
            id="download", command_line="/bin/true", resource_files=[models.ResourceFile(http_url=missing, file_path="input.bin")]
        ),
    )
    task = await wait_for_completion(client, job_id, "download")
    assert task.execution_info.result == "failure"
    assert missing in task.execution_info.failure_info.message


async def test_terminate_reactivate_delete_and_duplicates(client, pool_and_job):
    _, job_id = pool_and_job
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="long", command_line="sleep 60"))
    with pytest.raises(ResourceExistsError) as error:
        await client.create_task(job_id, models.BatchTaskCreateOptions(id="LONG", command_line="sleep 1"))
    assert error.value.error.code == "TaskExists"

    async def running():
        return (await client.get_task(job_id, "long")).state == "running"

    await wait_until(running, what="long task running")
    await client.terminate_task(job_id, "long")
    task = await client.get_task(job_id, "long")
    assert task.state == "completed" and task.execution_info.failure_info.code == "TaskEnded"
    await client.reactivate_task(job_id, "long")
    assert (await client.get_task(job_id, "long")).state in ("active", "preparing", "running")
    await client.delete_task(job_id, "long")
    with pytest.raises(ResourceNotFoundError) as error:
        await client.get_task(job_id, "long")
    assert error.value.error.code == "TaskNotFound"
    with pytest.raises(HttpResponseError) as error:
        await client.create_task(job_id, models.BatchTaskCreateOptions(id="x", command_line=""))
    assert error.value.status_code == 400


async def test_job_task_counts_terminate_and_select(client, pool_and_job):
    pool_id, _ = pool_and_job
    job_id = await create_job(client, pool_id)
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="ok", command_line="/bin/true"))
    await wait_for_completion(client, job_id, "ok")
    counts = await client.get_job_task_counts(job_id)
    assert counts.task_counts.completed == 1 and counts.task_counts.succeeded == 1
    job = await client.get_job(job_id, select=["id", "state"])
    assert job.id == job_id and job.pool_info is None
    from azure.batch.models._models import BatchJobTerminateOptions

    poller = await client.begin_terminate_job(job_id, BatchJobTerminateOptions(termination_reason="done here"), polling_interval=0.1)
    await poller.result()
    job = await client.get_job(job_id)
    assert job.state == "completed" and job.execution_info.termination_reason == "done here"
