"""Multi-instance tasks as the JSON ``az batch task create --json-file`` accepts
(the Batch REST task body, camelCase), and back.

Unset (None) fields and empty lists are left out, so Batch applies its defaults.
The job id is not part of the body: it is given separately when reading.
"""

from __future__ import annotations

from datetime import timedelta

from explorer.core.batch_json.common_json import (
    environment_from_json,
    environment_to_json,
    resource_files_from_json,
    resource_files_to_json,
    user_identity_from_json,
    user_identity_to_json,
)
from explorer.core.batch_json.json_reader import JsonObject, without_none
from explorer.core.durations import format_duration
from explorer.core.specs.task_spec import MultiInstanceTaskSpec, TaskConstraints
from explorer.core.texts import QT_TRANSLATE_NOOP, Text


def to_batch_json(spec: MultiInstanceTaskSpec) -> dict[str, object]:
    """The task body for ``az batch task create --json-file`` or ``BatchTaskCreateOptions``."""
    multi_instance = {
        "numberOfInstances": spec.number_of_instances,
        "coordinationCommandLine": spec.coordination_command_line,
        "commonResourceFiles": resource_files_to_json(spec.common_resource_files) or None,
    }
    return without_none(
        {
            "id": spec.task_id,
            "displayName": spec.display_name,
            "commandLine": spec.command_line,
            "multiInstanceSettings": without_none(multi_instance),
            "resourceFiles": resource_files_to_json(spec.resource_files) or None,
            "environmentSettings": environment_to_json(spec.environment_settings) or None,
            "userIdentity": user_identity_to_json(spec.user_identity) if spec.user_identity is not None else None,
            "constraints": _constraints_to_json(spec.constraints) if spec.constraints is not None else None,
        }
    )


def from_batch_json(data: object, *, job_id: str) -> MultiInstanceTaskSpec:
    """Read a task body; raise SpecFormatError naming the JSON path of the first mistake."""
    task = JsonObject(data)
    multi_instance = task.object("multiInstanceSettings", Text.of(QT_TRANSLATE_NOOP(
        "BatchJson", "{{numberOfInstances, coordinationCommandLine}}, without which this is not a multi-instance task")))
    spec = MultiInstanceTaskSpec(
        job_id=job_id,
        task_id=task.string("id"),
        display_name=task.optional_string("displayName"),
        command_line=task.string("commandLine"),
        number_of_instances=multi_instance.integer("numberOfInstances"),
        coordination_command_line=multi_instance.string("coordinationCommandLine"),
        common_resource_files=resource_files_from_json(multi_instance, "commonResourceFiles"),
        resource_files=resource_files_from_json(task, "resourceFiles"),
        environment_settings=environment_from_json(task, "environmentSettings"),
        user_identity=user_identity_from_json(task, "userIdentity"),
        constraints=_constraints_from_json(task.optional_object("constraints")),
    )
    multi_instance.finish()
    task.finish()
    return spec


def _constraints_to_json(constraints: TaskConstraints) -> dict[str, object]:
    return without_none(
        {
            "maxWallClockTime": _duration_or_none(constraints.max_wall_clock_time),
            "retentionTime": _duration_or_none(constraints.retention_time),
            "maxTaskRetryCount": constraints.max_task_retry_count,
        }
    )


def _duration_or_none(duration: timedelta | None) -> str | None:
    return None if duration is None else format_duration(duration)


def _constraints_from_json(item: JsonObject | None) -> TaskConstraints | None:
    if item is None:
        return None
    constraints = TaskConstraints(
        max_wall_clock_time=item.optional_duration("maxWallClockTime"),
        retention_time=item.optional_duration("retentionTime"),
        max_task_retry_count=item.optional_integer("maxTaskRetryCount"),
    )
    item.finish()
    return constraints
