"""Pools, jobs, tasks and command lines over the unmodified SDK client, and waits for their states.

Ids are the caller's, or unique ones (`unique`) for tests that share one Local Batch.
"""

from __future__ import annotations

import shlex
import sys
import uuid
from pathlib import Path

from azure.batch import models
from azure.batch.aio import BatchClient

from tests.support.waiting import TIMEOUT, wait_until

VM_SIZE = "standard_d2s_v3"


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def python_command(code: str, *args: str) -> str:
    """A task command line running a Python snippet with this interpreter (no shell involved)."""
    return shlex.join([sys.executable, "-c", code, *args])


def waiting_for_file(path: Path) -> str:
    """A command line that ends (exit 0) once `path` exists: the test holds a task or node there."""
    return python_command(
        "import pathlib, sys, time\nwhile not pathlib.Path(sys.argv[1]).exists(): time.sleep(0.02)\n", str(path)
    )


async def create_pool(
    client: BatchClient,
    pool_id: str,
    nodes: int,
    *,
    inter_node: bool = False,
    slots: int = 1,
    start_task: models.BatchStartTask | None = None,
) -> str:
    """Create a pool (an MPI-ready one with `inter_node`); returns its id."""
    await client.create_pool(
        models.BatchPoolCreateOptions(
            id=pool_id,
            vm_size=VM_SIZE,
            target_dedicated_nodes=nodes,
            enable_inter_node_communication=inter_node,
            task_slots_per_node=slots,
            start_task=start_task,
        )
    )
    return pool_id


async def create_idle_pool(
    client: BatchClient, pool_id: str, nodes: int, *, inter_node: bool = False, slots: int = 1
) -> str:
    """Create a pool and wait until its `nodes` nodes are idle; returns its id."""
    await create_pool(client, pool_id, nodes, inter_node=inter_node, slots=slots)
    await wait_for_idle_nodes(client, pool_id, nodes)
    return pool_id


async def idle_nodes(client: BatchClient, pool_id: str) -> list[str]:
    return [n.id async for n in client.list_nodes(pool_id, select=["id", "state"]) if n.state == "idle"]


async def wait_for_idle_nodes(client: BatchClient, pool_id: str, count: int) -> list[str]:
    """Wait until the pool has exactly `count` nodes, all idle; returns their ids."""

    ids: list[str] = []

    async def all_idle() -> bool:  # a bool: no nodes at all is a wait that is over, too
        nodes = [node async for node in client.list_nodes(pool_id, select=["id", "state"])]
        ids[:] = [n.id for n in nodes]
        return len(nodes) == count and all(n.state == "idle" for n in nodes)

    await wait_until(all_idle, what=f"{count} idle nodes in {pool_id}")
    return ids


async def wait_for_idle_node_count(client: BatchClient, pool_id: str, count: int, timeout: float = TIMEOUT) -> None:
    """Wait until `count` dedicated nodes of the pool are idle, asking for counts only (for big pools)."""

    async def all_idle() -> bool:
        counts = [c async for c in client.list_pool_node_counts(filter=f"poolId eq '{pool_id}'")]
        return bool(counts) and counts[0].dedicated.idle == count

    await wait_until(all_idle, timeout, f"{count} idle nodes in {pool_id}", interval=0.5)


async def create_job(client: BatchClient, pool_id: str, job_id: str | None = None) -> str:
    job_id = job_id or unique("job")
    await client.create_job(models.BatchJobCreateOptions(id=job_id, pool_info=models.BatchPoolInfo(pool_id=pool_id)))
    return job_id


def multi_instance(
    task_id: str, instances: int, coordination: str, application: str, **options: object
) -> models.BatchTaskCreateOptions:
    """A multi-instance task's body; `options` are further BatchTaskCreateOptions fields."""
    return models.BatchTaskCreateOptions(
        id=task_id,
        command_line=application,
        multi_instance_settings=models.MultiInstanceSettings(
            number_of_instances=instances, coordination_command_line=coordination
        ),
        **options,
    )


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
    """Create job `job_id` on the pool and task `task_id` in it (multi-instance if `instances` > 1)."""
    await create_job(client, pool_id, job_id)
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


async def wait_for_completion(
    client: BatchClient, job_id: str, task_id: str, timeout: float = TIMEOUT
) -> models.BatchTask:
    """Wait until the task is completed; returns it."""

    async def completed() -> models.BatchTask | None:
        task = await client.get_task(job_id, task_id)
        return task if task.state == "completed" else None

    return await wait_until(completed, timeout, f"task {task_id} to complete")


async def read_task_file(client: BatchClient, job_id: str, task_id: str, path: str, **kwargs) -> bytes:
    stream = await client.download_task_file(job_id, task_id, path, **kwargs)
    return b"".join([chunk async for chunk in stream])


async def read_node_file(client: BatchClient, pool_id: str, node_id: str, path: str, **kwargs) -> bytes:
    stream = await client.download_node_file(pool_id, node_id, path, **kwargs)
    return b"".join([chunk async for chunk in stream])


class HeldTask:
    """A task that appends a line to a runs file each time it starts, then waits until a flag
    file exists: the test knows when it runs, lets it end when it wants, and counts its runs."""

    def __init__(self, directory: Path, task_id: str = "held") -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.id = task_id
        self.runs_file = directory / f"{task_id}.runs"
        self.flag = directory / f"{task_id}.go"

    def body(self) -> models.BatchTaskCreateOptions:
        script = (
            f"echo run >> {shlex.quote(str(self.runs_file))}; "
            f"while [ ! -e {shlex.quote(str(self.flag))} ]; do sleep 0.05; done; echo done"
        )
        return models.BatchTaskCreateOptions(id=self.id, command_line=f"/bin/bash -c {shlex.quote(script)}")

    @property
    def runs(self) -> int:
        try:
            return len(self.runs_file.read_text().splitlines())
        except FileNotFoundError:
            return 0

    def release(self) -> None:
        self.flag.touch()
