"""Jobs as the JSON ``az batch job create --json-file`` accepts (and ``BatchJobCreateOptions`` loads)."""

from __future__ import annotations

from explorer.core.specs.job_spec import JobSpec


def to_batch_json(spec: JobSpec) -> dict[str, object]:
    """The job body of a new job: its id on its pool."""
    return {"id": spec.id, "poolInfo": {"poolId": spec.pool_id}}
