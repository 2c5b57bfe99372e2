"""When a job schedule makes its next job (pure: no service, no clock)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from explorer.localbatch.operations.job_schedules import next_run, window_end

CREATED = datetime(2025, 6, 1, 12, 0, tzinfo=timezone.utc)


def schedule(**settings: str) -> dict:
    return {"creationTime": "2025-06-01T12:00:00.000000Z", "schedule": settings}


def test_without_recurrence_one_job_at_once_or_at_do_not_run_until():
    assert next_run(schedule(), None, CREATED) == CREATED
    assert next_run(schedule(), CREATED, CREATED) is None
    assert next_run(schedule(doNotRunUntil="2025-06-02T00:00:00Z"), None, CREATED) == datetime(2025, 6, 2, tzinfo=timezone.utc)


def test_recurrence_skips_what_was_missed_and_stops_after_do_not_run_after():
    hourly = schedule(recurrenceInterval="PT1H", doNotRunAfter="2025-06-01T16:30:00Z")
    assert next_run(hourly, CREATED, CREATED + timedelta(minutes=5)) == CREATED + timedelta(hours=1)
    # The previous job ran for 2.5 hours: the runs it overlapped are skipped, not made at once.
    assert next_run(hourly, CREATED + timedelta(hours=1), CREATED + timedelta(hours=3, minutes=30)) == CREATED + timedelta(hours=3)
    assert next_run(hourly, CREATED + timedelta(hours=4), CREATED + timedelta(hours=4)) is None


def test_a_due_job_may_be_made_within_its_start_window_but_never_into_the_next_recurrence():
    due = CREATED + timedelta(hours=1)
    assert window_end(schedule(), due) is None  # one job, no window: made whenever it can be
    assert window_end(schedule(startWindow="PT10M"), due) == due + timedelta(minutes=10)
    assert window_end(schedule(recurrenceInterval="PT1H"), due) == due + timedelta(hours=1)
    assert window_end(schedule(recurrenceInterval="PT1H", startWindow="PT3H"), due) == due + timedelta(hours=1)
    assert window_end(schedule(recurrenceInterval="PT1H", startWindow="PT5M"), due) == due + timedelta(minutes=5)
    assert window_end(schedule(startWindow="PT1H", doNotRunAfter="2025-06-01T13:30:00Z"), due) == due + timedelta(minutes=30)


def test_a_missed_first_run_is_not_run_again():
    # Without recurrence, once the first run was made or missed there is no other.
    assert next_run(schedule(startWindow="PT1M"), CREATED, CREATED + timedelta(hours=1)) is None
