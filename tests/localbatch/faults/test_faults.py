"""Faults with real processes: a 3-instance MPI task (mpiexec, a Hydra proxy and a rank on each
node, plus a daemon each coordination command leaves) hit while it runs.

For every fault: the state, result and failureInfo Batch would report, subtasks completed
or reset (never left running), no process of the task and no MPICH shared-memory segment
left, `PRAGMA integrity_check` ok, and later answers consistent (nodes idle, counts right).
Each scenario runs with the service tracking processes in cgroups and, in the full run,
by session as well (`--no-cgroups`).
"""

from __future__ import annotations

import os
import signal
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest
import pytest_asyncio
from azure.batch import models
from azure.batch.models._models import BatchNodeRebootOptions

from explorer.client.local.local_batch import LocalBatchService
from explorer.localbatch.running.mpi_launcher import mapped_mpich_shm
from tests.localbatch.soak import SOAK, scaled
from tests.support.batch_scenarios import (
    create_idle_pool,
    create_job,
    multi_instance,
    unique,
    wait_for_completion,
    wait_for_idle_nodes,
)
from tests.support.local_batch import make_client
from tests.support.processes import task_processes
from tests.support.waiting import wait_until

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(240)]

INSTANCES = 3
# Each rank records itself, waits at a barrier (MPI is up: its shared memory exists), then
# runs until the test creates the go file.
WAITER = """
import os, sys, time
from mpi4py import MPI
world = MPI.COMM_WORLD
marks, go = sys.argv[1], sys.argv[2]
world.Barrier()
open(os.path.join(marks, f"rank-{world.rank}-{os.getpid()}-{os.environ['AZ_BATCH_NODE_ID']}"), "w").close()
while not os.path.exists(go):
    time.sleep(0.05)
world.Barrier()
print("rank", world.rank, "done", flush=True)
"""
# A background service that leaves the coordination command's session, as MPI daemons do.
COORDINATION = "/bin/bash -c 'setsid sleep 600 < /dev/null > /dev/null 2>&1 & echo daemon started'"

BOTH_MODES = ["cgroup", "session"]
# The quick run tracks by cgroup (as here, where the service may make cgroups), except for the
# scenarios marked with BOTH_MODES; the full run tries every scenario both ways.
MODES = BOTH_MODES if SOAK else ["cgroup"]


@dataclass
class World:
    service: LocalBatchService
    tmp: Path
    segments: set[str] = field(default_factory=set)  # MPICH shared memory the task's ranks mapped

    @property
    def marks(self) -> Path:
        return self.tmp / "marks"

    @property
    def go(self) -> Path:
        return self.tmp / "go"

    def application(self) -> str:
        script = self.tmp / "waiter.py"
        return (
            f"/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n {INSTANCES} -ppn 1 "
            f"python3 {script} {self.marks} {self.go}'"
        )

    def ranks(self) -> list[tuple[int, int, str]]:
        """(rank, pid, node id) of every rank that has come up (all attempts)."""
        found = []
        for path in self.marks.iterdir():
            _, rank, pid, node = path.name.split("-", 3)
            found.append((int(rank), int(pid), node))
        return sorted(found)


@pytest_asyncio.fixture(params=MODES)
async def world(request, tmp_path):
    args = ["--node-start-seconds", "0.1"] + (["--no-cgroups"] if request.param == "session" else [])
    service = LocalBatchService(tmp_path / "lb", extra_args=tuple(args))
    service.start()
    (tmp_path / "marks").mkdir()
    (tmp_path / "waiter.py").write_text(WAITER)
    world = World(service, tmp_path)
    try:
        yield world
    finally:
        service.stop()
        for pid in task_processes(under=tmp_path):  # never leave anything behind, whatever failed
            os.kill(pid, signal.SIGKILL)
        for name in world.segments:
            (Path("/dev/shm") / name).unlink(missing_ok=True)


def left_segments(world: World) -> list[str]:
    return sorted(name for name in world.segments if (Path("/dev/shm") / name).exists())


def integrity(service: LocalBatchService) -> list[str]:
    database = service.data_dir / "localbatch.sqlite3"
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        return [row[0] for row in db.execute("PRAGMA integrity_check")]


async def start_task(client, world: World, task_id: str = "mpi", nodes: int = INSTANCES) -> tuple[str, str]:
    pool_id = await create_idle_pool(client, unique("pool"), nodes, inter_node=True)
    job_id = await create_job(client, pool_id)
    await client.create_task(job_id, multi_instance(task_id, INSTANCES, COORDINATION, world.application()))
    return pool_id, job_id


