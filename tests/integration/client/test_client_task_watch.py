"""The task watch against a real Local Batch, without widgets: what it claims, and when.

Every snapshot is checked after the run against the service's own record of what
happened (its state transition times), so a phase or count claimed before the service
reported it fails the test, whatever the timing.
"""

from __future__ import annotations

import asyncio
import os
import signal
from datetime import timedelta
from pathlib import Path

import pytest
import pytest_asyncio
from azure.batch import models

from explorer.client.connecting.connection_state import Backoff, ConnectionStatus
from explorer.client.files import TaskFiles
from explorer.client.watching.monitor import Monitor
from explorer.client.watching.task_watch import Stage, TaskWatch, TaskWatchSnapshot
from explorer.core.timeline import Phase
from tests.integration.client.fault_proxy import proxied_connection
from tests.support.batch_scenarios import create_idle_pool, create_pool, python_command, submit_task
from tests.support.waiting import wait_until

COORDINATION = "/bin/bash -c 'echo coordinating on $AZ_BATCH_NODE_ID; sleep 0.5'"
# The application waits for a trigger file (so a test decides when it ends), printing as it goes.
WAIT_FOR = (
    "import pathlib, sys, time\n"
    "print('application started', flush=True)\n"
    "while not pathlib.Path(sys.argv[1]).exists(): time.sleep(0.02)\n"
    "print('done', flush=True)\n"
)
TOLERANCE = timedelta(milliseconds=5)


class Recorder:
    def __init__(self) -> None:
        self.snapshots: list[TaskWatchSnapshot] = []

    def __call__(self, snapshot: TaskWatchSnapshot) -> None:
        self.snapshots.append(snapshot)

    @property
    def last(self) -> TaskWatchSnapshot | None:
        return self.snapshots[-1] if self.snapshots else None

    def reached(self, stage: Stage, attempt: int = 1) -> bool:
        last = self.last
        return last is not None and last.stage is stage and last.attempt == attempt


def phases_of(snapshot: TaskWatchSnapshot, number: int) -> list[Phase]:
    return [segment.phase for segment in snapshot.instances[number].segments]


def start_of(snapshot: TaskWatchSnapshot, number: int, phase: Phase):
    return next(s.start for s in snapshot.instances[number].segments if s.phase is phase)


def assert_nothing_claimed_before_it_was_reported(snapshot: TaskWatchSnapshot) -> None:
    """What one snapshot may claim given the task and subtasks that came with it."""
    task = snapshot.task
    reported_ready = sum(1 for s in snapshot.subtasks.values() if s.exit_code == 0)
    every_phase = {phase for row in snapshot.instances for phase in (s.phase for s in row.segments)}
    if snapshot.stage is Stage.QUEUED:
        assert every_phase <= {Phase.WAITING_FOR_NODE}, snapshot
    if snapshot.application_started is None and snapshot.stage is not Stage.SUCCEEDED:
        assert Phase.RUNNING not in every_phase, snapshot
        assert snapshot.ready <= reported_ready, f"{snapshot.ready} counted ready, {reported_ready} reported: {task}"
    if task is not None and task.state == "preparing" and snapshot.application_started is None:
        assert snapshot.ready < snapshot.total, "all counted ready while the task is still preparing"
    if snapshot.coordination_started is None and not snapshot.application_ran:
        assert Phase.COORDINATING not in phases_of(snapshot, 0), snapshot


async def watch_a_task_that_waits(monitor: Monitor, client, task_id: str, trigger: Path) -> tuple[Recorder, TaskWatch]:
    """A 3-instance task whose application runs until `trigger` exists, watched from its submission."""
    await create_idle_pool(client, "mpi", 3, inter_node=True)
    await submit_task(client, "mpi", "job", task_id, python_command(WAIT_FOR, str(trigger)), instances=3,
                      coordination=COORDINATION)
    recorder = Recorder()
    watch = TaskWatch(monitor, "job", task_id, recorder)
    watch.start()
    return recorder, watch


@pytest_asyncio.fixture
async def monitor(connection):
    monitor = Monitor(connection.client, fast_interval=0.1, slow_interval=0.5)
    yield monitor
    await monitor.close()


