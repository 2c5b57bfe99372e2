"""Job preparation, release and manager tasks, through the unmodified client against a real Local Batch."""

from __future__ import annotations

import asyncio

import pytest
from azure.batch import models
from azure.batch.models._models import BatchJobTerminateOptions, BatchNodeRebootOptions
from azure.core.exceptions import HttpResponseError

from tests.support.batch_scenarios import (
    create_idle_pool,
    create_pool,
    multi_instance,
    read_node_file,
    read_task_file,
    unique,
    wait_for_completion,
    wait_for_idle_nodes,
    waiting_for_file,
)
from tests.support.local_batch import make_client, running_local_batch
from tests.support.processes import process_runs
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

    await client.create_task(job_id, multi_instance("mpi", 3, CHECK, CHECK))
    task = await wait_for_completion(client, job_id, "mpi", timeout=120)
    assert task.execution_info.exit_code == 0, await read_task_file(client, job_id, "mpi", "coordination-stderr.txt")
    pool_nodes = {node.id async for node in client.list_nodes(pool_id)}
    entries = await statuses(client, job_id)
    assert {entry.node_id for entry in entries} == pool_nodes
    paged = [entry async for entry in client.list_job_preparation_and_release_task_status(job_id, max_results=1)]
    assert [entry.node_id for entry in paged] == [entry.node_id for entry in entries]
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


async def test_a_reimaged_node_forgets_a_failed_preparation_and_prepares_again(client, tmp_path):
    from azure.batch.models._models import BatchNodeReimageOptions

    pool_id = await create_idle_pool(client, unique("pool"), 1)
    [node_id] = [node.id async for node in client.list_nodes(pool_id)]
    installable = tmp_path / "installable"
    job_id = await create_prepared_job(client, pool_id, f"/bin/test -e {installable}")
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="after-reimage", command_line="/bin/true"))

    async def prep_failed() -> bool:
        entries = await statuses(client, job_id)
        info = entries[0].job_preparation_task_execution_info if entries else None
        return info is not None and info.result == "failure"

    await wait_until(prep_failed, what="the preparation task to fail")
    installable.touch()
    poller = await client.begin_reimage_node(pool_id, node_id, BatchNodeReimageOptions(node_reimage_option="requeue"), polling_interval=0.05)
    await poller.result()
    task = await wait_for_completion(client, job_id, "after-reimage")  # prepared again on the clean node
    assert task.node_info.node_id == node_id and task.execution_info.exit_code == 0


async def test_preparation_and_release_refusals(client):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    plain = unique("job")
    await client.create_job(models.BatchJobCreateOptions(id=plain, pool_info=models.BatchPoolInfo(pool_id=pool_id)))
    with pytest.raises(HttpResponseError) as refused:
        await statuses(client, plain)
    assert refused.value.status_code == 409 and refused.value.error.code == "JobPreparationTaskNotSpecified"

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


async def create_managed_job(client, pool_id: str, manager: models.BatchJobManagerTask) -> str:
    job_id = unique("job")
    await client.create_job(
        models.BatchJobCreateOptions(id=job_id, pool_info=models.BatchPoolInfo(pool_id=pool_id), job_manager_task=manager)
    )
    return job_id


async def running(client, job_id: str, task_id: str):
    task = await client.get_task(job_id, task_id)
    return task if task.state == "running" else None


async def test_job_manager_runs_exclusive_as_a_task_of_the_job(client, tmp_path):
    pool_id = await create_pool(client, unique("pool"), 1, slots=2)
    await wait_for_idle_nodes(client, pool_id, 1)
    manager = models.BatchJobManagerTask(id="manager", command_line=waiting_for_file(tmp_path / "go"), kill_job_on_completion=False)
    job_id = await create_managed_job(client, pool_id, manager)
    echoed = (await client.get_job(job_id)).job_manager_task
    assert echoed.id == "manager" and echoed.run_exclusive and not echoed.kill_job_on_completion
    assert echoed.allow_low_priority_node and echoed.command_line == manager.command_line

    task = await wait_until(lambda: running(client, job_id, "manager"), what="the job manager running")
    node = await client.get_node(pool_id, task.node_info.node_id)
    assert node.running_task_slots_count == 2  # exclusive: no other task shares its node
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="worker", command_line="/bin/true"))
    (tmp_path / "go").touch()
    assert (await wait_for_completion(client, job_id, "manager")).execution_info.exit_code == 0
    assert (await wait_for_completion(client, job_id, "worker")).execution_info.exit_code == 0
    assert (await client.get_job(job_id)).state == "active"  # killJobOnCompletion false: the job goes on


