"""What the submission wizards ask of the service: the pools and jobs to choose from,
a pool's fitness for MPI, whether an id is taken, and the final creations.

The wizards hold a `Submission` (built by the composition root over one client) and
never call the SDK. Every failure is an `OperationError` carrying the Batch error
code, so a wizard can show a refused submission beside the field it concerns.
Bodies are the core JSON (`task_json` / `pool_json` / `job_json`), loaded unchanged
into the SDK's create options: what the wizard previews is what is sent.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from azure.batch import models
from azure.batch.aio import BatchClient
from azure.core.exceptions import AzureError, ResourceNotFoundError

from explorer.client.acting.operations import BatchOperations, OperationError
from explorer.client.connecting.proxies import is_loopback_host
from explorer.client.errors import describe
from explorer.client.watching.snapshots import enum_text
from explorer.core.batch_json import job_json
from explorer.core.specs.job_spec import JobSpec
from explorer.core.specs.os_family import os_family_of_agent
from explorer.core.specs.pool_info import AllocationState, PoolInfo

log = logging.getLogger(__name__)

_POOL_INFO_SELECT = [
    "id",
    "enableInterNodeCommunication",
    "taskSlotsPerNode",
    "currentDedicatedNodes",
    "currentLowPriorityNodes",
    "targetDedicatedNodes",
    "targetLowPriorityNodes",
    "allocationState",
    "virtualMachineConfiguration",
]


@dataclass(frozen=True)
class JobChoice:
    """A job a task can be added to."""

    id: str
    pool_id: str | None


@contextmanager
def _reported(action: str) -> Iterator[None]:
    """Turn SDK failures inside the block into OperationErrors for `action`."""
    try:
        yield
    except asyncio.CancelledError:
        raise
    except AzureError as exc:
        log.info("%s failed: %s", action, describe(exc))
        raise OperationError.from_exception(action, exc) from exc


class Submission:
    def __init__(self, client: BatchClient) -> None:
        self._client = client
        self._operations = BatchOperations(client)

    @property
    def targets_local_batch(self) -> bool:
        """Whether the account is a Local Batch: Batch on loopback is always one (Azure never is)."""
        return is_loopback_host(urlsplit(self._client._config.endpoint).hostname)

    # --- choices -------------------------------------------------------------------

    async def list_pool_ids(self) -> list[str]:
        with _reported("list the pools"):
            return sorted([pool.id async for pool in self._client.list_pools(select=["id"])], key=str.lower)

    async def list_open_jobs(self) -> list[JobChoice]:
        """Active jobs (the only ones that take new tasks), by id."""
        with _reported("list the jobs"):
            jobs = [
                JobChoice(job.id, job.pool_info.pool_id if job.pool_info else None)
                async for job in self._client.list_jobs(select=["id", "state", "poolInfo"])
                if enum_text(job.state) == "active"
            ]
        return sorted(jobs, key=lambda job: job.id.lower())

    async def pool_info(self, pool_id: str) -> PoolInfo:
        with _reported(f"read pool {pool_id}"):
            pool = await self._client.get_pool(pool_id, select=_POOL_INFO_SELECT)
        configuration = pool.virtual_machine_configuration
        return PoolInfo(
            id=pool.id,
            enable_inter_node_communication=bool(pool.enable_inter_node_communication),
            task_slots_per_node=pool.task_slots_per_node or 1,
            current_dedicated_nodes=pool.current_dedicated_nodes or 0,
            current_low_priority_nodes=pool.current_low_priority_nodes or 0,
            target_dedicated_nodes=pool.target_dedicated_nodes or 0,
            target_low_priority_nodes=pool.target_low_priority_nodes or 0,
            allocation_state=AllocationState(enum_text(pool.allocation_state) or "steady"),
            os_family=os_family_of_agent(configuration.node_agent_sku_id if configuration else None),
        )

    # --- is an id taken? -------------------------------------------------------------

    async def pool_exists(self, pool_id: str) -> bool:
        return await self._exists(f"look for pool {pool_id}", self._client.get_pool(pool_id, select=["id"]))

    async def job_exists(self, job_id: str) -> bool:
        return await self._exists(f"look for job {job_id}", self._client.get_job(job_id, select=["id"]))

    async def task_exists(self, job_id: str, task_id: str) -> bool:
        """False also when the job does not exist (then no task of it does)."""
        return await self._exists(f"look for task {task_id}", self._client.get_task(job_id, task_id, select=["id"]))

    async def _exists(self, action: str, request: Any) -> bool:
        with _reported(action):
            try:
                await request
            except ResourceNotFoundError:
                return False
        return True

    # --- creations -------------------------------------------------------------------

    async def create_job(self, job_id: str, pool_id: str) -> None:
        body = job_json.to_batch_json(JobSpec(job_id, pool_id))
        with _reported(f"create job {job_id}"):
            await self._client.create_job(models.BatchJobCreateOptions(body))

    async def submit_task(self, job_id: str, task_json: Mapping[str, Any]) -> None:
        """Add the task body (as `az batch task create --json-file` takes it) to the job."""
        with _reported(f"add task {task_json.get('id')} to job {job_id}"):
            await self._client.create_task(job_id, models.BatchTaskCreateOptions(dict(task_json)))

    async def create_pool(self, pool_json: Mapping[str, Any]) -> None:
        with _reported(f"create pool {pool_json.get('id')}"):
            await self._client.create_pool(models.BatchPoolCreateOptions(dict(pool_json)))

    async def resize_pool(self, pool_id: str, nodes: int) -> None:
        """Grow the pool to `nodes` in all, keeping its low-priority target: the fix a
        wizard offers when the pool has fewer nodes than the task has instances."""
        low_priority = (await self.pool_info(pool_id)).target_low_priority_nodes
        await self._operations.resize_pool(pool_id, max(nodes - low_priority, 0), low_priority)