@pytest.mark.asyncio
async def test_a_live_run_claims_each_phase_only_once_the_service_reported_it(connection, monitor, tmp_path: Path,
                                                                              loop_errors):
    client = connection.client
    trigger = tmp_path / "go"
    recorder, watch = await watch_a_task_that_waits(monitor, client, "live", trigger)
    try:
        await wait_until(lambda: recorder.reached(Stage.RUNNING), what="the application to run")
        running = recorder.last
        assert running.ready == running.total == 3 and running.application_ran
        assert watch.files_query is None, "the files are not probed once both have appeared"
        trigger.touch()
        await wait_until(lambda: recorder.reached(Stage.SUCCEEDED), what="the task to succeed")
    finally:
        watch.stop()

    done = recorder.last
    truth = await client.get_task("job", "live")
    subtasks = {int(s.id): s async for s in client.list_subtasks("job", "live")}
    for snapshot in recorder.snapshots:
        assert_nothing_claimed_before_it_was_reported(snapshot)
        started = snapshot.application_started
        if started is not None:  # Local Batch turns the task "running" right before the application starts
            assert started.earliest >= truth.previous_state_transition_time - TOLERANCE, (started, truth)
    # The phases are the service's own times: queued from creation, each subtask's start and transitions.
    assert done.origin == truth.creation_time
    for number in (1, 2):
        assert start_of(done, number, Phase.WAITING_FOR_NODE) == truth.creation_time
        assert start_of(done, number, Phase.DOWNLOADING) == subtasks[number].start_time
        assert start_of(done, number, Phase.COORDINATING) == subtasks[number].previous_state_transition_time
    assert start_of(done, 0, Phase.DOWNLOADING) == truth.execution_info.start_time
    for number in range(3):
        order = [p for p in phases_of(done, number) if p is not Phase.UNKNOWN]
        assert order[:3] == [Phase.WAITING_FOR_NODE, Phase.DOWNLOADING, Phase.COORDINATING], order
        assert order[-2:] == [Phase.RUNNING, Phase.COMPLETED], order
    assert done.ready == 3 and done.ended == truth.execution_info.end_time


@pytest.mark.asyncio
async def test_a_task_watched_only_after_its_sub_second_run_keeps_every_phase(connection, monitor, loop_errors):
    client = connection.client
    await create_idle_pool(client, "mpi", 3, inter_node=True)
    await submit_task(client, "mpi", "job", "quick", "/bin/true", instances=3, coordination="/bin/true")

    async def completed() -> bool:
        return (await client.get_task("job", "quick", select=["id", "state"])).state == "completed"

    await wait_until(completed, what="the task to complete")
    recorder = Recorder()
    watch = TaskWatch(monitor, "job", "quick", recorder)
    watch.start()
    try:
        await wait_until(lambda: recorder.last and recorder.last.application_started is not None,
                         what="the application's start from its output file")
        await wait_until(lambda: watch.files_query is None, what="the last probe")
    finally:
        watch.stop()
    done = recorder.last
    assert done.stage is Stage.SUCCEEDED and done.ready == 3 and done.ended is not None
    assert (done.ended - done.origin).total_seconds() < 30
    for number in range(3):
        order = phases_of(done, number)
        assert Phase.COORDINATING in order and Phase.RUNNING in order, order
        assert order[-1] is Phase.COMPLETED, order


@pytest.mark.asyncio
async def test_a_queued_task_is_not_probed_and_its_files_are_asked_for_once_it_starts(connection, monitor,
                                                                                      loop_errors):
    """Issue 17: a probe refused while the task was queued (409) was kept as the answer."""
    client = connection.client
    await create_idle_pool(client, "small", 1, inter_node=True)
    await submit_task(client, "small", "job", "waits", python_command("print('hello')"), instances=2,
                      coordination=COORDINATION)
    recorder = Recorder()
    watch = TaskWatch(monitor, "job", "waits", recorder)
    watch.start()
    try:
        await wait_until(lambda: recorder.reached(Stage.QUEUED), what="the task queued")
        assert watch.files_query is None, "nothing to probe while the task has no node"
        await client.begin_resize_pool("small", models.BatchPoolResizeOptions(target_dedicated_nodes=2))
        await wait_until(lambda: recorder.last.coordination_started is not None, 60, "the primary coordinating")
        await wait_until(lambda: recorder.reached(Stage.SUCCEEDED), 60, "the task to succeed")
        assert recorder.last.application_ran and recorder.last.ready == 2
    finally:
        watch.stop()
    for snapshot in recorder.snapshots:
        assert_nothing_claimed_before_it_was_reported(snapshot)


