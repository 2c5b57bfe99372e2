"""Container resource files (storageContainerUrl, autoStorageContainerName) from a real Azurite."""

from __future__ import annotations

import pytest
import pytest_asyncio
from azure.batch import models
from azure.core.exceptions import HttpResponseError
from azure.storage.blob.aio import BlobServiceClient

from tests.support.batch_scenarios import create_idle_pool, create_job, read_task_file, unique, wait_for_completion

pytestmark = pytest.mark.asyncio

SHOW_INPUTS = "/bin/bash -c 'cat $AZ_BATCH_TASK_SHARED_DIR/common/inputs/a.txt $AZ_BATCH_TASK_SHARED_DIR/common/inputs/deep/b.txt'"


@pytest_asyncio.fixture
async def inputs(storage, container_name, tmp_path):
    """A container with inputs/a.txt, inputs/deep/b.txt and other/c.txt (outside the prefix)."""
    for name, content in (("a.txt", "alpha\n"), ("b.txt", "beta\n"), ("c.txt", "gamma\n")):
        (tmp_path / name).write_text(content)
    await storage.upload_files(container_name, [tmp_path / "a.txt"], "inputs/")
    await storage.upload_files(container_name, [tmp_path / "b.txt"], "inputs/deep/")
    await storage.upload_files(container_name, [tmp_path / "c.txt"], "other/")
    return container_name


async def failure_of(client, job_id: str, task: models.BatchTaskCreateOptions) -> models.BatchTaskFailureInfo:
    await client.create_task(job_id, task)
    finished = await wait_for_completion(client, job_id, task.id)
    assert finished.execution_info.result == "failure"
    return finished.execution_info.failure_info


async def test_multi_instance_common_files_from_a_container_url_with_prefix(linked_client, storage, inputs):
    pool_id = await create_idle_pool(linked_client, unique("pool"), 2, inter_node=True)
    job_id = await create_job(linked_client, pool_id)
    common = models.ResourceFile(
        storage_container_url=storage.container_sas_url(inputs, hours=1), blob_prefix="inputs/", file_path="common"
    )
    await linked_client.create_task(
        job_id,
        models.BatchTaskCreateOptions(
            id="mpi-inputs",
            command_line=SHOW_INPUTS,
            multi_instance_settings=models.MultiInstanceSettings(
                number_of_instances=2, coordination_command_line=SHOW_INPUTS, common_resource_files=[common]
            ),
        ),
    )
    task = await wait_for_completion(linked_client, job_id, "mpi-inputs", timeout=120)
    stderr = await read_task_file(linked_client, job_id, "mpi-inputs", "stderr.txt")
    assert task.execution_info.exit_code == 0, stderr
    assert await read_task_file(linked_client, job_id, "mpi-inputs", "stdout.txt") == b"alpha\nbeta\n"
    assert await read_task_file(linked_client, job_id, "mpi-inputs", "coordination-stdout.txt") == b"alpha\nbeta\n"
    names = {f.name async for f in linked_client.list_task_files(job_id, "mpi-inputs", recursive=True)}
    assert "common/inputs/deep/b.txt" in names and not any(name.startswith("common/other") for name in names)
    [subtask] = [s async for s in linked_client.list_subtasks(job_id, "mpi-inputs")]
    assert subtask.state == "completed" and subtask.exit_code == 0


async def test_auto_storage_container_lands_in_the_working_dir(linked_client, inputs):
    pool_id = await create_idle_pool(linked_client, unique("pool"), 1)
    job_id = await create_job(linked_client, pool_id)
    files = [models.ResourceFile(auto_storage_container_name=inputs, blob_prefix="inputs/deep/", file_mode="0700")]
    await linked_client.create_task(
        job_id,
        models.BatchTaskCreateOptions(
            id="auto", command_line="/bin/bash -c 'cat inputs/deep/b.txt && stat -c %a inputs/deep/b.txt'", resource_files=files
        ),
    )
    task = await wait_for_completion(linked_client, job_id, "auto")
    assert task.execution_info.exit_code == 0, await read_task_file(linked_client, job_id, "auto", "stderr.txt")
    assert await read_task_file(linked_client, job_id, "auto", "stdout.txt") == b"beta\n700\n"


async def test_a_container_url_without_a_container_fails_the_task(linked_client, azurite):
    pool_id = await create_idle_pool(linked_client, unique("pool"), 1)
    job_id = await create_job(linked_client, pool_id)
    files = [models.ResourceFile(storage_container_url=f"http://127.0.0.1:{azurite.port}/?sv=x&sig=secret")]

    failure = await failure_of(linked_client, job_id, models.BatchTaskCreateOptions(id="nocontainer", command_line="/bin/true", resource_files=files))

    assert "names no container" in failure.message and "secret" not in failure.message


@pytest.mark.parametrize("spoil", ["bad-sas", "no-container"])
async def test_refused_or_missing_container_fails_the_task_naming_the_container(linked_client, storage, inputs, spoil):
    url = storage.container_sas_url(inputs if spoil == "bad-sas" else "no-such-container", hours=1)
    named, sas = url.split("?", 1)
    signature = dict(part.split("=", 1) for part in sas.split("&"))["sig"]
    if spoil == "bad-sas":
        url, status, code = url.replace(signature, "AAAA" + signature[4:]), "answered 403", "BlobAccessDenied"
    else:
        status, code = "answered 404 ContainerNotFound", "BlobNotFound"
    pool_id = await create_idle_pool(linked_client, unique("pool"), 1)
    job_id = await create_job(linked_client, pool_id)
    files = [models.ResourceFile(storage_container_url=url, blob_prefix="inputs/")]

    failure = await failure_of(linked_client, job_id, models.BatchTaskCreateOptions(id=unique("t"), command_line="/bin/true", resource_files=files))

    assert (failure.code, failure.category.lower()) == (code, "usererror")  # Batch's codes for a missing or refused source
    assert named in failure.message and status in failure.message
    assert signature[4:] not in failure.message  # the SAS is a secret


