"""Why a queued task is not running, from the job, pool and node snapshots the monitor has.

    reasons = why_waiting(task, job, pool, nodes)   # a tuple of WaitReason, most important first

Batch says nothing about why a task waits; what it waits for can be read off what the
views already poll. A multi-instance task runs only on a pool with inter-node
communication and one task slot per node, once as many nodes as it has instances are
idle at the same time (batch-notes.md); an ordinary task needs one free slot. Each
reason says what is seen and, where the user can change it, what to do; `blocking`
marks what keeps the task waiting for good as things stand (nothing will change it by
itself), the rest are waits that end by themselves (nodes starting, a resize).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from explorer.client.watching.queries import NODE_TRANSITIONAL
from explorer.client.watching.snapshots import JobSnapshot, NodeSnapshot, PoolSnapshot, TaskSnapshot

UNAVAILABLE = frozenset({"unusable", "starttaskfailed", "offline", "preempted", "deallocated", "unknown"})


@dataclass(frozen=True)
class WaitReason:
    text: str
    blocking: bool = False
    """Nothing will change it by itself: the user has to act (or the task waits for good)."""


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
        return (WaitReason(f"Job {job.id} is {job.state}: its tasks are not scheduled.", blocking=True),)
    if job.pool_id is None:
        return ()  # an auto pool: nothing to read it off
    if pool_missing:
        return (WaitReason(f"Pool {job.pool_id} does not exist: create it, or move the job to another pool.",
                           blocking=True),)
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
        reasons.append(WaitReason(f"Pool {pool.id} lacks inter-node communication: a multi-instance task never runs "
                                  "on it. Use a pool created with inter-node communication enabled.", blocking=True))
    if needed > 1 and (pool.task_slots_per_node or 1) > 1:
        reasons.append(WaitReason(f"Pool {pool.id} has {pool.task_slots_per_node} task slots per node: a "
                                  "multi-instance task runs only on pools with 1.", blocking=True))
    target = pool.target_dedicated_nodes + pool.target_low_priority_nodes
    current = pool.current_dedicated_nodes + pool.current_low_priority_nodes
    if pool.state == "deleting":
        reasons.append(WaitReason(f"Pool {pool.id} is being deleted.", blocking=True))
    elif target < needed:
        resizing = " (resizing to it)" if pool.allocation_state == "resizing" else ""
        reasons.append(WaitReason(f"Needs {_nodes(needed)} at once, but pool {pool.id} is set to have {target}"
                                  f"{resizing}: resize it to at least {needed}.", blocking=True))
    elif pool.allocation_state == "resizing":
        reasons.append(WaitReason(f"Pool {pool.id} is resizing to {_nodes(target)} ({current} now)."))
    return reasons


def _node_reasons(task: TaskSnapshot, pool: PoolSnapshot, nodes: Mapping[str, NodeSnapshot]) -> list[WaitReason]:
    needed = task.instances
    counts: Counter[str] = Counter()
    for node in nodes.values():
        counts[_node_group(node, pool)] += 1
    free = counts["idle"] + (counts["running with free slots"] if needed == 1 else 0)
    if free >= needed:
        return [WaitReason(f"{_nodes(needed, 'idle node')} {'is' if needed == 1 else 'are'} there: the task starts "
                           "at the service's next scheduling pass.")]
    parts = [f"{count} {group}" for group, count in sorted(counts.items(), key=_group_order) if count]
    seen = ", ".join(parts) if parts else "the pool has no nodes"
    want = _nodes(needed, "idle node") + (" at once" if needed > 1 else "")
    usable = sum(count for group, count in counts.items() if group not in ("unavailable", "scheduling disabled"))
    blocking = usable < needed and pool.allocation_state != "resizing"
    advice = " Resize the pool, or re-enable scheduling on its nodes." if blocking else ""
    return [WaitReason(f"Needs {want}: {seen}.{advice}", blocking=blocking)]


GROUPS = ("idle", "running with free slots", "running tasks", "starting", "scheduling disabled", "unavailable", "other")


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


def _nodes(count: int, word: str = "node") -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
