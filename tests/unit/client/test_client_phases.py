"""PhaseTracker: instance phases from successive task/subtask snapshots, without Qt."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from explorer.client.watching.phases import Observation, PhaseTracker
from explorer.client.watching.snapshots import SubtaskSnapshot, TaskSnapshot
from explorer.core.timeline import Phase, PhaseSegment

T0 = datetime(2025, 6, 1, 10, 0, 0, tzinfo=timezone.utc)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def task(state: str, **fields) -> TaskSnapshot:
    base = TaskSnapshot(
        id="mpi", display_name=None, state=state, state_transition_time=None, instances=3, pool_id="p",
        node_id=None, start_time=None, end_time=None, exit_code=None, retry_count=0, failure=None,
    )
    return replace(base, **fields)


def subtask(number: int, state: str, **fields) -> SubtaskSnapshot:
    base = SubtaskSnapshot(
        id=number, state=state, pool_id="p", node_id=f"node-{number}",
        task_root_directory=f"workitems/j/job-1/mpi/{number}", start_time=at(2), end_time=None,
        exit_code=None, failure=None,
    )
    return replace(base, **fields)


STARTED = {"node_id": "node-0", "start_time": at(2)}


def phases(tracker: PhaseTracker, number: int) -> list[tuple[Phase, float, float | None]]:
    """(phase, start s, end s or None) of one instance, in seconds since T0."""
    row = tracker.instances()[number]
    return [
        (s.phase, (s.start - T0).total_seconds(), None if s.end is None else (s.end - T0).total_seconds())
        for s in row.segments
    ]


def test_local_batch_run_from_submission_to_success():
    tracker = PhaseTracker()
    tracker.observe(Observation(task("active", state_transition_time=at(0)), {}, at(0.5)))
    assert [row.instance_id for row in tracker.instances()] == [0, 1, 2]
    assert all(phases(tracker, n) == [(Phase.WAITING_FOR_NODE, 0, None)] for n in range(3))

    preparing = task("preparing", **STARTED)
    tracker.observe(Observation(preparing, {1: subtask(1, "preparing"), 2: subtask(2, "preparing")}, at(2.5)))
    assert phases(tracker, 1) == [(Phase.WAITING_FOR_NODE, 0, 2), (Phase.DOWNLOADING, 2, None)]
    assert phases(tracker, 0) == [(Phase.WAITING_FOR_NODE, 0, 2), (Phase.DOWNLOADING, 2, None)]
    assert tracker.instances()[0].node_id == "node-0" and tracker.instances()[2].node_id == "node-2"

    tracker.observe(Observation(
        preparing, {1: subtask(1, "running"), 2: subtask(2, "preparing")}, at(4), coordination_started=at(3),
    ))
    assert phases(tracker, 0)[-1] == (Phase.COORDINATING, 3, None)
    assert phases(tracker, 1)[-1] == (Phase.COORDINATING, 4, None)
    assert tracker.ready_count() == 0

    # Local Batch: a subtask's exit code is known as soon as its coordination ends.
    tracker.observe(Observation(
        preparing, {1: subtask(1, "running", exit_code=0), 2: subtask(2, "running")}, at(5), coordination_started=at(3),
    ))
    assert phases(tracker, 1)[-2:] == [(Phase.COORDINATING, 4, 5), (Phase.READY, 5, None)]
    assert tracker.ready_count() == 1

    running = task("running", **STARTED)
    subtasks = {1: subtask(1, "running", exit_code=0), 2: subtask(2, "running", exit_code=0)}
    tracker.observe(Observation(running, subtasks, at(6), coordination_started=at(3), application_started=at(5.5)))
    assert tracker.ready_count() == 3
    # The primary's readiness is only known with the application's start: no empty "ready" bar.
    assert phases(tracker, 0)[-2:] == [(Phase.COORDINATING, 3, 5.5), (Phase.RUNNING, 5.5, None)]
    # Subtask 2 was seen ready at 6, after the application started at 5.5: the earlier time wins.
    assert phases(tracker, 2)[1:] == [
        (Phase.DOWNLOADING, 2, 5), (Phase.COORDINATING, 5, 5.5), (Phase.RUNNING, 5.5, None),
    ]

    done = task("completed", end_time=at(9), exit_code=0, **STARTED)
    ended = {n: subtask(n, "completed", exit_code=0, end_time=at(9)) for n in (1, 2)}
    tracker.observe(Observation(done, ended, at(10), coordination_started=at(3), application_started=at(5.5)))
    assert phases(tracker, 0) == [
        (Phase.WAITING_FOR_NODE, 0, 2), (Phase.DOWNLOADING, 2, 3), (Phase.COORDINATING, 3, 5.5),
        (Phase.RUNNING, 5.5, 9), (Phase.COMPLETED, 9, None),
    ]
    assert phases(tracker, 1) == [
        (Phase.WAITING_FOR_NODE, 0, 2), (Phase.DOWNLOADING, 2, 4), (Phase.COORDINATING, 4, 5),
        (Phase.READY, 5, 5.5), (Phase.RUNNING, 5.5, 9), (Phase.COMPLETED, 9, None),
    ]
    assert tracker.ready_count() == 3 and tracker.ended == at(9)


def test_azure_subtasks_become_ready_when_the_application_starts():
    """Azure sets a subtask's exit code only at completion: readiness is inferred."""
    tracker = PhaseTracker()
    running = task("running", **STARTED)
    subtasks = {1: subtask(1, "running"), 2: subtask(2, "running")}
    tracker.observe(Observation(running, subtasks, at(4)))
    assert tracker.ready_count() == 0
    tracker.observe(Observation(running, subtasks, at(8), application_started=at(7)))
    assert tracker.ready_count() == 3
    assert phases(tracker, 2) == [(Phase.DOWNLOADING, 2, 4), (Phase.COORDINATING, 4, 7), (Phase.RUNNING, 7, None)]


