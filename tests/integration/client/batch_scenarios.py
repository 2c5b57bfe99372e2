"""Pools, jobs, tasks and condition waits for the batch-layer integration tests."""

from __future__ import annotations

import asyncio
import inspect
import shlex
import sys
from collections.abc import Callable
from typing import Any

from azure.batch import models
from azure.batch.aio import BatchClient

VM_SIZE = "standard_d2s_v3"


def python_command(code: str, *args: str) -> str:
    """A task command line running a Python snippet with this interpreter (no shell involved)."""
    return shlex.join([sys.executable, "-c", code, *args])


async def wait_until(condition: Callable[[], Any], timeout: float = 30.0, what: str = "condition") -> Any:
    """Wait until `condition()` (plain or async) is truthy; re-checked every 20 ms, bounded by `timeout`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = condition()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await asyncio.sleep(0.02)


async def create_pool(client: BatchClient, pool_id: str, nodes: int, *, inter_node: bool = False) -> None:
    await client.create_pool(
        models.BatchPoolCreateOptions(
            id=pool_id,
            vm_size=VM_SIZE,
            target_dedicated_nodes=nodes,
            enable_inter_node_communication=inter_node,
            task_slots_per_node=1,
        )
    )


async def idle_nodes(client: BatchClient, pool_id: str) -> list[str]:
    return [n.id async for n in client.list_nodes(pool_id, select=["id", "state"]) if n.state == "idle"]


async def create_idle_pool(client: BatchClient, pool_id: str, nodes: int, *, inter_node: bool = False) -> None:
    await create_pool(client, pool_id, nodes, inter_node=inter_node)

    async def all_idle() -> bool:
        return len(await idle_nodes(client, pool_id)) == nodes

    await wait_until(all_idle, what=f"{nodes} idle nodes in {pool_id}")


async def submit_task(
    client: BatchClient,
    pool_id: str,
    job_id: str,
    task_id: str,
    command_line: str,
    *,
    instances: int = 1,
    coordination: str | None = None,
) -> None:
    await client.create_job(models.BatchJobCreateOptions(id=job_id, pool_info=models.BatchPoolInfo(pool_id=pool_id)))
    settings = None
    if instances > 1:
        settings = models.MultiInstanceSettings(
            number_of_instances=instances, coordination_command_line=coordination or python_command("pass")
        )
    await client.create_task(
        job_id,
        models.BatchTaskCreateOptions(id=task_id, command_line=command_line, multi_instance_settings=settings),
    )


async def task_state(client: BatchClient, job_id: str, task_id: str) -> str:
    task = await client.get_task(job_id, task_id, select=["id", "state"])
    return task.state  # a str enum: compares equal to "completed"