async def ranks_up(world: World, count: int = INSTANCES) -> list[tuple[int, int, str]]:
    """Until `count` ranks (of all attempts) are past MPI_Init; notes the shared memory they map."""

    async def up():
        ranks = world.ranks()
        return len(ranks) >= count and ranks

    ranks = await wait_until(up, 120, f"{count} MPI ranks running")
    mapped = mapped_mpich_shm([pid for _, pid, _ in ranks[-INSTANCES:]])
    assert mapped, "the ranks map no MPICH shared memory: the scenario would prove nothing"
    world.segments |= mapped
    return ranks


async def assert_clean_end(client, world: World, pool_id: str, job_id: str, task_id: str) -> None:
    """What every fault must leave: nothing running, no segment, a sound database, consistent answers."""
    assert task_processes(job_id, task_id) == []
    assert left_segments(world) == []
    assert integrity(world.service) == ["ok"]
    subtasks = [s async for s in client.list_subtasks(job_id, task_id)]
    assert all(s.state == "completed" for s in subtasks), [(s.id, s.state) async for s in client.list_subtasks(job_id, task_id)]
    await wait_for_idle_nodes(client, pool_id, len([n async for n in client.list_nodes(pool_id, select=["id"])]))
    counts = await client.get_job_task_counts(job_id)
    assert counts.task_counts.completed == 1 and counts.task_counts.running == 0 and counts.task_counts.active == 0


def kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)


async def test_killing_a_coordination_daemon_and_process_fails_the_task_and_leaves_nothing(world):
    """A coordination command killed with SIGKILL: the task fails before the application runs."""
    async with make_client(world.service) as client:
        pool_id = await create_idle_pool(client, unique("pool"), INSTANCES, inter_node=True)
        job_id = await create_job(client, pool_id)
        coordination = f"/bin/bash -c 'echo $$ > {world.tmp}/coord-$AZ_BATCH_NODE_ID; exec sleep 600'"
        await client.create_task(job_id, multi_instance("coord", INSTANCES, coordination, "/bin/true"))
        async def coordinating():
            return _files(world.tmp, "coord-", INSTANCES)

        coordinators = await wait_until(coordinating, 60, "every coordination command running")
        kill(int(coordinators[0].read_text()))
        task = await wait_for_completion(client, job_id, "coord")
        info = task.execution_info
        assert info.result == "failure" and info.failure_info.code == "CoordinationCommandFailed"
        assert "exited with code -9" in info.failure_info.message
        await assert_clean_end(client, world, pool_id, job_id, "coord")


def _files(directory: Path, prefix: str, count: int) -> list[Path] | None:
    found = sorted(directory.glob(f"{prefix}*"))
    return found if len(found) >= count and all(path.read_text().strip() for path in found) else None


@pytest.mark.parametrize("victim", ["subtask rank", "primary mpiexec"])
async def test_killing_a_rank_or_mpiexec_fails_the_task_and_removes_its_shared_memory(world, victim):
    async with make_client(world.service) as client:
        pool_id, job_id = await start_task(client, world)
        ranks = await ranks_up(world)
        task = await client.get_task(job_id, "mpi")
        if victim == "subtask rank":
            pid = next(pid for _, pid, node in ranks if node != task.node_info.node_id)
        else:
            pid = next(
                p.pid for p in map(psutil.Process, task_processes(job_id, "mpi")) if p.name().startswith("mpiexec")
            )
        kill(pid)
        task = await wait_for_completion(client, job_id, "mpi", timeout=120)
        info = task.execution_info
        assert task.state == "completed" and info.result == "failure"
        assert info.failure_info.code == "FailureExitCode" and info.exit_code != 0
        await assert_clean_end(client, world, pool_id, job_id, "mpi")


