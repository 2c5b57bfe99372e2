"""Local Batch under load (a script, not a test), through the unmodified azure-batch client.

1. 20 clients for 60 s, each in turn listing a 5,000-node pool (select id,state, pages of
   1,000) and tailing a file a task keeps writing (HEAD for the length, then only the new
   bytes by ocp-range); every byte read is checked against what the task wrote.
2. 10 clients adding 1,000 tasks at the same moment (100 each, one request per task):
   every task is there afterwards, and no request failed ("database is locked" or else).

Reports latency p50/p99 per kind of request and every error. Run from the repository root:
    PYTHONPATH=. .venv/bin/python tests/benchmarks/bench_load.py [--clients 20] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from azure.batch import models
from azure.core.exceptions import HttpResponseError

from explorer.client.files import ReadErrorBodies, quiet_bodyless_errors
from explorer.client.local.local_batch import LocalBatchService
from tests.support.batch_scenarios import create_idle_pool, create_job, read_task_file, unique
from tests.support.local_batch import make_client
from tests.support.waiting import wait_until

NODES = 5000
# The tailed file: line n is "line n" padded to 64 bytes, written 64 lines every 10 ms (400 kB/s).
WRITER = (
    f"{sys.executable} -c \"import time\n"
    "with open('grow.txt', 'wb', buffering=0) as out:\n"
    "    n = 0\n"
    "    while True:\n"
    "        out.write(b''.join((b'line %09d' % i).ljust(63) + b'\\\\n' for i in range(n, n + 64)))\n"
    "        n += 64\n"
    "        time.sleep(0.01)\""
)


def client_for(service: LocalBatchService):  # type: ignore[no-untyped-def]
    """The SDK's client with the error-body reading the app's clients have (no tracebacks for 404/409 file reads)."""
    quiet_bodyless_errors()
    return make_client(service, per_retry_policies=[ReadErrorBodies()])


def expected(start: int, end: int) -> bytes:
    """Bytes start..end-1 of the tailed file."""
    first, last = start // 64, (end + 63) // 64
    text = b"".join((b"line %09d" % i).ljust(63) + b"\n" for i in range(first, last))
    return text[start - first * 64 : end - first * 64]


class Recorder:
    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.bytes_checked = 0
        self.mismatches = 0

    async def timed(self, kind: str, call):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return await call()
        except HttpResponseError as error:
            self.errors.append(f"{kind}: {error.status_code} {getattr(error.error, 'code', '')} {error.message[:120]}")
            return None
        finally:
            self.latencies[kind].append(time.perf_counter() - started)

    def report(self, title: str) -> None:
        print(title)
        for kind, values in sorted(self.latencies.items()):
            ordered = sorted(values)
            p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
            print(f"  {kind:<18} {len(values):>7} requests  p50 {statistics.median(values) * 1000:7.1f} ms  p99 {p99 * 1000:7.1f} ms")
        print(f"  errors: {len(self.errors)}" + "".join(f"\n    {error}" for error in self.errors[:20]))


async def list_and_tail(service: LocalBatchService, clients: int, seconds: float) -> None:
    recorder = Recorder()
    async with client_for(service) as setup:
        await setup.create_pool(models.BatchPoolCreateOptions(id="load", vm_size="small", target_dedicated_nodes=NODES))

        async def idle():
            counts = [c async for c in setup.list_pool_node_counts(filter="poolId eq 'load'")]
            return counts and counts[0].dedicated.idle == NODES

        await wait_until(idle, 600, f"{NODES} idle nodes")
        tail_pool = await create_idle_pool(setup, unique("pool"), 1)
        job_id = await create_job(setup, tail_pool)
        await setup.create_task(job_id, models.BatchTaskCreateOptions(id="grow", command_line=WRITER))

        async def growing():
            try:
                return len(await read_task_file(setup, job_id, "grow", "wd/grow.txt")) > 0
            except HttpResponseError:
                return False

        await wait_until(growing, 60, "the tailed file")

    async def client_loop() -> None:
        offset = 0
        deadline = time.monotonic() + seconds
        async with client_for(service) as client:
            while time.monotonic() < deadline:

                count = 0
                try:
                    pages = client.list_nodes("load", select=["id", "state"], max_results=1000).by_page()
                    for _ in range(NODES // 1000):
                        started = time.perf_counter()
                        count += len([node async for node in await pages.__anext__()])
                        recorder.latencies["list nodes: page"].append(time.perf_counter() - started)
                except (HttpResponseError, StopAsyncIteration) as error:
                    recorder.errors.append(f"listing: {error!r}"[:200])
                if count != NODES:
                    recorder.errors.append(f"listed {count} nodes, not {NODES}")
                props = await recorder.timed("tail: HEAD", lambda: client.get_task_file_properties(job_id, "grow", "wd/grow.txt"))
                if props is None or props.content_length <= offset:
                    continue
                end = props.content_length
                data = await recorder.timed(
                    "tail: new bytes",
                    lambda: read_task_file(client, job_id, "grow", "wd/grow.txt", ocp_range=f"bytes={offset}-{end - 1}"),  # noqa: B023
                )
                if data is None:
                    continue
                recorder.bytes_checked += len(data)
                if data != expected(offset, offset + len(data)):
                    recorder.mismatches += 1
                offset += len(data)

    started = time.monotonic()
    await asyncio.gather(*(client_loop() for _ in range(clients)))
    recorder.report(f"\n{clients} clients for {time.monotonic() - started:.0f} s listing {NODES:,} nodes and tailing a growing file:")
    print(f"  bytes tailed and checked: {recorder.bytes_checked:,}; mismatched reads: {recorder.mismatches}")


async def add_tasks_at_once(service: LocalBatchService, clients: int, per_client: int) -> None:
    recorder = Recorder()
    async with client_for(service) as setup:
        pool_id = await create_idle_pool(setup, unique("pool"), 0)
        job_id = await create_job(setup, pool_id)  # no nodes: the tasks stay queued, the figure is the adding

    async def add(client_number: int) -> None:
        async with client_for(service) as client:
            for i in range(per_client):
                options = models.BatchTaskCreateOptions(id=f"c{client_number:02d}-t{i:04d}", command_line="/bin/true")
                await recorder.timed("create task", lambda: client.create_task(job_id, options))  # noqa: B023

    started = time.monotonic()
    await asyncio.gather(*(add(n) for n in range(clients)))
    elapsed = time.monotonic() - started
    async with client_for(service) as client:
        there = {task.id async for task in client.list_tasks(job_id, select=["id"])}
    wanted = {f"c{n:02d}-t{i:04d}" for n in range(clients) for i in range(per_client)}
    recorder.report(f"\n{clients} clients adding {clients * per_client:,} tasks at once ({elapsed:.1f} s):")
    print(f"  tasks there afterwards: {len(there & wanted):,} of {len(wanted):,}")
    log = service.log_path.read_text(errors="replace")
    print(f"  'database is locked' in the service log: {log.count('database is locked')}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--adders", type=int, default=10)
    parser.add_argument("--tasks-each", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        service = LocalBatchService(Path(tmp) / "lb", extra_args=("--node-start-seconds", "0.05"))
        service.start()
        try:
            await list_and_tail(service, args.clients, args.seconds)
            await add_tasks_at_once(service, args.adders, args.tasks_each)
        finally:
            service.stop()


if __name__ == "__main__":
    asyncio.run(main())
