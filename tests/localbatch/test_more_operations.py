"""Job disable/enable, pool updateproperties, supported images, usage metrics, applications, job schedules
and autoscale; properties refused by name; Azure's defaults echoed — through the unmodified azure-batch client."""

from __future__ import annotations

import pytest
from azure.batch import models
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError

from tests.support.batch_scenarios import (
    HeldTask,
    create_idle_pool,
    create_job,
    create_pool,
    python_command,
    unique,
    wait_for_completion,
)
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio


async def job_state(client, job_id: str) -> str:
    return (await client.get_job(job_id)).state


async def test_a_disabled_job_places_no_task_until_enabled_and_requeues_what_ran(client, tmp_path):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    job_id = await create_job(client, pool_id)
    held = HeldTask(tmp_path)
    await client.create_task(job_id, held.body())
    await wait_until(lambda: held.runs == 1, what="the held task running")
    poller = await client.begin_disable_job(job_id, models.BatchJobDisableOptions(disable_tasks="requeue"), polling_interval=0.05)
    await poller.result()
    assert await job_state(client, job_id) == "disabled"
    task = await client.get_task(job_id, held.id)
    assert task.state == "active" and task.execution_info.requeue_count == 1
    held.release()
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="added-while-disabled", command_line=python_command("pass")))
    assert (await client.get_task(job_id, "added-while-disabled")).state == "active"
    poller = await client.begin_enable_job(job_id, polling_interval=0.05)
    await poller.result()
    assert await job_state(client, job_id) == "active"
    for task_id in (held.id, "added-while-disabled"):
        assert (await wait_for_completion(client, job_id, task_id)).execution_info.exit_code == 0
    assert held.runs == 2
    with pytest.raises(HttpResponseError) as error:
        await client.begin_enable_job(job_id)
    assert error.value.error.code == "JobNotDisabled"


async def test_pool_updateproperties_replaces_start_task_and_metadata(client):
    pool_id = await create_pool(client, unique("pool"), 0, start_task=models.BatchStartTask(command_line="/bin/true"))
    await client.replace_pool_properties(pool_id, models.BatchPoolReplaceOptions(
        application_package_references=[], metadata=[models.BatchMetadataItem(name="a", value="1")],
    ))
    pool = await client.get_pool(pool_id)
    assert pool.start_task is None  # omitted: removed, as `az batch pool reset` expects
    assert [(m.name, m.value) for m in pool.metadata] == [("a", "1")]
    with pytest.raises(HttpResponseError) as error:
        await client.replace_pool_properties(pool_id, models.BatchPoolReplaceOptions(
            metadata=[],
            application_package_references=[models.BatchApplicationPackageReference(application_id="app")],
        ))
    # As Azure answers a pool whose packages cannot be satisfied (Local Batch has none).
    assert (error.value.status_code, error.value.error.code) == (409, "InvalidApplicationPackageReferences")
    assert "app" in error.value.error.message and "resource files" in error.value.error.message


async def test_a_pool_naming_application_packages_is_answered_as_azure_answers_missing_ones(client):
    references = [models.BatchApplicationPackageReference(application_id="mpich", version="4.2")]
    with pytest.raises(HttpResponseError) as error:
        await client.create_pool(models.BatchPoolCreateOptions(id=unique("pool"), vm_size="s", application_package_references=references))
    assert (error.value.status_code, error.value.error.code) == (409, "InvalidApplicationPackageReferences")
    assert "mpich 4.2" in error.value.error.message and "resource files" in error.value.error.message


