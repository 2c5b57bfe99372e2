"""Keeping a node's running-task counts, state and recent tasks in step with placements."""

from __future__ import annotations

from explorer.localbatch.context import Context
from explorer.localbatch.state.documents import set_state

_RECENT_TASKS = 10


def occupy(ctx: Context, pool_id: str, node: dict, slots: int) -> None:
    node["runningTasksCount"] = node.get("runningTasksCount", 0) + 1
    node["runningTaskSlotsCount"] = node.get("runningTaskSlotsCount", 0) + slots
    if node["state"] == "idle":
        set_state(node, "running", previous=False)
    ctx.state.save_node(pool_id, node)


def release(
    ctx: Context, pool_id: str, node_id: str, slots: int, job_id: str, task: dict, subtask_id: int | None = None,
    *, ended: bool = True,
) -> None:
    """Free a task's slots on its node, if the node still exists.

    An attempt that `ended` is counted and recorded in the node's recent tasks; one cut off by
    the service stopping is neither (the next start requeues the task).
    """
    node = ctx.state.pool_nodes(pool_id).get(node_id.lower())
    if node is None:
        return
    node["runningTasksCount"] = max(0, node.get("runningTasksCount", 0) - 1)
    node["runningTaskSlotsCount"] = max(0, node.get("runningTaskSlotsCount", 0) - slots)
    if ended:
        _record(node, job_id, task, subtask_id)
    if node["state"] == "running" and node["runningTasksCount"] == 0:
        # A node whose scheduling is disabled and runs nothing is offline, as on Batch.
        set_state(node, "idle" if node.get("schedulingState", "enabled") == "enabled" else "offline", previous=False)
    ctx.state.save_node(pool_id, node)


def _record(node: dict, job_id: str, task: dict, subtask_id: int | None) -> None:
    """Count the task on the node and put it first in its recent tasks."""
    info = task.get("executionInfo") or {}
    node["totalTasksRun"] = node.get("totalTasksRun", 0) + 1
    if info.get("result") == "success":
        node["totalTasksSucceeded"] = node.get("totalTasksSucceeded", 0) + 1
    recent = {
        "taskUrl": task.get("url"),
        "jobId": job_id,
        "taskId": task["id"],
        "taskState": task.get("state"),
        "executionInfo": dict(info),
    }
    if subtask_id is not None:
        recent["subtaskId"] = subtask_id
    node["recentTasks"] = ([recent] + node.get("recentTasks", []))[:_RECENT_TASKS]
