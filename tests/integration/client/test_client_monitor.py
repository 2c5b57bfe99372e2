"""The monitor against a real Local Batch: live node states, subtasks, outages, memory."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import tracemalloc
from collections import defaultdict
from pathlib import Path

import pytest
from azure.batch import models

from explorer.client.connecting.connection_state import Backoff, ConnectionState, ConnectionStatus
from explorer.client.watching.monitor import Diff, Monitor, Update
from explorer.client.watching.queries import PoolNodesQuery, PoolsQuery, TaskQuery
from tests.support.batch_scenarios import (
    create_idle_pool,
    create_job,
    create_pool,
    submit_task,
    waiting_for_file,
)
from tests.support.waiting import wait_until

QUICK_BACKOFF = Backoff(initial=0.1, cap=0.5, jitter=0)


class Recorder:
    """Keeps every update and state change a test's subscriptions receive."""

    def __init__(self, monitor: Monitor) -> None:
        self.updates: list[Update] = []
        self.states: list[ConnectionState] = []
        monitor.add_state_listener(self.states.append)

    def latest(self, query) -> Update | None:
        return next((u for u in reversed(self.updates) if u.query == query), None)


@pytest.mark.asyncio
async def test_nodes_of_a_resizing_pool_are_reported_as_they_change(connection, tmp_path: Path, loop_errors):
    # Each state is held until the monitor has reported it (nodes wait for their start task,
    # leaving nodes for their tasks, both until a file appears), so however slowly the machine
    # runs, every state checked below is one the monitor had the time to see.
    client = connection.client
    monitor = Monitor(client, fast_interval=0.05, slow_interval=0.5)
    recorder = Recorder(monitor)
    nodes_query, pools_query = PoolNodesQuery("grow"), PoolsQuery()
    monitor.subscribe(nodes_query, recorder.updates.append)
    monitor.subscribe(pools_query, recorder.updates.append)

    def nodes_in(count: int, state: str) -> bool:
        update = recorder.latest(nodes_query)
        states = [n.state for n in update.items.values()] if update else []
        return len(states) == count and set(states) == {state}

    def allocation() -> str | None:
        update = recorder.latest(pools_query)
        return update.items["grow"].allocation_state if update and "grow" in update.items else None

    try:
        await wait_until(lambda: (u := recorder.latest(nodes_query)) and u.missing == "PoolNotFound",
                         what="PoolNotFound before the pool exists")
        booted, released = tmp_path / "booted", tmp_path / "released"
        start_task = models.BatchStartTask(command_line=waiting_for_file(booted), wait_for_success=True)
        await create_pool(client, "grow", 3, start_task=start_task)
        await wait_until(lambda: nodes_in(3, "waitingforstarttask"), what="3 nodes running their start task")
        booted.touch()
        await wait_until(lambda: nodes_in(3, "idle"), what="3 idle nodes")
        states_seen: dict[str, list[str]] = defaultdict(list)
        for update in (u for u in recorder.updates if u.query == nodes_query):
            for node_id in update.diff.added + update.diff.changed:
                states_seen[node_id].append(update.items[node_id].state)
        assert len(states_seen) == 3
        for node_id, states in states_seen.items():
            assert states[-2:] == ["waitingforstarttask", "idle"], (node_id, states)

        # Shrinking to 1 node: the 2 that leave wait for their tasks to complete.
        await create_job(client, "grow", "job")
        for i in range(3):
            task = models.BatchTaskCreateOptions(id=f"t{i}", command_line=waiting_for_file(released))
            await client.create_task("job", task)
        await wait_until(lambda: nodes_in(3, "running"), what="a task running on each node")
        resize = models.BatchPoolResizeOptions(target_dedicated_nodes=1, node_deallocation_option="taskcompletion")
        await client.begin_resize_pool("grow", resize)
        monitor.refresh()
        await wait_until(lambda: allocation() == "resizing", what="the pool resizing")
        released.touch()
        await wait_until(lambda: len(recorder.latest(nodes_query).items) == 1 and allocation() == "steady",
                         what="the pool shrunk to 1 node, steady")
        removed = [node for u in recorder.updates if u.query == nodes_query for node in u.diff.removed]
        assert len(removed) == 2
    finally:
        await monitor.close()


@pytest.mark.asyncio
async def test_subtasks_of_a_multi_instance_task_as_they_progress(connection, tmp_path: Path, loop_errors):
    client = connection.client
    await create_idle_pool(client, "mpi", 3, inter_node=True)
    release = tmp_path / "release"
    await submit_task(client, "mpi", "job", "mi", waiting_for_file(release), instances=3)
    monitor = Monitor(client, fast_interval=0.05, slow_interval=0.5)
    recorder = Recorder(monitor)
    query = TaskQuery("job", "mi")
    monitor.subscribe(query, recorder.updates.append)
    try:
        def running_with_subtasks() -> bool:
            update = recorder.latest(query)
            return update is not None and update.task.state == "running" and set(update.items) == {1, 2}

        await wait_until(running_with_subtasks, what="the primary running and subtasks 1 and 2 listed")
        running = recorder.latest(query)
        assert running.task.instances == 3
        nodes = {running.task.node_id} | {s.node_id for s in running.items.values()}
        assert len(nodes) == 3, "each instance on its own node"
        assert all(s.task_root_directory for s in running.items.values())

        release.touch()
        await wait_until(lambda: recorder.latest(query).task.state == "completed", what="the task to complete")
        done = recorder.latest(query)
        assert done.task.exit_code == 0
        assert {s.state for s in done.items.values()} == {"completed"}
        task_states = [u.task.state for u in recorder.updates]
        assert task_states.index("running") < task_states.index("completed")
    finally:
        await monitor.close()


