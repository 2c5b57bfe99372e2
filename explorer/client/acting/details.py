"""Everything a details panel shows about one pool, node or task, as frozen dataclasses.

Snapshots (watching/snapshots.py) are the few fields a list or a heatmap polls; these
are the whole object, read once when a view opens or the user refreshes. How they are
shown is the UI's business (explorer/ui/property_rows.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from explorer.client.watching.snapshots import TaskSnapshot, enum_text, failure_text


@dataclass(frozen=True)
class PoolDetails:
    id: str
    display_name: str | None
    state: str | None
    allocation_state: str | None
    vm_size: str | None
    image: str | None
    node_agent_sku_id: str | None
    target_dedicated_nodes: int
    target_low_priority_nodes: int
    current_dedicated_nodes: int
    current_low_priority_nodes: int
    inter_node_communication: bool
    task_slots_per_node: int
    start_task_command: str | None
    creation_time: datetime | None
    resize_errors: tuple[str, ...]

    @classmethod
    def from_model(cls, pool: Any) -> PoolDetails:
        vm = pool.virtual_machine_configuration
        reference = vm.image_reference if vm else None
        image = None
        if reference is not None:
            parts = (reference.publisher, reference.offer, reference.sku, reference.version)
            image = ":".join(p for p in parts if p) or reference.virtual_machine_image_id
        return cls(
            id=pool.id,
            display_name=pool.display_name,
            state=enum_text(pool.state),
            allocation_state=enum_text(pool.allocation_state),
            vm_size=pool.vm_size,
            image=image,
            node_agent_sku_id=vm.node_agent_sku_id if vm else None,
            target_dedicated_nodes=pool.target_dedicated_nodes or 0,
            target_low_priority_nodes=pool.target_low_priority_nodes or 0,
            current_dedicated_nodes=pool.current_dedicated_nodes or 0,
            current_low_priority_nodes=pool.current_low_priority_nodes or 0,
            inter_node_communication=bool(pool.enable_inter_node_communication),
            task_slots_per_node=pool.task_slots_per_node or 1,
            start_task_command=pool.start_task.command_line if pool.start_task else None,
            creation_time=pool.creation_time,
            resize_errors=tuple(filter(None, (failure_text(e) for e in pool.resize_errors or ()))),
        )



@dataclass(frozen=True)
class StartTaskDetails:
    command_line: str | None
    state: str | None
    exit_code: int | None
    start_time: datetime | None
    end_time: datetime | None
    retry_count: int
    failure: str | None


@dataclass(frozen=True)
class RecentTask:
    job_id: str | None
    task_id: str | None
    subtask_id: int | None
    state: str | None
    exit_code: int | None


@dataclass(frozen=True)
class NodeDetails:
    id: str
    state: str | None
    scheduling_state: str | None
    ip_address: str | None
    vm_size: str | None
    dedicated: bool
    allocation_time: datetime | None
    last_boot_time: datetime | None
    total_tasks_run: int
    total_tasks_succeeded: int
    running_tasks_count: int
    errors: tuple[str, ...]
    start_task: StartTaskDetails | None
    recent_tasks: tuple[RecentTask, ...]

    @classmethod
    def from_model(cls, node: Any) -> NodeDetails:
        info = node.start_task_info
        start_task = None
        if node.start_task is not None or info is not None:
            start_task = StartTaskDetails(
                command_line=node.start_task.command_line if node.start_task else None,
                state=enum_text(info.state) if info else None,
                exit_code=info.exit_code if info else None,
                start_time=info.start_time if info else None,
                end_time=info.end_time if info else None,
                retry_count=(info.retry_count or 0) if info else 0,
                failure=failure_text(info.failure_info) if info else None,
            )
        recent = tuple(
            RecentTask(
                job_id=t.job_id,
                task_id=t.task_id,
                subtask_id=t.subtask_id,
                state=enum_text(t.task_state),
                exit_code=t.execution_info.exit_code if t.execution_info else None,
            )
            for t in node.recent_tasks or ()
        )
        return cls(
            id=node.id,
            state=enum_text(node.state),
            scheduling_state=enum_text(node.scheduling_state),
            ip_address=node.ip_address,
            vm_size=node.vm_size,
            dedicated=node.is_dedicated is not False,
            allocation_time=node.allocation_time,
            last_boot_time=node.last_boot_time,
            total_tasks_run=node.total_tasks_run or 0,
            total_tasks_succeeded=node.total_tasks_succeeded or 0,
            running_tasks_count=node.running_tasks_count or 0,
            errors=tuple(filter(None, (failure_text(e) for e in node.errors or ()))),
            start_task=start_task,
            recent_tasks=recent,
        )



@dataclass(frozen=True)
class TaskDetails:
    """The whole task: what it runs, with what, and (`summary`) where it stands."""

    summary: TaskSnapshot
    command_line: str | None
    coordination_command: str | None
    common_resource_files: int
    resource_files: int
    environment: tuple[tuple[str, str], ...]
    max_wall_clock_time: str | None
    max_retries: int | None
    creation_time: datetime | None

    @classmethod
    def from_model(cls, task: Any) -> TaskDetails:
        settings, constraints = task.multi_instance_settings, task.constraints
        return cls(
            summary=TaskSnapshot.from_model(task),
            command_line=task.command_line,
            coordination_command=settings.coordination_command_line if settings else None,
            common_resource_files=len(settings.common_resource_files or ()) if settings else 0,
            resource_files=len(task.resource_files or ()),
            environment=tuple((e.name, e.value or "") for e in task.environment_settings or ()),
            max_wall_clock_time=str(constraints.max_wall_clock_time)
            if constraints and constraints.max_wall_clock_time else None,
            max_retries=constraints.max_task_retry_count if constraints else None,
            creation_time=task.creation_time,
        )



@dataclass(frozen=True)
class TaskCounts:
    active: int
    running: int
    completed: int
    succeeded: int
    failed: int

    @classmethod
    def from_model(cls, result: Any) -> TaskCounts:
        counts = result.task_counts
        return cls(counts.active, counts.running, counts.completed, counts.succeeded, counts.failed)


@dataclass(frozen=True)
class FileEntry:
    """One child in a file listing: `path` is relative to the task or node root."""

    path: str
    name: str
    is_directory: bool
    size: int | None
    modified: datetime | None