@pytest_asyncio.fixture
async def proxied(local_batch):
    async with proxied_connection(local_batch) as (proxy, connection):
        yield proxy, connection


@pytest.mark.asyncio
async def test_an_outage_is_waited_out_with_the_backoff_and_a_requeue_starts_the_phases_afresh(
    local_batch, proxied, tmp_path: Path, loop_errors,
):
    proxy, connection = proxied
    client = connection.client
    backoff = Backoff(initial=0.4, factor=2.0, cap=3.2, jitter=0)
    monitor = Monitor(client, fast_interval=0.05, slow_interval=0.5, backoff=backoff)
    trigger = tmp_path / "go"
    recorder, watch = await watch_a_task_that_waits(monitor, client, "long", trigger)
    reader = monitor.file_reader(TaskFiles("job", "long"), "stdout.txt")

    async def pane() -> None:
        """What an output pane does while it shows live output: ask for the size, often."""
        while True:
            try:
                await reader.size()
            except OSError:
                pass
            await asyncio.sleep(0.05)

    reading = asyncio.create_task(pane())
    try:
        await wait_until(lambda: recorder.reached(Stage.RUNNING), what="the application to run")
        os.kill(local_batch.pid, signal.SIGKILL)
        await wait_until(lambda: monitor.state.status is ConnectionStatus.RETRYING, what="the outage noticed")
        sent_at_first_failure = proxy.requests
        await wait_until(lambda: monitor.state.attempt >= 4, what="three more attempts")
        # Two pollers (the task query and the pane) send one request each per attempt, and nothing between.
        sent = proxy.requests - sent_at_first_failure
        assert sent <= 2 * (monitor.state.attempt - 1) + 2, f"{sent} requests in {monitor.state.attempt} attempts"
        outage = recorder.last
        assert outage.unknown_since is not None and outage.stage is Stage.RUNNING
        for row in outage.instances:
            assert row.segments[-1].phase is Phase.UNKNOWN and row.segments[-1].after is Phase.RUNNING
            assert row.segments[-2].end == outage.unknown_since

        # The service comes back and requeues the task it was running: attempt 2, from the queue.
        await asyncio.to_thread(local_batch.restart)
        monitor.retry_now()
        await wait_until(lambda: recorder.last.attempt == 2, 60, "the requeued attempt")
        assert recorder.last.unknown_since is None
        await wait_until(lambda: recorder.reached(Stage.RUNNING, attempt=2), 60, "the application to run again")
        trigger.touch()
        await wait_until(lambda: recorder.reached(Stage.SUCCEEDED, attempt=2), 60, "the task to succeed")
    finally:
        reading.cancel()
        await asyncio.gather(reading, return_exceptions=True)
        watch.stop()
        await monitor.close()

    truth = await client.get_task("job", "long")
    assert truth.execution_info.requeue_count == 1
    second = [s for s in recorder.snapshots if s.attempt == 2]
    for snapshot in second:
        assert_nothing_claimed_before_it_was_reported(snapshot)
        if snapshot.application_started is not None:  # not the first attempt's stdout.txt
            assert snapshot.application_started.earliest >= truth.previous_state_transition_time - TOLERANCE
    done = second[-1]
    requeued_at = start_of(done, 0, Phase.WAITING_FOR_NODE)
    assert requeued_at > start_of(recorder.snapshots[0], 0, Phase.WAITING_FOR_NODE)
    for number in range(3):
        order = [p for p in phases_of(done, number) if p is not Phase.UNKNOWN]
        assert order[0] is Phase.WAITING_FOR_NODE and order[-2:] == [Phase.RUNNING, Phase.COMPLETED], order


@pytest.mark.asyncio
async def test_a_task_that_does_not_exist_is_reported_gone(connection, monitor, loop_errors):
    await create_pool(connection.client, "p", 0)
    recorder = Recorder()
    watch = TaskWatch(monitor, "nojob", "notask", recorder)
    watch.start()
    try:
        await wait_until(lambda: recorder.last is not None, what="a first snapshot")
    finally:
        watch.stop()
    assert recorder.last.stage is Stage.GONE and recorder.last.missing == "JobNotFound"
    assert recorder.last.task is None and recorder.last.instances == ()
