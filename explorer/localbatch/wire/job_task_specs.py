"""Reading a job's preparation and release tasks into their stored wire shape, with Batch's defaults."""

from __future__ import annotations

from explorer.localbatch.wire.bodies import Body
from explorer.localbatch.wire.durations import UNLIMITED
from explorer.localbatch.wire.errors import invalid_value
from explorer.localbatch.wire.request_specs import read_run_parts

PREPARATION_ID = "jobpreparation"
RELEASE_ID = "jobrelease"


def _common(body: Body, default_id: str) -> dict:
    return {
        "id": body.id() if body.has("id") else default_id,
        "commandLine": body.str("commandLine", required=True),
        **read_run_parts(body),
    }


def read_preparation_task(body: Body | None) -> dict | None:
    """jobPreparationTask: waitForSuccess and rerunOnNodeRebootAfterSuccess default to true, as on Batch."""
    if body is None:
        return None
    spec = _common(body, PREPARATION_ID)
    constraints = body.obj("constraints")
    spec["constraints"] = {
        "maxWallClockTime": (constraints.duration("maxWallClockTime") if constraints else None) or UNLIMITED,
        "retentionTime": (constraints.duration("retentionTime") if constraints else None) or "P7D",
        "maxTaskRetryCount": (constraints.int("maxTaskRetryCount", minimum=-1) if constraints else None) or 0,
    }
    for flag in ("waitForSuccess", "rerunOnNodeRebootAfterSuccess"):
        value = body.bool(flag)
        spec[flag] = True if value is None else value
    return spec


def read_release_task(body: Body | None, preparation: dict | None) -> dict | None:
    """jobReleaseTask: only with a preparation task, an id of its own; runs at most 15 minutes by default."""
    if body is None:
        return None
    if preparation is None:
        raise invalid_value(
            "jobReleaseTask", "given", "A job release task can be given only with a job preparation task (jobPreparationTask)."
        )
    spec = _common(body, RELEASE_ID)
    if spec["id"].lower() == preparation["id"].lower():
        raise invalid_value("jobReleaseTask.id", spec["id"], "The job release task needs an id other than the preparation task's.")
    spec["maxWallClockTime"] = body.duration("maxWallClockTime") or "PT15M"
    spec["retentionTime"] = body.duration("retentionTime") or "P7D"
    return spec