@pytest.mark.asyncio
async def test_sigkill_and_restart_of_local_batch_mid_watch(connection, local_batch, loop_errors):
    client = connection.client
    await create_pool(client, "before", 1)
    monitor = Monitor(client, fast_interval=0.05, slow_interval=0.2, backoff=QUICK_BACKOFF)
    recorder = Recorder(monitor)
    query = PoolsQuery()
    monitor.subscribe(query, recorder.updates.append)
    try:
        await wait_until(lambda: recorder.latest(query) and "before" in recorder.latest(query).items)
        os.kill(local_batch.pid, signal.SIGKILL)
        await wait_until(lambda: monitor.state.status is ConnectionStatus.RETRYING, what="a retrying state")
        assert monitor.state.reason and monitor.state.retry_in is not None
        assert "retrying in" in str(monitor.state)

        await asyncio.to_thread(local_batch.restart)
        await wait_until(lambda: monitor.state.status is ConnectionStatus.CONNECTED, what="reconnection")
        await create_pool(client, "after", 1)
        await wait_until(lambda: "after" in recorder.latest(query).items, what="a fresh snapshot after the restart")
        assert "before" in recorder.latest(query).items
        statuses = [s.status for s in recorder.states]
        assert ConnectionStatus.RETRYING in statuses and statuses[-1] is ConnectionStatus.CONNECTED
        assert ConnectionStatus.FAILED not in statuses
    finally:
        await monitor.close()


@pytest.mark.asyncio
async def test_memory_stays_flat_over_many_poll_cycles(connection, loop_errors):
    client = connection.client
    await create_idle_pool(client, "steady", 20)
    monitor = Monitor(client, fast_interval=0, slow_interval=0)
    monitor.subscribe(PoolNodesQuery("steady"), lambda update: None)
    monitor.subscribe(PoolsQuery(), lambda update: None)
    try:
        await wait_until(lambda: monitor.poll_count >= 100, what="100 warm-up polls")
        gc.collect()
        tracemalloc.start()
        objects_before = len(gc.get_objects())
        memory_before = tracemalloc.get_traced_memory()[0]
        start = monitor.poll_count
        await wait_until(lambda: monitor.poll_count >= start + 600, timeout=120, what="600 more polls")
        gc.collect()
        growth = tracemalloc.get_traced_memory()[0] - memory_before
        object_growth = len(gc.get_objects()) - objects_before
        tracemalloc.stop()
        assert growth < 256 * 1024, f"traced memory grew by {growth} bytes over 600 polls"
        assert object_growth < 500, f"{object_growth} more live objects after 600 polls"
    finally:
        await monitor.close()


@pytest.mark.asyncio
async def test_a_watch_closed_right_after_a_refresh_never_polls_again(connection, loop_errors):
    monitor = Monitor(connection.client, fast_interval=0.05, slow_interval=0.05)
    first = asyncio.get_running_loop().create_future()
    sub = monitor.subscribe(PoolsQuery(), lambda u: first.done() or first.set_result(u))
    await asyncio.wait_for(first, 30)
    for _ in range(20):  # the cancel may land as the runner's wait ends: try many times
        monitor.refresh(PoolsQuery())
        sub.close()
        polls = monitor.poll_count
        await asyncio.sleep(0.2)  # several poll intervals: a live runner would poll again
        assert monitor.poll_count == polls
        sub = monitor.subscribe(PoolsQuery(), lambda u: None)
        await asyncio.sleep(0.06)
    sub.close()
    await monitor.close()


@pytest.mark.asyncio
async def test_an_update_hands_out_the_previous_snapshot_of_every_node_that_did_not_change(connection, loop_errors):
    """Each poll decodes what changed: the nodes the service reports as before are the objects of the previous
    update (which a view can tell by identity); a node whose scheduling state changed is a new snapshot saying so."""
    client = connection.client
    pool_id = await create_idle_pool(client, "same-objects", 3)
    monitor = Monitor(client, fast_interval=0.05, slow_interval=0.05)
    updates: list[Update] = []
    monitor.subscribe(PoolNodesQuery(pool_id), updates.append)
    try:
        await wait_until(lambda: updates and len(updates[-1].items) == 3, what="3 nodes")
        polls = monitor.poll_count
        await wait_until(lambda: monitor.poll_count >= polls + 3, what="3 more polls")
        first = updates[-1]
        target, *others = first.items
        await client.disable_node_scheduling(pool_id, target, models.BatchNodeDisableSchedulingOptions(
            node_disable_scheduling_option="taskcompletion"))
        await wait_until(lambda: updates[-1] is not first, what="the update after scheduling was disabled")
        second = updates[-1]
        assert second.diff == Diff(changed=(target,))
        assert second.items[target].scheduling_state == "disabled" and first.items[target].scheduling_state == "enabled"
        assert all(second.items[key] is first.items[key] for key in others)
    finally:
        await monitor.close()
