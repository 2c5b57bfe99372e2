"""`mpi-explorer --demo`: an MPI-ready pool, a job, and a sample MPI task to watch.

Idempotent: an existing demo pool is reused (and grown to the nodes the sample needs),
an existing job too; each run submits a new task, so the user watches it from the start.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone

from azure.batch import models
from azure.batch.aio import BatchClient
from azure.core.exceptions import ResourceExistsError

from explorer.client.local.samples import sample_task_json

log = logging.getLogger(__name__)

DEMO_POOL = "mpi-demo"
DEMO_JOB = "mpi-demo"
DEMO_SAMPLE = "mpi-progress"


@dataclass(frozen=True)
class DemoTask:
    pool_id: str
    job_id: str
    task_id: str


async def start_demo(client: BatchClient, task_json: dict | None = None) -> DemoTask:
    """Pool, job and task; `task_json` is the sample's body as the caller gets its files to
    the nodes (`samples.sample_task_json`), by default the demo sample as its file says."""
    task_json = dict(task_json or sample_task_json(DEMO_SAMPLE))
    instances = task_json["multiInstanceSettings"]["numberOfInstances"]
    await _ensure_pool(client, instances)
    try:
        await client.create_job(models.BatchJobCreateOptions(id=DEMO_JOB, pool_info=models.BatchPoolInfo(pool_id=DEMO_POOL)))
    except ResourceExistsError:
        pass
    task_json["id"] = f"{task_json['id']}-{datetime.now(timezone.utc):%Y%m%d-%H%M%S}"
    await client.create_task(DEMO_JOB, models.BatchTaskCreateOptions(task_json))
    log.info("demo task %s submitted to job %s", task_json["id"], DEMO_JOB)
    return DemoTask(DEMO_POOL, DEMO_JOB, task_json["id"])


async def _ensure_pool(client: BatchClient, nodes: int) -> None:
    pool = models.BatchPoolCreateOptions(
        id=DEMO_POOL,
        display_name="MPI demo pool (Local Batch)",
        vm_size="standard_hc44rs",
        virtual_machine_configuration=models.VirtualMachineConfiguration(
            image_reference=models.BatchVmImageReference(
                publisher="almalinux", offer="almalinux-hpc", sku="8_7-hpc-gen2", version="latest"
            ),
            node_agent_sku_id="batch.node.el 8",
        ),
        target_dedicated_nodes=nodes,
        enable_inter_node_communication=True,
        task_slots_per_node=1,
    )
    try:
        await client.create_pool(pool)
        return
    except ResourceExistsError:
        pass
    existing = await client.get_pool(DEMO_POOL, select=["targetDedicatedNodes", "allocationState"])
    if (existing.target_dedicated_nodes or 0) < nodes and existing.allocation_state == "steady":
        await client.begin_resize_pool(DEMO_POOL, models.BatchPoolResizeOptions(target_dedicated_nodes=nodes))