@pytest.mark.parametrize(("kind", "body", "named"), [
    ("pool", {"network_configuration": models.NetworkConfiguration(subnet_id="/subscriptions/s/x")}, "networkConfiguration"),
    ("pool", {"virtual_machine_configuration": models.VirtualMachineConfiguration(
        image_reference=models.BatchVmImageReference(publisher="canonical", offer="ubuntu-24_04-lts", sku="server"),
        node_agent_sku_id="batch.node.ubuntu 24.04",
        container_configuration=models.BatchContainerConfiguration(type="dockerCompatible"))},
     "virtualMachineConfiguration.containerConfiguration"),
    ("job", {"network_configuration": models.BatchJobNetworkConfiguration(subnet_id="/s", skip_withdraw_from_vnet=True)}, "networkConfiguration"),
    ("task", {"container_settings": models.BatchTaskContainerSettings(image_name="ubuntu")}, "containerSettings"),
    ("task", {"application_package_references": [models.BatchApplicationPackageReference(application_id="mpi")]}, "applicationPackageReferences"),
    ("task", {"exit_conditions": models.ExitConditions(default=models.ExitOptions(job_action="terminate"))}, "exitConditions"),
])
async def test_what_local_batch_cannot_honour_is_refused_by_name(client, kind, body, named):
    pool_id = await create_pool(client, unique("pool"), 0)
    with pytest.raises(HttpResponseError) as error:
        if kind == "pool":
            await client.create_pool(models.BatchPoolCreateOptions(id=unique("refused"), vm_size="s", **body))
        elif kind == "job":
            await client.create_job(models.BatchJobCreateOptions(id=unique("refused"), pool_info=models.BatchPoolInfo(pool_id=pool_id), **body))
        else:
            job_id = await create_job(client, pool_id)
            await client.create_task(job_id, models.BatchTaskCreateOptions(id="refused", command_line="/bin/true", **body))
    assert error.value.status_code == 400
    assert error.value.error.code == "PropertyNotSupportedByLocalBatch"
    assert named in error.value.error.message
    assert [(d.key, d.value) for d in error.value.model.error_values] == [("PropertyName", named)]


async def test_defaults_azure_fills_in_are_echoed(client):
    pool_id = unique("pool")
    await client.create_pool(models.BatchPoolCreateOptions(
        id=pool_id, vm_size="s", start_task=models.BatchStartTask(command_line="/bin/true"),
        task_scheduling_policy=models.BatchTaskSchedulingPolicy(node_fill_type="pack"),
    ))
    pool = await client.get_pool(pool_id)
    assert pool.task_scheduling_policy.node_fill_type == "Pack"
    assert pool.start_task.user_identity.auto_user.scope == "pool"
    job_id = await create_job(client, pool_id)
    job = await client.get_job(job_id)
    assert (job.constraints.max_wall_clock_time.days, job.constraints.max_task_retry_count) == (10675199, 0)
    await client.create_task(job_id, models.BatchTaskCreateOptions(
        id="t", command_line="/bin/true", affinity_info=models.BatchAffinityInfo(affinity_id="TVM:x")))
    task = await client.get_task(job_id, "t")
    assert (task.user_identity.auto_user.scope, task.user_identity.auto_user.elevation_level) == ("pool", "nonadmin")
    assert task.affinity_info.affinity_id == "TVM:x"


async def test_job_put_resets_what_it_omits(client):
    pool_id = await create_pool(client, unique("pool"), 0)
    job_id = unique("job")
    await client.create_job(models.BatchJobCreateOptions(
        id=job_id, pool_info=models.BatchPoolInfo(pool_id=pool_id), priority=7, max_parallel_tasks=3,
        constraints=models.BatchJobConstraints(max_task_retry_count=4),
    ))
    job = await client.get_job(job_id)
    job.priority = None
    job.constraints = None
    job.max_parallel_tasks = None
    job.metadata = None
    await client.replace_job(job_id, job)
    replaced = await client.get_job(job_id)
    assert (replaced.priority, replaced.max_parallel_tasks, replaced.constraints.max_task_retry_count) == (0, -1, 0)


async def test_supported_images_usage_metrics_applications(client):
    images = [image async for image in client.list_supported_images()]
    assert any(image.node_agent_sku_id == "batch.node.ubuntu 24.04" and image.image_reference.offer == "ubuntu-24_04-lts" for image in images)
    assert all(image.os_type == "linux" for image in images)
    pool_id = await create_idle_pool(client, unique("pool"), 2)
    metrics = [m async for m in client.list_pool_usage_metrics(filter=f"poolId eq '{pool_id}'")]
    assert len(metrics) == 1 and metrics[0].total_core_hours > 0 and metrics[0].vm_size == "standard_d2s_v3"
    assert [app async for app in client.list_applications()] == []
    with pytest.raises(ResourceNotFoundError) as error:
        await client.get_application("mpi")
    assert error.value.error.code == "ApplicationNotFound"


