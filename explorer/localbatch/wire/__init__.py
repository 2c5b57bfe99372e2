"""Batch's wire forms, as the service writes and reads them.

`errors` (Batch error bodies and codes), `clock` (times and ETags), `bodies` (typed
reading of request bodies with Batch's 400s) and `request_specs` (the parts of pool,
job and task bodies they share, in their stored shape).

Imports nothing of ours but `explorer.core.durations`.
"""
