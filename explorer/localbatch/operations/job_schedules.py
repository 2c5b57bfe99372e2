"""Job schedules: jobs made from a job specification when the schedule says, as on Azure.

A schedule makes its first job at `doNotRunUntil` (or at once), then one every
`recurrenceInterval` (at least a minute, as on Azure) while its previous job is no longer
active, and none after `doNotRunAfter`; a schedule without a recurrence makes one job. Its
jobs are named `SCHEDULE:job-N`. A schedule completes when it will make no more jobs and
its last job has completed. Disabled, it makes none; terminated, its active job is
terminated; deleted, its jobs are deleted with it.

`startWindow`, as on Azure: a job is due at its run time and must be made within the window
after it, or that opportunity is lost (no job until the next recurrence). A job is made late
when the previous job is still active at its run time (a schedule has one active job at a
time): it waits for that job to end, within the window. A due job is never carried into the
next recurrence, so a window longer than the recurrence interval (or none, the default) ends
at the next run time; nothing is made after `doNotRunAfter`. A run time missed while the
service was not running is made on resume if its window is still open.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta, timezone

from explorer.localbatch.context import Context
from explorer.localbatch.operations.jobs import Jobs
from explorer.localbatch.state.documents import set_state, touch
from explorer.localbatch.wire.bodies import Body
from explorer.localbatch.wire.clock import iso, now_iso, parse_iso
from explorer.localbatch.wire.durations import parse_duration
from explorer.localbatch.wire.errors import BatchError, conflict, invalid_value
from explorer.localbatch.wire.request_specs import read_metadata

log = logging.getLogger(__name__)

KIND = "jobschedule"
MIN_RECURRENCE = timedelta(minutes=1)
MIN_START_WINDOW = timedelta(minutes=1)
_ENDED_JOB_STATES = ("completed",)


def next_run(schedule: dict, last_run: datetime | None, now: datetime) -> datetime | None:
    """When the schedule's next job is due (pure), after the run at `last_run` (made or missed): None when no more."""
    settings = schedule.get("schedule") or {}
    first = _time(settings.get("doNotRunUntil")) or parse_iso(schedule["creationTime"])
    interval = _interval(settings)
    if last_run is None:
        due = first
    elif interval is None:
        return None
    else:
        due = last_run + interval
        while due + interval <= now:  # recurrences missed while the previous job ran are skipped, not caught up
            due += interval
    end = _time(settings.get("doNotRunAfter"))
    if end is not None and due > end:
        return None
    return due


def window_end(schedule: dict, due: datetime) -> datetime | None:
    """Until when the job due at `due` may still be made (pure): None for no limit.

    The start window, but never past the next run time (a due job is not carried into the next
    recurrence) nor past doNotRunAfter.
    """
    settings = schedule.get("schedule") or {}
    ends = [
        due + parse_duration(settings["startWindow"]) if settings.get("startWindow") else None,
        due + interval if (interval := _interval(settings)) else None,
        _time(settings.get("doNotRunAfter")),
    ]
    known = [end for end in ends if end is not None]
    return min(known) if known else None


def _interval(settings: dict) -> timedelta | None:
    return parse_duration(settings["recurrenceInterval"]) if settings.get("recurrenceInterval") else None


def _time(text: str | None) -> datetime | None:
    return parse_iso(text) if text else None


