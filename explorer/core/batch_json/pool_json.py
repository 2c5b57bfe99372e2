"""Pools as the JSON ``az batch pool create --json-file`` accepts (the Batch REST
pool body, camelCase), and back.

Node counts, inter-node communication and task slots are always written, since
the spec's defaults (inter-node communication on) differ from Batch's (off).
Reading applies Batch's defaults to absent fields.
"""

from __future__ import annotations

from typing import TypeVar

from explorer.core.batch_json.common_json import (
    environment_from_json,
    environment_to_json,
    resource_files_from_json,
    resource_files_to_json,
    user_identity_from_json,
    user_identity_to_json,
)
from explorer.core.batch_json.json_reader import JsonObject, without_none
from explorer.core.specs.pool_spec import PoolSpec, StartTask, VmImage

T = TypeVar("T")


def to_batch_json(spec: PoolSpec) -> dict[str, object]:
    """The pool body for ``az batch pool create --json-file`` or ``BatchPoolCreateOptions``."""
    image = spec.image
    return without_none(
        {
            "id": spec.id,
            "vmSize": spec.vm_size,
            "virtualMachineConfiguration": {
                "imageReference": {
                    "publisher": image.publisher,
                    "offer": image.offer,
                    "sku": image.sku,
                    "version": image.version,
                },
                "nodeAgentSKUId": image.node_agent_sku_id,
            },
            "targetDedicatedNodes": spec.target_dedicated_nodes,
            "targetLowPriorityNodes": spec.target_low_priority_nodes,
            "enableInterNodeCommunication": spec.enable_inter_node_communication,
            "taskSlotsPerNode": spec.task_slots_per_node,
            "startTask": _start_task_to_json(spec.start_task) if spec.start_task is not None else None,
        }
    )


def from_batch_json(data: object) -> PoolSpec:
    """Read a pool body; raise SpecFormatError naming the JSON path of the first mistake."""
    pool = JsonObject(data)
    spec = PoolSpec(
        id=pool.string("id"),
        vm_size=pool.string("vmSize"),
        image=_image_from_json(pool.object("virtualMachineConfiguration")),
        target_dedicated_nodes=_or_default(pool.optional_integer("targetDedicatedNodes"), 0),
        target_low_priority_nodes=_or_default(pool.optional_integer("targetLowPriorityNodes"), 0),
        enable_inter_node_communication=_or_default(pool.optional_boolean("enableInterNodeCommunication"), False),
        task_slots_per_node=_or_default(pool.optional_integer("taskSlotsPerNode"), 1),
        start_task=_start_task_from_json(pool.optional_object("startTask")),
    )
    pool.finish()
    return spec


def _or_default(value: T | None, default: T) -> T:
    return default if value is None else value


def _image_from_json(configuration: JsonObject) -> VmImage:
    reference = configuration.object("imageReference")
    image = VmImage(
        publisher=reference.string("publisher"),
        offer=reference.string("offer"),
        sku=reference.string("sku"),
        version=_or_default(reference.optional_string("version"), "latest"),
        node_agent_sku_id=configuration.string("nodeAgentSKUId"),
    )
    reference.finish()
    configuration.finish()
    return image


def _start_task_to_json(start_task: StartTask) -> dict[str, object]:
    return without_none(
        {
            "commandLine": start_task.command_line,
            "resourceFiles": resource_files_to_json(start_task.resource_files) or None,
            "environmentSettings": environment_to_json(start_task.environment_settings) or None,
            "userIdentity": user_identity_to_json(start_task.user_identity)
            if start_task.user_identity is not None
            else None,
            "waitForSuccess": start_task.wait_for_success,
        }
    )


def _start_task_from_json(item: JsonObject | None) -> StartTask | None:
    if item is None:
        return None
    start_task = StartTask(
        command_line=item.string("commandLine"),
        resource_files=resource_files_from_json(item, "resourceFiles"),
        environment_settings=environment_from_json(item, "environmentSettings"),
        user_identity=user_identity_from_json(item, "userIdentity"),
        wait_for_success=_or_default(item.optional_boolean("waitForSuccess"), True),
    )
    item.finish()
    return start_task