async def test_job_manager_completion_ends_the_job(client, tmp_path):
    pool_id = await create_pool(client, unique("pool"), 1, slots=2)
    await wait_for_idle_nodes(client, pool_id, 1)
    manager = models.BatchJobManagerTask(id="manager", command_line=waiting_for_file(tmp_path / "go"), run_exclusive=False)
    job_id = await create_managed_job(client, pool_id, manager)
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="long", command_line="sleep 300"))
    await wait_until(lambda: running(client, job_id, "long"), what="the long task running beside the manager")
    (tmp_path / "go").touch()

    async def job_completed():
        job = await client.get_job(job_id)
        return job if job.state == "completed" else None

    job = await wait_until(job_completed, what="the job to complete with its manager")
    assert job.execution_info.termination_reason == "JMComplete"
    long = await client.get_task(job_id, "long")
    assert long.state == "completed" and long.execution_info.failure_info.code == "TaskEnded"


async def test_tasks_do_not_wait_for_a_preparation_without_wait_for_success(client):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    job_id = unique("job")
    await client.create_job(
        models.BatchJobCreateOptions(
            id=job_id, pool_info=models.BatchPoolInfo(pool_id=pool_id),
            job_preparation_task=models.BatchJobPreparationTask(command_line="/bin/bash -c 'exit 1'", wait_for_success=False),
        )
    )
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="first", command_line="/bin/true"))
    assert (await wait_for_completion(client, job_id, "first")).execution_info.result == "success"

    async def prep_failed():
        entries = await statuses(client, job_id)
        info = entries[0].job_preparation_task_execution_info if entries else None
        return info if info is not None and info.state == "completed" else None

    assert (await wait_until(prep_failed, what="the preparation task to end")).result == "failure"
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="second", command_line="/bin/true"))
    assert (await wait_for_completion(client, job_id, "second")).execution_info.result == "success"


@pytest.mark.parametrize("rerun", [True, False])
async def test_a_reboot_reruns_a_preparation_that_succeeded_when_asked(client, rerun):
    from azure.batch.models._models import BatchNodeRebootOptions

    pool_id = await create_idle_pool(client, unique("pool"), 1)
    [node_id] = [node.id async for node in client.list_nodes(pool_id)]
    job_id = unique("job")
    count_runs = "/bin/bash -c 'echo run >> $AZ_BATCH_NODE_SHARED_DIR/preparations'"
    await client.create_job(
        models.BatchJobCreateOptions(
            id=job_id, pool_info=models.BatchPoolInfo(pool_id=pool_id),
            job_preparation_task=models.BatchJobPreparationTask(command_line=count_runs, rerun_on_node_reboot_after_success=rerun),
        )
    )
    show_runs = "/bin/bash -c 'wc -l < $AZ_BATCH_NODE_SHARED_DIR/preparations'"
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="before", command_line=show_runs))
    await wait_for_completion(client, job_id, "before")
    poller = await client.begin_reboot_node(pool_id, node_id, BatchNodeRebootOptions(node_reboot_kind="requeue"), polling_interval=0.1)
    await poller.result()
    await wait_for_idle_nodes(client, pool_id, 1)
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="after", command_line=show_runs))
    await wait_for_completion(client, job_id, "after")
    assert (await read_task_file(client, job_id, "before", "stdout.txt")).strip() == b"1"
    assert (await read_task_file(client, job_id, "after", "stdout.txt")).strip() == (b"2" if rerun else b"1")


async def test_a_restarted_service_keeps_what_preparation_did_and_releases_on_terminate(tmp_path):
    count_runs = "/bin/bash -c 'echo run >> $AZ_BATCH_NODE_SHARED_DIR/preparations'"
    show_runs = "/bin/bash -c 'wc -l < $AZ_BATCH_NODE_SHARED_DIR/preparations'"
    with running_local_batch(tmp_path / "lb") as service:
        async with make_client(service) as client:
            pool_id = await create_idle_pool(client, unique("pool"), 1)
            job_id = await create_prepared_job(client, pool_id, count_runs, release="/bin/true")
            await client.create_task(job_id, models.BatchTaskCreateOptions(id="before", command_line=show_runs))
            await wait_for_completion(client, job_id, "before")
        await asyncio.to_thread(service.restart)
        async with make_client(service) as client:
            [entry] = await statuses(client, job_id)
            assert entry.job_preparation_task_execution_info.result == "success"
            await client.create_task(job_id, models.BatchTaskCreateOptions(id="after", command_line=show_runs))
            await wait_for_completion(client, job_id, "after")
            assert (await read_task_file(client, job_id, "after", "stdout.txt")).strip() == b"1"  # not prepared again
            poller = await client.begin_terminate_job(job_id, BatchJobTerminateOptions(termination_reason="done"), polling_interval=0.1)
            await poller.result()
            [entry] = await statuses(client, job_id)
            assert entry.job_release_task_execution_info.result == "success"


