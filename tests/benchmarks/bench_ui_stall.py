"""Longest stall of the Qt event loop while watching a big pool and a chatty task.

Run: ``QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tests/benchmarks/bench_ui_stall.py
[--nodes 5000] [--seconds 10] [--runs 3]``.

Starts its own Local Batch, grows a pool to `--nodes` nodes, and runs a task on a
second pool whose stdout grows at `--rate` bytes/s (text lines; 1 MB/s unless told). A window shows the pool
view (heatmap, node table) and the task view (output pane following stdout) side by side,
with the monitor at the app's default intervals. `--rate 0`: no writer task and no task view,
the pool view alone. A 5 ms QTimer records when it
actually fires; a stall is the time between two firings beyond the 5 ms asked for.
The first load (5,000 tiles and table rows at once) is measured on its own (its longest
stall, and the time until the heatmap shows every node); then each run measures `--seconds`
of steady watching. The figures are the median over runs of each run's longest stall
(target under 50 ms), the p99, and the worst single stall.

CPU: after each stall window, `--seconds` more of watching without the 5 ms timer, in which
the process CPU of the app (every thread of this process; Local Batch is another process) is
taken as % of one core (target under 3 %). Its floor, in the same run: an empty window on the
same loop for `--seconds` before the views open.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import qasync
from azure.batch import models
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

from explorer.app import settle_garbage_collector
from explorer.client.acting.operations import BatchOperations
from explorer.client.watching.monitor import Monitor
from explorer.ui.services import ViewServices
from explorer.ui.settings import Settings
from explorer.ui.views.pool_view import PoolView
from explorer.ui.views.task_view import TaskView
from tests.support.batch_scenarios import task_state, wait_for_idle_node_count
from tests.support.local_batch import local_batch_connection
from tests.support.waiting import wait_until

TICK_MS = 5
BIG_POOL, WRITER_POOL, JOB, TASK = "stall-big", "stall-writer", "stall-job", "chatty"
WRITER = (
    "import sys, time\n"
    "seconds, rate = float(sys.argv[1]), int(sys.argv[2])\n"
    "line = ('x' * 99 + '\\n').encode()\n"
    "per_tick = rate // 16 // len(line)\n"
    "start = time.monotonic(); n = 0\n"
    "while time.monotonic() - start < seconds:\n"
    "    sys.stdout.buffer.write(b''.join(b'%09d ' % (n * per_tick + i) + line[10:] for i in range(per_tick)))\n"
    "    sys.stdout.flush(); n += 1\n"
    "    time.sleep(max(0, start + n / 16 - time.monotonic()))\n"
)


class NoNavigation:
    """The benchmark opens no other views."""

    def open_pool(self, pool_id: str) -> None: ...

    def open_node(self, pool_id: str, node_id: str) -> None: ...

    def open_job(self, job_id: str) -> None: ...

    def open_task(self, job_id: str, task_id: str) -> None: ...


async def setup(client, nodes: int, task_seconds: float, rate: int) -> None:
    await client.create_pool(models.BatchPoolCreateOptions(id=BIG_POOL, vm_size="standard_d2s_v3", target_dedicated_nodes=nodes))
    if rate:
        await client.create_pool(models.BatchPoolCreateOptions(id=WRITER_POOL, vm_size="standard_d2s_v3",
                                                               target_dedicated_nodes=1))
    await wait_for_idle_node_count(client, BIG_POOL, nodes, timeout=600)
    if not rate:
        return  # the pool view alone
    await client.create_job(models.BatchJobCreateOptions(id=JOB, pool_info=models.BatchPoolInfo(pool_id=WRITER_POOL)))
    command = f"{sys.executable} -c \"{WRITER}\" {task_seconds} {rate}"
    await client.create_task(JOB, models.BatchTaskCreateOptions(id=TASK, command_line=command))

    async def running() -> bool:
        return await task_state(client, JOB, TASK) == "running"

    await wait_until(running, 300, "the writer task to run", interval=0.5)


async def measure(seconds: float | None, done: asyncio.Future | None = None) -> list[float]:
    """Stalls (ms) of a 5 ms timer over `seconds`, or until `done`."""
    stalls: list[float] = []
    last = time.perf_counter()
    done = done or asyncio.get_running_loop().create_future()
    timer = QTimer()
    timer.setInterval(TICK_MS)

    def tick() -> None:
        nonlocal last
        now = time.perf_counter()
        stalls.append(max(0.0, (now - last) * 1000 - TICK_MS))
        last = now

    timer.timeout.connect(tick)
    timer.start()
    if seconds is not None:
        QTimer.singleShot(int(seconds * 1000), lambda: done.done() or done.set_result(None))
    await done
    timer.stop()
    return stalls


async def cpu_percent(seconds: float) -> float:
    """This process's CPU (all threads) over `seconds` of the loop running, as % of one core."""
    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.sleep(seconds)
    return (time.process_time() - cpu) / (time.perf_counter() - wall) * 100


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with local_batch_connection() as connection:
            task_seconds = args.runs * args.seconds + 60
            writing = f" and a task writing {args.rate / 1e6:.1f} MB/s" if args.rate else ""
            print(f"Creating a pool of {args.nodes} nodes{writing} ...", flush=True)
            await setup(connection.client, args.nodes, task_seconds, args.rate)
            monitor = Monitor(connection.client)
            services = ViewServices(monitor, BatchOperations(connection.client), Settings(Path(tmp) / "settings.ini"))
            empty = QWidget()
            empty.resize(1800, 1000)
            empty.show()
            settle_garbage_collector()
            floor = await cpu_percent(args.seconds)
            empty.close()
            print(f"  idle window: {floor:.2f} % of a core", flush=True)
            loaded = asyncio.get_running_loop().create_future()
            window = QSplitter()
            pool_view = PoolView(services, NoNavigation(), BIG_POOL)
            pool_view.updated.connect(
                lambda: sum(pool_view.heatmap.state_counts().values()) == args.nodes
                and not loaded.done() and loaded.set_result(None))
            window.addWidget(pool_view)
            views: list[QWidget] = [pool_view]
            if args.rate:
                views.append(TaskView(services, NoNavigation(), JOB, TASK))
                window.addWidget(views[-1])
            window.resize(1800, 1000)
            window.show()
            settle_garbage_collector()  # as app.py does once its window is up
            shown_at = time.perf_counter()
            first = sorted(await measure(None, loaded))
            print(f"  first load of {args.nodes} nodes: longest stall {first[-1]:.1f} ms, every node on the heatmap "
                  f"after {time.perf_counter() - shown_at:.2f} s")
            results, cpu = [], []
            for run in range(args.runs):
                stalls = sorted(await measure(args.seconds))
                results.append((stalls[-1], stalls[int(len(stalls) * 0.99)]))
                cpu.append(await cpu_percent(args.seconds))
                print(f"  run {run + 1}: longest stall {stalls[-1]:.1f} ms, p99 {results[-1][1]:.1f} ms, "
                      f"{len(stalls)} ticks; app CPU {cpu[-1]:.2f} % of a core", flush=True)
            for view in (*views, window):
                view.close()
            await monitor.close()
            longest = [r[0] for r in results]
            print(f"\nEvent loop while watching {args.nodes} nodes and {args.rate / 1e6:.1f} MB/s of output "
                  f"({args.runs} runs of {args.seconds:.0f} s)")
            print(f"  longest stall, median of runs : {statistics.median(longest):.1f} ms (target < 50 ms)")
            print(f"  p99 stall, median of runs     : {statistics.median(r[1] for r in results):.1f} ms")
            print(f"  worst stall of all runs       : {max(longest):.1f} ms")
            print(f"  app CPU, median of runs       : {statistics.median(cpu):.2f} % of a core "
                  f"(spread {min(cpu):.2f}-{max(cpu):.2f}; target < 3 %), idle window {floor:.2f} %")
            print(f"  load average                  : {' '.join(f'{x:.2f}' for x in os.getloadavg())} (2 cores, shared)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rate", type=int, default=1_000_000)
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    qapp.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(main(parser.parse_args()))