@pytest.mark.parametrize("world", BOTH_MODES, indirect=True)
@pytest.mark.parametrize("round_number", range(scaled(1, 3)))
async def test_a_killed_service_ends_the_previous_attempt_before_running_the_task_again(world, round_number):
    async with make_client(world.service) as client:
        pool_id, job_id = await start_task(client, world)
        first = await ranks_up(world)
        before = task_processes(job_id, "mpi")
        assert len(before) >= 2 * INSTANCES + 1 + INSTANCES  # mpiexec, proxies, ranks, daemons
    kill(world.service.pid)
    assert set(task_processes(job_id, "mpi")) == set(before)  # nothing ends with the service
    world.service.restart()
    # The service answers only after recovery: by now the first attempt is gone for good.
    assert not any(psutil.pid_exists(pid) and psutil.Process(pid).status() != "zombie" for pid in before)
    async with make_client(world.service) as client:
        await ranks_up(world, 2 * INSTANCES)
        task = await client.get_task(job_id, "mpi")
        assert task.state == "running" and task.execution_info.requeue_count == 1
        first_pids = {pid for _, pid, _ in first}
        assert first_pids.isdisjoint(task_processes(job_id, "mpi"))
        world.go.touch()
        task = await wait_for_completion(client, job_id, "mpi", timeout=120)
        assert task.execution_info.result == "success" and task.execution_info.exit_code == 0
        await assert_clean_end(client, world, pool_id, job_id, "mpi")


@pytest.mark.parametrize("how", ["reboot", "remove"])
async def test_losing_a_node_of_an_instance_requeues_with_subtasks_reset(world, how):
    async with make_client(world.service) as client:
        pool_id, job_id = await start_task(client, world, nodes=INSTANCES + 1)
        await ranks_up(world)
        subtask = [s async for s in client.list_subtasks(job_id, "mpi")][0]
        node_id = subtask.node_info.node_id
        if how == "reboot":
            poller = await client.begin_reboot_node(
                pool_id, node_id, BatchNodeRebootOptions(node_reboot_kind="requeue"), polling_interval=0.1
            )
        else:
            poller = await client.begin_remove_nodes(
                pool_id, models.BatchNodeRemoveOptions(node_ids=[node_id]), polling_interval=0.1
            )

        async def requeued():
            task = await client.get_task(job_id, "mpi")
            return task.execution_info.requeue_count == 1 and task

        task = await wait_until(requeued, 60, "the task requeued")
        # The first attempt's subtasks are reset, never left running: any listed is the second's.
        for listed in [s async for s in client.list_subtasks(job_id, "mpi")]:
            assert listed.start_time >= task.execution_info.last_requeue_time, listed
        await poller.result()
        await ranks_up(world, 2 * INSTANCES)
        world.go.touch()
        task = await wait_for_completion(client, job_id, "mpi", timeout=120)
        assert task.execution_info.result == "success" and task.execution_info.requeue_count == 1
        if how == "remove":
            assert node_id not in {n.id async for n in client.list_nodes(pool_id)}
        await assert_clean_end(client, world, pool_id, job_id, "mpi")


@pytest.mark.parametrize("world", BOTH_MODES, indirect=True)
@pytest.mark.parametrize("round_number", range(scaled(1, 5)))  # it failed about every other run
async def test_terminate_completes_the_task_and_every_subtask(world, round_number):
    async with make_client(world.service) as client:
        pool_id, job_id = await start_task(client, world)
        await ranks_up(world)
        await client.terminate_task(job_id, "mpi")
        task = await client.get_task(job_id, "mpi")
        assert task.state == "completed" and task.execution_info.result == "failure"
        assert task.execution_info.failure_info.code == "TaskEnded"
        subtasks = [s async for s in client.list_subtasks(job_id, "mpi")]
        assert len(subtasks) == INSTANCES - 1
        assert all(s.state == "completed" and s.result == "success" for s in subtasks)  # coordination exited 0
        await assert_clean_end(client, world, pool_id, job_id, "mpi")


@pytest.mark.parametrize("world", BOTH_MODES, indirect=True)
async def test_many_short_tasks_at_once_all_succeed_and_leave_a_clean_log(world):
    """Hundreds of processes starting and ending at once: no exit status lost to the orphan sweep."""
    tasks = scaled(300, 3000)
    async with make_client(world.service) as client:
        pool_id = await create_idle_pool(client, unique("pool"), 20)
        job_id = await create_job(client, pool_id)
        for first in range(0, tasks, 100):
            group = [models.BatchTaskCreateOptions(id=f"t{i}", command_line="/bin/true") for i in range(first, min(first + 100, tasks))]
            await client.create_task_collection(job_id, models.BatchTaskGroup(task_values=group))

        async def all_done():
            counts = await client.get_job_task_counts(job_id)
            return counts.task_counts.completed == tasks and counts

        counts = await wait_until(all_done, 60, f"{tasks} tasks completed")
        assert counts.task_counts.succeeded == tasks
    log = world.service.log_path.read_text(errors="replace")
    assert " ERROR " not in log and "Traceback" not in log, log[-3000:]
