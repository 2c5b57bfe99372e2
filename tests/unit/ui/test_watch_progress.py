"""What the coordination bar says for each stage of a watched task: only what the service reported."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from explorer.client.watching.snapshots import TaskSnapshot
from explorer.client.watching.task_watch import Stage, TaskWatchSnapshot
from explorer.ui.formatting import Progress, watch_progress

TASK = TaskSnapshot(
    id="mpi", display_name=None, state="preparing", state_transition_time=None, instances=4, pool_id="p",
    node_id="n0", start_time=None, end_time=None, exit_code=None, retry_count=0, failure=None,
)
BASE = TaskWatchSnapshot(
    task=TASK, subtasks={}, stage=Stage.STARTING, attempt=1, instances=(), total=4, ready=2, failed=0,
    coordination_started=None, application_started=None, application_ran=None, origin=None, ended=None,
    unknown_since=None,
)


def test_while_coordinating_only_instances_reported_ready_count():
    assert watch_progress(BASE) == Progress("coordination: 2 of 4 instances reported ready", 2, 4)
    assert watch_progress(replace(BASE, failed=1)).text == "coordination: 2 of 4 instances reported ready, 1 failed"
    assert watch_progress(replace(BASE, stage=Stage.QUEUED, ready=0)).text == "queued: waiting for 4 nodes"


def test_after_the_end_the_bar_says_how_it_ended():
    failed = replace(TASK, state="completed", exit_code=3, failure="FailureExitCode: exit code 3")
    ran = replace(BASE, task=failed, stage=Stage.FAILED, ready=4, application_ran=True)
    assert watch_progress(ran) == Progress("failed: FailureExitCode: exit code 3", 4, 4, "failure")
    coordination = replace(TASK, state="completed", failure="CoordinationCommandFailed: instance 2")
    never = replace(BASE, task=coordination, stage=Stage.FAILED, ready=1, failed=1, application_ran=False)
    assert watch_progress(never).text == "failed: CoordinationCommandFailed: instance 2 (1 of 4 instances reported ready)"
    done = replace(BASE, task=replace(TASK, state="completed", exit_code=0), stage=Stage.SUCCEEDED, ready=4)
    assert watch_progress(done) == Progress("completed: exit code 0", 4, 4, "success")


def test_a_later_attempt_and_a_silent_service_are_said():
    silent = replace(BASE, stage=Stage.RUNNING, ready=4, attempt=2,
                     unknown_since=datetime(2025, 1, 1, 12, 0, 5, tzinfo=timezone.utc))
    text = watch_progress(silent).text
    since = silent.unknown_since.astimezone().strftime("%H:%M:%S")
    assert text == f"attempt 2, application running: all 4 instances were ready — no answer from the service since {since}"
