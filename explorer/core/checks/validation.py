"""Validation of task and pool specs: every mistake as a Problem with its fix.

An empty list means the spec can be submitted. ``validate_task`` also checks the
task against the pool it will run on when given a PoolInfo.
"""

from __future__ import annotations

from collections.abc import Iterator

from explorer.core.checks.field_checks import (
    command_line_problems,
    duration_problems,
    environment_problems,
    id_problems,
    resource_files_problems,
    user_identity_problems,
)
from explorer.core.checks.pool_checks import task_on_pool_problems
from explorer.core.checks.problems import FixAction, FixKind, Problem, Severity
from explorer.core.checks.rank_checks import rank_count_problems
from explorer.core.specs.job_spec import JobSpec
from explorer.core.specs.pool_info import PoolInfo
from explorer.core.specs.pool_spec import PoolSpec, StartTask, VmImage
from explorer.core.specs.task_spec import MAX_INSTANCES, UNLIMITED_RETRIES, MultiInstanceTaskSpec, TaskConstraints
from explorer.core.texts import QT_TRANSLATE_NOOP, Text

MAX_DISPLAY_NAME_LENGTH = 1024

_JOB_ID = Text.of(QT_TRANSLATE_NOOP("Validation", "job ID"))
_POOL_ID = Text.of(QT_TRANSLATE_NOOP("Validation", "pool ID"))
_TASK_ID = Text.of(QT_TRANSLATE_NOOP("Validation", "task ID"))


def validate_task(spec: MultiInstanceTaskSpec, pool: PoolInfo | None = None) -> list[Problem]:
    """All problems with ``spec``, plus those with running it on ``pool`` if given."""
    problems = list(_task_problems(spec))
    if pool is not None:
        problems.extend(task_on_pool_problems(spec, pool))
    return problems


def validate_pool(spec: PoolSpec) -> list[Problem]:
    """All problems with ``spec`` as a pool for multi-instance tasks."""
    return list(_pool_problems(spec))


def validate_job(spec: JobSpec) -> list[Problem]:
    """Problems on "job_id" and "pool_id", the task wizard's names for these fields."""
    problems = list(id_problems(spec.id, "job_id", _JOB_ID))
    if not spec.pool_id:
        problems.append(Problem("pool_id", Text.of(QT_TRANSLATE_NOOP("Validation", "No pool is chosen.")),
                                Text.of(QT_TRANSLATE_NOOP("Validation", "Choose the pool the job's tasks run on."))))
    else:
        problems.extend(id_problems(spec.pool_id, "pool_id", _POOL_ID))
    return problems


def _task_problems(spec: MultiInstanceTaskSpec) -> Iterator[Problem]:
    yield from id_problems(spec.job_id, "job_id", _JOB_ID)
    yield from id_problems(spec.task_id, "task_id", _TASK_ID)
    if spec.display_name is not None and len(spec.display_name) > MAX_DISPLAY_NAME_LENGTH:
        yield Problem(
            "display_name",
            Text.of(QT_TRANSLATE_NOOP(
                "Validation", "The display name is {length} characters long; Batch allows at most {most}."),
                length=len(spec.display_name), most=MAX_DISPLAY_NAME_LENGTH),
            Text.of(QT_TRANSLATE_NOOP("Validation", "Shorten it.")),
        )
    yield from command_line_problems(
        spec.command_line, "command_line", Text.of(QT_TRANSLATE_NOOP("Validation", "application command"))
    )
    yield from command_line_problems(
        spec.coordination_command_line, "coordination_command_line",
        Text.of(QT_TRANSLATE_NOOP("Validation", "coordination command")),
    )
    yield from _instance_count_problems(spec.number_of_instances)
    yield from rank_count_problems(spec)
    yield from resource_files_problems(spec.common_resource_files, "common_resource_files")
    yield from resource_files_problems(spec.resource_files, "resource_files")
    yield from environment_problems(spec.environment_settings, "environment_settings")
    yield from user_identity_problems(spec.user_identity, "user_identity")
    if spec.constraints is not None:
        yield from _constraints_problems(spec.constraints, "constraints")