class JobSchedules:
    def __init__(self, ctx: Context, jobs: Jobs) -> None:
        self.ctx = ctx
        self.jobs = jobs
        self.schedules: dict[str, dict] = {key: doc for key, doc in ctx.state.store.load(KIND)}
        self._runners: dict[str, asyncio.Task] = {}

    def resume(self) -> None:
        """Run every schedule that is not over (after a restart, too)."""
        for schedule in self.schedules.values():
            if schedule["state"] in ("active", "disabled"):
                self._run(schedule)

    # --- reading -------------------------------------------------------------------------
    def get(self, schedule_id: str) -> dict:
        schedule = self.schedules.get(schedule_id.lower())
        if schedule is None:
            raise BatchError(404, "JobScheduleNotFound", "The specified job schedule does not exist.", {"JobScheduleId": schedule_id[:64]})
        return self._settle(schedule)

    def all(self) -> list[dict]:
        return [self._settle(schedule) for schedule in self.schedules.values()]

    def jobs_of(self, schedule_id: str) -> list[dict]:
        schedule = self.get(schedule_id)
        return [job for job in self.ctx.state.jobs.values() if (job.get("_jobScheduleId") or "").lower() == schedule["id"].lower()]

    def _read_settings(self, body: Body) -> tuple[dict, dict]:
        """The `schedule` and `jobSpecification` of a body, checked whole (the specification as a job would be)."""
        settings_body = body.obj("schedule", required=True)
        spec_body = body.obj("jobSpecification", required=True)
        assert settings_body is not None and spec_body is not None
        settings = {}
        for name in ("doNotRunUntil", "doNotRunAfter"):
            text = settings_body.str(name)
            if text is not None:
                try:
                    settings[name] = iso(parse_iso(text))
                except ValueError:
                    raise invalid_value(f"schedule.{name}", text, "Give an ISO 8601 time such as 2025-06-01T12:00:00Z.") from None
        for name in ("startWindow", "recurrenceInterval"):
            text = settings_body.duration(name)
            if text is not None:
                settings[name] = text
        if "recurrenceInterval" in settings and parse_duration(settings["recurrenceInterval"]) < MIN_RECURRENCE:
            raise invalid_value("schedule.recurrenceInterval", settings["recurrenceInterval"], "The shortest recurrence is one minute (PT1M).")
        if "startWindow" in settings and parse_duration(settings["startWindow"]) < MIN_START_WINDOW:
            raise invalid_value("schedule.startWindow", settings["startWindow"], "The shortest start window is one minute (PT1M).")
        spec = dict(body.raw("jobSpecification"))
        # Every error a job made from it would have (a job id with ':' is one no client can take).
        self.jobs.read(Body(spec, "jobSpecification"), job_id=f"{body.raw('id') or 'schedule'}:check")
        return settings, spec

    # --- create / update -------------------------------------------------------------------------
    def create(self, body: Body) -> dict:
        schedule_id = body.id()
        if schedule_id.lower() in self.schedules:
            raise already_exists_schedule(schedule_id)
        settings, spec = self._read_settings(body)
        moment = now_iso()
        schedule = {
            "id": schedule_id,
            "url": self.ctx.url(f"/jobschedules/{schedule_id}"),
            "creationTime": moment,
            "state": "active",
            "stateTransitionTime": moment,
            "schedule": settings,
            "jobSpecification": spec,
            "executionInfo": {},
            "_made": 0,
        }
        if body.has("displayName"):
            schedule["displayName"] = body.str("displayName", max_length=1024)
        metadata = read_metadata(body)
        if metadata:
            schedule["metadata"] = metadata
        self._save(schedule)
        self._run(schedule)
        return schedule

    def update(self, schedule_id: str, body: Body, *, replace: bool) -> dict:
        """PATCH changes what it gives; PUT replaces schedule, specification and metadata. Checked whole first."""
        schedule = self._changeable(schedule_id)
        changes: dict = {}
        if replace or body.has("schedule") or body.has("jobSpecification"):
            merged = {"schedule": schedule["schedule"], "jobSpecification": schedule["jobSpecification"]}
            merged.update({name: body.raw(name) for name in ("schedule", "jobSpecification") if body.has(name)})
            changes["schedule"], changes["jobSpecification"] = self._read_settings(Body(merged))
        if replace or body.has("metadata"):
            changes["metadata"] = read_metadata(body)
        schedule.update(changes)
        schedule.pop("_finished", None)  # a new recurrence may make more jobs
        self._save(schedule)
        self._restart(schedule)
        return schedule

    def _changeable(self, schedule_id: str) -> dict:
        schedule = self.get(schedule_id)
        if schedule["state"] in ("completed", "terminating", "deleting"):
            raise conflict("JobScheduleCompleted", f"The specified job schedule is {schedule['state']}.")
        return schedule

    # --- state changes ---------------------------------------------------------------------------
    def disable(self, schedule_id: str) -> None:
        schedule = self._changeable(schedule_id)
        set_state(schedule, "disabled")
        schedule["executionInfo"].pop("nextRunTime", None)
        self._save(schedule)

    def enable(self, schedule_id: str) -> None:
        schedule = self._changeable(schedule_id)
        set_state(schedule, "active")
        self._save(schedule)
        self._restart(schedule)

    def terminate(self, schedule_id: str) -> dict:
        schedule = self._changeable(schedule_id)
        self._stop(schedule)
        set_state(schedule, "terminating")
        self._save(schedule)
        for job in self.jobs_of(schedule_id):
            if job["state"] not in ("completed", "terminating", "deleting"):
                self.jobs.end_job(job, "JobScheduleTerminated")
        set_state(schedule, "completed")
        schedule["executionInfo"]["endTime"] = now_iso()
        schedule["executionInfo"].pop("nextRunTime", None)
        self._save(schedule)
        return schedule

    def delete(self, schedule_id: str) -> dict:
        schedule = self.get(schedule_id)
        self._stop(schedule)
        for job in self.jobs_of(schedule_id):
            self.jobs.delete(job["id"])
        self.schedules.pop(schedule["id"].lower(), None)
        self.ctx.state.store.delete(KIND, schedule["id"].lower())
        return schedule

    # --- running ---------------------------------------------------------------------------------
    def _run(self, schedule: dict) -> None:
        key = schedule["id"].lower()
        self._runners[key] = self.ctx.spawn(self._runner(key), f"job schedule {schedule['id']}")

    def _stop(self, schedule: dict) -> None:
        runner = self._runners.pop(schedule["id"].lower(), None)
        if runner is not None:
            runner.cancel()

    def _restart(self, schedule: dict) -> None:
        self._stop(schedule)
        if schedule["state"] == "active":
            self._run(schedule)

    async def _runner(self, key: str) -> None:
        while True:
            schedule = self.schedules.get(key)
            if schedule is None or schedule["state"] != "active":
                return
            last = _time(schedule["executionInfo"].get("_lastRun"))
            due = next_run(schedule, last, datetime.now(timezone.utc))
            if due is None:
                schedule["_finished"] = True
                schedule["executionInfo"].pop("nextRunTime", None)
                self._save(schedule)
                return
            schedule["executionInfo"]["nextRunTime"] = iso(due)
            self._save(schedule)
            await asyncio.sleep(max(0.0, (due - datetime.now(timezone.utc)).total_seconds()))
            if not await self._may_make_job(schedule, due):
                log.info("job schedule %s: the job due at %s was not made within its start window", schedule["id"], iso(due))
                schedule["executionInfo"]["_lastRun"] = iso(due)  # this opportunity is lost
                self._save(schedule)
                continue
            if schedule["state"] != "active":
                return
            self._make_job(schedule, due)

    async def _may_make_job(self, schedule: dict, due: datetime) -> bool:
        """Once the previous job has ended, whether that happened within the due job's window."""
        end = window_end(schedule, due)
        left = None if end is None else (end - datetime.now(timezone.utc)).total_seconds()
        async with self.jobs.ended:
            try:
                await asyncio.wait_for(self.jobs.ended.wait_for(lambda: not self._previous_job_active(schedule)), left)
            except asyncio.TimeoutError:
                return False
        return end is None or datetime.now(timezone.utc) < end

    def _make_job(self, schedule: dict, due: datetime) -> None:
        number = schedule["_made"] + 1
        job_id = f"{schedule['id']}:job-{number}"
        try:
            job = self.jobs.create(Body(schedule["jobSpecification"], "jobSpecification"), job_id=job_id)
        except BatchError as error:  # e.g. its pool was deleted since: Azure records no job either
            log.warning("job schedule %s could not make job %s: %s", schedule["id"], job_id, error.message)
        else:
            job["_jobScheduleId"] = schedule["id"]
            self.ctx.state.save_job(job)
            schedule["executionInfo"]["recentJob"] = {"id": job["id"], "url": job["url"]}
        schedule["_made"] = number
        schedule["executionInfo"]["_lastRun"] = iso(due)
        self._save(schedule)

    def _previous_job_active(self, schedule: dict) -> bool:
        recent = schedule["executionInfo"].get("recentJob")
        job = self.ctx.state.jobs.get(recent["id"].lower()) if recent else None
        return job is not None and job["state"] not in _ENDED_JOB_STATES

    def _settle(self, schedule: dict) -> dict:
        """A schedule that makes no more jobs completes once its last job has: seen when it is read."""
        if schedule.get("_finished") and schedule["state"] == "active" and not self._previous_job_active(schedule):
            set_state(schedule, "completed")
            schedule["executionInfo"]["endTime"] = now_iso()
            self._save(schedule)
        return schedule

    def _save(self, schedule: dict) -> None:
        touch(schedule)
        self.schedules[schedule["id"].lower()] = schedule
        self.ctx.state.store.put(KIND, schedule["id"].lower(), schedule)


def already_exists_schedule(schedule_id: str) -> BatchError:
    return conflict("JobScheduleExists", "The specified job schedule already exists.", JobScheduleId=schedule_id)


def wire_schedule(schedule: dict) -> dict:
    """The schedule as clients see it: without Local Batch's own fields, also inside executionInfo."""
    shown = {key: value for key, value in schedule.items() if not key.startswith("_")}
    shown["executionInfo"] = {key: value for key, value in schedule["executionInfo"].items() if not key.startswith("_")}
    return shown

