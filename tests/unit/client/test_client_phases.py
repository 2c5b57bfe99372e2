"""TaskPhases: instance phases from successive task, subtask and file observations, without Qt.

The service's own times make the phases; where only two polls bracket a change, the
span between them is `Phase.UNKNOWN`; nothing the service has not reported is drawn.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from explorer.client.watching.phases import APPLICATION_OUTPUT, COORDINATION_OUTPUT, Moment, TaskPhases, segments
from explorer.client.watching.snapshots import FileProbe, SubtaskSnapshot, TaskSnapshot
from explorer.core.timeline import Phase, PhaseSegment

T0 = datetime(2025, 6, 1, 10, 0, 0, tzinfo=timezone.utc)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def task(state: str, **fields) -> TaskSnapshot:
    base = TaskSnapshot(
        id="mpi", display_name=None, state=state, state_transition_time=None, instances=3, pool_id="p",
        node_id=None, start_time=None, end_time=None, exit_code=None, retry_count=0, failure=None,
        creation_time=at(0),
    )
    return replace(base, **fields)


def subtask(number: int, state: str, **fields) -> SubtaskSnapshot:
    base = SubtaskSnapshot(
        id=number, state=state, pool_id="p", node_id=f"node-{number}",
        task_root_directory=f"workitems/j/job-1/mpi/{number}", start_time=at(2), end_time=None,
        exit_code=None, failure=None, state_transition_time=at(2),
    )
    return replace(base, **fields)


def found(name: str, created: float, modified: float | None = None) -> FileProbe:
    return FileProbe(name, at(created), at(modified if modified is not None else created), 10)


def missing(name: str) -> FileProbe:
    return FileProbe(name, absent="FileNotFound")


STARTED = {"node_id": "node-0", "start_time": at(2), "previous_state": "active",
           "previous_state_transition_time": at(0)}


def phases(tracker: TaskPhases, number: int, unknown_since: datetime | None = None):
    """(phase, start s, end s or None) of one instance, in seconds since T0."""
    row = tracker.instances(unknown_since)[number]
    return [
        (s.phase, (s.start - T0).total_seconds(), None if s.end is None else (s.end - T0).total_seconds())
        for s in row.segments
    ]


def test_local_batch_run_from_submission_to_success_with_the_services_own_times():
    tracker = TaskPhases()
    tracker.observe_task(task("active", state_transition_time=at(0)), {}, at(0.5))
    assert [row.instance_id for row in tracker.instances()] == [0, 1, 2]
    assert all(phases(tracker, n) == [(Phase.WAITING_FOR_NODE, 0, None)] for n in range(3))

    preparing = task("preparing", **STARTED)
    tracker.observe_task(preparing, {1: subtask(1, "preparing"), 2: subtask(2, "preparing")}, at(2.5), at(1.5))
    assert phases(tracker, 1) == [(Phase.WAITING_FOR_NODE, 0, 2), (Phase.DOWNLOADING, 2, None)]
    assert phases(tracker, 0) == [(Phase.WAITING_FOR_NODE, 0, 2), (Phase.DOWNLOADING, 2, None)]
    assert tracker.instances()[0].node_id == "node-0" and tracker.instances()[2].node_id == "node-2"

    # The primary's coordination output appears (created at 3.1 by the service's clock).
    tracker.observe_files({COORDINATION_OUTPUT: found(COORDINATION_OUTPUT, 3.1), APPLICATION_OUTPUT: missing(
        APPLICATION_OUTPUT)}, at(3.5))
    assert phases(tracker, 0)[-1] == (Phase.COORDINATING, 3.1, None)
    # Subtask 1 started its coordination at 3.4 (its state transition time), seen at 4.
    subtasks = {1: subtask(1, "running", state_transition_time=at(3.4)), 2: subtask(2, "preparing")}
    tracker.observe_task(preparing, subtasks, at(4), at(2.5))
    assert phases(tracker, 1)[-1] == (Phase.COORDINATING, 3.4, None)
    assert tracker.ready_count() == 0

    # Local Batch: a subtask's exit code is known as soon as its coordination ends, between two polls.
    subtasks = {1: subtask(1, "running", state_transition_time=at(3.4), exit_code=0),
                2: subtask(2, "running", state_transition_time=at(4.2))}
    tracker.observe_task(preparing, subtasks, at(5), at(4))
    assert phases(tracker, 1)[-3:] == [(Phase.COORDINATING, 3.4, 4), (Phase.UNKNOWN, 4, 5), (Phase.READY, 5, None)]
    assert tracker.instances()[1].segments[-2].after is Phase.COORDINATING  # "coordinating or later"
    assert tracker.ready_count() == 1  # the primary's readiness is never reported: not counted

    running = task("running", state_transition_time=at(5.5), previous_state="preparing", node_id="node-0",
                   start_time=at(2))
    subtasks = {1: subtask(1, "running", state_transition_time=at(3.4), exit_code=0),
                2: subtask(2, "running", state_transition_time=at(4.2), exit_code=0)}
    tracker.observe_task(running, subtasks, at(6), at(5))
    tracker.observe_files({APPLICATION_OUTPUT: found(APPLICATION_OUTPUT, 5.5, 5.9)}, at(6.1))
    assert tracker.application_started == Moment.at(at(5.5)) and tracker.ready_count() == 3
    assert phases(tracker, 0)[-2:] == [(Phase.COORDINATING, 3.1, 5.5), (Phase.RUNNING, 5.5, None)]
    # Subtask 2 was seen ready at 6, after the application started at 5.5: ready lay in [5, 5.5].
    assert phases(tracker, 2)[2:] == [(Phase.COORDINATING, 4.2, 5), (Phase.UNKNOWN, 5, 5.5), (Phase.RUNNING, 5.5, None)]

    done = task("completed", end_time=at(9), exit_code=0, previous_state="running",
                previous_state_transition_time=at(5.5), node_id="node-0", start_time=at(2))
    ended = {n: subtask(n, "completed", exit_code=0, end_time=at(9), previous_state="running",
                        previous_state_transition_time=subtasks[n].state_transition_time) for n in (1, 2)}
    tracker.observe_task(done, ended, at(10), at(6))
    assert phases(tracker, 0) == [
        (Phase.WAITING_FOR_NODE, 0, 2), (Phase.DOWNLOADING, 2, 3.1), (Phase.COORDINATING, 3.1, 5.5),
        (Phase.RUNNING, 5.5, 9), (Phase.COMPLETED, 9, None),
    ]
    assert phases(tracker, 1)[-2:] == [(Phase.RUNNING, 5.5, 9), (Phase.COMPLETED, 9, None)]
    assert tracker.ready_count() == 3 and tracker.ended == at(9) and tracker.application_ran


def test_while_preparing_nothing_counts_ready_that_was_not_reported():
    """Issue 17: right after submit, the bar said "4 of 4 ready" while the task was preparing."""
    tracker = TaskPhases()
    preparing = task("preparing", **STARTED)
    tracker.observe_task(preparing, {1: subtask(1, "running"), 2: subtask(2, "preparing")}, at(3))
    tracker.observe_files({COORDINATION_OUTPUT: missing(COORDINATION_OUTPUT),
                           APPLICATION_OUTPUT: missing(APPLICATION_OUTPUT)}, at(3.1))
    assert tracker.ready_count() == 0 and tracker.application_started is None and tracker.application_ran is None
    for number in range(3):
        assert Phase.RUNNING not in {s.phase for s in tracker.instances()[number].segments}
    assert tracker.phase_of(0) is Phase.DOWNLOADING and tracker.phase_of(1) is Phase.COORDINATING


def test_azure_subtasks_are_never_drawn_ready_but_count_once_the_application_starts():
    """Azure sets a subtask's exit code only at completion: no "ready" is claimed, none is counted."""
    tracker = TaskPhases()
    running = task("running", **STARTED)
    subtasks = {1: subtask(1, "running", state_transition_time=at(3)), 2: subtask(2, "running")}
    tracker.observe_task(running, subtasks, at(4))
    assert tracker.ready_count() == 0
    tracker.observe_files({APPLICATION_OUTPUT: found(APPLICATION_OUTPUT, 7)}, at(8))
    assert tracker.ready_count() == 3
    assert phases(tracker, 1) == [(Phase.WAITING_FOR_NODE, 0, 2), (Phase.DOWNLOADING, 2, 3), (Phase.COORDINATING, 3, 7),
                                  (Phase.RUNNING, 7, None)]


