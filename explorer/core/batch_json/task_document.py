"""A task JSON file as the wizard imports and exports it: the spec it edits, plus the
Batch task properties it does not edit, passed through unchanged.

Someone who exports from ``az batch task show`` or writes a template by hand may use
properties such as ``outputFiles`` that have no page in the wizard. Dropping them
would change the task; refusing them would refuse a valid file. So the documented
Batch task properties below travel along untouched, while anything else (a typo like
"commandline") is still refused by ``task_json.from_batch_json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from explorer.core.batch_json import task_json
from explorer.core.batch_json.json_reader import SpecFormatError
from explorer.core.specs.task_spec import MultiInstanceTaskSpec
from explorer.core.texts import QT_TRANSLATE_NOOP, Text

# Batch task-create properties (REST api-version 2025-06-01) that the wizard carries
# without editing them.
PASS_THROUGH_FIELDS = (
    "outputFiles",
    "exitConditions",
    "affinityInfo",
    "containerSettings",
    "dependsOn",
    "applicationPackageReferences",
    "authenticationTokenSettings",
    "requiredSlots",
)


@dataclass(frozen=True)
class TaskDocument:
    """``extra_fields`` maps pass-through property names to their JSON values."""

    spec: MultiInstanceTaskSpec
    extra_fields: dict[str, Any] = field(default_factory=dict, hash=False)


def document_from_json(data: object, *, job_id: str) -> TaskDocument:
    """Read a task body; raise SpecFormatError naming the JSON path of the first mistake."""
    if not isinstance(data, dict):
        raise SpecFormatError("$", Text.of(QT_TRANSLATE_NOOP(
            "BatchJson", "expected a task object {{...}}, as `az batch task create --json-file` takes.")))
    extra = {key: value for key, value in data.items() if key in PASS_THROUGH_FIELDS and value is not None}
    edited = {key: value for key, value in data.items() if key not in PASS_THROUGH_FIELDS}
    return TaskDocument(task_json.from_batch_json(edited, job_id=job_id), extra)


def document_to_json(document: TaskDocument) -> dict[str, object]:
    """The task body: the spec's JSON, then the pass-through properties."""
    return {**task_json.to_batch_json(document.spec), **document.extra_fields}
