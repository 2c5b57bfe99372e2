"""Why a queued task is not running, from the job, pool and node snapshots the monitor has.

    reasons = why_waiting(task, job, pool, nodes)   # a tuple of WaitReason, most important first

Batch says nothing about why a task waits; what it waits for can be read off what the
views already poll. A multi-instance task runs only on a pool with inter-node
communication and one task slot per node, once as many nodes as it has instances are
idle at the same time (batch-notes.md); an ordinary task needs one free slot. Each
reason says what is seen and, where the user can change it, what to do; `blocking`
marks what keeps the task waiting for good as things stand (nothing will change it by
itself), the rest are waits that end by themselves (nodes starting, a resize).

Each reason is a `Text` (template, context "WaitReasons", arguments): the window shows it in the
user's language, `text` is the English.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from explorer.client.watching.queries import NODE_TRANSITIONAL
from explorer.client.watching.snapshots import JobSnapshot, NodeSnapshot, PoolSnapshot, TaskSnapshot
from explorer.core.texts import QT_TRANSLATE_NOOP, Template, Text

UNAVAILABLE = frozenset({"unusable", "starttaskfailed", "offline", "preempted", "deallocated", "unknown"})


@dataclass(frozen=True)
class WaitReason:
    message: Text
    blocking: bool = False
    """Nothing will change it by itself: the user has to act (or the task waits for good)."""

    @property
    def text(self) -> str:
        return str(self.message)


def why_waiting(
    task: TaskSnapshot,
    job: JobSnapshot | None,
    pool: PoolSnapshot | None,
    nodes: Mapping[str, NodeSnapshot] | None,
    *,
    pool_missing: bool = False,
) -> tuple[WaitReason, ...]:
    """The reasons a queued (`active`) task waits, most important first; () when none can be seen
    (not queued, or too little known yet: the job, pool or nodes not polled)."""
    if task.state != "active" or job is None:
        return ()
    if job.state not in (None, "active"):
        template = QT_TRANSLATE_NOOP("WaitReasons", "Job {job} is {state}: its tasks are not scheduled.")
        # Batch's state name, in the context the window translates state names in (explorer.ui.translation).
        state = Text.of(Template("States", job.state))
        return (WaitReason(Text.of(template, job=job.id, state=state), blocking=True),)
    if job.pool_id is None:
        return ()  # an auto pool: nothing to read it off
    if pool_missing:
        return (WaitReason(Text.of(QT_TRANSLATE_NOOP(
            "WaitReasons", "Pool {pool} does not exist: create it, or move the job to another pool."),
            pool=job.pool_id), blocking=True),)
    if pool is None:
        return ()
    reasons = list(_pool_reasons(task, pool))
    if nodes is not None and not any(r.blocking for r in reasons):
        reasons.extend(_node_reasons(task, pool, nodes))
    return tuple(reasons)


def _pool_reasons(task: TaskSnapshot, pool: PoolSnapshot) -> list[WaitReason]:
    reasons = []
    needed = task.instances
    if needed > 1 and not pool.inter_node_communication:
        reasons.append(WaitReason(Text.of(QT_TRANSLATE_NOOP(
            "WaitReasons", "Pool {pool} lacks inter-node communication: a multi-instance task never runs on it. "
            "Use a pool created with inter-node communication enabled."), pool=pool.id), blocking=True))
    if needed > 1 and (pool.task_slots_per_node or 1) > 1:
        reasons.append(WaitReason(Text.of(QT_TRANSLATE_NOOP(
            "WaitReasons", "Pool {pool} has {slots} task slots per node: a multi-instance task runs only on pools "
            "with 1."), pool=pool.id, slots=pool.task_slots_per_node or 1), blocking=True))
    target = pool.target_dedicated_nodes + pool.target_low_priority_nodes
    current = pool.current_dedicated_nodes + pool.current_low_priority_nodes
    if pool.state == "deleting":
        reasons.append(WaitReason(Text.of(QT_TRANSLATE_NOOP("WaitReasons", "Pool {pool} is being deleted."),
                                          pool=pool.id), blocking=True))
    elif target < needed:
        if pool.allocation_state == "resizing":
            template = QT_TRANSLATE_NOOP("WaitReasons", "Needs {nodes} at once, but pool {pool} is set to have "
                                         "{target} (resizing to it): resize it to at least {needed}.")
        else:
            template = QT_TRANSLATE_NOOP("WaitReasons", "Needs {nodes} at once, but pool {pool} is set to have "
                                         "{target}: resize it to at least {needed}.")
        reasons.append(WaitReason(Text.of(template, nodes=_nodes(needed), pool=pool.id, target=target, needed=needed),
                                  blocking=True))
    elif pool.allocation_state == "resizing":
        reasons.append(WaitReason(Text.of(QT_TRANSLATE_NOOP("WaitReasons", "Pool {pool} is resizing to {nodes} "
                                                            "({current} now)."),
                                          pool=pool.id, nodes=_nodes(target), current=current)))
    return reasons


def _node_reasons(task: TaskSnapshot, pool: PoolSnapshot, nodes: Mapping[str, NodeSnapshot]) -> list[WaitReason]:
    needed = task.instances
    counts: Counter[str] = Counter()
    for node in nodes.values():
        counts[_node_group(node, pool)] += 1
    free = counts["idle"] + (counts["running with free slots"] if needed == 1 else 0)
    if free >= needed:
        template = (QT_TRANSLATE_NOOP("WaitReasons", "1 idle node is there: the task starts at the service's next "
                                      "scheduling pass.") if needed == 1 else
                    QT_TRANSLATE_NOOP("WaitReasons", "{count} idle nodes are there: the task starts at the service's "
                                      "next scheduling pass."))
        return [WaitReason(Text.of(template, count=needed))]
    parts = tuple(Text.of(GROUP_COUNTS[group], count=count)
                  for group, count in sorted(counts.items(), key=_group_order) if count)
    seen = parts or Text.of(QT_TRANSLATE_NOOP("WaitReasons", "the pool has no nodes"))
    usable = sum(count for group, count in counts.items() if group not in ("unavailable", "scheduling disabled"))
    blocking = usable < needed and pool.allocation_state != "resizing"
    if needed == 1:
        template = (QT_TRANSLATE_NOOP("WaitReasons", "Needs 1 idle node: {seen}. Resize the pool, or re-enable "
                                      "scheduling on its nodes.") if blocking else
                    QT_TRANSLATE_NOOP("WaitReasons", "Needs 1 idle node: {seen}."))
    else:
        template = (QT_TRANSLATE_NOOP("WaitReasons", "Needs {count} idle nodes at once: {seen}. Resize the pool, or "
                                      "re-enable scheduling on its nodes.") if blocking else
                    QT_TRANSLATE_NOOP("WaitReasons", "Needs {count} idle nodes at once: {seen}."))
    return [WaitReason(Text.of(template, count=needed, seen=seen), blocking=blocking)]


GROUPS = ("idle", "running with free slots", "running tasks", "starting", "scheduling disabled", "unavailable", "other")
GROUP_COUNTS = {
    "idle": QT_TRANSLATE_NOOP("WaitReasons", "{count} idle"),
    "running with free slots": QT_TRANSLATE_NOOP("WaitReasons", "{count} running with free slots"),
    "running tasks": QT_TRANSLATE_NOOP("WaitReasons", "{count} running tasks"),
    "starting": QT_TRANSLATE_NOOP("WaitReasons", "{count} starting"),
    "scheduling disabled": QT_TRANSLATE_NOOP("WaitReasons", "{count} scheduling disabled"),
    "unavailable": QT_TRANSLATE_NOOP("WaitReasons", "{count} unavailable"),
    "other": QT_TRANSLATE_NOOP("WaitReasons", "{count} other"),
}


def _group_order(item: tuple[str, int]) -> int:
    return GROUPS.index(item[0])


def _node_group(node: NodeSnapshot, pool: PoolSnapshot) -> str:
    state = node.state or "unknown"
    if node.scheduling_state == "disabled":
        return "scheduling disabled"
    if state == "idle":
        return "idle"
    if state == "running":
        used = max(node.running_task_slots, node.running_tasks_count, 1)
        return "running with free slots" if used < (pool.task_slots_per_node or 1) else "running tasks"
    if state in NODE_TRANSITIONAL:
        return "starting" if state in ("creating", "starting", "waitingforstarttask") else "other"
    if state in UNAVAILABLE:
        return "unavailable"
    return "other"


def _nodes(count: int) -> Text:
    if count == 1:
        return Text.of(QT_TRANSLATE_NOOP("WaitReasons", "1 node"))
    return Text.of(QT_TRANSLATE_NOOP("WaitReasons", "{count} nodes"), count=count)