def test_a_sub_second_task_first_seen_completed_keeps_every_phase():
    """Issue 17: a sub-second task was drawn all "downloading", then all "running"."""
    tracker = TaskPhases()
    done = task("completed", end_time=at(2.9), exit_code=0, previous_state="running",
                previous_state_transition_time=at(2.6), node_id="node-0", start_time=at(2))
    ended = {n: subtask(n, "completed", exit_code=0, start_time=at(2.05), end_time=at(2.9), previous_state="running",
                        previous_state_transition_time=at(2.2 + n / 100)) for n in (1, 2)}
    tracker.observe_task(done, ended, at(30))
    tracker.observe_files({COORDINATION_OUTPUT: found(COORDINATION_OUTPUT, 2.25),
                           APPLICATION_OUTPUT: found(APPLICATION_OUTPUT, 2.6, 2.85)}, at(30.1))
    assert phases(tracker, 0) == [
        (Phase.WAITING_FOR_NODE, 0, 2), (Phase.DOWNLOADING, 2, 2.25), (Phase.COORDINATING, 2.25, 2.6),
        (Phase.RUNNING, 2.6, 2.9), (Phase.COMPLETED, 2.9, None),
    ]
    assert phases(tracker, 1) == [
        (Phase.WAITING_FOR_NODE, 0, 2.05), (Phase.DOWNLOADING, 2.05, 2.21), (Phase.COORDINATING, 2.21, 2.6),
        (Phase.RUNNING, 2.6, 2.9), (Phase.COMPLETED, 2.9, None),
    ]
    assert tracker.ready_count() == 3


