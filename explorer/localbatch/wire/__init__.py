"""Batch's wire forms, as the service writes and reads them.

`errors` (Batch error bodies and codes), `clock` (times and ETags), `bodies` (typed
reading of request bodies with Batch's 400s), `request_specs` (the parts of pool,
job and task bodies they share, in their stored shape), and the readers of
`job_task_specs` (job preparation and release tasks), `output_file_specs` (outputFiles)
and `mount_specs` (mountConfiguration).

Imports nothing of ours but `explorer.core.durations`.
"""
