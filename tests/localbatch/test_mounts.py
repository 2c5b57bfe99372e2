"""A pool's mountConfiguration: one shared directory per pool and mount, seen by every node; a blobfuse mount
of the linked storage (a real Azurite) starts as a copy of its container, one of another account is refused."""

from __future__ import annotations

import pytest
import pytest_asyncio
from azure.batch import models
from azure.core.exceptions import HttpResponseError

from tests.support.batch_scenarios import (
    VM_SIZE,
    create_job,
    multi_instance,
    read_task_file,
    unique,
    wait_for_completion,
    wait_for_idle_nodes,
)
from tests.support.storage import blobs_of
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio

# Each instance leaves its node's id in both mounts; the primary's application lists what all of them wrote,
# beside the blobs the container had (input/mesh.txt), and reads one.
COORDINATION = "/bin/bash -c 'echo $AZ_BATCH_NODE_ID > $AZ_BATCH_NODE_MOUNTS_DIR/scratch/$AZ_BATCH_NODE_ID; touch $AZ_BATCH_NODE_MOUNTS_DIR/data/blob/$AZ_BATCH_NODE_ID'"
APPLICATION = (
    "/bin/bash -c 'ls $AZ_BATCH_NODE_MOUNTS_DIR/scratch; echo --; ls $AZ_BATCH_NODE_MOUNTS_DIR/data/blob; "
    "cat $AZ_BATCH_NODE_MOUNTS_DIR/data/blob/input/mesh.txt'"
)


@pytest_asyncio.fixture
async def inputs(storage, container_name, tmp_path):
    """A container holding input/mesh.txt."""
    (tmp_path / "mesh.txt").write_text("mesh of 8 cells\n")
    await storage.upload_files(container_name, [tmp_path / "mesh.txt"], "input/")
    return container_name


def blob_mount(account: str, container: str, relative: str = "data/blob") -> models.MountConfiguration:
    return models.MountConfiguration(
        azure_blob_file_system_configuration=models.AzureBlobFileSystemConfiguration(
            account_name=account, container_name=container, account_key="c2VjcmV0LWtleQ==", relative_mount_path=relative
        )
    )


def nfs_mount() -> models.MountConfiguration:
    return models.MountConfiguration(
        nfs_mount_configuration=models.NfsMountConfiguration(source="10.0.0.4:/exports/scratch", relative_mount_path="scratch", mount_options="-o vers=4.1")
    )


async def create_mounted_pool(client, nodes: int, configuration: list[models.MountConfiguration]) -> str:
    pool_id = unique("pool")
    await client.create_pool(
        models.BatchPoolCreateOptions(
            id=pool_id, vm_size=VM_SIZE, target_dedicated_nodes=nodes, enable_inter_node_communication=True,
            mount_configuration=configuration,
        )
    )
    await wait_for_idle_nodes(client, pool_id, nodes)
    return pool_id


async def test_two_instances_see_one_mounted_directory_holding_the_containers_blobs(linked_client, storage, inputs):
    client = linked_client
    pool_id = await create_mounted_pool(client, 2, [nfs_mount(), blob_mount(storage.account.name, inputs)])
    job_id = await create_job(client, pool_id)
    await client.create_task(job_id, multi_instance("shared", 2, COORDINATION, APPLICATION))
    task = await wait_for_completion(client, job_id, "shared", timeout=120)
    assert task.execution_info.exit_code == 0, await read_task_file(client, job_id, "shared", "coordination-stderr.txt")
    nodes = sorted([node.id async for node in client.list_nodes(pool_id)])
    listing = (await read_task_file(client, job_id, "shared", "stdout.txt")).decode()
    assert listing == "\n".join([*nodes, "--", "input", *nodes, "mesh of 8 cells"]) + "\n"
    # A copy: what the nodes wrote into the mount is not uploaded to the container.
    assert list(await blobs_of(storage, inputs)) == ["input/mesh.txt"]

    other = await create_mounted_pool(client, 1, [nfs_mount()])  # another pool: a directory of its own
    other_job = await create_job(client, other)
    await client.create_task(other_job, models.BatchTaskCreateOptions(id="ls", command_line="/bin/bash -c 'ls -A $AZ_BATCH_NODE_MOUNTS_DIR/scratch'"))
    assert (await wait_for_completion(client, other_job, "ls")).execution_info.exit_code == 0
    assert await read_task_file(client, other_job, "ls", "stdout.txt") == b""


async def test_a_blob_mount_of_another_account_or_without_linked_storage_is_refused(client, linked_client, storage):
    for batch, account, named in ((linked_client, "someaccount", storage.account.name), (client, storage.account.name, "--auto-storage-url")):
        with pytest.raises(HttpResponseError) as refused:
            await batch.create_pool(models.BatchPoolCreateOptions(id=unique("pool"), vm_size=VM_SIZE, mount_configuration=[blob_mount(account, "inputs")]))
        assert (refused.value.status_code, refused.value.error.code) == (400, "PropertyNotSupportedByLocalBatch")
        assert account in refused.value.error.message and named in refused.value.error.message
        assert [(d.key, d.value) for d in refused.value.model.error_values] == [
            ("PropertyName", "mountConfiguration[0].azureBlobFileSystemConfiguration.accountName")]


async def test_a_mount_whose_container_is_missing_leaves_the_nodes_unusable_saying_why(linked_client, storage):
    pool_id = unique("pool")
    await linked_client.create_pool(models.BatchPoolCreateOptions(
        id=pool_id, vm_size=VM_SIZE, target_dedicated_nodes=1, mount_configuration=[blob_mount(storage.account.name, "no-such-container")]))

    async def unusable():
        nodes = [node async for node in linked_client.list_nodes(pool_id)]
        return nodes[0] if nodes and nodes[0].state == "unusable" else None

    node = await wait_until(unusable, what="the node unusable")
    [error] = node.errors
    assert error.code == "MountConfigurationFailed" and "no-such-container" in error.message and "404" in error.message


async def test_mount_configuration_echoed_without_secrets(linked_client, storage, inputs):
    client = linked_client
    pool_id = await create_mounted_pool(client, 1, [nfs_mount(), blob_mount(storage.account.name, inputs)])
    pool = await client.get_pool(pool_id)
    nfs, blob = pool.mount_configuration
    assert nfs.nfs_mount_configuration.source == "10.0.0.4:/exports/scratch"
    assert nfs.nfs_mount_configuration.mount_options == "-o vers=4.1"
    assert blob.azure_blob_file_system_configuration.container_name == inputs
    assert blob.azure_blob_file_system_configuration.relative_mount_path == "data/blob"
    assert blob.azure_blob_file_system_configuration.account_key is None  # a secret: never kept, never answered


@pytest.mark.parametrize("relative", ["../escape", "/abs", ""])
async def test_mount_paths_that_leave_the_mounts_dir_are_refused(client, relative):
    entry = models.MountConfiguration(nfs_mount_configuration=models.NfsMountConfiguration(source="h:/x", relative_mount_path=relative))
    with pytest.raises(HttpResponseError) as refused:
        await client.create_pool(models.BatchPoolCreateOptions(id=unique("pool"), vm_size=VM_SIZE, mount_configuration=[entry]))
    assert refused.value.status_code == 400 and "relativeMountPath" in refused.value.error.message