def _instance_count_problems(count: int) -> Iterator[Problem]:
    if count < 1:
        yield Problem(
            "number_of_instances",
            Text.of(QT_TRANSLATE_NOOP("Validation", "The number of instances is {count}; a task needs at least one "
                                      "node."), count=count),
            Text.of(QT_TRANSLATE_NOOP("Validation", "Use 1 or more instances.")),
            FixAction(FixKind.SET_INSTANCES, 1),
        )
    elif count > MAX_INSTANCES:
        # A warning: the limit is Azure's (see MAX_INSTANCES), and Azure does not refuse the task.
        yield Problem(
            "number_of_instances",
            Text.of(QT_TRANSLATE_NOOP(
                "Validation", "{count} instances is more than the {most} nodes Azure Batch lets a pool with "
                "inter-node communication have (80 in user-subscription mode): there the task would never start."),
                count=count, most=MAX_INSTANCES),
            Text.of(QT_TRANSLATE_NOOP("Validation", "Use at most {most} instances, and more processes per node if you "
                                      "need more ranks."), most=MAX_INSTANCES),
            FixAction(FixKind.SET_INSTANCES, MAX_INSTANCES),
            severity=Severity.WARNING,
        )


def _constraints_problems(constraints: TaskConstraints, field: str) -> Iterator[Problem]:
    yield from duration_problems(
        constraints.max_wall_clock_time,
        f"{field}.max_wall_clock_time",
        Text.of(QT_TRANSLATE_NOOP("Validation", "maximum wall-clock time")),
        allow_zero=False,
        when_unset=Text.of(QT_TRANSLATE_NOOP("Validation", "no limit")),
    )
    yield from duration_problems(
        constraints.retention_time,
        f"{field}.retention_time",
        Text.of(QT_TRANSLATE_NOOP("Validation", "retention time")),
        allow_zero=True,
        when_unset=Text.of(QT_TRANSLATE_NOOP("Validation", "Batch's default of 7 days")),
    )
    retries = constraints.max_task_retry_count
    if retries is not None and retries < UNLIMITED_RETRIES:
        yield Problem(
            f"{field}.max_task_retry_count",
            Text.of(QT_TRANSLATE_NOOP(
                "Validation", "The maximum retry count is {retries}; Batch accepts 0 or more, or -1 for unlimited "
                "retries."), retries=retries),
            Text.of(QT_TRANSLATE_NOOP("Validation", "Use 0 for no retries.")),
        )


def _pool_problems(spec: PoolSpec) -> Iterator[Problem]:
    yield from id_problems(spec.id, "id", _POOL_ID)
    if not spec.vm_size.strip():
        yield Problem("vm_size", Text.of(QT_TRANSLATE_NOOP("Validation", "The VM size is empty.")),
                      Text.of(QT_TRANSLATE_NOOP("Validation", "Enter a size such as Standard_D2s_v3.")))
    elif any(character.isspace() for character in spec.vm_size):
        yield Problem(
            "vm_size",
            Text.of(QT_TRANSLATE_NOOP("Validation", "The VM size '{size}' contains spaces."), size=spec.vm_size),
            Text.of(QT_TRANSLATE_NOOP("Validation", "VM sizes are single words such as Standard_D2s_v3.")),
        )
    yield from _image_problems(spec.image, "image")
    yield from _node_count_problems(spec)
    if not spec.enable_inter_node_communication:
        yield Problem(
            "enable_inter_node_communication",
            Text.of(QT_TRANSLATE_NOOP(
                "Validation", "Inter-node communication is off, so multi-instance (MPI) tasks would wait in this "
                "pool forever.")),
            Text.of(QT_TRANSLATE_NOOP("Validation", "Turn inter-node communication on; it cannot be changed after the "
                                      "pool is created.")),
            FixAction(FixKind.ENABLE_INTER_NODE_COMMUNICATION),
        )
    if spec.task_slots_per_node < 1:
        yield Problem(
            "task_slots_per_node",
            Text.of(QT_TRANSLATE_NOOP("Validation", "Task slots per node is {slots}; a node needs at least one."),
                    slots=spec.task_slots_per_node),
            Text.of(QT_TRANSLATE_NOOP("Validation", "Use 1 task slot per node.")),
            FixAction(FixKind.SET_TASK_SLOTS_PER_NODE, 1),
        )
    elif spec.task_slots_per_node > 1:
        yield Problem(
            "task_slots_per_node",
            Text.of(QT_TRANSLATE_NOOP(
                "Validation", "Task slots per node is {slots}; Batch runs multi-instance tasks only on pools with "
                "1."), slots=spec.task_slots_per_node),
            Text.of(QT_TRANSLATE_NOOP("Validation", "Use 1 task slot per node, and run several MPI processes per node "
                                      "instead.")),
            FixAction(FixKind.SET_TASK_SLOTS_PER_NODE, 1),
        )
    if spec.start_task is not None:
        yield from _start_task_problems(spec.start_task, "start_task")


