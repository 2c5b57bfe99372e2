"""Cost of one monitor cycle on a 5,000-node pool: requests, bytes, CPU time.

Run: ``python tests/benchmarks/bench_monitor.py [--nodes 5000] [--cycles 20]``.
Starts its own Local Batch (temp dir), grows a pool to the given size, then lets a
`Monitor` poll `PoolNodesQuery` back to back. Requests and response bytes are
counted by an azure-core `raw_response_hook` on the monitor's client; CPU time is
this process's (the client side), not Local Batch's. For comparison it also fetches
the same nodes once without `$select`.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from dataclasses import dataclass

from azure.batch import models
from local_batch_session import local_batch_connection, wait_for_idle_nodes

from explorer.client.watching.monitor import Monitor
from explorer.client.watching.queries import PAGE_SIZE, PoolNodesQuery
from explorer.client.watching.snapshots import NodeSnapshot

POOL_ID = "bench-5k"


@dataclass
class Traffic:
    requests: int = 0
    bytes: int = 0

    def hook(self, pipeline_response) -> None:
        self.requests += 1
        self.bytes += len(pipeline_response.http_response.body() or b"")


async def main(nodes: int, cycles: int) -> None:
    traffic = Traffic()
    async with local_batch_connection(raw_response_hook=traffic.hook) as connection:
        client = connection.client
        print(f"Creating a pool of {nodes} nodes ...")
        await client.create_pool(models.BatchPoolCreateOptions(id=POOL_ID, vm_size="standard_d2s_v3", target_dedicated_nodes=nodes))
        await wait_for_idle_nodes(client, POOL_ID, nodes)

        before = Traffic(traffic.requests, traffic.bytes)
        full = [n async for n in client.list_nodes(POOL_ID, max_results=PAGE_SIZE)]
        unselected_bytes = traffic.bytes - before.bytes
        assert len(full) == nodes

        monitor = Monitor(client, fast_interval=0, slow_interval=0, max_busy_fraction=1.0)
        snapshots = []
        monitor.subscribe(PoolNodesQuery(POOL_ID), snapshots.append)
        while monitor.poll_count < 2:  # noqa: ASYNC110 - warm up (first snapshot, connection pool); the monitor has no event
            await asyncio.sleep(0.01)
        start_polls, start_requests, start_bytes = monitor.poll_count, traffic.requests, traffic.bytes
        cpu, wall = time.process_time(), time.perf_counter()
        while monitor.poll_count < start_polls + cycles:  # noqa: ASYNC110 - counting the monitor's own cycles
            await asyncio.sleep(0.001)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        done = monitor.poll_count - start_polls
        await monitor.close()
        assert len(snapshots[-1].items) == nodes

        print(f"\nMonitor cycle on a {nodes}-node pool ({done} cycles, $select={','.join(NodeSnapshot.SELECT)})")
        print(f"  requests per cycle : {(traffic.requests - start_requests) / done:.2f} (pages of {PAGE_SIZE})")
        print(f"  bytes per cycle    : {(traffic.bytes - start_bytes) / done / 1024:.0f} KiB"
              f"  (without $select: {unselected_bytes / 1024:.0f} KiB)")
        print(f"  CPU per cycle      : {cpu / done * 1000:.0f} ms (client process)")
        print(f"  wall per cycle     : {wall / done * 1000:.0f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--cycles", type=int, default=20)
    args = parser.parse_args()
    asyncio.run(main(args.nodes, args.cycles))
