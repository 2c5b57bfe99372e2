"""Local Batch scheduler throughput (a script, not a test): ordinary `/bin/true` tasks on 50 nodes.

Each run starts a Local Batch of its own, queues N tasks on a pool that has no nodes
yet, then resizes the pool to 50 single-slot nodes: every task is waiting when the
nodes come up, so the figure is the service's own rate, not the client's submission
rate. Throughput is N / (last task endTime - first task startTime), from the times the
service itself reports. With `--idle`, that many idle processes (`sleep`) exist on the
machine during the run, as on a desktop with a browser and an IDE open.

The floor, measured in the same rounds: the same N `/bin/true` processes started by a bare
asyncio loop, 50 at a time (no HTTP, no state, no files): what the machine allows at the time;
and "+ files", the same with what a Batch task needs before it starts (its task and working
directories, new stdout.txt and stderr.txt), made as Local Batch makes them, in one thread.
With `--ref main` the same runs are made, interleaved, against Local Batch as it is at that ref.

Run from the repository root:
    PYTHONPATH=. .venv/bin/python tests/benchmarks/bench_scheduler.py [--runs 3] [--tasks 1000,5000] [--idle 0,400]
        [--no-cgroups] [--ref main]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

from azure.batch import models

from explorer.client.local.local_batch import LocalBatchService
from tests.benchmarks.reference_tree import exported, serving
from tests.support.batch_scenarios import wait_for_idle_nodes
from tests.support.local_batch import make_client

NODES = 50
POOL, JOB = "throughput", "throughput-job"


@contextlib.contextmanager
def idle_processes(count: int) -> Iterator[None]:
    """`count` sleeping processes for the length of the block."""
    sleepers = [
        subprocess.Popen(["sleep", "3600"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(count)
    ]
    try:
        yield
    finally:
        for sleeper in sleepers:
            sleeper.kill()
        for sleeper in sleepers:
            sleeper.wait()


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")) if isinstance(text, str) else text


async def one_run(tasks: int, service_args: tuple[str, ...]) -> float:
    """Tasks per second for one run of `tasks` tasks on a fresh Local Batch."""
    with tempfile.TemporaryDirectory() as tmp:
        service = LocalBatchService(Path(tmp) / "lb", extra_args=("--node-start-seconds", "0.05", *service_args))
        service.start()
        try:
            async with make_client(service) as client:
                await client.create_pool(models.BatchPoolCreateOptions(id=POOL, vm_size="small", target_dedicated_nodes=0))
                await client.create_job(models.BatchJobCreateOptions(id=JOB, pool_info=models.BatchPoolInfo(pool_id=POOL)))
                for first in range(0, tasks, 100):
                    group = [
                        models.BatchTaskCreateOptions(id=f"t{i:05d}", command_line="/bin/true")
                        for i in range(first, min(first + 100, tasks))
                    ]
                    result = await client.create_task_collection(JOB, models.BatchTaskGroup(task_values=group))
                    assert all(item.status == "success" for item in result.result_values)
                poller = await client.begin_resize_pool(POOL, models.BatchPoolResizeOptions(target_dedicated_nodes=NODES), polling_interval=0.1)
                await poller.result()

                # Watched as a job view would, a few times a second, not flat out: the figure is the service's.
                while True:
                    counts = await client.get_job_task_counts(JOB)
                    if counts.task_counts.completed >= tasks:
                        break
                    await asyncio.sleep(0.25)
                assert counts.task_counts.succeeded == tasks, counts
                starts, ends = [], []
                async for task in client.list_tasks(JOB, select=["id", "executionInfo"]):
                    starts.append(_time(task.execution_info.start_time))
                    ends.append(_time(task.execution_info.end_time))
                await wait_for_idle_nodes(client, POOL, NODES)
        finally:
            service.stop()
    return tasks / (max(ends) - min(starts)).total_seconds()


async def floor_rate(tasks: int, files: bool = False) -> float:
    """Tasks per second of a bare asyncio loop starting `tasks` `/bin/true` processes, NODES at a time.

    With `files`, each process gets what a Batch task must have before it starts, made in one worker
    thread as Local Batch makes them: its own task directory with a working directory in it, and new
    stdout.txt and stderr.txt files (four inodes: on this machine their cost swings from 40 to 300 us
    each over an hour, and the scheduler's rate with it)."""
    slots = asyncio.Semaphore(NODES)
    loop = asyncio.get_running_loop()

    def task_files(root: Path, index: int) -> tuple[Path, int, int]:
        working = root / f"task-{index}" / "wd"
        working.mkdir(parents=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC
        return working, os.open(working.parent / "stdout.txt", flags), os.open(working.parent / "stderr.txt", flags)

    async def one(root: Path | None, index: int, maker: ThreadPoolExecutor) -> None:
        async with slots:
            if root is None:
                process = await asyncio.create_subprocess_exec("/bin/true", stdin=subprocess.DEVNULL)
            else:
                cwd, out, err = await loop.run_in_executor(maker, task_files, root, index)
                try:
                    process = await asyncio.create_subprocess_exec(
                        "/bin/true", stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=cwd)
                finally:
                    os.close(out)
                    os.close(err)
            await process.wait()

    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(max_workers=1) as maker:
        root = Path(tmp) if files else None
        started = time.monotonic()
        await asyncio.gather(*(one(root, index, maker) for index in range(tasks)))
        return tasks / (time.monotonic() - started)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per configuration (the median is reported)")
    parser.add_argument("--tasks", default="1000,5000", help="comma-separated task counts")
    parser.add_argument("--idle", default="0,400", help="comma-separated counts of idle processes on the machine")
    parser.add_argument("--no-cgroups", action="store_true", help="the service tracks task processes by session only")
    parser.add_argument("--ref", help="also measure Local Batch as it is at this git ref (e.g. main), interleaved")
    args = parser.parse_args()
    service_args = ("--no-cgroups",) if args.no_cgroups else ()
    configurations = [(int(t), int(i)) for i in args.idle.split(",") for t in args.tasks.split(",")]
    with contextlib.ExitStack() as stack:
        trees = {"this tree": None}
        if args.ref:
            trees[args.ref] = stack.enter_context(exported(args.ref))
        rates: dict[tuple[str, int, int], list[float]] = {}
        # Interleaved: a slow minute on the shared machine spreads over every configuration.
        for round_number in range(args.runs):
            for tasks, idle in configurations:
                with idle_processes(idle):
                    rates.setdefault(("floor", tasks, idle), []).append(await floor_rate(tasks))
                    rates.setdefault(("+ files", tasks, idle), []).append(await floor_rate(tasks, files=True))
                    for name, prefix in trees.items():
                        started = time.monotonic()
                        with serving(prefix):
                            rate = await one_run(tasks, service_args)
                        rates.setdefault((name, tasks, idle), []).append(rate)
                        print(f"run {round_number + 1}: {name}, {tasks} tasks, {idle} idle processes: {rate:.0f} tasks/s "
                              f"({time.monotonic() - started:.0f} s; floor {rates[('floor', tasks, idle)][-1]:.0f}/s, "
                              f"with task files {rates[('+ files', tasks, idle)][-1]:.0f}/s, "
                              f"load {os.getloadavg()[0]:.1f})", flush=True)
    print(f"\n{'tree':>10} {'tasks':>6} {'idle processes':>15} {'median tasks/s':>15} {'/ floor':>8} "
          f"{'/ + files':>10}  runs")
    for (name, tasks, idle), values in rates.items():
        rate = statistics.median(values)
        floor, with_files = (statistics.median(rates[(kind, tasks, idle)]) for kind in ("floor", "+ files"))
        print(f"{name:>10} {tasks:>6} {idle:>15} {rate:>15.0f} {rate / floor:>8.2f} {rate / with_files:>10.2f}"
              f"  {', '.join(f'{v:.0f}' for v in values)}")


if __name__ == "__main__":
    asyncio.run(main())
