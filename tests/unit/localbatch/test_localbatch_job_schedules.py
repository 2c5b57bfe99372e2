"""When a job schedule makes its next job (pure: no service, no clock)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from explorer.localbatch.operations.job_schedules import next_run

CREATED = datetime(2025, 6, 1, 12, 0, tzinfo=timezone.utc)


def schedule(**settings: str) -> dict:
    return {"creationTime": "2025-06-01T12:00:00.000000Z", "schedule": settings}


def test_without_recurrence_one_job_at_once_or_at_do_not_run_until():
    assert next_run(schedule(), 0, None, CREATED) == CREATED
    assert next_run(schedule(), 1, CREATED, CREATED) is None
    assert next_run(schedule(doNotRunUntil="2025-06-02T00:00:00Z"), 0, None, CREATED) == datetime(2025, 6, 2, tzinfo=timezone.utc)


def test_recurrence_skips_what_was_missed_and_stops_after_do_not_run_after():
    hourly = schedule(recurrenceInterval="PT1H", doNotRunAfter="2025-06-01T16:30:00Z")
    assert next_run(hourly, 1, CREATED, CREATED + timedelta(minutes=5)) == CREATED + timedelta(hours=1)
    # The previous job ran for 2.5 hours: the runs it overlapped are skipped, not made at once.
    assert next_run(hourly, 2, CREATED + timedelta(hours=1), CREATED + timedelta(hours=3, minutes=30)) == CREATED + timedelta(hours=3)
    assert next_run(hourly, 5, CREATED + timedelta(hours=4), CREATED + timedelta(hours=4)) is None
