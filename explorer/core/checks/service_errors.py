"""Which field a Batch error code is about, so that a wizard can show a refused
submission beside the field to change, with a fix."""

from __future__ import annotations

from typing import NamedTuple

from explorer.core.checks.problems import Problem
from explorer.core.texts import QT_TRANSLATE_NOOP, Template, Text

# The field path used when an error concerns no field in particular.
SERVICE_FIELD = "service"


class _Where(NamedTuple):
    field: str
    fix: Template


# Task wizard fields: task_id, job_id (the Target page), pool (the Instances page).
_TASK_ERRORS = {
    "TaskExists": _Where("task_id", QT_TRANSLATE_NOOP(
        "ServiceErrors", "Choose another task ID; IDs are unique within a job (case-insensitively).")),
    "JobNotFound": _Where("job_id", QT_TRANSLATE_NOOP("ServiceErrors", "Choose an existing job, or create a new one.")),
    "JobExists": _Where("job_id", QT_TRANSLATE_NOOP(
        "ServiceErrors", "Choose this job under 'Existing job', or give the new job another ID.")),
    "JobCompleted": _Where("job_id", QT_TRANSLATE_NOOP(
        "ServiceErrors", "A completed job takes no new tasks: create a new job.")),
    "JobBeingDeleted": _Where("job_id", QT_TRANSLATE_NOOP("ServiceErrors", "Choose another job, or create a new one.")),
    "JobBeingTerminated": _Where("job_id", QT_TRANSLATE_NOOP(
        "ServiceErrors", "A job being terminated takes no new tasks: create a new job.")),
    "JobDisabled": _Where("job_id", QT_TRANSLATE_NOOP("ServiceErrors", "Enable the job, or create a new one.")),
    "PoolNotFound": _Where("pool", QT_TRANSLATE_NOOP(
        "ServiceErrors", "Choose another pool, or create one for MPI tasks.")),
    "PoolBeingDeleted": _Where("pool", QT_TRANSLATE_NOOP(
        "ServiceErrors", "Choose another pool, or create one for MPI tasks.")),
}

# Pool wizard fields: id (the Pool page).
_POOL_ERRORS = {
    "PoolExists": _Where("id", QT_TRANSLATE_NOOP(
        "ServiceErrors", "Choose another pool ID; IDs are unique within the account (case-insensitively).")),
    "PoolBeingDeleted": _Where("id", QT_TRANSLATE_NOOP(
        "ServiceErrors", "Wait until the old pool is deleted, or choose another pool ID.")),
    "PoolQuotaReached": _Where(SERVICE_FIELD, QT_TRANSLATE_NOOP(
        "ServiceErrors", "Delete an unused pool, or ask for a higher pool quota.")),
}


def task_submission_problem(code: str | None, message: str) -> Problem:
    """The problem to show for a refused job or task creation."""
    return _problem(_TASK_ERRORS, code, message)


def pool_creation_problem(code: str | None, message: str) -> Problem:
    """The problem to show for a refused pool creation."""
    return _problem(_POOL_ERRORS, code, message)


def _problem(table: dict[str, _Where], code: str | None, message: str) -> Problem:
    where = table.get(code or "")
    if where is None:
        return Problem(SERVICE_FIELD, message, Text.of(QT_TRANSLATE_NOOP(
            "ServiceErrors", "Correct the value the message names, then submit again.")))
    return Problem(where.field, message, Text.of(where.fix))
