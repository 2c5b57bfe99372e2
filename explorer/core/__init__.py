"""Plain Python, no Qt, no I/O: specs, validation, MPI presets, az-batch-compatible JSON.

Specs (frozen dataclasses; derive changed copies with ``dataclasses.replace``):
``task_spec.MultiInstanceTaskSpec`` / ``TaskConstraints``, ``pool_spec.PoolSpec`` /
``VmImage`` / ``StartTask``, ``resource_files.ResourceFile``,
``environment.EnvironmentSetting``, ``user_identity.UserIdentity`` / ``AutoUser``.

Checks: ``validation.validate_task(spec, pool=None)`` and ``validation.validate_pool(spec)``
return ``problems.Problem`` lists; ``pool_info.PoolInfo`` makes task checks pool-aware;
``ids.check_id`` / ``ids.id_error`` check one id as it is typed.

Commands: ``mpi_presets.build_commands`` and ``mpi_presets.presets_for``;
``command_preview.preview_command`` shows what a node runs.

Wizards: ``job_spec.JobSpec`` (a new job), ``task_document.TaskDocument`` (a task file:
the spec plus Batch properties passed through), ``service_errors`` (a refused
submission as a Problem beside its field).

JSON: ``task_json`` / ``pool_json`` ``to_batch_json`` and ``from_batch_json``, raising
``json_reader.SpecFormatError``; ``durations`` parses and writes ISO-8601 durations.
"""
