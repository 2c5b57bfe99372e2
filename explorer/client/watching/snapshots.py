"""Frozen snapshots of what the UI shows, built from SDK models fetched with `$select`.

Each class lists the REST properties it needs in `SELECT`; nothing else is requested.
States are plain strings (the REST values: "idle", "running", ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any, ClassVar


def enum_text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value.value) if isinstance(value, Enum) else str(value)


def failure_text(info: Any) -> str | None:
    """'code: message' of a failureInfo / error, or None."""
    if info is None:
        return None
    code, message = getattr(info, "code", None), getattr(info, "message", None)
    return ": ".join(part for part in (code, message) if part) or None


@dataclass(frozen=True)
class PoolSnapshot:
    id: str
    state: str | None
    allocation_state: str | None
    vm_size: str | None
    current_dedicated_nodes: int
    current_low_priority_nodes: int
    target_dedicated_nodes: int
    target_low_priority_nodes: int
    inter_node_communication: bool
    task_slots_per_node: int | None

    SELECT: ClassVar[tuple[str, ...]] = (
        "id", "state", "allocationState", "vmSize", "currentDedicatedNodes", "currentLowPriorityNodes",
        "targetDedicatedNodes", "targetLowPriorityNodes", "enableInterNodeCommunication", "taskSlotsPerNode",
    )

    @classmethod
    def from_model(cls, pool: Any) -> PoolSnapshot:
        return cls(
            id=pool.id,
            state=enum_text(pool.state),
            allocation_state=enum_text(pool.allocation_state),
            vm_size=pool.vm_size,
            current_dedicated_nodes=pool.current_dedicated_nodes or 0,
            current_low_priority_nodes=pool.current_low_priority_nodes or 0,
            target_dedicated_nodes=pool.target_dedicated_nodes or 0,
            target_low_priority_nodes=pool.target_low_priority_nodes or 0,
            inter_node_communication=bool(pool.enable_inter_node_communication),
            task_slots_per_node=pool.task_slots_per_node,
        )


@dataclass(frozen=True)
class NodeSnapshot:
    id: str
    state: str | None
    scheduling_state: str | None
    ip_address: str | None
    state_transition_time: datetime | None
    running_tasks_count: int
    total_tasks_run: int
    error: str | None
    dedicated: bool = True
    """False for a low-priority (spot) node."""
    running_task_slots: int = 0
    """Task slots in use (a task may need more than one), for the heatmap's slot shading."""

    SELECT: ClassVar[tuple[str, ...]] = (
        "id", "state", "schedulingState", "ipAddress", "stateTransitionTime", "runningTasksCount",
        "totalTasksRun", "errors", "isDedicated", "runningTaskSlotsCount",
    )

    @classmethod
    def from_model(cls, node: Any) -> NodeSnapshot:
        return cls(
            id=node.id,
            state=enum_text(node.state),
            scheduling_state=enum_text(node.scheduling_state),
            ip_address=node.ip_address,
            state_transition_time=node.state_transition_time,
            running_tasks_count=node.running_tasks_count or 0,
            total_tasks_run=node.total_tasks_run or 0,
            error=failure_text(node.errors[0]) if node.errors else None,
            dedicated=node.is_dedicated is not False,
            running_task_slots=node.running_task_slots_count or 0,
        )


@dataclass(frozen=True)
class JobSnapshot:
    id: str
    display_name: str | None
    state: str | None
    pool_id: str | None
    creation_time: datetime | None

    SELECT: ClassVar[tuple[str, ...]] = ("id", "displayName", "state", "poolInfo", "creationTime")

    @classmethod
    def from_model(cls, job: Any) -> JobSnapshot:
        return cls(
            id=job.id,
            display_name=job.display_name,
            state=enum_text(job.state),
            pool_id=job.pool_info.pool_id if job.pool_info else None,
            creation_time=job.creation_time,
        )