async def test_autoscale_says_why_it_does_not_run(client):
    pool_id = await create_pool(client, unique("pool"), 0)
    with pytest.raises(HttpResponseError) as error:
        await client.enable_pool_auto_scale(pool_id, models.BatchPoolEnableAutoScaleOptions(auto_scale_formula="$TargetDedicatedNodes=1"))
    assert (error.value.status_code, error.value.error.code) == (400, "OperationNotSupportedByLocalBatch")
    assert "enable pool autoscale" in error.value.error.message and "resize" in error.value.error.message
    await client.disable_pool_auto_scale(pool_id)


async def test_a_job_schedule_makes_its_job_and_completes_with_it(client):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    schedule_id = unique("nightly")
    manager = models.BatchJobScheduleCreateOptions(
        id=schedule_id, schedule=models.BatchJobScheduleConfiguration(),
        job_specification=models.BatchJobSpecification(
            pool_info=models.BatchPoolInfo(pool_id=pool_id), all_tasks_complete_mode="terminatejob", priority=3,
        ),
        metadata=[models.BatchMetadataItem(name="owner", value="test")],
    )
    await client.create_job_schedule(manager)
    jobs = [job async for job in client.list_jobs_from_schedule(schedule_id)]
    assert [(job.id, job.priority) for job in jobs] == [(f"{schedule_id}:job-1", 3)]
    schedule = await client.get_job_schedule(schedule_id)
    assert schedule.state == "active" and schedule.execution_info.recent_job.id == f"{schedule_id}:job-1"
    assert schedule.execution_info.next_run_time is None  # no recurrence: one job
    await client.create_task(jobs[0].id, models.BatchTaskCreateOptions(id="t", command_line=python_command("pass")))
    await wait_for_completion(client, jobs[0].id, "t")

    async def completed() -> bool:
        return (await client.get_job_schedule(schedule_id)).state == "completed"

    await wait_until(completed, what="the schedule completed with its job")
    assert schedule_id in [s.id async for s in client.list_job_schedules()]
    poller = await client.begin_delete_job_schedule(schedule_id, polling_interval=0.05)
    await poller.result()
    with pytest.raises(ResourceNotFoundError) as error:
        await client.get_job_schedule(schedule_id)
    assert error.value.error.code == "JobScheduleNotFound"


async def test_a_recurring_schedule_waits_disables_and_terminates(client):
    from datetime import datetime, timedelta, timezone

    pool_id = await create_pool(client, unique("pool"), 0)
    schedule_id = unique("hourly")
    start = datetime.now(timezone.utc) + timedelta(hours=1)
    await client.create_job_schedule(models.BatchJobScheduleCreateOptions(
        id=schedule_id,
        schedule=models.BatchJobScheduleConfiguration(do_not_run_until=start, recurrence_interval=timedelta(hours=1)),
        job_specification=models.BatchJobSpecification(pool_info=models.BatchPoolInfo(pool_id=pool_id)),
    ))
    schedule = await client.get_job_schedule(schedule_id)
    assert abs((schedule.execution_info.next_run_time - start).total_seconds()) < 1
    assert [job async for job in client.list_jobs_from_schedule(schedule_id)] == []
    await client.disable_job_schedule(schedule_id)
    assert (await client.get_job_schedule(schedule_id)).state == "disabled"
    await client.enable_job_schedule(schedule_id)
    poller = await client.begin_terminate_job_schedule(schedule_id, polling_interval=0.05)
    await poller.result()
    assert (await client.get_job_schedule(schedule_id)).state == "completed"
    with pytest.raises(HttpResponseError) as error:  # Azure's shortest recurrence is a minute
        await client.create_job_schedule(models.BatchJobScheduleCreateOptions(
            id=unique("fast"), schedule=models.BatchJobScheduleConfiguration(recurrence_interval=timedelta(seconds=5)),
            job_specification=models.BatchJobSpecification(pool_info=models.BatchPoolInfo(pool_id=pool_id)),
        ))
    assert error.value.error.code == "InvalidPropertyValue"
    with pytest.raises(HttpResponseError) as error:  # the specification is checked as a job would be
        await client.create_job_schedule(models.BatchJobScheduleCreateOptions(
            id=unique("bad"), schedule=models.BatchJobScheduleConfiguration(),
            job_specification=models.BatchJobSpecification(pool_info=models.BatchPoolInfo(pool_id=pool_id), priority=5000),
        ))
    assert error.value.error.code == "InvalidPropertyValue" and "priority" in error.value.error.message


