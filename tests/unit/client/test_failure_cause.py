from datetime import datetime, timedelta, timezone

from explorer.client.watching.phases import FailedIn, FailureCause, failure_cause
from explorer.client.watching.snapshots import SubtaskSnapshot, TaskSnapshot
from explorer.core.timeline import Phase

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


def task(**fields) -> TaskSnapshot:
    values = dict(id="t", display_name=None, state="completed", state_transition_time=T0, instances=3, pool_id="p",
                  node_id="n0", start_time=T0, end_time=T0, exit_code=None, retry_count=0,
                  failure="CoordinationCommandFailed: an instance failed")
    return TaskSnapshot(**{**values, **fields})


def subtask(number: int, *, failure=None, exit_code=0, ended=0, previous="running", code=None) -> SubtaskSnapshot:
    return SubtaskSnapshot(number, "completed", "p", f"n{number}", f"workitems/j/job-1/t/{number}", T0,
                           T0 + timedelta(seconds=ended), exit_code, failure, previous_state=previous,
                           failure_code=code)


def test_no_cause_while_running_or_after_success():
    assert failure_cause(task(state="running"), {}, None) is None
    assert failure_cause(task(exit_code=0, failure=None), {}, True) is None


def test_the_subtask_that_failed_first_in_coordination():
    subtasks = {1: subtask(1, failure="FailureExitCode: x", exit_code=4, ended=5),
                2: subtask(2, failure="FailureExitCode: y", exit_code=2, ended=3)}
    cause = failure_cause(task(), subtasks, False)
    assert cause == FailureCause(2, "n2", "p", FailedIn.COORDINATION, 2, "FailureExitCode: y", "workitems/j/job-1/t/2")
    assert cause.stderr == "workitems/j/job-1/t/2/stderr.txt"


def test_a_download_failure_is_told_by_its_code_or_by_the_phase_reached():
    by_code = {1: subtask(1, failure="BlobNotFound: 404", exit_code=None, code="BlobNotFound")}
    assert failure_cause(task(), by_code, False).phase is FailedIn.DOWNLOAD
    # The code decides, not a message that reads like one (a coordination command may print anything).
    told = {1: subtask(1, failure="FailureExitCode: BlobNotFound: x", exit_code=1, code="FailureExitCode")}
    assert failure_cause(task(), told, False).phase is FailedIn.COORDINATION
    primary = task(failure="ResourceFileCreateFailed: cannot create x", failure_code="ResourceFileCreateFailed")
    assert failure_cause(primary, {}, False).phase is FailedIn.DOWNLOAD
    # The primary's own download failed (the task's code), and a subtask stopped with it (ended first, coded
    # FailureExitCode): the primary is named, not the subtask.
    stopped = {1: subtask(1, failure="FailureExitCode: did not run to its end", exit_code=0, code="FailureExitCode")}
    failed = task(failure="BlobNotFound: input.dat 404", failure_code="BlobNotFound")
    assert failure_cause(failed, stopped, False) == FailureCause(
        0, "n0", "p", FailedIn.DOWNLOAD, None, "BlobNotFound: input.dat 404")
    # A subtask whose own code says download, and that ended first, is that failure.
    downloaded = {1: subtask(1, failure="FailureExitCode: did not run to its end", ended=5, code="FailureExitCode"),
                  2: subtask(2, failure="BlobNotFound: x", exit_code=None, ended=3, code="BlobNotFound")}
    assert failure_cause(failed, downloaded, False).instance == 2
    by_phase = {1: subtask(1, failure="TaskEnded: x", exit_code=None, previous="preparing")}
    assert failure_cause(task(), by_phase, False, {1: Phase.DOWNLOADING}).phase is FailedIn.DOWNLOAD
    assert failure_cause(task(), by_phase, False, {1: Phase.DOWNLOADING}).stderr is None


def test_the_primary_in_the_application_once_it_ran():
    cause = failure_cause(task(exit_code=3, failure="FailureExitCode: e"), {1: subtask(1)}, True)
    assert (cause.instance, cause.node_id, cause.phase, cause.exit_code) == (0, "n0", FailedIn.APPLICATION, 3)
    assert cause.stderr == "stderr.txt"


def test_the_primary_in_coordination_when_no_subtask_failed():
    cause = failure_cause(task(), {1: subtask(1)}, False)
    assert (cause.instance, cause.phase, cause.stderr) == (0, FailedIn.COORDINATION, "coordination-stderr.txt")
