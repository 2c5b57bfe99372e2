"""Local Batch within its open-file limit: sampling many nodes leaves descriptors to the requests, and a
request that finds none says so instead of "the task's files are no longer on its node".

Watching 10,000 nodes once answered a running task's stdout.txt with 409 TaskFilesUnavailable: the
node sampler held two descriptors per node (lock and metrics file), 20,000 in all, the service's
whole limit, and every open of a request failed with EMFILE. The limit is lowered here on the running
service (`prlimit`) so a few hundred nodes show the same.
"""

from __future__ import annotations

import contextlib
import os
import resource
from collections.abc import Iterator
from pathlib import Path

import pytest
from azure.core.exceptions import HttpResponseError

from explorer.client.watching.node_metrics import METRICS_PATH
from explorer.localbatch.running.node_sampling import INTERVAL_VARIABLE
from tests.support.batch_scenarios import HeldTask, create_idle_pool, create_job, read_task_file, task_state, unique
from tests.support.local_batch import make_client, running_local_batch
from tests.support.waiting import wait_until, wait_until_sync

pytestmark = [pytest.mark.asyncio, pytest.mark.skipif(not hasattr(resource, "prlimit"), reason="Linux prlimit")]

LIMIT = 400
NODES = 200
"""Two descriptors each would pass `LIMIT`."""


@contextlib.contextmanager
def open_file_limit(pid: int, soft: int) -> Iterator[None]:
    """The service's soft open-file limit at `soft` (its hard limit kept), restored on exit."""
    before = resource.prlimit(pid, resource.RLIMIT_NOFILE)
    resource.prlimit(pid, resource.RLIMIT_NOFILE, (soft, before[1]))
    try:
        yield
    finally:
        with contextlib.suppress(ProcessLookupError):
            resource.prlimit(pid, resource.RLIMIT_NOFILE, before)


def open_descriptors(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


async def running_held_task(client, pool_id: str, directory: Path) -> tuple[str, HeldTask]:
    job_id = await create_job(client, pool_id, unique("job"))
    held = HeldTask(directory, unique("held"))
    await client.create_task(job_id, held.body())
    await wait_until(lambda: held.runs > 0, what="the held task to run")
    return job_id, held


async def test_sampling_more_nodes_than_descriptors_would_allow_kept_open_samples_every_one(tmp_path, monkeypatch):
    monkeypatch.setenv(INTERVAL_VARIABLE, "0.3")
    with running_local_batch(tmp_path / "lb") as service:
        assert service.pid is not None
        with open_file_limit(service.pid, LIMIT):
            async with make_client(service) as client:
                pool_id = await create_idle_pool(client, unique("many"), NODES)
                job_id, held = await running_held_task(client, pool_id, tmp_path)
                nodes = service.data_dir / "nodes" / pool_id.lower()
                wait_until_sync(lambda: len(list(nodes.glob(f"*/{METRICS_PATH}"))) == NODES, what="every node sampled")
                assert open_descriptors(service.pid) < LIMIT - 100
                # The service still answers everything that opens a file: a running task's output, a listing.
                assert await read_task_file(client, job_id, held.id, "stdout.txt") == b""
                assert len([n async for n in client.list_nodes(pool_id, select=["id"])]) == NODES
                assert await task_state(client, job_id, held.id) == "running"
                held.release()


async def test_a_request_that_finds_no_descriptor_says_so_not_that_the_files_are_gone(tmp_path):
    with running_local_batch(tmp_path / "lb") as service:
        assert service.pid is not None
        async with make_client(service, retry_total=0) as client:
            pool_id = await create_idle_pool(client, unique("few"), 1)
            job_id, held = await running_held_task(client, pool_id, tmp_path)
            # Every descriptor the service may open is in use: the next open fails with EMFILE.
            with open_file_limit(service.pid, open_descriptors(service.pid)):
                with pytest.raises(HttpResponseError) as download:
                    await read_task_file(client, job_id, held.id, "stdout.txt")
                with pytest.raises(HttpResponseError) as listing:  # the same, with the body the SDK reads
                    _ = [f async for f in client.list_task_files(job_id, held.id)]
            assert download.value.status_code == listing.value.status_code == 429
            error = listing.value
            assert error.error is not None and error.error.code == "TooManyRequests"
            assert "Too many open files (EMFILE)" in error.message and "no longer on its node" not in error.message
            assert await read_task_file(client, job_id, held.id, "stdout.txt") == b""  # the limit back: served
            held.release()
