"""Every message validate_pool gives."""

from dataclasses import replace

import pytest

from explorer.core.checks.validation import validate_pool
from explorer.core.specs.environment import EnvironmentSetting
from explorer.core.specs.os_family import OsFamily
from explorer.core.specs.pool_spec import StartTask, VmImage
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.user_identity import UserIdentity


def test_valid_pool_has_no_problems(pool_spec):
    assert validate_pool(pool_spec) == []


@pytest.mark.parametrize(
    ("changes", "field", "message", "fix_action"),
    [
        ({"id": "my pool"}, "id", "The pool ID contains characters Batch does not allow: ' '.", None),
        ({"vm_size": ""}, "vm_size", "The VM size is empty.", None),
        ({"vm_size": "Standard D2"}, "vm_size", "The VM size 'Standard D2' contains spaces.", None),
        ({"target_dedicated_nodes": -1}, "target_dedicated_nodes", "The number of dedicated nodes is -1.", None),
        (
            {"target_low_priority_nodes": -2},
            "target_low_priority_nodes",
            "The number of low-priority nodes is -2.",
            None,
        ),
        (
            {"target_dedicated_nodes": 0},
            "target_dedicated_nodes",
            "The pool has no nodes, so no task could run on it.",
            None,
        ),
        (
            {"target_dedicated_nodes": 60, "target_low_priority_nodes": 41},
            "target_dedicated_nodes",
            "The pool asks for 101 nodes; Azure Batch pools with inter-node communication reach at most 100 "
            "(80 in user-subscription mode), so it would stop short.",
            None,
        ),
        (
            {"enable_inter_node_communication": False},
            "enable_inter_node_communication",
            "Inter-node communication is off, so multi-instance (MPI) tasks would wait in this pool forever.",
            ("enable_inter_node_communication", None),
        ),
        (
            {"task_slots_per_node": 0},
            "task_slots_per_node",
            "Task slots per node is 0; a node needs at least one.",
            ("set_task_slots_per_node", 1),
        ),
        (
            {"task_slots_per_node": 4},
            "task_slots_per_node",
            "Task slots per node is 4; Batch runs multi-instance tasks only on pools with 1.",
            ("set_task_slots_per_node", 1),
        ),
    ],
)
def test_pool_field_problems(pool_spec, changes, field, message, fix_action):
    [problem] = validate_pool(replace(pool_spec, **changes))
    assert (problem.field, str(problem.message), problem.fix_action) == (field, message, fix_action)
    assert problem.fix


def test_low_priority_nodes_alone_are_enough(pool_spec):
    assert validate_pool(replace(pool_spec, target_dedicated_nodes=0, target_low_priority_nodes=2)) == []


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("publisher", "publisher"),
        ("offer", "offer"),
        ("sku", "SKU"),
        ("version", "version"),
        ("node_agent_sku_id", "node agent SKU"),
    ],
)
def test_empty_image_fields(pool_spec, name, what):
    [problem] = validate_pool(replace(pool_spec, image=replace(pool_spec.image, **{name: " "})))
    assert (problem.field, str(problem.message)) == (f"image.{name}", f"The image {what} is empty.")
    assert str(problem.fix).startswith("Enter it, for example")


def test_start_task_parts_are_checked_with_their_paths(pool_spec):
    start_task = StartTask(
        command_line="",
        resource_files=(ResourceFile(http_url="https://h/x"),),
        environment_settings=(EnvironmentSetting("AZ_BATCH_X"),),
        user_identity=UserIdentity(),
    )
    problems = validate_pool(replace(pool_spec, start_task=start_task))
    assert [(problem.field, str(problem.message)) for problem in problems] == [
        ("start_task.command_line", "The start task command is empty."),
        ("start_task.resource_files[0].file_path", "A file downloaded from an HTTP URL needs a file path."),
        (
            "start_task.environment_settings[0].name",
            "'AZ_BATCH_X' is set by Batch itself (AZ_BATCH_* and CCP_NODES describe the nodes to MPI).",
        ),
        ("start_task.user_identity", "The user identity names neither a user nor an auto-user."),
    ]


@pytest.mark.parametrize(
    ("agent", "family"),
    [
        ("batch.node.ubuntu 24.04", OsFamily.LINUX),
        ("batch.node.windows amd64", OsFamily.WINDOWS),
        ("batch.node.el 9", OsFamily.LINUX),
    ],
)
def test_image_os_family_follows_the_node_agent(agent, family):
    assert VmImage("p", "o", "s", agent).os_family is family
