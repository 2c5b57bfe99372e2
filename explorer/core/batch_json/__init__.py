"""Batch JSON in and out: exactly what `az batch task/pool/job create --json-file` accepts.

`task_json`, `pool_json`, `job_json` (`to_batch_json` / `from_batch_json`), `common_json`
(the parts they share), `json_reader` (errors that name the JSON path and the fix,
`SpecFormatError`) and `task_document` (a task file: the spec plus the Batch
properties the wizard does not edit, passed through).

May import `explorer.core.specs`, `explorer.core.durations` (and `duration_texts`) and
`explorer.core.texts`: its errors are `Text`s, for the window to show in the user's language.
"""
