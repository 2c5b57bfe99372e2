"""The bundled samples' programs live in the linked storage: their task files run as they are,
and a sample requeued after a restart (a new app session, a new Azurite port) still finds them."""

from __future__ import annotations

import shlex
import socket

import pytest
from azure.batch import models
from azure.batch.aio import BatchClient
from azure.core.credentials import AzureNamedKeyCredential
from azure.storage.blob.aio import ContainerClient

from explorer.client.local.azurite import AzuriteService
from explorer.client.local.local_batch import LocalBatchService
from explorer.client.local.samples import SAMPLES_CONTAINER, publish_samples, sample_programs, sample_task_json
from explorer.client.storage_account import StorageAccount
from tests.support.batch_scenarios import create_idle_pool, create_job, read_task_file, unique, wait_for_completion
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio
FAST_NODES = ("--node-start-seconds", "0.05")


def client_for(service: LocalBatchService) -> BatchClient:
    endpoint = service.endpoint
    return BatchClient(endpoint.endpoint, AzureNamedKeyCredential(endpoint.account, endpoint.key), retry_total=0)


def container(storage: StorageAccount) -> ContainerClient:
    credential = {"account_name": storage.name, "account_key": storage.key}
    return ContainerClient(storage.url, SAMPLES_CONTAINER, credential=credential)


async def test_publishing_uploads_what_the_container_lacks_or_holds_otherwise(tmp_path):
    with AzuriteService(tmp_path / "azurite") as azurite:
        storage = azurite.account
        assert await publish_samples(storage) == len(sample_programs()) >= 2
        assert await publish_samples(storage) == 0  # unchanged: one listing, no upload
        async with container(storage) as blobs:
            name = next(iter(sample_programs()))
            await blobs.upload_blob(name, b"tampered", overwrite=True)
            assert await publish_samples(storage) == 1
            assert await (await blobs.download_blob(name)).readall() == sample_programs()[name].read_bytes()


async def test_a_sample_task_file_runs_as_it_is_with_its_programs_from_the_linked_storage(tmp_path):
    with AzuriteService(tmp_path / "azurite") as azurite:
        await publish_samples(azurite.account)
        service = LocalBatchService(tmp_path / "lb", extra_args=FAST_NODES, auto_storage=azurite.account)
        with service:
            async with client_for(service) as client:
                pool = await create_idle_pool(client, unique("pool"), 4, inter_node=True)
                job = await create_job(client, pool)
                await client.create_task(job, models.BatchTaskCreateOptions(sample_task_json("mpi-hello")))
                task = await wait_for_completion(client, job, "mpi-hello", timeout=120)
                stdout = (await read_task_file(client, job, "mpi-hello", "stdout.txt")).decode()
    assert task.execution_info.exit_code == 0, stdout
    assert "hello from 4 ranks, sum of ranks = 6" in stdout


async def test_a_sample_requeued_after_a_restart_on_another_azurite_port_still_finds_its_programs(tmp_path):
    flag = tmp_path / "go"
    body = sample_task_json("mpi-hello")
    # The sample as it is, held before its MPI run until the test lets it go.
    wait = f"while [ ! -e {shlex.quote(str(flag))} ]; do sleep 0.05; done"
    body["commandLine"] = body["commandLine"].replace("-c '", f"-c '{wait}; ", 1)
    with AzuriteService(tmp_path / "azurite") as azurite:
        first_port = azurite.port
        await publish_samples(azurite.account)
        with LocalBatchService(tmp_path / "lb", extra_args=FAST_NODES, auto_storage=azurite.account) as service:
            async with client_for(service) as client:
                pool = await create_idle_pool(client, unique("pool"), 4, inter_node=True)
                job = await create_job(client, pool)
                await client.create_task(job, models.BatchTaskCreateOptions(body))

                async def running():
                    return (await client.get_task(job, "mpi-hello")).state == "running"

                await wait_until(running, 120, "the sample running (its programs downloaded)")
    # A later session: both services again on the same state, Azurite on another port
    # (the old one held meanwhile, so that it cannot be picked again by chance).
    azurite = AzuriteService(tmp_path / "azurite")
    with socket.socket() as old_port:
        old_port.bind(("127.0.0.1", first_port))
        azurite.start()
    try:
        assert azurite.port != first_port
        with LocalBatchService(tmp_path / "lb", extra_args=FAST_NODES, auto_storage=azurite.account) as service:
            async with client_for(service) as client:
                flag.touch()
                task = await wait_for_completion(client, job, "mpi-hello", timeout=120)
                stdout = (await read_task_file(client, job, "mpi-hello", "stdout.txt")).decode()
    finally:
        azurite.stop()
    assert task.execution_info.requeue_count == 1
    assert task.execution_info.exit_code == 0 and task.execution_info.failure_info is None, stdout
    assert "hello from 4 ranks, sum of ranks = 6" in stdout


async def test_without_linked_storage_the_programs_come_from_a_loopback_server_to_the_same_paths():
    over_http = sample_task_json("mpi-progress", "http://127.0.0.1:8123/")
    [entry] = over_http["multiInstanceSettings"]["commonResourceFiles"]
    assert entry == {"httpUrl": "http://127.0.0.1:8123/mpi-progress/progress.py", "filePath": "mpi-progress/progress.py"}
    assert "$AZ_BATCH_TASK_SHARED_DIR/mpi-progress/progress.py" in over_http["commandLine"]
