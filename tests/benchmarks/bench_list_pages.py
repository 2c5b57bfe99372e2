"""Listing 50,000 tasks in pages of 1,000 from Local Batch: page latency by page index, and in all.

Run: ``PYTHONPATH=. python tests/benchmarks/bench_list_pages.py [--tasks 50000] [--nodes 10000] [--runs 5]``.

Starts its own Local Batch (temp dir), adds `--tasks` tasks to one job on a pool without nodes (they
stay active) and grows another pool to `--nodes` nodes. Then, run by run and alternating:

- **tasks, raw pages**: every page of `GET /jobs/J/tasks?maxresults=1000&$select=id,state`, followed
  through odata.nextLink (the client's pipeline, bodies decoded with `json.loads`): the latency of each
  page (request to body; with keyset paging the same for the first and the last) and the total;
- **job view poll**: `JobTasksQuery.fetch`, what the app's job view does per cycle (the monitor's
  `$select`, decoded in a worker thread);
- **nodes, raw pages** (the peer): the same for the 10,000-node pool, whose pages always were flat.

Medians over `--runs` runs (min-max). A page's latency bounds how long the service's event loop was
held by it. The machine may be shared: the load average is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time

from azure.batch import models
from azure.core.rest import HttpRequest

from explorer.client.watching.queries import JobTasksQuery
from tests.support.batch_scenarios import wait_for_idle_node_count
from tests.support.local_batch import local_batch_connection

PAGE = 1000
JOB, TASK_POOL, NODE_POOL = "bench-list", "bench-list-empty", "bench-list-nodes"


async def add_tasks(client, count: int) -> None:
    async def add(start: int) -> None:
        group = [models.BatchTaskCreateOptions(id=f"task-{i:06d}", command_line="/bin/true")
                 for i in range(start, min(start + 100, count))]
        result = await client.create_task_collection(JOB, models.BatchTaskGroup(task_values=group))
        assert all(r.status == "success" for r in result.result_values), result

    for first in range(0, count, 1000):
        await asyncio.gather(*(add(start) for start in range(first, min(first + 1000, count), 100)))


async def raw_pages(client, path: str) -> tuple[list[float], int, float]:
    """(latency of each page in ms, items, total s) of one complete listing."""
    api = client._config.api_version
    request: HttpRequest | None = HttpRequest("GET", f"{path}?api-version={api}&maxresults={PAGE}&$select=id,state")
    latencies, items = [], 0
    started = time.perf_counter()
    while request is not None:
        sent = time.perf_counter()
        response = await client.send_request(request)
        latencies.append((time.perf_counter() - sent) * 1000)
        assert response.status_code == 200, response.text()
        body = json.loads(response.content)
        items += len(body["value"])
        link = body.get("odata.nextLink")
        request = HttpRequest("GET", link) if link else None
    return latencies, items, time.perf_counter() - started


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.0f} ms ({min(values):.0f}-{max(values):.0f})"


async def main(tasks: int, nodes: int, runs: int) -> None:
    async with local_batch_connection() as connection:
        client = connection.client
        await client.create_pool(models.BatchPoolCreateOptions(id=TASK_POOL, vm_size="standard_d2s_v3",
                                                               target_dedicated_nodes=0))
        await client.create_job(models.BatchJobCreateOptions(id=JOB, pool_info=models.BatchPoolInfo(pool_id=TASK_POOL)))
        print(f"Adding {tasks} tasks and growing a pool to {nodes} nodes ...", flush=True)
        await client.create_pool(models.BatchPoolCreateOptions(id=NODE_POOL, vm_size="standard_d2s_v3",
                                                               target_dedicated_nodes=nodes))
        started = time.perf_counter()
        await add_tasks(client, tasks)
        print(f"  {tasks} tasks added in {time.perf_counter() - started:.1f} s", flush=True)
        await wait_for_idle_node_count(client, NODE_POOL, nodes, timeout=900)

        load = os.getloadavg()[0]
        first, last, worst, totals, polls, node_pages, node_totals = [], [], [], [], [], [], []
        await raw_pages(client, f"/jobs/{JOB}/tasks")  # warm-up
        for _ in range(runs):
            latencies, count, total = await raw_pages(client, f"/jobs/{JOB}/tasks")
            assert count == tasks, count
            first.append(latencies[0])
            last.append(latencies[-1])
            worst.append(max(latencies))
            totals.append(total)
            started = time.perf_counter()
            fetched = await JobTasksQuery(JOB).fetch(client)
            polls.append(time.perf_counter() - started)
            assert len(fetched.items) == tasks
            latencies, count, total = await raw_pages(client, f"/pools/{NODE_POOL}/nodes")
            assert count == nodes, count
            node_pages.append(statistics.median(latencies))
            node_totals.append(total)

    print(f"\nListing in pages of {PAGE}, medians of {runs} runs (min-max); load average {load:.1f} before,"
          f" {os.getloadavg()[0]:.1f} after (2 cores, shared machine)")
    print(f"  {tasks} tasks: first page {spread(first)}, last page {spread(last)} (last/first"
          f" {statistics.median(last) / statistics.median(first):.2f}), slowest page {spread(worst)};"
          f" all pages {statistics.median(totals):.2f} s ({min(totals):.2f}-{max(totals):.2f})")
    print(f"  job view poll of {tasks} tasks (JobTasksQuery.fetch): {statistics.median(polls):.2f} s"
          f" ({min(polls):.2f}-{max(polls):.2f})")
    print(f"  peer, {nodes} nodes: median page {spread(node_pages)}, all pages {statistics.median(node_totals):.2f} s;"
          f" task page / node page {statistics.median(last) / statistics.median(node_pages):.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=50_000)
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.tasks, args.nodes, args.runs))
