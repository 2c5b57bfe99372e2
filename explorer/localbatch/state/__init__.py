"""The service's state: Batch documents in memory, written through to SQLite.

`documents` (the `State`: pools, nodes, jobs, tasks and subtasks as wire JSON, with
Batch's 404s) and `store` (the SQLite file, WAL).

May import wire only.
"""
