"""What node metrics cost: the sampler's own CPU and memory on a node, and the explorer's requests.

Run: ``PYTHONPATH=. .venv/bin/python tests/benchmarks/bench_node_sampler.py [--runs 3] [--seconds 20]``.

1. **The sampler** (`explorer/resources/node_sampler/mpi_explorer_sampler.py`) runs as a start task
   runs it, over a node root where a few "task" processes work, sampling every second for
   ``--seconds``. Its CPU (utime + stime from /proc) per sample, and so its share of one core at the
   default 5 s interval, and its peak resident memory (VmHWM) are reported with the number of
   processes on the host (each sample reads every process's working directory). Targets: under 1 %
   of one core, under 20 MB.
2. **The explorer's reads**, per monitored node: a `NodeMetricsReader` polls a Local Batch node
   (sampled every 0.5 s here) once a second; requests and bytes per poll are counted, and given per
   minute at the views' poll intervals (node view and task view: every 10 s; pool heatmap by CPU or
   memory: every 15 s) with the 5 s samples a real node writes.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from explorer.client.connecting.connection_state import Backoff, ConnectionTracker
from explorer.client.files import NodeFiles
from explorer.client.watching.node_metrics import POLL_SECONDS, NodeMetricsReader
from explorer.localbatch.running.node_sampling import INTERVAL_VARIABLE, SAMPLE_SECONDS
from explorer.resources import resource_path
from explorer.ui.views.pool_view import HEATMAP_METRICS_SECONDS
from tests.support.batch_scenarios import create_idle_pool
from tests.support.local_batch import local_batch_connection

SAMPLER = resource_path("node_sampler", "mpi_explorer_sampler.py")
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def sampler_run(seconds: float) -> tuple[float, float, int]:
    """(CPU seconds per sample, peak RSS MB, samples taken) of one sampler run at 1 s."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        workers = []
        for n in range(4):
            wd = root / "workitems" / "job" / "job-1" / f"task{n}" / "wd"
            wd.mkdir(parents=True)
            workers.append(subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"], cwd=wd))
        out = root / "shared" / "mpi-explorer" / "metrics.jsonl"
        sampler = subprocess.Popen([sys.executable, str(SAMPLER), "--interval", "1", "--out", str(out),
                                    "--node-root", str(root)])
        try:
            time.sleep(1.5)  # its start-up (imports) is not what a sample costs
            start = cpu_seconds(sampler.pid)
            first = out.read_text().count("\n") if out.exists() else 0
            time.sleep(seconds)
            used = cpu_seconds(sampler.pid) - start
            taken = out.read_text().count("\n") - first
            peak = peak_rss_mb(sampler.pid)
        finally:
            sampler.terminate()
            sampler.wait()
            for worker in workers:
                worker.kill()
                worker.wait()
    return used / max(taken, 1), peak, taken


async def reader_run(polls: int) -> tuple[float, float, int, int]:
    """(requests per poll, bytes per sample, first read bytes, samples) polling one Local Batch node."""
    async with local_batch_connection() as connection:
        client = connection.client
        pool_id = await create_idle_pool(client, "bench-metrics", 1)
        [node_id] = [n.id async for n in client.list_nodes(pool_id)]
        reader = NodeMetricsReader(client, NodeFiles(pool_id, node_id), ConnectionTracker(Backoff()))
        while not reader.samples:
            await reader.poll()
            await asyncio.sleep(0.5)
        first_bytes, first_requests = reader.bytes_fetched, reader.requests
        samples_before = len(reader.samples)
        for _ in range(polls):
            await asyncio.sleep(1.0)
            await reader.poll()
        requests = (reader.requests - first_requests) / polls
        new_samples = len(reader.samples) - samples_before
        per_sample = (reader.bytes_fetched - first_bytes) / max(new_samples, 1)
        return requests, per_sample, first_bytes, new_samples


def load() -> str:
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--polls", type=int, default=15)
    args = parser.parse_args()
    logging.getLogger("azure").setLevel(logging.ERROR)  # the SDK's note on each 404 before the first sample
    os.environ[INTERVAL_VARIABLE] = "0.5"  # the Local Batch started below samples its nodes this often
    processes = sum(entry.isdigit() for entry in os.listdir("/proc"))
    costs, peaks = [], []
    for run in range(args.runs):
        cost, peak, taken = sampler_run(args.seconds)
        costs.append(cost)
        peaks.append(peak)
        print(f"sampler run {run + 1}: {cost * 1000:.1f} ms CPU per sample ({taken} samples), peak RSS {peak:.1f} MB;"
              f" {processes} processes on the host; {load()}")
        requests, per_sample, first, samples = asyncio.run(reader_run(args.polls))
        print(f"reader run {run + 1}: {requests:.2f} requests per poll, {per_sample:.0f} bytes per sample "
              f"({samples} samples), first read {first} bytes; {load()}")
    median = statistics.median(costs)
    print(f"\nsampler: median {median * 1000:.1f} ms CPU per sample (spread {min(costs) * 1000:.1f}-"
          f"{max(costs) * 1000:.1f}) = {100 * median / SAMPLE_SECONDS:.2f} % of one core at {SAMPLE_SECONDS:.0f} s;"
          f" peak RSS median {statistics.median(peaks):.1f} MB (max {max(peaks):.1f})")
    for what, interval in (("node view, task view", POLL_SECONDS), ("pool heatmap by CPU/memory", HEATMAP_METRICS_SECONDS)):
        polls_per_minute = 60 / interval
        print(f"explorer, {what} (every {interval:.0f} s): at most {2 * polls_per_minute:.0f} requests per "
              f"monitored node per minute (a HEAD, and a GET when the file grew: measured {requests:.2f} per poll), "
              f"{per_sample * 60 / SAMPLE_SECONDS / 1024:.1f} KB per minute of 5 s samples")


if __name__ == "__main__":
    main()
