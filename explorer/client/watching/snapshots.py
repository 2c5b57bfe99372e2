"""Frozen snapshots of what the UI shows, built from the JSON of `$select`ed answers.

Each class lists the REST properties it needs in `SELECT`; nothing else is requested.
`from_json` reads an item of a list page as the service sent it (the monitor decodes large
pages this way, off the UI loop, without building SDK models); `from_model` reads an SDK
model through the same code (`as_dict()` holds the wire names). States are plain strings
(the REST values: "idle", "running", ...).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from typing import Any, ClassVar

import isodate

Json = Mapping[str, Any]


def enum_text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value.value) if isinstance(value, Enum) else str(value)


def failure_text(info: Any) -> str | None:
    """'code: message' of a failureInfo / error (an SDK model or its JSON), or None."""
    if info is None:
        return None
    message = info.get("message") if isinstance(info, Mapping) else getattr(info, "message", None)
    return ": ".join(part for part in (failure_code(info), message) if part) or None


def failure_code(info: Any) -> str | None:
    """The code of a failureInfo (an SDK model or its JSON), or None."""
    if info is None:
        return None
    code = info.get("code") if isinstance(info, Mapping) else getattr(info, "code", None)
    return str(code) if code else None


def parse_time(text: str | None) -> datetime | None:
    """A Batch JSON time ('2025-06-01T12:00:00.1234567Z') as an aware datetime, None if absent.

    `fromisoformat` is ~20 times faster than isodate, which the SDK uses; Python 3.10's knows
    neither 'Z' nor 7 fraction digits, and those fall back to isodate.
    """
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        moment = isodate.parse_datetime(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _from_sdk(model: Any) -> Json:
    return model.as_dict()


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
        return cls.from_json(_from_sdk(pool))

    @classmethod
    def from_json(cls, pool: Json) -> PoolSnapshot:
        return cls(
            id=pool["id"],
            state=pool.get("state"),
            allocation_state=pool.get("allocationState"),
            vm_size=pool.get("vmSize"),
            current_dedicated_nodes=pool.get("currentDedicatedNodes") or 0,
            current_low_priority_nodes=pool.get("currentLowPriorityNodes") or 0,
            target_dedicated_nodes=pool.get("targetDedicatedNodes") or 0,
            target_low_priority_nodes=pool.get("targetLowPriorityNodes") or 0,
            inter_node_communication=bool(pool.get("enableInterNodeCommunication")),
            task_slots_per_node=pool.get("taskSlotsPerNode"),
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
        return cls.from_json(_from_sdk(node))

    @classmethod
    def from_json(cls, node: Json) -> NodeSnapshot:
        errors = node.get("errors")
        return cls(
            id=node["id"],
            state=node.get("state"),
            scheduling_state=node.get("schedulingState"),
            ip_address=node.get("ipAddress"),
            state_transition_time=parse_time(node.get("stateTransitionTime")),
            running_tasks_count=node.get("runningTasksCount") or 0,
            total_tasks_run=node.get("totalTasksRun") or 0,
            error=failure_text(errors[0]) if errors else None,
            dedicated=node.get("isDedicated") is not False,
            running_task_slots=node.get("runningTaskSlotsCount") or 0,
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
        return cls.from_json(_from_sdk(job))

    @classmethod
    def from_json(cls, job: Json) -> JobSnapshot:
        return cls(
            id=job["id"],
            display_name=job.get("displayName"),
            state=job.get("state"),
            pool_id=(job.get("poolInfo") or {}).get("poolId"),
            creation_time=parse_time(job.get("creationTime")),
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
    failure_code: str | None = None
    """The failure's Batch code (`BlobNotFound`, `FailureExitCode`, ...), as the service sent it."""

    SELECT: ClassVar[tuple[str, ...]] = (
        "id", "displayName", "state", "stateTransitionTime", "multiInstanceSettings", "nodeInfo", "executionInfo",
    )
    WATCH_SELECT: ClassVar[tuple[str, ...]] = SELECT + ("creationTime", "previousState", "previousStateTransitionTime")

    @classmethod
    def from_model(cls, task: Any) -> TaskSnapshot:
        return cls.from_json(_from_sdk(task))

    @classmethod
    def from_json(cls, task: Json) -> TaskSnapshot:
        execution, node = task.get("executionInfo") or {}, task.get("nodeInfo") or {}
        return cls(
            id=task["id"],
            display_name=task.get("displayName"),
            state=task.get("state"),
            state_transition_time=parse_time(task.get("stateTransitionTime")),
            instances=(task.get("multiInstanceSettings") or {}).get("numberOfInstances") or 1,
            pool_id=node.get("poolId"),
            node_id=node.get("nodeId"),
            start_time=parse_time(execution.get("startTime")),
            end_time=parse_time(execution.get("endTime")),
            exit_code=execution.get("exitCode"),
            retry_count=execution.get("retryCount") or 0,
            failure=failure_text(execution.get("failureInfo")),
            creation_time=parse_time(task.get("creationTime")),
            previous_state=task.get("previousState"),
            previous_state_transition_time=parse_time(task.get("previousStateTransitionTime")),
            requeue_count=execution.get("requeueCount") or 0,
            failure_code=failure_code(execution.get("failureInfo")),
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
    failure_code: str | None = None
    """The failure's Batch code, as the service sent it."""

    SELECT: ClassVar[tuple[str, ...]] = (
        "id", "state", "nodeInfo", "startTime", "endTime", "exitCode", "failureInfo",
        "stateTransitionTime", "previousState", "previousStateTransitionTime",
    )

    @classmethod
    def from_model(cls, subtask: Any) -> SubtaskSnapshot:
        return cls.from_json(_from_sdk(subtask))

    @classmethod
    def from_json(cls, subtask: Json) -> SubtaskSnapshot:
        node = subtask.get("nodeInfo") or {}
        return cls(
            id=int(subtask["id"]),
            state=subtask.get("state"),
            pool_id=node.get("poolId"),
            node_id=node.get("nodeId"),
            task_root_directory=node.get("taskRootDirectory"),
            start_time=parse_time(subtask.get("startTime")),
            end_time=parse_time(subtask.get("endTime")),
            exit_code=subtask.get("exitCode"),
            failure=failure_text(subtask.get("failureInfo")),
            state_transition_time=parse_time(subtask.get("stateTransitionTime")),
            previous_state=subtask.get("previousState"),
            previous_state_transition_time=parse_time(subtask.get("previousStateTransitionTime")),
            failure_code=failure_code(subtask.get("failureInfo")),
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
