"""The JSON we export is what azure-batch 15 builds and reads, field for field."""

from dataclasses import replace
from datetime import timedelta

from azure.batch import models as sdk
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.core.batch_json import pool_json, task_json
from explorer.core.durations import BATCH_MAX_DURATION, format_duration
from explorer.core.specs.environment import EnvironmentSetting
from explorer.core.specs.pool_spec import StartTask
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.task_spec import TaskConstraints
from explorer.core.specs.user_identity import AutoUser, AutoUserScope, ElevationLevel, UserIdentity

SHARED = ResourceFile(
    storage_container_url="https://a.blob.core.windows.net/in?sv=1", blob_prefix="bin/", file_path="bin"
)
PRIMARY_ONLY = ResourceFile(http_url="https://h/hello", file_path="hello", file_mode="0755")
POOL_USER = UserIdentity(auto_user=AutoUser(AutoUserScope.POOL, ElevationLevel.NON_ADMIN))


def full_task(task):
    return replace(
        task,
        display_name="Hello MPI",
        common_resource_files=(SHARED,),
        resource_files=(PRIMARY_ONLY,),
        environment_settings=(EnvironmentSetting("OMP_NUM_THREADS", "1"), EnvironmentSetting("EMPTY")),
        user_identity=POOL_USER,
        constraints=TaskConstraints(timedelta(hours=1, minutes=30), timedelta(days=7), 3),
    )


def sdk_resource_file(resource: ResourceFile) -> sdk.ResourceFile:
    return sdk.ResourceFile(
        http_url=resource.http_url,
        storage_container_url=resource.storage_container_url,
        auto_storage_container_name=resource.auto_storage_container_name,
        blob_prefix=resource.blob_prefix,
        file_path=resource.file_path,
        file_mode=resource.file_mode,
    )


SDK_POOL_USER = sdk.UserIdentity(
    auto_user=sdk.AutoUserSpecification(scope=sdk.AutoUserScope.POOL, elevation_level=sdk.ElevationLevel.NON_ADMIN)
)


def test_task_json_loads_unchanged_into_the_sdk(task):
    spec = full_task(task)
    data = task_json.to_batch_json(spec)
    options = sdk.BatchTaskCreateOptions(data)
    assert options.as_dict() == data
    assert options.id == "hello-4"
    assert options.multi_instance_settings.number_of_instances == 4
    assert options.multi_instance_settings.coordination_command_line == spec.coordination_command_line
    assert options.multi_instance_settings.common_resource_files[0].blob_prefix == "bin/"
    assert options.resource_files[0].file_mode == "0755"
    assert options.environment_settings[1].value is None
    assert options.user_identity.auto_user.elevation_level == sdk.ElevationLevel.NON_ADMIN
    assert options.constraints.max_wall_clock_time == timedelta(hours=1, minutes=30)
    assert options.constraints.retention_time == timedelta(days=7)


def test_task_built_by_the_sdk_reads_back_as_the_spec(task):
    spec = full_task(task)
    options = sdk.BatchTaskCreateOptions(
        id=spec.task_id,
        display_name=spec.display_name,
        command_line=spec.command_line,
        multi_instance_settings=sdk.MultiInstanceSettings(
            number_of_instances=spec.number_of_instances,
            coordination_command_line=spec.coordination_command_line,
            common_resource_files=[sdk_resource_file(SHARED)],
        ),
        resource_files=[sdk_resource_file(PRIMARY_ONLY)],
        environment_settings=[
            sdk.EnvironmentSetting(name="OMP_NUM_THREADS", value="1"),
            sdk.EnvironmentSetting(name="EMPTY"),
        ],
        user_identity=SDK_POOL_USER,
        constraints=sdk.BatchTaskConstraints(
            max_wall_clock_time=timedelta(hours=1, minutes=30), retention_time=timedelta(days=7), max_task_retry_count=3
        ),
    )
    assert task_json.from_batch_json(options.as_dict(), job_id=spec.job_id) == spec


def full_pool(pool_spec):
    start_task = StartTask(
        command_line="/bin/bash -c 'apt-get install -y mpich'",
        resource_files=(PRIMARY_ONLY,),
        environment_settings=(EnvironmentSetting("DEBIAN_FRONTEND", "noninteractive"),),
        user_identity=POOL_USER,
        wait_for_success=True,
    )
    return replace(pool_spec, target_low_priority_nodes=2, start_task=start_task)


def test_pool_json_loads_unchanged_into_the_sdk(pool_spec):
    spec = full_pool(pool_spec)
    data = pool_json.to_batch_json(spec)
    options = sdk.BatchPoolCreateOptions(data)
    assert options.as_dict() == data
    configuration = options.virtual_machine_configuration
    assert configuration.node_agent_sku_id == "batch.node.ubuntu 24.04"
    assert configuration.image_reference.offer == "ubuntu-24_04-lts"
    assert (options.target_dedicated_nodes, options.target_low_priority_nodes) == (4, 2)
    assert options.enable_inter_node_communication is True
    assert options.task_slots_per_node == 1
    assert options.start_task.wait_for_success is True
    assert options.start_task.resource_files[0].http_url == "https://h/hello"


def test_pool_built_by_the_sdk_reads_back_as_the_spec(pool_spec):
    spec = full_pool(pool_spec)
    image = spec.image
    options = sdk.BatchPoolCreateOptions(
        id=spec.id,
        vm_size=spec.vm_size,
        virtual_machine_configuration=sdk.VirtualMachineConfiguration(
            image_reference=sdk.BatchVmImageReference(
                publisher=image.publisher, offer=image.offer, sku=image.sku, version=image.version
            ),
            node_agent_sku_id=image.node_agent_sku_id,
        ),
        target_dedicated_nodes=4,
        target_low_priority_nodes=2,
        enable_inter_node_communication=True,
        task_slots_per_node=1,
        start_task=sdk.BatchStartTask(
            command_line=spec.start_task.command_line,
            resource_files=[sdk_resource_file(PRIMARY_ONLY)],
            environment_settings=[sdk.EnvironmentSetting(name="DEBIAN_FRONTEND", value="noninteractive")],
            user_identity=SDK_POOL_USER,
            wait_for_success=True,
        ),
    )
    assert pool_json.from_batch_json(options.as_dict()) == spec


@settings(deadline=None)
@given(st.timedeltas(min_value=timedelta(0), max_value=BATCH_MAX_DURATION))
def test_the_sdk_reads_our_durations(duration):
    constraints = sdk.BatchTaskConstraints({"maxWallClockTime": format_duration(duration)})
    assert constraints.max_wall_clock_time == duration