def test_failed_coordination_fails_its_instance_and_ends_the_others():
    tracker = PhaseTracker()
    preparing = task("preparing", **STARTED)
    tracker.observe(Observation(preparing, {1: subtask(1, "running"), 2: subtask(2, "running")}, at(3),
                                coordination_started=at(2.5)))
    tracker.observe(Observation(
        preparing,
        {1: subtask(1, "completed", exit_code=4, end_time=at(4), failure="FailureExitCode: exit 4"),
         2: subtask(2, "running", exit_code=0)},
        at(4.5), coordination_started=at(2.5),
    ))
    assert phases(tracker, 1)[-1] == (Phase.FAILED, 4, None)
    failed = task("completed", end_time=at(5), failure="CoordinationCommandFailed: subtask 1", **STARTED)
    tracker.observe(Observation(failed, {1: subtask(1, "completed", exit_code=4, end_time=at(4), failure="x"),
                                         2: subtask(2, "running", exit_code=0)}, at(6), coordination_started=at(2.5)))
    assert tracker.ready_count() == 1
    assert phases(tracker, 0)[-2:] == [(Phase.COORDINATING, 2.5, 5), (Phase.FAILED, 5, None)]
    # An instance the service has not closed yet stops growing at the task's end.
    assert phases(tracker, 2)[-1] == (Phase.READY, 4.5, 5)


def test_a_retry_starts_the_phases_afresh():
    tracker = PhaseTracker()
    tracker.observe(Observation(task("running", **STARTED), {1: subtask(1, "running")}, at(3)))
    tracker.observe(Observation(task("active", state_transition_time=at(10), retry_count=1), {}, at(10.5)))
    assert all(phases(tracker, n) == [(Phase.WAITING_FOR_NODE, 10, None)] for n in range(3))
    second = task("preparing", node_id="node-5", start_time=at(12), retry_count=1)
    tracker.observe(Observation(second, {1: subtask(1, "preparing", start_time=at(12))}, at(12.5)))
    assert phases(tracker, 1) == [(Phase.WAITING_FOR_NODE, 10, 12), (Phase.DOWNLOADING, 12, None)]


def test_a_new_start_time_without_seeing_the_task_wait_is_a_new_attempt():
    tracker = PhaseTracker()
    tracker.observe(Observation(task("running", **STARTED), {1: subtask(1, "running")}, at(3)))
    tracker.observe(Observation(task("preparing", node_id="node-0", start_time=at(20)), {}, at(21)))
    assert phases(tracker, 0) == [(Phase.DOWNLOADING, 20, None)]
    assert phases(tracker, 1) == []


def test_repeated_observations_keep_the_first_times():
    tracker = PhaseTracker()
    preparing = task("preparing", **STARTED)
    for seconds in (3, 4, 5):
        tracker.observe(Observation(preparing, {1: subtask(1, "running")}, at(seconds)))
    assert phases(tracker, 1) == [(Phase.DOWNLOADING, 2, 3), (Phase.COORDINATING, 3, None)]


def test_local_clock_behind_the_service_keeps_phases_in_order():
    tracker = PhaseTracker()
    # Observed "running" at 1 s by the local clock, though the service says it started at 2 s.
    tracker.observe(Observation(task("preparing", **STARTED), {1: subtask(1, "running")}, at(1)))
    assert phases(tracker, 1) == [(Phase.COORDINATING, 2, None)]


def test_success_seen_only_at_the_end_counts_every_instance_ready():
    tracker = PhaseTracker()
    done = task("completed", end_time=at(9), exit_code=0, **STARTED)
    ended = {n: subtask(n, "completed", exit_code=0, end_time=at(9)) for n in (1, 2)}
    tracker.observe(Observation(done, ended, at(30)))
    assert tracker.ready_count() == 3
    assert phases(tracker, 0) == [(Phase.DOWNLOADING, 2, 9), (Phase.COMPLETED, 9, None)]


def test_failed_application_fails_the_primary_only():
    tracker = PhaseTracker()
    failed = task("completed", end_time=at(9), exit_code=1, failure="FailureExitCode: exit 1", **STARTED)
    subtasks = {n: subtask(n, "completed", exit_code=0, end_time=at(9)) for n in (1, 2)}
    tracker.observe(Observation(failed, subtasks, at(10), application_started=at(5)))
    assert phases(tracker, 0)[-1] == (Phase.FAILED, 9, None)
    assert phases(tracker, 1)[-1] == (Phase.COMPLETED, 9, None)
    assert tracker.ready_count() == 3


def test_terminal_phase_is_kept_once_known():
    tracker = PhaseTracker()
    preparing = task("preparing", **STARTED)
    tracker.observe(Observation(preparing, {1: subtask(1, "completed", exit_code=2, end_time=at(4))}, at(5)))
    tracker.observe(Observation(preparing, {1: subtask(1, "completed", exit_code=0, end_time=at(4))}, at(6)))
    assert [s.phase for s in tracker.instances()[1].segments][-1] is Phase.FAILED
    assert tracker.instances()[1].segments[-1] == PhaseSegment(Phase.FAILED, at(4))