async def test_auto_storage_without_linked_storage_fails_clearly(client, inputs):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    job_id = await create_job(client, pool_id)
    files = [models.ResourceFile(auto_storage_container_name=inputs)]

    failure = await failure_of(client, job_id, models.BatchTaskCreateOptions(id="unlinked", command_line="/bin/true", resource_files=files))

    assert failure.code == "BlobDownloadMiscError"
    assert "has no linked storage" in failure.message and "--auto-storage-url" in failure.message


@pytest.mark.parametrize(
    "resource_file, property_name",
    [
        ({"httpUrl": "http://h/x", "autoStorageContainerName": "inputs"}, "resourceFiles[0]"),
        ({}, "resourceFiles[0]"),
        ({"httpUrl": "http://h/x", "filePath": "x", "blobPrefix": "in/"}, "resourceFiles[0].blobPrefix"),
        ({"storageContainerUrl": "file:///etc", "blobPrefix": "in/"}, "resourceFiles[0].storageContainerUrl"),
    ],
)
async def test_resource_files_need_exactly_one_valid_source(client, resource_file, property_name):
    job_id = await create_job(client, "any-pool")
    task = models.BatchTaskCreateOptions({"id": "t", "commandLine": "/bin/true", "resourceFiles": [resource_file]})
    with pytest.raises(HttpResponseError) as error:
        await client.create_task(job_id, task)
    assert error.value.error.code == "InvalidPropertyValue"
    assert f"invalid: {property_name}. " in error.value.error.message


async def test_blob_names_cannot_escape_the_task_directory(linked_client, linked_batch, azurite, container_name):
    # Azurite turns backslashes into slashes: this blob is really named 'a/../../../escape.txt'.
    async with BlobServiceClient.from_connection_string(azurite.connection_string) as service:
        container = service.get_container_client(container_name)
        await container.create_container()
        await container.upload_blob("a\\..\\..\\..\\escape.txt", b"x")
    pool_id = await create_idle_pool(linked_client, unique("pool"), 1)
    job_id = await create_job(linked_client, pool_id)
    files = [models.ResourceFile(auto_storage_container_name=container_name)]

    failure = await failure_of(linked_client, job_id, models.BatchTaskCreateOptions(id="escape", command_line="/bin/true", resource_files=files))

    assert "points outside the task directory" in failure.message and failure.code == "ResourceFileCreateFailed"
    assert not list(linked_batch.data_dir.rglob("escape.txt"))


async def test_a_file_the_node_cannot_make_fails_with_batchs_code(linked_client, inputs):
    """The second container lands under a path the first one made a file: Azure's ResourceFileCreateFailed."""
    pool_id = await create_idle_pool(linked_client, unique("pool"), 1)
    job_id = await create_job(linked_client, pool_id)
    files = [models.ResourceFile(auto_storage_container_name=inputs, blob_prefix="inputs/deep/"),
             models.ResourceFile(auto_storage_container_name=inputs, blob_prefix="other/", file_path="inputs/deep/b.txt")]

    failure = await failure_of(linked_client, job_id, models.BatchTaskCreateOptions(id="clash", command_line="/bin/true", resource_files=files))

    assert (failure.code, failure.category.lower()) == ("ResourceFileCreateFailed", "servererror"), failure.message
    assert "the node could not write c.txt" in failure.message
    found = {detail.name: detail.value for detail in failure.details}
    assert found["BlobSource"].endswith(f"/{inputs}/other/c.txt") and found["FilePath"].endswith("inputs/deep/b.txt/other/c.txt")


async def test_a_subtask_whose_common_files_cannot_be_had_says_so_with_batchs_code(linked_client, storage):
    # Every instance downloads the common files, at once: the first to fail ends the task with its code, and a
    # subtask that failed by itself says so with that code too (not "did not run to its end"), as on Azure. Which
    # instance fails first is a race; a subtask still downloading when the primary failed is cut short.
    pool_id = await create_idle_pool(linked_client, unique("pool"), 2, inter_node=True)
    job_id = await create_job(linked_client, pool_id)
    common = models.ResourceFile(storage_container_url=storage.container_sas_url("no-such-container", hours=1))
    failure = await failure_of(linked_client, job_id, models.BatchTaskCreateOptions(
        id="mpi-missing", command_line="/bin/true", multi_instance_settings=models.MultiInstanceSettings(
            number_of_instances=2, coordination_command_line="/bin/true", common_resource_files=[common])))
    assert failure.code == "BlobNotFound"
    [subtask] = [s async for s in linked_client.list_subtasks(job_id, "mpi-missing")]
    assert subtask.state == "completed"
    if failure.message.startswith("instance 1 "):  # the subtask failed first, by itself
        assert subtask.failure_info.code == "BlobNotFound" and "no-such-container" in subtask.failure_info.message
    else:
        assert subtask.failure_info.code in ("BlobNotFound", "FailureExitCode")