def test_failed_coordination_fails_its_instance_and_the_application_never_ran():
    tracker = TaskPhases()
    preparing = task("preparing", **STARTED)
    tracker.observe_task(preparing, {1: subtask(1, "running"), 2: subtask(2, "running")}, at(3))
    tracker.observe_files({COORDINATION_OUTPUT: found(COORDINATION_OUTPUT, 2.5)}, at(3.1))
    tracker.observe_task(preparing, {
        1: subtask(1, "completed", exit_code=4, end_time=at(4), failure="FailureExitCode: exit 4",
                   previous_state="running", previous_state_transition_time=at(2)),
        2: subtask(2, "running", exit_code=0),
    }, at(4.5), at(3))
    assert phases(tracker, 1)[-1] == (Phase.FAILED, 4, None)
    failed = task("completed", end_time=at(5), failure="CoordinationCommandFailed: subtask 1", **STARTED)
    tracker.observe_task(failed, {1: subtask(1, "completed", exit_code=4, end_time=at(4), failure="x"),
                                  2: subtask(2, "running", exit_code=0)}, at(6), at(4.5))
    assert tracker.ready_count() == 1 and tracker.failed_count() == 2 and tracker.application_ran is False
    assert phases(tracker, 0)[-2:] == [(Phase.COORDINATING, 2.5, 5), (Phase.FAILED, 5, None)]
    # An instance the service has not closed yet stops growing at the task's end.
    assert phases(tracker, 2)[-1] == (Phase.READY, 4.5, 5)


def test_a_task_ended_without_its_output_says_the_application_never_ran():
    tracker = TaskPhases()
    terminated = task("completed", end_time=at(5), failure="TaskEnded: terminated", **STARTED)
    tracker.observe_task(terminated, {}, at(6))
    assert tracker.application_ran is None  # not known until the files are asked after the end
    tracker.observe_files({APPLICATION_OUTPUT: missing(APPLICATION_OUTPUT)}, at(5.5))
    assert tracker.application_ran is None  # asked before the end was seen: it may still have come
    tracker.observe_files({APPLICATION_OUTPUT: missing(APPLICATION_OUTPUT)}, at(6.5))
    assert tracker.application_ran is False


