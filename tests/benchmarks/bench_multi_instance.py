"""Local Batch's multi-instance overhead over plain `mpiexec`, at 4, 8 and 16 ranks, phase by phase.

Run: ``PYTHONPATH=. python tests/benchmarks/bench_multi_instance.py [--ranks 4 8 16] [--runs 5]``.

One Local Batch (temp dir) with an MPI pool of max(ranks) nodes. For each rank count, run by run
and alternating (so that load from elsewhere hits both alike):

- **plain** (the peer): ``mpiexec -n N python hello.py``, the bundled 4-line mpi4py hello world;
- **Local Batch**: the same program as a multi-instance task of N instances (coordination command
  ``/bin/true``, application command ``mpiexec -hosts $AZ_BATCH_HOST_LIST -n N -ppn 1 python3 ...``),
  timed on the service's own clock, so the client's polling does not count: creation to end, and
  its phases: *scheduling* (creation to the attempt's start), *prepare + coordinate* (to the
  application command's start: directories, subtasks, N coordination commands) and *application
  + wind-up* (to the end: mpiexec through the node launcher, then every instance ended).

Overhead = Local Batch's creation-to-end minus plain. Medians over `--runs` runs (min-max); the
machine may be shared: the load average is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from azure.batch import models

from explorer.resources import resource_path
from tests.support.batch_scenarios import create_idle_pool, create_job, wait_for_completion
from tests.support.local_batch import make_client, running_local_batch

HELLO = resource_path("samples", "mpi-hello", "hello.py")
VENV_BIN = Path(sys.executable).parent


def plain_seconds(ranks: int) -> float:
    started = time.perf_counter()
    subprocess.run([str(VENV_BIN / "mpiexec"), "-n", str(ranks), sys.executable, str(HELLO)], check=True,
                   capture_output=True)
    return time.perf_counter() - started


def _time(text) -> float:
    return (text if isinstance(text, datetime) else datetime.fromisoformat(str(text).replace("Z", "+00:00"))).timestamp()


async def local_batch_phases(client, job_id: str, task_id: str, ranks: int) -> dict[str, float]:
    command = f"/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n {ranks} -ppn 1 python3 {HELLO}'"
    await client.create_task(job_id, models.BatchTaskCreateOptions(
        id=task_id, command_line=command,
        multi_instance_settings=models.MultiInstanceSettings(number_of_instances=ranks, coordination_command_line="/bin/true"),
    ))
    task = await wait_for_completion(client, job_id, task_id, timeout=300)
    assert task.execution_info.exit_code == 0, task.execution_info
    assert task.previous_state == "running"
    created, started = _time(task.creation_time), _time(task.execution_info.start_time)
    running, ended = _time(task.previous_state_transition_time), _time(task.execution_info.end_time)
    return {"total": ended - created, "scheduling": started - created, "prepare": running - started,
            "application": ended - running}


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} ({min(values):.3f}-{max(values):.3f})"


async def main(rank_counts: list[int], runs: int) -> None:
    with tempfile.TemporaryDirectory() as data, running_local_batch(Path(data), node_start_seconds=0.05) as service:
        async with make_client(service) as client:
            pool_id = await create_idle_pool(client, "bench-mpi", max(rank_counts), inter_node=True)
            job_id = await create_job(client, pool_id)
            load = os.getloadavg()[0]
            rows = []
            for ranks in rank_counts:
                plain_seconds(ranks)  # warm-up: page cache, bytecode
                await local_batch_phases(client, job_id, f"warm-{ranks}", ranks)
                plain, phases = [], []
                for run in range(runs):
                    plain.append(plain_seconds(ranks))
                    phases.append(await local_batch_phases(client, job_id, f"hello-{ranks}-{run}", ranks))
                rows.append((ranks, plain, phases))
    print(f"\nMulti-instance MPI hello, medians of {runs} runs (min-max), seconds; load average {load:.1f} before,"
          f" {os.getloadavg()[0]:.1f} after (2 cores, shared machine)")
    print(f"{'ranks':>5} | {'plain mpiexec':>20} | {'Local Batch':>20} | {'overhead':>7} | {'scheduling':>20}"
          f" {'prepare+coordinate':>20} {'application+wind-up':>20}")
    for ranks, plain, phases in rows:
        column = {name: [p[name] for p in phases] for name in phases[0]}
        overhead = statistics.median(column["total"]) - statistics.median(plain)
        print(f"{ranks:>5} | {spread(plain):>20} | {spread(column['total']):>20} | {overhead:>+7.3f} |"
              f" {spread(column['scheduling']):>20} {spread(column['prepare']):>20} {spread(column['application']):>20}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ranks", type=int, nargs="+", default=[4, 8, 16])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.ranks, args.runs))
