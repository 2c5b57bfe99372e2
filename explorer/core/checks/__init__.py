"""Checks: every mistake in a spec as a `problems.Problem`, with its fix.

`validation.validate_task(spec, pool=None)`, `validate_pool`, `validate_job`;
`field_checks` (the parts tasks and pools share), `pool_checks` (a task against its pool),
`ids` (Batch id rules, as typed), `service_errors` (a refused submission as a Problem
beside its field).

May import `explorer.core.specs` and `explorer.core.durations`.
"""