async def test_conditional_headers_answer_304_and_412_as_azure(client):
    from datetime import datetime, timedelta, timezone

    from azure.core.exceptions import ResourceModifiedError, ResourceNotModifiedError

    pool_id = await create_pool(client, unique("pool"), 0)
    pool = await client.get_pool(pool_id)
    later, earlier = pool.last_modified + timedelta(seconds=1), pool.last_modified - timedelta(seconds=1)
    assert (await client.get_pool(pool_id, if_modified_since=earlier)).id == pool_id
    with pytest.raises((ResourceNotModifiedError, HttpResponseError)) as error:
        await client.get_pool(pool_id, if_modified_since=later)
    assert error.value.status_code == 304
    with pytest.raises((ResourceModifiedError, HttpResponseError)) as error:
        await client.update_pool(pool_id, models.BatchPoolUpdateOptions(display_name="x"), if_unmodified_since=earlier)
    assert error.value.status_code == 412
    await client.update_pool(pool_id, models.BatchPoolUpdateOptions(display_name="x"), if_unmodified_since=datetime.now(timezone.utc) + timedelta(minutes=1))
    assert (await client.get_pool(pool_id)).display_name == "x"


async def test_file_properties_and_listing_carry_azures_headers(client):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    job_id = await create_job(client, pool_id)
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="files", command_line="/bin/bash -c 'mkdir -p out; echo x > \"out/a b.txt\"'"))
    task = await wait_for_completion(client, job_id, "files")
    props = await client.get_task_file_properties(job_id, "files", "wd/out/a b.txt")
    assert props.is_directory is False and props.file_mode == "0o100644"
    assert props.url.endswith("/files/wd%2Fout%2Fa%20b.txt")
    entries = {entry.name: entry async for entry in client.list_task_files(job_id, "files", recursive=True)}
    assert entries["wd/out"].is_directory and entries["wd/out"].properties is None
    assert entries["stdout.txt"].properties.content_type == "text/plain"
    assert entries["wd/out/a b.txt"].url == props.url
    assert task.execution_info.exit_code == 0


@pytest.mark.parametrize(("image_id", "accepted"), [
    ("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/mpi/versions/1.0.0", True),
    ("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/images/mpi", True),
    ("mpi-image", False),
    ("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/galleries/g", False),
])
async def test_a_virtual_machine_image_id_must_be_an_arm_image_id(client, image_id, accepted):
    options = models.BatchPoolCreateOptions(id=unique("image"), vm_size="s", virtual_machine_configuration=models.VirtualMachineConfiguration(
        image_reference=models.BatchVmImageReference(virtual_machine_image_id=image_id), node_agent_sku_id="batch.node.ubuntu 24.04"))
    if accepted:
        await client.create_pool(options)
        return
    with pytest.raises(HttpResponseError) as error:
        await client.create_pool(options)
    assert error.value.error.code == "InvalidPropertyValue" and "virtualMachineImageId" in error.value.error.message


def vm_configuration(agent: str, publisher: str = "", offer: str = "", sku: str = "") -> models.VirtualMachineConfiguration:
    return models.VirtualMachineConfiguration(
        image_reference=models.BatchVmImageReference(publisher=publisher, offer=offer, sku=sku), node_agent_sku_id=agent)


