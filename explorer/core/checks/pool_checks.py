"""Whether a multi-instance task can run on a given pool.

Batch does not refuse a task its pool cannot run: the task stays queued
("active") forever. These checks say why before submitting, and offer a fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from explorer.core.checks.problems import FixAction, FixKind, Problem, Severity
from explorer.core.specs.os_family import OsFamily
from explorer.core.specs.pool_info import AllocationState, PoolInfo
from explorer.core.specs.task_spec import MAX_INSTANCES, MultiInstanceTaskSpec
from explorer.core.texts import QT_TRANSLATE_NOOP, Text

# The first word of a command line that only one OS family can run.
_SHELL_OF = {
    "/bin/bash": OsFamily.LINUX,
    "/bin/sh": OsFamily.LINUX,
    "cmd": OsFamily.WINDOWS,
    "cmd.exe": OsFamily.WINDOWS,
}


def task_on_pool_problems(spec: MultiInstanceTaskSpec, pool: PoolInfo) -> Iterator[Problem]:
    if not pool.enable_inter_node_communication:
        yield Problem(
            "pool",
            Text.of(QT_TRANSLATE_NOOP(
                "PoolChecks", "Pool '{pool}' does not allow inter-node communication, so the task would stay "
                "queued forever."), pool=pool.id),
            Text.of(QT_TRANSLATE_NOOP("PoolChecks", "Choose or create a pool with inter-node communication enabled (it "
                                      "cannot be turned on later).")),
            FixAction(FixKind.CREATE_POOL),
        )
    if pool.task_slots_per_node != 1:
        yield Problem(
            "pool",
            Text.of(QT_TRANSLATE_NOOP(
                "PoolChecks", "Pool '{pool}' has {slots} task slots per node; multi-instance tasks run only on "
                "pools with 1, so the task would stay queued forever."),
                    pool=pool.id, slots=pool.task_slots_per_node),
            Text.of(QT_TRANSLATE_NOOP("PoolChecks", "Choose or create a pool with 1 task slot per node (it cannot be "
                                      "changed later).")),
            FixAction(FixKind.CREATE_POOL),
        )
    yield from _node_shortage_problems(spec, pool)
    yield from _os_mismatch_problems(spec, pool)


def _node_shortage_problems(spec: MultiInstanceTaskSpec, pool: PoolInfo) -> Iterator[Problem]:
    needed = spec.number_of_instances
    available = pool.nodes_to_expect
    # Counts outside 1..MAX_INSTANCES are reported by the spec's own checks.
    if not 1 <= needed <= MAX_INSTANCES or available >= needed:
        return
    if pool.allocation_state is AllocationState.RESIZING:
        message = QT_TRANSLATE_NOOP("PoolChecks", "The task needs {needed} nodes (one per instance) but pool '{pool}' "
                                    "is resizing to {available}; it would wait in the queue until the pool grows.")
    else:
        message = QT_TRANSLATE_NOOP("PoolChecks", "The task needs {needed} nodes (one per instance) but pool '{pool}' "
                                    "has {available}; it would wait in the queue until the pool grows.")
    # A warning: the pool may autoscale or be resized later, and a queued task then runs.
    yield Problem(
        "number_of_instances",
        Text.of(message, needed=needed, pool=pool.id, available=available),
        Text.of(QT_TRANSLATE_NOOP("PoolChecks", "Resize the pool to {needed} nodes, or lower the number of instances "
                                  "to {available}."), needed=needed, available=available)
        if available
        else Text.of(QT_TRANSLATE_NOOP("PoolChecks", "Resize the pool to {needed} nodes."), needed=needed),
        FixAction(FixKind.RESIZE_POOL, needed),
        (FixAction(FixKind.SET_INSTANCES, available),) if available else (),
        severity=Severity.WARNING,
    )


def _os_mismatch_problems(spec: MultiInstanceTaskSpec, pool: PoolInfo) -> Iterator[Problem]:
    commands = {"command_line": spec.command_line, "coordination_command_line": spec.coordination_command_line}
    for field, command in commands.items():
        words = command.split(maxsplit=1)
        family = _SHELL_OF.get(words[0].lower()) if words else None
        if family is not None and family is not pool.os_family:
            yield Problem(
                field,
                Text.of(QT_TRANSLATE_NOOP("PoolChecks", "The command starts with '{shell}', which runs on {family} but "
                                          "pool '{pool}' runs {pool_family}."),
                        shell=words[0], family=family.value.title(),
                        pool=pool.id, pool_family=pool.os_family.value.title()),
                Text.of(QT_TRANSLATE_NOOP(
                    "PoolChecks", "Pick an MPI preset for {pool_family}, or choose a {family} pool."),
                        pool_family=pool.os_family.value.title(), family=family.value.title()),
            )
