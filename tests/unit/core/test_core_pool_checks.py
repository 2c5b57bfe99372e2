"""validate_task's checks of a task against the pool it will run on."""

from dataclasses import replace

import pytest

from explorer.core.checks.validation import validate_task
from explorer.core.mpi.mpi_presets import MpiPreset, build_commands
from explorer.core.specs.os_family import OsFamily
from explorer.core.specs.pool_info import AllocationState


def test_task_fitting_the_pool_has_no_problems(task, pool_info):
    assert validate_task(task, pool_info) == []


def test_inter_node_communication_off(task, pool_info):
    [problem] = validate_task(task, replace(pool_info, enable_inter_node_communication=False))
    assert problem.field == "pool"
    assert (
        str(problem.message)
        == "Pool 'mpi-pool' does not allow inter-node communication, so the task would stay queued forever."
    )
    assert (
        str(problem.fix) == "Choose or create a pool with inter-node communication enabled (it cannot be turned on later)."
    )
    assert problem.fix_action == ("create_pool", None)


def test_several_task_slots_per_node(task, pool_info):
    [problem] = validate_task(task, replace(pool_info, task_slots_per_node=4))
    assert str(problem.message) == (
        "Pool 'mpi-pool' has 4 task slots per node; multi-instance tasks run only on pools with 1, "
        "so the task would stay queued forever."
    )
    assert problem.fix_action == ("create_pool", None)


def test_more_instances_than_nodes_is_a_warning_that_offers_a_resize(task, pool_info):
    problems = validate_task(replace(task, number_of_instances=8), pool_info)
    [problem] = [problem for problem in problems if problem.field == "number_of_instances"]
    assert not problem.blocking  # the pool may be resized or autoscale meanwhile
    assert problem.field == "number_of_instances"
    assert str(problem.message) == (
        "The task needs 8 nodes (one per instance) but pool 'mpi-pool' has 4; "
        "it would wait in the queue until the pool grows."
    )
    assert str(problem.fix) == "Resize the pool to 8 nodes, or lower the number of instances to 4."
    assert problem.fix_actions == (("resize", 8), ("set_instances", 4))


def test_low_priority_nodes_count(task, pool_info):
    pool = replace(pool_info, current_dedicated_nodes=2, current_low_priority_nodes=2)
    assert validate_task(task, pool) == []


def test_a_resizing_pool_is_judged_by_its_target(task, pool_info):
    growing = replace(
        pool_info, current_dedicated_nodes=0, target_dedicated_nodes=4, allocation_state=AllocationState.RESIZING
    )
    assert validate_task(task, growing) == []
    shrinking = replace(pool_info, target_dedicated_nodes=2, allocation_state=AllocationState.RESIZING)
    [problem] = validate_task(task, shrinking)
    assert "pool 'mpi-pool' is resizing to 2;" in str(problem.message)


def test_a_steady_pool_short_of_its_target_is_judged_by_its_nodes(task, pool_info):
    [problem] = validate_task(task, replace(pool_info, current_dedicated_nodes=1, target_dedicated_nodes=4))
    assert problem.fix_action == ("resize", 4)


def test_an_empty_pool_is_only_offered_a_resize(task, pool_info):
    [problem] = validate_task(task, replace(pool_info, current_dedicated_nodes=0))
    assert str(problem.fix) == "Resize the pool to 4 nodes."
    assert problem.fix_actions == (("resize", 4),)


def test_more_than_100_instances_is_reported_once_without_a_resize(task, pool_info):
    [problem] = validate_task(replace(task, number_of_instances=101), pool_info)
    assert problem.fix_action == ("set_instances", 100)


@pytest.mark.parametrize(
    ("pool_family", "task_family"),
    [(OsFamily.WINDOWS, OsFamily.LINUX), (OsFamily.LINUX, OsFamily.WINDOWS)],
)
def test_commands_for_the_other_os_family(task, pool_info, pool_family, task_family):
    preset = MpiPreset.MPICH if task_family is OsFamily.LINUX else MpiPreset.MS_MPI
    commands = build_commands(preset, "hello", 4, 1, task_family)
    spec = replace(
        task, command_line=commands.command_line, coordination_command_line=commands.coordination_command_line
    )
    problems = validate_task(spec, replace(pool_info, os_family=pool_family))
    assert [problem.field for problem in problems] == ["command_line", "coordination_command_line"]
    assert str(problems[0].message).endswith(
        f"runs on {task_family.value.title()} but pool 'mpi-pool' runs {pool_family.value.title()}."
    )
    assert (
        str(problems[0].fix)
        == f"Pick an MPI preset for {pool_family.value.title()}, or choose a {task_family.value.title()} pool."
    )


def test_every_pool_problem_is_reported(task, pool_info):
    pool = replace(pool_info, enable_inter_node_communication=False, task_slots_per_node=2, current_dedicated_nodes=1)
    assert [problem.fix_action for problem in validate_task(task, pool)] == [
        ("create_pool", None),
        ("create_pool", None),
        ("resize", 4),
    ]
