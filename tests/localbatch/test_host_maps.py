"""The MPI host map Local Batch writes for a multi-instance attempt (`data/mpi/hosts/<run>.json` and its
shell table, read by the ssh stand-in) lives as long as the attempt: it goes when the task ends, and also
when the task, or its job, is deleted while it runs, and a restarted service removes those a stop cut short."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.support.batch_scenarios import create_idle_pool, create_job, multi_instance, unique
from tests.support.local_batch import make_client, running_local_batch
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio


def host_maps(service) -> set[Path]:
    return set((Path(service.data_dir) / "mpi" / "hosts").glob("*"))


@pytest.mark.parametrize("deleted", ["task", "job"])
async def test_deleting_a_running_multi_instance_task_or_its_job_removes_its_host_map(
    client, local_batch, tmp_path: Path, deleted
):
    pool_id = await create_idle_pool(client, unique("pool"), 2, inter_node=True)
    job_id = await create_job(client, pool_id)
    before = host_maps(local_batch)
    await client.create_task(job_id, multi_instance("mpi", 2, "/bin/true", "sleep 300"))

    async def running() -> bool:
        return (await client.get_task(job_id, "mpi")).state == "running"

    await wait_until(running, what="the application command running")
    written = host_maps(local_batch) - before
    assert {path.suffix for path in written} == {".json", ".sh"}, written  # the map and its shell table

    if deleted == "task":
        await client.delete_task(job_id, "mpi")
    else:
        poller = await client.begin_delete_job(job_id, polling_interval=0.1)
        await poller.result()
    await wait_until(lambda: not written & host_maps(local_batch), what="the host map removed")


async def test_a_restarted_service_removes_the_host_maps_of_attempts_its_stop_cut_short(tmp_path: Path):
    with running_local_batch(tmp_path / "lb") as service:
        async with make_client(service) as client:
            pool_id = await create_idle_pool(client, unique("pool"), 2, inter_node=True)
            job_id = await create_job(client, pool_id)
            await client.create_task(job_id, multi_instance("mpi", 2, "/bin/true", "sleep 300"))

            async def running() -> bool:
                return (await client.get_task(job_id, "mpi")).state == "running"

            await wait_until(running, what="the application command running")
            cut_short = host_maps(service)
            assert cut_short
        await asyncio.to_thread(service.restart)  # a stop cuts the attempt short; the task is requeued
        async with make_client(service) as client:
            await wait_until(running, what="the task running again")
            assert host_maps(service) and not host_maps(service) & cut_short  # only the new attempt's map
            await client.delete_task(job_id, "mpi")
