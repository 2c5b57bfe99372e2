"""Reaching and steering a node through the unmodified azure-batch async client: remote login settings,
node users, disable/enable scheduling, reimage, deallocate/start, service logs to Azurite, and the
`mpi-explorer localbatch shell` way in."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from azure.batch import models
from azure.batch.models._models import BatchNodeDeallocateOptions, BatchNodeReimageOptions
from azure.core.exceptions import HttpResponseError, ResourceExistsError, ResourceNotFoundError
from azure.storage.blob import ContainerSasPermissions, generate_container_sas
from azure.storage.blob.aio import ContainerClient

from tests.support.batch_scenarios import (
    HeldTask,
    create_idle_pool,
    create_job,
    idle_nodes,
    python_command,
    read_node_file,
    unique,
    wait_for_completion,
)
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio


async def node_state(client, pool_id: str, node_id: str) -> str:
    return (await client.get_node(pool_id, node_id)).state


async def test_remote_login_settings_are_the_nodes_loopback_address_and_a_port_of_its_own(client):
    pool_id = await create_idle_pool(client, unique("pool"), 2)
    nodes = [node async for node in client.list_nodes(pool_id)]
    settings = [await client.get_node_remote_login_settings(pool_id, node.id) for node in nodes]
    assert [s.remote_login_ip_address for s in settings] == [node.ip_address for node in nodes]
    assert len({s.remote_login_port for s in settings}) == 2 and all(s.remote_login_port >= 50000 for s in settings)
    endpoint = (await client.get_node(pool_id, nodes[0].id)).endpoint_configuration.inbound_endpoints[0]
    assert (endpoint.frontend_port, endpoint.backend_port, endpoint.public_ip_address) == (
        settings[0].remote_login_port, 22, nodes[0].ip_address,
    )


async def test_node_users_are_kept_replaced_and_deleted_as_on_batch(client, local_batch):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    (node_id,) = await idle_nodes(client, pool_id)
    expiry = datetime.now(timezone.utc) + timedelta(days=1)
    user = models.BatchNodeUserCreateOptions(name="alice", is_admin=True, password="S3cret!pass", expiry_time=expiry)
    await client.create_node_user(pool_id, node_id, user)
    with pytest.raises(ResourceExistsError) as error:
        await client.create_node_user(pool_id, node_id, models.BatchNodeUserCreateOptions(name="ALICE", password="x1!Aaaaa"))
    assert error.value.error.code == "NodeUserExists"
    await client.replace_node_user(pool_id, node_id, "alice", models.BatchNodeUserReplaceOptions(ssh_public_key="ssh-rsa AAAA alice"))
    await client.delete_node_user(pool_id, node_id, "alice")
    with pytest.raises(ResourceNotFoundError) as error:
        await client.delete_node_user(pool_id, node_id, "alice")
    assert error.value.error.code == "NodeUserNotFound"
    with pytest.raises(HttpResponseError) as error:
        await client.create_node_user(pool_id, node_id, models.BatchNodeUserCreateOptions(name="bob"))
    assert error.value.error.code == "InvalidPropertyValue" and "password or an sshPublicKey" in error.value.error.message
    store = (local_batch.data_dir / "localbatch.sqlite3").read_bytes()
    assert b"S3cret!pass" not in store  # a password is never kept


async def test_disabled_scheduling_keeps_tasks_off_the_node_until_enabled(client, tmp_path):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    (node_id,) = await idle_nodes(client, pool_id)
    await client.disable_node_scheduling(
        pool_id, node_id, models.BatchNodeDisableSchedulingOptions(node_disable_scheduling_option="taskcompletion")
    )
    node = await client.get_node(pool_id, node_id)
    assert (node.scheduling_state, node.state) == ("disabled", "offline")
    job_id = await create_job(client, pool_id)
    marker = tmp_path / "ran"
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="later", command_line=python_command(
        f"open({str(marker)!r}, 'w').write('ran')")))
    task = await client.get_task(job_id, "later")
    assert task.state == "active" and not marker.exists()  # placed nowhere: the pool's one node takes no tasks
    await client.enable_node_scheduling(pool_id, node_id)
    finished = await wait_for_completion(client, job_id, "later")
    assert finished.execution_info.exit_code == 0 and finished.node_info.node_id == node_id


async def test_disable_scheduling_with_requeue_puts_the_running_task_back(client, tmp_path):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    (node_id,) = await idle_nodes(client, pool_id)
    job_id = await create_job(client, pool_id)
    held = HeldTask(tmp_path)
    await client.create_task(job_id, held.body())
    await wait_until(lambda: held.runs == 1, what="the held task running")
    await client.disable_node_scheduling(pool_id, node_id, models.BatchNodeDisableSchedulingOptions(node_disable_scheduling_option="requeue"))

    async def requeued() -> bool:
        task = await client.get_task(job_id, held.id)
        return task.state == "active" and task.execution_info.requeue_count >= 1

    await wait_until(requeued, what="the task requeued")
    await wait_until(lambda: _is(client, pool_id, node_id, "offline"), what="the emptied node offline")
    held.release()
    await client.enable_node_scheduling(pool_id, node_id)
    finished = await wait_for_completion(client, job_id, held.id)
    assert held.runs == 2 and finished.execution_info.exit_code == 0


async def test_reimage_gives_the_node_a_clean_directory_tree(client):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    (node_id,) = await idle_nodes(client, pool_id)
    job_id = await create_job(client, pool_id)
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="leaves", command_line=python_command(
        "import os; open(os.path.join(os.environ['AZ_BATCH_NODE_SHARED_DIR'], 'left.txt'), 'w').write('x')")))
    await wait_for_completion(client, job_id, "leaves")
    assert await read_node_file(client, pool_id, node_id, "shared/left.txt") == b"x"
    poller = await client.begin_reimage_node(pool_id, node_id, BatchNodeReimageOptions(node_reimage_option="requeue"), polling_interval=0.05)
    await poller.result()
    await wait_until(lambda: _is(client, pool_id, node_id, "idle"), what="the reimaged node idle")
    with pytest.raises(ResourceNotFoundError):
        await read_node_file(client, pool_id, node_id, "shared/left.txt")


async def test_deallocate_then_start_moves_the_node_through_its_states(client):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    (node_id,) = await idle_nodes(client, pool_id)
    poller = await client.begin_deallocate_node(pool_id, node_id, BatchNodeDeallocateOptions(node_deallocate_option="terminate"), polling_interval=0.05)
    await poller.result()
    assert await node_state(client, pool_id, node_id) == "deallocated"
    counts = [c async for c in client.list_pool_node_counts(filter=f"poolId eq '{pool_id}'")]
    assert counts[0].dedicated.deallocated == 1
    with pytest.raises(ResourceExistsError) as error:
        await client.begin_reimage_node(pool_id, node_id, BatchNodeReimageOptions(node_reimage_option="requeue"))
    assert error.value.error.code == "NodeNotReady"
    poller = await client.begin_start_node(pool_id, node_id, polling_interval=0.05)
    await poller.result()
    await wait_until(lambda: _is(client, pool_id, node_id, "idle"), what="the started node idle")


async def test_service_logs_land_in_an_azurite_container(client, storage, container_name):
    pool_id = unique("pool")
    await client.create_pool(models.BatchPoolCreateOptions(
        id=pool_id, vm_size="standard_d2s_v3", target_dedicated_nodes=1,
        start_task=models.BatchStartTask(command_line=python_command("print('started')"), wait_for_success=True),
    ))
    (node_id,) = await wait_until(lambda: idle_nodes(client, pool_id), what="the node idle after its start task")
    account = storage.account
    async with ContainerClient(account.url, container_name, credential={"account_name": account.name, "account_key": account.key}) as container:
        await container.create_container()
        sas = generate_container_sas(account.name, container_name, account_key=account.key,
                                     permission=ContainerSasPermissions(write=True, create=True), expiry=datetime.now(timezone.utc) + timedelta(hours=1))
        result = await client.upload_node_logs(pool_id, node_id, models.UploadBatchServiceLogsOptions(
            container_url=f"{account.url.rstrip('/')}/{container_name}?{sas}", start_time=datetime.now(timezone.utc) - timedelta(hours=1)))
        names = sorted([blob.name async for blob in container.list_blobs()])
        assert result.number_of_files_uploaded == len(names) >= 1
        assert all(name.startswith(result.virtual_directory_name + "/startup/") for name in names)
        stdout = next(name for name in names if name.endswith("/stdout.txt"))
        assert (await (await container.download_blob(stdout)).readall()) == b"started\n"
    with pytest.raises(HttpResponseError) as error:  # a read-only SAS: Azure's answer names the container, never the SAS
        await client.upload_node_logs(pool_id, node_id, models.UploadBatchServiceLogsOptions(
            container_url=storage.container_sas_url(container_name), start_time=datetime.now(timezone.utc) - timedelta(hours=1)))
    assert error.value.error.code == "UploadBatchServiceLogsFailed" and "sig=" not in error.value.error.message


async def test_shell_runs_in_the_nodes_environment_and_directory(client, local_batch):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    (node_id,) = await idle_nodes(client, pool_id)
    shell = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "explorer", "localbatch", "shell", pool_id, node_id, "--data-dir", str(local_batch.data_dir),
         "-c", "echo $AZ_BATCH_NODE_ID $AZ_BATCH_POOL_ID; pwd; test -d $AZ_BATCH_NODE_SHARED_DIR && echo shared"],
        capture_output=True, text=True, timeout=60,
    )
    assert shell.returncode == 0, shell.stderr
    lines = shell.stdout.splitlines()
    assert lines[0] == f"{node_id} {pool_id}"
    assert lines[1] == str(local_batch.data_dir / "nodes" / pool_id.lower() / node_id.lower())
    assert lines[2] == "shared"
    missing = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "explorer", "localbatch", "shell", pool_id, "no-such-node", "--data-dir", str(local_batch.data_dir), "-c", "true"],
        capture_output=True, text=True, timeout=60,
    )
    assert missing.returncode == 2 and "NodeNotFound" in missing.stderr


async def _is(client, pool_id: str, node_id: str, state: str) -> bool:
    return await node_state(client, pool_id, node_id) == state


async def test_a_node_with_scheduling_disabled_reboots_offline_and_stays_so_until_enabled(client):
    from azure.batch.models._models import BatchNodeRebootOptions

    pool_id = await create_idle_pool(client, unique("pool"), 1)
    (node_id,) = await idle_nodes(client, pool_id)
    await client.disable_node_scheduling(pool_id, node_id, models.BatchNodeDisableSchedulingOptions(node_disable_scheduling_option="requeue"))
    poller = await client.begin_reboot_node(pool_id, node_id, BatchNodeRebootOptions(node_reboot_kind="requeue"), polling_interval=0.05)
    await poller.result()
    await wait_until(lambda: _is(client, pool_id, node_id, "offline"), what="the rebooted node offline")
    await client.enable_node_scheduling(pool_id, node_id)
    assert await node_state(client, pool_id, node_id) == "idle"
