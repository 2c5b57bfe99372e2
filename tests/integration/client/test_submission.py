"""The submission facade against a real Local Batch: choices, id checks, creations, errors."""

from __future__ import annotations

import json

import pytest
from azure.batch import models

from explorer.client.acting.operations import OperationError
from explorer.client.acting.submission import JobChoice, Submission
from explorer.core.batch_json import pool_json
from explorer.core.batch_json.task_document import document_from_json, document_to_json
from explorer.core.specs.os_family import OsFamily
from explorer.core.specs.pool_info import AllocationState
from explorer.core.specs.pool_spec import PoolSpec, VmImage
from tests.support.batch_scenarios import create_idle_pool, create_pool, wait_for_completion
from tests.support.samples import SAMPLES

pytestmark = pytest.mark.asyncio


@pytest.fixture
def submission(connection) -> Submission:
    return Submission(connection.client)


async def test_pools_and_open_jobs_to_choose_from(connection, submission):
    await create_pool(connection.client, "Zeta", 0, inter_node=True)
    await create_pool(connection.client, "alpha", 0)
    await submission.create_job("jobs-b", "alpha")
    await submission.create_job("jobs-a", "Zeta")
    assert await submission.list_pool_ids() == ["alpha", "Zeta"]
    assert await submission.list_open_jobs() == [JobChoice("jobs-a", "Zeta"), JobChoice("jobs-b", "alpha")]


async def test_pool_info_says_what_mpi_validation_needs(connection, submission):
    await create_idle_pool(connection.client, "mpi", 2, inter_node=True)
    info = await submission.pool_info("mpi")
    assert (info.id, info.enable_inter_node_communication, info.task_slots_per_node) == ("mpi", True, 1)
    assert (info.current_nodes, info.target_nodes, info.allocation_state) == (2, 2, AllocationState.STEADY)
    assert info.os_family is OsFamily.LINUX

    await submission.resize_pool("mpi", 4)
    info = await submission.pool_info("mpi")
    assert info.target_nodes == 4
    assert info.nodes_to_expect == 4 or info.current_nodes == 4


async def test_windows_pools_are_refused_by_local_batch_saying_what_to_use(submission):
    """Local Batch nodes are Linux processes: a Windows pool is refused (Azure would run it), naming the way out."""
    image = VmImage("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter", "batch.node.windows amd64")
    with pytest.raises(OperationError) as refused:
        await submission.create_pool(pool_json.to_batch_json(PoolSpec("win", "standard_d2s_v3", image, 0)))
    assert (refused.value.status, refused.value.code) == (400, "PropertyNotSupportedByLocalBatch")
    assert "Linux" in refused.value.message and "supportedimages" in refused.value.message
    assert not await submission.pool_exists("win")


async def test_id_checks(connection, submission):
    await create_pool(connection.client, "p", 0, inter_node=True)
    await submission.create_job("j", "p")
    assert await submission.pool_exists("p") and not await submission.pool_exists("q")
    assert await submission.job_exists("j") and not await submission.job_exists("k")
    assert not await submission.task_exists("j", "t")
    assert not await submission.task_exists("no-such-job", "t")


async def test_refusals_carry_the_batch_error_code(connection, submission):
    await create_pool(connection.client, "p", 0, inter_node=True)
    task = {
        "id": "t",
        "commandLine": "true",
        "multiInstanceSettings": {"numberOfInstances": 1, "coordinationCommandLine": "true"},
    }
    with pytest.raises(OperationError) as missing_job:
        await submission.submit_task("nope", task)
    assert missing_job.value.code == "JobNotFound" and missing_job.value.status == 404
    await submission.create_job("j", "p")
    await submission.submit_task("j", task)
    assert await submission.task_exists("j", "t")
    with pytest.raises(OperationError) as duplicate:
        await submission.submit_task("j", task)
    assert duplicate.value.code == "TaskExists" and duplicate.value.status == 409
    with pytest.raises(OperationError) as job_exists:
        await submission.create_job("J", "p")
    assert job_exists.value.code == "JobExists"
    image = VmImage("Canonical", "ubuntu-24_04-lts", "server", "batch.node.ubuntu 24.04")
    with pytest.raises(OperationError) as pool_exists:
        await submission.create_pool(pool_json.to_batch_json(PoolSpec("P", "standard_d2s_v3", image, 0)))
    assert pool_exists.value.code == "PoolExists"


async def test_the_exported_sample_runs_unchanged(connection, submission, samples):
    """The sample's JSON reads into the wizard's document and back unchanged, and runs."""
    template = json.loads((SAMPLES / "mpi-hello" / "task.json").read_text())
    data = samples.task_json("mpi-hello")
    document = document_from_json(data, job_id="hello-job")
    # The template's empty lists mean "none", which the export leaves out.
    assert document_to_json(document) == {k: v for k, v in data.items() if v != []}
    assert set(template) - set(document_to_json(document)) == {"resourceFiles", "environmentSettings"}
    assert models.BatchTaskCreateOptions(document_to_json(document)).as_dict() == document_to_json(document)

    await create_idle_pool(connection.client, "mpi", 4, inter_node=True)
    await submission.create_job("hello-job", "mpi")
    await submission.submit_task("hello-job", document_to_json(document))
    task = await wait_for_completion(connection.client, "hello-job", "mpi-hello", timeout=120)
    assert task.execution_info.exit_code == 0


async def test_only_batch_on_loopback_counts_as_local_batch(submission):
    from azure.batch.aio import BatchClient
    from azure.core.credentials import AzureNamedKeyCredential

    assert submission.targets_local_batch
    azure = BatchClient("https://acct.westeurope.batch.azure.com", AzureNamedKeyCredential("acct", "a2V5"))
    try:
        assert not Submission(azure).targets_local_batch
    finally:
        await azure.close()
