"""Local Batch benchmarks (a script, not a test).

1. list_nodes(select=["id","state"]) over a 5,000-node pool from one client:
   requests per second and median page latency.
2. Orchestration overhead: median wall time from create_task to completion of the
   4-instance MPI hello, minus the median of the same program under plain `mpiexec -n 4`.

Run from the repository root: PYTHONPATH=. .venv/bin/python tests/benchmarks/bench_localbatch.py [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from azure.batch import models

from explorer.client.local.local_batch import LocalBatchService
from tests.support.batch_scenarios import (
    create_idle_pool,
    create_job,
    unique,
    wait_for_completion,
    wait_for_idle_node_count,
)
from tests.support.local_batch import make_client, running_local_batch
from tests.support.samples import SAMPLES, served_samples


async def bench_list_nodes(service: LocalBatchService, rounds: int) -> None:
    async with make_client(service) as client:
        await client.create_pool(models.BatchPoolCreateOptions(id="bench5000", vm_size="small", target_dedicated_nodes=5000))
        await wait_for_idle_node_count(client, "bench5000", 5000, timeout=300)
        latencies = []
        started = time.perf_counter()
        for _ in range(rounds):
            pages = client.list_nodes("bench5000", select=["id", "state"]).by_page()
            while True:
                t0 = time.perf_counter()
                try:
                    page = await pages.__anext__()
                except StopAsyncIteration:
                    break
                items = [node async for node in page]
                latencies.append(time.perf_counter() - t0)
                assert len(items) == 1000
        total = time.perf_counter() - started
    print(f"list_nodes 5,000-node pool: {len(latencies)} page requests in {total:.2f} s "
          f"= {len(latencies) / total:.1f} requests/s, {5000 * rounds / total:.0f} nodes/s; "
          f"median page latency {statistics.median(latencies) * 1000:.1f} ms")


def plain_mpiexec_seconds(runs: int) -> list[float]:
    times = []
    mpiexec = str(Path(sys.executable).parent / "mpiexec")
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([mpiexec, "-n", "4", sys.executable, str(SAMPLES / "mpi-hello" / "hello.py")], check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return times


async def local_batch_seconds(service: LocalBatchService, runs: int) -> list[float]:
    times = []
    async with make_client(service) as client, served_samples() as samples:
        pool_id = await create_idle_pool(client, unique("pool"), 4, inter_node=True)
        job_id = await create_job(client, pool_id)
        template = samples.task_json("mpi-hello")
        for run in range(runs):
            template["id"] = f"hello-{run}"
            t0 = time.perf_counter()
            await client.create_task(job_id, models.BatchTaskCreateOptions(template))
            task = await wait_for_completion(client, job_id, template["id"], timeout=120)
            times.append(time.perf_counter() - t0)
            assert task.execution_info.exit_code == 0
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data, running_local_batch(Path(data), node_start_seconds=0.1) as service:
        asyncio.run(bench_list_nodes(service, rounds=args.runs))
        plain = statistics.median(plain_mpiexec_seconds(args.runs))
        orchestrated = statistics.median(asyncio.run(local_batch_seconds(service, args.runs)))
    print(f"MPI hello, 4 ranks: plain mpiexec median {plain:.3f} s; Local Batch create->completed median "
          f"{orchestrated:.3f} s; orchestration overhead {orchestrated - plain:.3f} s (target <= 0.5 s)")


if __name__ == "__main__":
    main()
