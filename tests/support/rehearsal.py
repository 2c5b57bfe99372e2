"""Rehearse locally, then run elsewhere: a second account beside the first — its own Local Batch (standing in
for an Azure Batch account) and its own Azurite (its storage) — and a rehearsed task on the first, whose
files came from the first account's storage, as the task wizard uploads them."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from azure.batch import models
from azure.batch.aio import BatchClient

from explorer.client.acting.storage import LinkedStorage
from explorer.client.local.azurite import AzuriteService
from explorer.client.local.local_batch import LocalBatchService
from explorer.core.batch_json import task_json
from explorer.core.specs.task_spec import MultiInstanceTaskSpec
from tests.support.batch_scenarios import create_idle_pool, create_job, python_command, wait_for_completion
from tests.support.local_batch import make_client, running_local_batch

APPLICATION = python_command(
    "import os, pathlib\n"
    "shared = pathlib.Path(os.environ['AZ_BATCH_TASK_SHARED_DIR'], 'shared.txt').read_text().strip()\n"
    "print('input:', pathlib.Path('input.txt').read_text().strip())\n"
    "print('shared:', shared)\n"
    "print('pool:', os.environ['AZ_BATCH_POOL_ID'])\n"
)


@dataclass
class Account:
    service: LocalBatchService
    storage: LinkedStorage
    client: BatchClient


@contextlib.asynccontextmanager
async def second_account(directory: Path) -> AsyncIterator[Account]:
    """Another Local Batch with an Azurite of its own; both stopped on exit."""
    azurite = AzuriteService(directory / "azurite")
    azurite.start()
    try:
        with running_local_batch(directory / "batch", account="farbatch") as service:
            async with make_client(service) as client:
                yield Account(service, LinkedStorage(azurite.account), client)
    finally:
        azurite.stop()


async def rehearsed_task(client: BatchClient, storage: LinkedStorage, directory: Path, pool_id: str = "mpi-here"):
    """A 2-instance task run to its end on `client`, its input files uploaded to `storage` first:
    (job id, task id, the input's text)."""
    await create_idle_pool(client, pool_id, 2, inter_node=True)
    job_id = await create_job(client, pool_id, "rehearsal")
    spec, text = await uploaded_task(storage, directory, job_id, "mpi-run", "rehearsed")
    await client.create_task(job_id, models.BatchTaskCreateOptions(task_json.to_batch_json(spec)))
    await wait_for_completion(client, job_id, spec.task_id)
    return job_id, spec.task_id, text


async def uploaded_task(
    storage: LinkedStorage, directory: Path, job_id: str, task_id: str, what: str
) -> tuple[MultiInstanceTaskSpec, str]:
    """A 2-instance task (not submitted) whose input files were uploaded to `storage` first, as the task
    wizard uploads them: (its spec, the input's text, which starts with `what`)."""
    text = f"{what} {uuid.uuid4().hex[:6]}"
    _write_inputs(directory, text)
    common = await storage.upload_files("mpi-explorer-uploads", [directory / "shared.txt"], f"{task_id}/")
    primary = await storage.upload_files("mpi-explorer-uploads", [directory / "input.txt"], f"{task_id}/")
    spec = MultiInstanceTaskSpec(
        job_id, task_id, APPLICATION, python_command("pass"), 2,
        common_resource_files=tuple(storage.resource_files(common)),
        resource_files=tuple(storage.resource_files(primary)),
    )
    return spec, text


def _write_inputs(directory: Path, text: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "input.txt").write_text(text + "\n")
    (directory / "shared.txt").write_text("for every rank\n")