@pytest.mark.parametrize(("configuration", "code", "named"), [
    (vm_configuration("batch.node.ubuntu 24.04", "Canonical", "UbuntuServer", "18.04-LTS"),
     "InvalidPropertyValue", "virtualMachineConfiguration.imageReference"),
    (vm_configuration("batch.node.ubuntu 22.04", "canonical", "ubuntu-24_04-lts", "server"),
     "InvalidPropertyValue", "virtualMachineConfiguration.nodeAgentSKUId"),
    (vm_configuration("batch.node.windows amd64", "MicrosoftWindowsServer", "WindowsServer", "2022-datacenter"),
     "PropertyNotSupportedByLocalBatch", "virtualMachineConfiguration.imageReference"),
    (models.VirtualMachineConfiguration(
        image_reference=models.BatchVmImageReference(
            virtual_machine_image_id="/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/images/win"),
        node_agent_sku_id="batch.node.windows amd64"),
     "PropertyNotSupportedByLocalBatch", "virtualMachineConfiguration.nodeAgentSKUId"),
])
async def test_an_image_is_checked_against_the_supported_images(client, configuration, code, named):
    pool_id = unique("image")
    with pytest.raises(HttpResponseError) as error:
        await client.create_pool(models.BatchPoolCreateOptions(id=pool_id, vm_size="s", virtual_machine_configuration=configuration))
    assert error.value.status_code == 400 and error.value.error.code == code
    assert dict((d.key, d.value) for d in error.value.model.error_values)["PropertyName"] == named
    assert "supportedimages" in error.value.error.message.lower() or "node agent" in error.value.error.message
    with pytest.raises(ResourceNotFoundError):
        await client.get_pool(pool_id)


async def test_every_supported_image_makes_a_pool_whatever_its_case(client):
    images = [image async for image in client.list_supported_images()]
    pool_ids = [unique("supported") for _ in images]
    for pool_id, image in zip(pool_ids, images, strict=True):
        reference = image.image_reference
        await client.create_pool(models.BatchPoolCreateOptions(
            id=pool_id, vm_size="s", virtual_machine_configuration=vm_configuration(
                image.node_agent_sku_id.upper(), reference.publisher.upper(), reference.offer, reference.sku)))
    assert images and [(await client.get_pool(pool_id)).id for pool_id in pool_ids] == pool_ids


async def test_a_job_not_made_within_its_start_window_is_skipped(client):
    from datetime import datetime, timedelta, timezone

    pool_id = await create_pool(client, unique("pool"), 0)
    now = datetime.now(timezone.utc)

    async def schedule(do_not_run_until, start_window=timedelta(minutes=1)) -> str:
        schedule_id = unique("windowed")
        await client.create_job_schedule(models.BatchJobScheduleCreateOptions(
            id=schedule_id,
            schedule=models.BatchJobScheduleConfiguration(do_not_run_until=do_not_run_until, start_window=start_window),
            job_specification=models.BatchJobSpecification(pool_info=models.BatchPoolInfo(pool_id=pool_id)),
        ))
        return schedule_id

    missed = await schedule(now - timedelta(minutes=10))  # its one job was due 10 minutes ago, for 1 minute
    in_time = await schedule(now - timedelta(seconds=20))

    async def completed(schedule_id: str) -> models.BatchJobSchedule | None:
        found = await client.get_job_schedule(schedule_id)
        return found if found.state == "completed" else None

    skipped = await wait_until(lambda: completed(missed), what="the schedule whose window was missed completing")
    assert skipped.execution_info.recent_job is None
    assert [job async for job in client.list_jobs_from_schedule(missed)] == []
    async def job_made() -> models.BatchJobSchedule | None:
        found = await client.get_job_schedule(in_time)
        return found if found.execution_info.recent_job else None

    made = await wait_until(job_made, what="the schedule in its window making its job")
    assert made.execution_info.recent_job.id == f"{in_time}:job-1" and made.schedule.start_window == timedelta(minutes=1)
    with pytest.raises(HttpResponseError) as error:  # Azure's shortest start window is a minute
        await schedule(now, start_window=timedelta(seconds=30))
    assert error.value.error.code == "InvalidPropertyValue" and "startWindow" in error.value.error.message