def _image_problems(image: VmImage, field: str) -> Iterator[Problem]:
    required = {
        "publisher": (QT_TRANSLATE_NOOP("Validation", "The image publisher is empty."), "Canonical"),
        "offer": (QT_TRANSLATE_NOOP("Validation", "The image offer is empty."), "ubuntu-24_04-lts"),
        "sku": (QT_TRANSLATE_NOOP("Validation", "The image SKU is empty."), "server"),
        "version": (QT_TRANSLATE_NOOP("Validation", "The image version is empty."), "latest"),
        "node_agent_sku_id": (QT_TRANSLATE_NOOP("Validation", "The image node agent SKU is empty."),
                              "batch.node.ubuntu 24.04"),
    }
    for name, (empty, example) in required.items():
        if not getattr(image, name).strip():
            yield Problem(f"{field}.{name}", Text.of(empty),
                          Text.of(QT_TRANSLATE_NOOP(
                              "Validation", "Enter it, for example '{example}'."), example=example))


def _node_count_problems(spec: PoolSpec) -> Iterator[Problem]:
    counts = {
        "target_dedicated_nodes": QT_TRANSLATE_NOOP("Validation", "The number of dedicated nodes is {count}."),
        "target_low_priority_nodes": QT_TRANSLATE_NOOP("Validation", "The number of low-priority nodes is {count}."),
    }
    negative = False
    for name, message in counts.items():
        count = getattr(spec, name)
        if count < 0:
            negative = True
            yield Problem(name, Text.of(message, count=count),
                          Text.of(QT_TRANSLATE_NOOP("Validation", "Use 0 or more.")))
    if negative:
        return
    if spec.target_nodes < 1:
        yield Problem(
            "target_dedicated_nodes",
            Text.of(QT_TRANSLATE_NOOP("Validation", "The pool has no nodes, so no task could run on it.")),
            Text.of(QT_TRANSLATE_NOOP("Validation", "Ask for at least 1 dedicated or low-priority node.")),
        )
    elif spec.enable_inter_node_communication and spec.target_nodes > MAX_INSTANCES:
        yield Problem(
            "target_dedicated_nodes",
            Text.of(QT_TRANSLATE_NOOP(
                "Validation", "The pool asks for {count} nodes; Azure Batch pools with inter-node communication "
                "reach at most {most} (80 in user-subscription mode), so it would stop short."),
                count=spec.target_nodes, most=MAX_INSTANCES),
            Text.of(QT_TRANSLATE_NOOP("Validation", "Ask for at most {most} nodes in total."), most=MAX_INSTANCES),
            severity=Severity.WARNING,
        )


def _start_task_problems(start_task: StartTask, field: str) -> Iterator[Problem]:
    yield from command_line_problems(start_task.command_line, f"{field}.command_line",
                                     Text.of(QT_TRANSLATE_NOOP("Validation", "start task command")))
    yield from resource_files_problems(start_task.resource_files, f"{field}.resource_files")
    yield from environment_problems(start_task.environment_settings, f"{field}.environment_settings")
    yield from user_identity_problems(start_task.user_identity, f"{field}.user_identity")
