"""The job a task wizard creates when the user asks for a new one: an id on a pool."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core.field_checks import id_problems
from explorer.core.problems import Problem


@dataclass(frozen=True)
class JobSpec:
    id: str
    pool_id: str


def validate_job(spec: JobSpec) -> list[Problem]:
    """Problems on "job_id" and "pool_id", the task wizard's names for these fields."""
    problems = list(id_problems(spec.id, "job_id", "job ID"))
    if not spec.pool_id:
        problems.append(Problem("pool_id", "No pool is chosen.", "Choose the pool the job's tasks run on."))
    else:
        problems.extend(id_problems(spec.pool_id, "pool_id", "pool ID"))
    return problems


def to_batch_json(spec: JobSpec) -> dict[str, object]:
    """The job body for ``az batch job create --json-file`` or ``BatchJobCreateOptions``."""
    return {"id": spec.id, "poolInfo": {"poolId": spec.pool_id}}