async def test_a_multi_instance_task_waits_for_enough_nodes_its_preparation_did_not_fail_on(client):
    pool_id = await create_idle_pool(client, unique("pool"), 3, inter_node=True)
    bad = sorted([node.id async for node in client.list_nodes(pool_id)])[0]
    job_id = await create_prepared_job(client, pool_id, f"/bin/bash -c 'test $AZ_BATCH_NODE_ID != {bad}'")
    await client.create_task(job_id, multi_instance("gang", 3, "/bin/true", "/bin/true"))

    async def failed_on_bad_node():
        entries = {entry.node_id: entry.job_preparation_task_execution_info for entry in await statuses(client, job_id)}
        info = entries.get(bad)
        return info if info is not None and info.state == "completed" else None

    assert (await wait_until(failed_on_bad_node, what="the preparation to fail on one node")).result == "failure"

    async def back_in_queue():
        task = await client.get_task(job_id, "gang")
        return task if task.state == "active" else None

    await wait_until(back_in_queue, what="the task back in the queue")  # two eligible nodes are not enough for three
    poller = await client.begin_resize_pool(pool_id, models.BatchPoolResizeOptions(target_dedicated_nodes=4), polling_interval=0.1)
    await poller.result()
    task = await wait_for_completion(client, job_id, "gang", timeout=120)
    assert task.execution_info.exit_code == 0
    used = {task.node_info.node_id} | {s.node_info.node_id async for s in client.list_subtasks(job_id, "gang")}
    assert len(used) == 3 and bad not in used


async def test_deleting_the_job_removes_its_preparation_and_release_directories(client):
    from azure.core.exceptions import ResourceNotFoundError

    pool_id = await create_idle_pool(client, unique("pool"), 1)
    [node_id] = [node.id async for node in client.list_nodes(pool_id)]
    job_id = await create_prepared_job(client, pool_id, "/bin/true", release="/bin/true")
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="t", command_line="/bin/true"))
    await wait_for_completion(client, job_id, "t")
    stdout = f"workitems/{job_id}/job-1/jobpreparation/stdout.txt"
    assert await read_node_file(client, pool_id, node_id, stdout) == b""
    poller = await client.begin_delete_job(job_id, polling_interval=0.1)
    await poller.result()
    for kind in ("jobpreparation", "jobrelease"):
        with pytest.raises(ResourceNotFoundError):
            await read_node_file(client, pool_id, node_id, f"workitems/{job_id}/job-1/{kind}/stdout.txt")


@pytest.mark.parametrize("end", ["terminate", "reboot"])
async def test_a_daemon_the_preparation_starts_serves_the_jobs_tasks_until_the_release(client, end):
    """As on Azure (whose release task is there to shut down services the preparation started): the daemon lives on
    for the job's tasks and its release task, and Local Batch ends what is left after the release — or when the node goes."""
    import shlex

    marker = unique("prep-daemon")
    pid_file = '"$AZ_BATCH_NODE_SHARED_DIR/daemon.pid"'
    daemon = f"setsid /bin/bash -c 'sleep 300; : {marker}' >/dev/null 2>&1 </dev/null & echo $! > {pid_file}"
    alive = f"kill -0 $(cat {pid_file})"
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    [node_id] = [node.id async for node in client.list_nodes(pool_id)]
    job_id = await create_prepared_job(
        client, pool_id, f"/bin/bash -c {shlex.quote(daemon)}",
        release=f"/bin/bash -c {shlex.quote(alive + ' && echo the daemon still runs')}",
    )
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="uses-daemon", command_line=f"/bin/bash -c {shlex.quote(alive)}"))
    task = await wait_for_completion(client, job_id, "uses-daemon")
    assert task.execution_info.exit_code == 0  # the preparation had completed, its daemon still ran
    pid = int((await read_node_file(client, pool_id, node_id, "shared/daemon.pid")).decode())
    assert process_runs(pid, marker)

    if end == "terminate":
        poller = await client.begin_terminate_job(job_id, BatchJobTerminateOptions(termination_reason="done"), polling_interval=0.1)
        await poller.result()
        [entry] = await statuses(client, job_id)
        release = entry.job_release_task_execution_info
        assert release.exit_code == 0, "the daemon was gone before the release task ran"
        assert await read_node_file(client, pool_id, node_id, f"{release.task_root_directory}/stdout.txt") == b"the daemon still runs\n"
    else:
        poller = await client.begin_reboot_node(pool_id, node_id, BatchNodeRebootOptions(node_reboot_kind="requeue"), polling_interval=0.05)
        await poller.result()
    await wait_until(lambda: not process_runs(pid, marker), what="the preparation's daemon to end")