def test_a_requeue_starts_the_phases_afresh_and_an_old_output_file_does_not_count():
    """Issue 17: after a requeue, instances showed phases of the previous attempt."""
    tracker = TaskPhases()
    tracker.observe_task(task("running", **STARTED), {1: subtask(1, "running")}, at(3))
    tracker.observe_files({APPLICATION_OUTPUT: found(APPLICATION_OUTPUT, 3)}, at(3.5))
    assert tracker.application_started is not None

    requeued = task("active", state_transition_time=at(10), previous_state="running", requeue_count=1)
    tracker.observe_task(requeued, {}, at(10.5))
    assert tracker.attempt == 2 and tracker.application_started is None and tracker.ready_count() == 0
    assert all(phases(tracker, n) == [(Phase.WAITING_FOR_NODE, 10, None)] for n in range(3))

    second = task("preparing", node_id="node-5", start_time=at(12.4), requeue_count=1, previous_state="active",
                  previous_state_transition_time=at(10))
    tracker.observe_task(second, {1: subtask(1, "preparing", start_time=at(12.5))}, at(12.6))
    assert phases(tracker, 1) == [(Phase.WAITING_FOR_NODE, 10, 12.5), (Phase.DOWNLOADING, 12.5, None)]
    # The first attempt's stdout.txt is still there, last written before this attempt started.
    tracker.observe_files({APPLICATION_OUTPUT: found(APPLICATION_OUTPUT, 3, 9)}, at(13))
    assert tracker.application_started is None
    # Written again in this attempt, but created in the first: when it started is known only roughly.
    tracker.observe_files({APPLICATION_OUTPUT: found(APPLICATION_OUTPUT, 3, 14.5)}, at(15))
    assert tracker.application_started == Moment(at(13), at(14.5))


def test_a_file_created_before_the_probe_that_missed_it_appeared_between_the_probes():
    tracker = TaskPhases()
    tracker.observe_task(task("running", **STARTED), {}, at(3))
    tracker.observe_files({APPLICATION_OUTPUT: missing(APPLICATION_OUTPUT)}, at(4))
    # Whole seconds (a HEAD's time) or another clock: 3.0 is before the probe that missed it at 4.
    tracker.observe_files({APPLICATION_OUTPUT: found(APPLICATION_OUTPUT, 3.0, 4.2)}, at(5))
    assert tracker.application_started == Moment(at(4), at(5))


def test_repeated_observations_keep_the_first_report():
    tracker = TaskPhases()
    preparing = task("preparing", **STARTED)
    for seconds in (3, 4, 5):
        tracker.observe_task(preparing, {1: subtask(1, "running", state_transition_time=None)}, at(seconds),
                             at(seconds - 1) if seconds > 3 else None)
    assert phases(tracker, 1)[1:] == [(Phase.DOWNLOADING, 2, 3), (Phase.COORDINATING, 3, None)]


def test_without_an_answer_from_the_service_what_follows_is_unknown():
    tracker = TaskPhases()
    tracker.observe_task(task("running", **STARTED), {1: subtask(1, "running", state_transition_time=at(3))}, at(4))
    assert phases(tracker, 1, unknown_since=at(8))[-2:] == [(Phase.COORDINATING, 3, 8), (Phase.UNKNOWN, 8, None)]
    assert tracker.instances(at(8))[1].segments[-1].after is Phase.COORDINATING


def test_segments_narrow_spans_by_their_neighbours_and_keep_time_in_order():
    marks = {
        Phase.DOWNLOADING: Moment.at(at(2)),
        Phase.COORDINATING: Moment.at(at(1.5)),  # this machine's clock behind the service's
        Phase.READY: Moment(at(1), at(9)),
        Phase.RUNNING: Moment.at(at(6)),
    }
    assert segments(marks, ended=None) == (
        PhaseSegment(Phase.UNKNOWN, at(2), at(6), after=Phase.COORDINATING),
        PhaseSegment(Phase.RUNNING, at(6)),
    )
    assert segments(marks, ended=at(8))[-1] == PhaseSegment(Phase.RUNNING, at(6), at(8))


def test_terminal_phase_is_kept_once_known():
    tracker = TaskPhases()
    preparing = task("preparing", **STARTED)
    tracker.observe_task(preparing, {1: subtask(1, "completed", exit_code=2, end_time=at(4))}, at(5))
    tracker.observe_task(preparing, {1: subtask(1, "completed", exit_code=0, end_time=at(4))}, at(6))
    assert [s.phase for s in tracker.instances()[1].segments][-1] is Phase.FAILED
    assert tracker.instances()[1].segments[-1] == PhaseSegment(Phase.FAILED, at(4))
