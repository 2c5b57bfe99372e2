"""Small builders for pools, jobs and tasks used across the Local Batch tests."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import psutil
from azure.batch import models

from tests.localbatch.conftest import wait_until

PYTHON = sys.executable


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


async def create_idle_pool(client, nodes: int, *, inter_node: bool = False, slots: int = 1, pool_id: str | None = None) -> str:
    pool_id = pool_id or unique("pool")
    await client.create_pool(
        models.BatchPoolCreateOptions(
            id=pool_id,
            vm_size="standard_d2s_v3",
            target_dedicated_nodes=nodes,
            enable_inter_node_communication=inter_node,
            task_slots_per_node=slots,
        )
    )
    await wait_for_idle_nodes(client, pool_id, nodes)
    return pool_id


async def wait_for_idle_nodes(client, pool_id: str, count: int) -> None:
    async def idle():
        nodes = [node async for node in client.list_nodes(pool_id, select=["id", "state"])]
        return len(nodes) == count and all(node.state == "idle" for node in nodes)

    await wait_until(idle, what=f"{count} idle nodes in {pool_id}")


async def create_job(client, pool_id: str) -> str:
    job_id = unique("job")
    await client.create_job(models.BatchJobCreateOptions(id=job_id, pool_info=models.BatchPoolInfo(pool_id=pool_id)))
    return job_id


async def wait_for_completion(client, job_id: str, task_id: str, timeout: float = 60.0):
    async def completed():
        task = await client.get_task(job_id, task_id)
        return task if task.state == "completed" else None

    return await wait_until(completed, timeout, f"task {task_id} to complete")


async def read_task_file(client, job_id: str, task_id: str, path: str, **kwargs) -> bytes:
    stream = await client.download_task_file(job_id, task_id, path, **kwargs)
    return b"".join([chunk async for chunk in stream])


async def read_node_file(client, pool_id: str, node_id: str, path: str, **kwargs) -> bytes:
    stream = await client.download_node_file(pool_id, node_id, path, **kwargs)
    return b"".join([chunk async for chunk in stream])


def task_processes(job_id: str | None = None, task_id: str | None = None, under: Path | None = None) -> list[int]:
    """Live processes of a task (by its Batch environment), or of every task of a service's data dir."""
    found = []
    for process in psutil.process_iter():
        try:
            env = process.environ()
        except (psutil.Error, OSError):
            continue
        if "AZ_BATCH_TASK_ID" not in env:
            continue
        if under is not None:
            if env.get("AZ_BATCH_NODE_ROOT_DIR", "").startswith(str(under)):
                found.append(process.pid)
        elif env.get("AZ_BATCH_JOB_ID") == job_id and env.get("AZ_BATCH_TASK_ID") == task_id:
            found.append(process.pid)
    return found
