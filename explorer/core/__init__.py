"""Plain Python, no Qt, no I/O: specs, checks, MPI command lines, az-batch-compatible JSON.

Rooms (each importing only what its own docstring names; import-linter contracts in
pyproject.toml):

    specs/        what a wizard fills in: tasks, pools, jobs and their parts
    checks/       every mistake as a Problem with its fix, pool-aware
    batch_json/   the JSON `az batch ... create --json-file` accepts, in and out
    mpi/          MPI presets and a preview of what a node runs

and, shared by all: `durations` (ISO-8601 durations as Batch writes them; `duration_texts` says
its refusals for the window) and
`timeline` (the phases of a multi-instance task's instances, as plain data).

Imports nothing of ours, and never Qt or the SDK.
"""
