"""Local Batch samples its nodes natively, and the explorer's reader reads the figures through the
node-files API alone: a node running a CPU-bound task shows busy, its idle neighbour does not,
and a rotated file is read on without losing or repeating a sample."""

from __future__ import annotations

import pytest

from explorer.client.connecting.connection_state import Backoff, ConnectionTracker
from explorer.client.files import NodeFiles
from explorer.client.watching.node_metrics import METRICS_PATH, NodeMetricsReader
from explorer.localbatch.running.node_sampling import INTERVAL_VARIABLE, load_sampler
from tests.support.batch_scenarios import create_idle_pool, python_command, submit_task, unique
from tests.support.local_batch import make_client, running_local_batch
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio

BURN = "import time\nend = time.monotonic() + 120\nwhile time.monotonic() < end: pass\n"


@pytest.fixture(scope="module")
def sampled_local_batch(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(INTERVAL_VARIABLE, "0.5")
        with running_local_batch(tmp_path_factory.mktemp("sampled")) as service:
            yield service


async def test_a_busy_node_shows_busy_and_its_idle_neighbour_not(sampled_local_batch):
    async with make_client(sampled_local_batch) as client:
        pool_id = await create_idle_pool(client, unique("metrics"), 2)
        nodes = sorted([n.id async for n in client.list_nodes(pool_id)])
        job_id, task_id = unique("job"), unique("burn")
        await submit_task(client, pool_id, job_id, task_id, python_command(BURN))
        task = await wait_until(lambda: _running_on(client, job_id, task_id), what="the task to run")
        busy_node = task.node_info.node_id
        idle_node = next(n for n in nodes if n != busy_node)
        tracker = ConnectionTracker(Backoff())
        busy = NodeMetricsReader(client, NodeFiles(pool_id, busy_node), tracker)
        idle = NodeMetricsReader(client, NodeFiles(pool_id, idle_node), tracker)

        async def burning() -> bool:
            await busy.poll()
            latest = busy.latest()
            return latest is not None and (latest.task_cpu(task_id) or 0) > 5

        await wait_until(burning, what="the busy node's figures to show the task", interval=0.3)
        await wait_until(idle.poll, what="figures of the idle node")
        latest_busy, latest_idle = busy.latest(), idle.latest()
        assert latest_busy is not None and latest_idle is not None
        assert latest_busy.scope == latest_idle.scope == "node"
        assert latest_busy.cpu > latest_idle.cpu  # node figures, not the host's twice
        assert latest_busy.mem_used > latest_idle.mem_used
        assert latest_idle.task_cpu(task_id) is None and latest_busy.host_cpu is not None
        assert busy.missing is False
        await client.terminate_task(job_id, task_id)


async def _running_on(client, job_id, task_id):
    task = await client.get_task(job_id, task_id)
    return task if task.state == "running" and task.node_info else None


async def test_the_reader_reads_across_rotations_without_loss_or_repeats(sampled_local_batch):
    sampler = load_sampler()
    async with make_client(sampled_local_batch) as client:
        pool_id = await create_idle_pool(client, unique("rotation"), 1)
        [node_id] = [n.id async for n in client.list_nodes(pool_id)]
        shared = sampled_local_batch.data_dir / "nodes" / pool_id.lower() / node_id.lower() / "shared"
        await wait_until(lambda: (shared.parent / METRICS_PATH).exists(), what="the node's own figures")
        path = "shared/test-rotation.jsonl"
        out = sampler.MetricsFile(str(shared / "test-rotation.jsonl"), max_bytes=4096)
        reader = NodeMetricsReader(client, NodeFiles(pool_id, node_id), ConnectionTracker(Backoff()), path=path)
        assert await reader.poll() == [] and reader.missing
        seen: list[float] = []
        written = 0
        for _round in range(12):
            for _ in range(7):  # ~2 KB: a rotation every other round, never two between polls
                written += 1
                out.append(_sample_line(sampler, written))
            seen.extend(sample.time for sample in await reader.poll())
        out.append(_sample_line(sampler, written + 1))
        seen.extend(sample.time for sample in await reader.poll())
        out.close()
        assert seen == [float(n) for n in range(1, written + 2)]
        assert reader.requests < 13 * 3 + 6 * 2  # HEAD + GET per poll, and a HEAD + GET of .1 per rotation
        (shared / "test-rotation.jsonl").write_bytes(b"")  # truncated, no rotated copy newer than it
        (shared / "test-rotation.jsonl.1").unlink()
        assert await reader.poll() == []
        with (shared / "test-rotation.jsonl").open("ab") as again:
            again.write(b'{"v": 1, "broken": true}\n')
        again_sampler = sampler.MetricsFile(str(shared / "test-rotation.jsonl"))
        again_sampler.append(_sample_line(sampler, 1000))
        again_sampler.close()
        assert [s.time for s in await reader.poll()] == [1000.0]  # a line it cannot read is skipped


def _sample_line(sampler, n: int) -> dict:
    host = {"dt": 1.0, "cpu": {"busy": 1.0, "cores": [1.0]}, "mem": {"total": 10, "used": 5, "available": 5},
            "net": {"rx": 0, "tx": 0}, "disk": {"read": 0, "write": 0, "free": 1, "size": 2}}
    return sampler.record(host, [], at=float(n))