@dataclass(frozen=True)
class TaskSnapshot:
    id: str
    display_name: str | None
    state: str | None
    state_transition_time: datetime | None
    instances: int
    """numberOfInstances of a multi-instance task; 1 for an ordinary task."""
    pool_id: str | None
    node_id: str | None
    start_time: datetime | None
    end_time: datetime | None
    exit_code: int | None
    retry_count: int
    failure: str | None
    # The service's own times of the task's life, for the task watch (selected by TaskQuery only:
    # a job's task list of 10,000 tasks does not need them).
    creation_time: datetime | None = None
    previous_state: str | None = None
    previous_state_transition_time: datetime | None = None
    requeue_count: int = 0

    SELECT: ClassVar[tuple[str, ...]] = (
        "id", "displayName", "state", "stateTransitionTime", "multiInstanceSettings", "nodeInfo", "executionInfo",
    )
    WATCH_SELECT: ClassVar[tuple[str, ...]] = SELECT + ("creationTime", "previousState", "previousStateTransitionTime")

    @classmethod
    def from_model(cls, task: Any) -> TaskSnapshot:
        execution, node = task.execution_info, task.node_info
        settings = task.multi_instance_settings
        return cls(
            id=task.id,
            display_name=task.display_name,
            state=enum_text(task.state),
            state_transition_time=task.state_transition_time,
            instances=(settings.number_of_instances or 1) if settings else 1,
            pool_id=node.pool_id if node else None,
            node_id=node.node_id if node else None,
            start_time=execution.start_time if execution else None,
            end_time=execution.end_time if execution else None,
            exit_code=execution.exit_code if execution else None,
            retry_count=(execution.retry_count or 0) if execution else 0,
            failure=failure_text(execution.failure_info) if execution else None,
            creation_time=task.creation_time,
            previous_state=enum_text(task.previous_state),
            previous_state_transition_time=task.previous_state_transition_time,
            requeue_count=(execution.requeue_count or 0) if execution else 0,
        )

    @property
    def attempt(self) -> int:
        """1 for the first run; one more for every retry and requeue."""
        return 1 + self.retry_count + self.requeue_count


@dataclass(frozen=True)
class SubtaskSnapshot:
    id: int
    state: str | None
    pool_id: str | None
    node_id: str | None
    task_root_directory: str | None
    """Where this instance's files are in the node-files API (coordination stdout/stderr)."""
    start_time: datetime | None
    end_time: datetime | None
    exit_code: int | None
    failure: str | None
    state_transition_time: datetime | None = None
    previous_state: str | None = None
    previous_state_transition_time: datetime | None = None

    SELECT: ClassVar[tuple[str, ...]] = (
        "id", "state", "nodeInfo", "startTime", "endTime", "exitCode", "failureInfo",
        "stateTransitionTime", "previousState", "previousStateTransitionTime",
    )

    @classmethod
    def from_model(cls, subtask: Any) -> SubtaskSnapshot:
        node = subtask.node_info
        return cls(
            id=int(subtask.id),
            state=enum_text(subtask.state),
            pool_id=node.pool_id if node else None,
            node_id=node.node_id if node else None,
            task_root_directory=node.task_root_directory if node else None,
            start_time=subtask.start_time,
            end_time=subtask.end_time,
            exit_code=subtask.exit_code,
            failure=failure_text(subtask.failure_info),
            state_transition_time=subtask.state_transition_time,
            previous_state=enum_text(subtask.previous_state),
            previous_state_transition_time=subtask.previous_state_transition_time,
        )


@dataclass(frozen=True)
class FileProbe:
    """What the service said about one of a task's files: its times and size, or why it is not there."""

    name: str
    created: datetime | None = None
    modified: datetime | None = None
    size: int | None = None
    absent: str | None = None
    """Why there is no such file: "FileNotFound", or the service's code for a task whose files
    are unavailable (Local Batch: TaskFilesUnavailable while it has no node). None if it exists."""

    @property
    def exists(self) -> bool:
        return self.absent is None
