"""Tailing a file that grows at 1 MB/s: delivery latency and bytes fetched per byte written.

Run: ``python tests/benchmarks/bench_tailer.py [--seconds 10] [--rate 1000000]``.
A Local Batch task appends 62.5 KB records 16 times a second; each record starts
with the wall-clock time it was written. A `FileTailer` at its default interval
follows the file; latency is measured from a record's write to the delivery of its
last byte (same machine, same clock). Targets: median <= 1 s, ratio 1.00.
"""

from __future__ import annotations

import argparse
import asyncio
import shlex
import statistics
import struct
import sys
import time

from azure.batch import models
from local_batch_session import local_batch_connection

from explorer.client.files import TaskFiles
from explorer.client.watching.tailer import DEFAULT_INTERVAL, Chunk, FileTailer, Reset

WRITES_PER_SECOND = 16
WRITER = f"""
import os, struct, sys, time
seconds, record = float(sys.argv[1]), int(sys.argv[2])
path = os.path.join(os.environ['AZ_BATCH_TASK_WORKING_DIR'], 'grow.bin')
period = 1 / {WRITES_PER_SECOND}
with open(path, 'ab', buffering=0) as out:
    start = time.monotonic()
    n = 0
    while n * period < seconds:
        delay = start + n * period - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        out.write(struct.pack('<d', time.time()) + b'x' * (record - 8))
        n += 1
"""


class Latencies:
    """Parses fixed-size records as bytes arrive; keeps only the partial record."""

    def __init__(self, record: int) -> None:
        self.record = record
        self.partial = b""
        self.samples: list[float] = []
        self.resets = 0
        self.delivered = 0

    def __call__(self, event) -> None:
        if isinstance(event, Reset):
            self.resets += 1
            self.partial = b""
        elif isinstance(event, Chunk):
            self.delivered += len(event.data)
            now = time.time()
            buffer = self.partial + event.data
            whole = len(buffer) // self.record * self.record
            for start in range(0, whole, self.record):
                (written,) = struct.unpack_from("<d", buffer, start)
                self.samples.append(now - written)
            self.partial = buffer[whole:]


async def main(seconds: float, rate: int) -> None:
    record = rate // WRITES_PER_SECOND
    async with local_batch_connection() as connection:
        client = connection.client
        await client.create_pool(models.BatchPoolCreateOptions(id="p", vm_size="standard_d2s_v3", target_dedicated_nodes=1))
        await client.create_job(models.BatchJobCreateOptions(id="j", pool_info=models.BatchPoolInfo(pool_id="p")))
        command = shlex.join([sys.executable, "-c", WRITER, str(seconds), str(record)])
        await client.create_task("j", models.BatchTaskCreateOptions(id="grow", command_line=command))

        tailer = FileTailer(client, TaskFiles("j", "grow"), "wd/grow.bin")
        latencies = Latencies(record)
        tailing = asyncio.create_task(tailer.run(latencies))
        while (await client.get_task("j", "grow", select=["id", "state"])).state != "completed":  # noqa: ASYNC110 - polling the service
            await asyncio.sleep(0.2)
        tailer.finish()
        stopped = await tailing
        written = (await client.get_task_file_properties("j", "grow", "wd/grow.bin")).content_length

    print(f"File growing at {rate / 1e6:.2f} MB/s for {seconds:.0f} s, tailer interval {DEFAULT_INTERVAL} s ({stopped.reason.value})")
    print(f"  records delivered      : {len(latencies.samples)}")
    print(f"  latency median         : {statistics.median(latencies.samples) * 1000:.0f} ms (target <= 1000 ms)")
    print(f"  latency p95 / max      : {statistics.quantiles(latencies.samples, n=20)[-1] * 1000:.0f} / {max(latencies.samples) * 1000:.0f} ms")
    print(f"  bytes written          : {written}")
    print(f"  bytes fetched          : {tailer.bytes_fetched}  (resets: {latencies.resets})")
    print(f"  fetched / written      : {tailer.bytes_fetched / written:.2f} (target 1.00)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--rate", type=int, default=1_000_000, help="bytes per second")
    args = parser.parse_args()
    asyncio.run(main(args.seconds, args.rate))
