"""How values read in the window, and the label/value rows of a pool, node or task.

Every view formats the same way: times in local time to the second, sizes in B/KB/MB/GB,
"—" for unknown, yes/no for flags.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from explorer.client.acting.details import NodeDetails, PoolDetails, TaskDetails
from explorer.client.watching.task_watch import Stage, TaskWatchSnapshot

Rows = list[tuple[str, str]]


def format_time(value: datetime | None) -> str:
    """Local time to the second, '—' when unknown: how every panel and table shows a time."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S") if value else "—"


def show_value(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return format_time(value)
    return str(value)


def format_size(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    value = size / 1024
    for unit in ("KB", "MB", "GB", "TB"):
        if value < 1024 or unit == "TB":
            break
        value /= 1024
    return f"{value:.1f} {unit}"


def pool_rows(pool: PoolDetails) -> Rows:
    return [
        ("Id", pool.id),
        ("Display name", show_value(pool.display_name)),
        ("State", f"{show_value(pool.state)} / {show_value(pool.allocation_state)}"),
        ("VM size", show_value(pool.vm_size)),
        ("Image", show_value(pool.image)),
        ("Node agent", show_value(pool.node_agent_sku_id)),
        ("Dedicated nodes", f"{pool.current_dedicated_nodes} of {pool.target_dedicated_nodes}"),
        ("Low-priority nodes", f"{pool.current_low_priority_nodes} of {pool.target_low_priority_nodes}"),
        ("Inter-node communication", show_value(pool.inter_node_communication)),
        ("Task slots per node", str(pool.task_slots_per_node)),
        ("Start task", show_value(pool.start_task_command)),
        ("Created", format_time(pool.creation_time)),
        ("Resize errors", "; ".join(pool.resize_errors) or "—"),
    ]


def node_rows(node: NodeDetails) -> Rows:
    rows = [
        ("Id", node.id),
        ("State", f"{show_value(node.state)} (scheduling {show_value(node.scheduling_state)})"),
        ("IP address", show_value(node.ip_address)),
        ("VM size", show_value(node.vm_size)),
        ("Priority", "dedicated" if node.dedicated else "low priority / spot"),
        ("Allocated", format_time(node.allocation_time)),
        ("Last boot", format_time(node.last_boot_time)),
        ("Tasks run", f"{node.total_tasks_run} ({node.total_tasks_succeeded} succeeded)"),
        ("Running tasks", str(node.running_tasks_count)),
        ("Errors", "; ".join(node.errors) or "—"),
    ]
    if node.start_task is not None:
        st = node.start_task
        rows += [
            ("Start task", show_value(st.command_line)),
            ("Start task state", show_value(st.state)),
            ("Start task exit code", show_value(st.exit_code)),
            ("Start task ran", f"{format_time(st.start_time)} → {format_time(st.end_time)}"),
            ("Start task retries", str(st.retry_count)),
            ("Start task failure", show_value(st.failure)),
        ]
    return rows


def task_rows(details: TaskDetails) -> Rows:
    task = details.summary
    rows = [
        ("Id", task.id),
        ("Display name", show_value(task.display_name)),
        ("State", show_value(task.state)),
        ("Application command", show_value(details.command_line)),
    ]
    if task.instances > 1:
        rows += [
            ("Instances", str(task.instances)),
            ("Coordination command", show_value(details.coordination_command)),
            ("Common resource files", str(details.common_resource_files)),
        ]
    rows += [
        ("Resource files", str(details.resource_files)),
        ("Environment", ", ".join(f"{k}={v}" for k, v in details.environment) or "—"),
        ("Max wall clock", show_value(details.max_wall_clock_time)),
        ("Max retries", show_value(details.max_retries)),
        ("Created", format_time(details.creation_time)),
        ("Primary node", show_value(task.node_id)),
        ("Ran", f"{format_time(task.start_time)} → {format_time(task.end_time)}"),
        ("Exit code", show_value(task.exit_code)),
        ("Retries", str(task.retry_count)),
        ("Failure", show_value(task.failure)),
    ]
    return rows


@dataclass(frozen=True)
class Progress:
    """What a progress bar says: its text, how full it is, and its tone ("", "success", "failure")."""

    text: str
    value: int
    maximum: int
    tone: str = ""


def wait_text(snapshot: TaskWatchSnapshot) -> str:
    """Why a queued task waits, one reason a line ("" when not queued or nothing is seen yet)."""
    if snapshot.stage is not Stage.QUEUED or not snapshot.waiting:
        return ""
    return "\n".join(("⚠ " if reason.blocking else "• ") + reason.text for reason in snapshot.waiting)


def watch_progress(snapshot: TaskWatchSnapshot) -> Progress:
    """The coordination bar of a multi-instance task: only what the service has reported.

    Before the application starts, instances count as ready only when the service said so
    (a subtask's exit code 0 while it runs); once it started, all were (Batch starts it only
    then). After the end the bar says how it ended, not how far coordination got.
    """
    total, ready = snapshot.total, snapshot.ready
    stage, task = snapshot.stage, snapshot.task
    if stage is Stage.QUEUED:
        waiting = f"queued: waiting for {total} nodes" if total > 1 else "queued: waiting for a node"
        if any(reason.blocking for reason in snapshot.waiting):
            waiting += " (it cannot start as things stand: see why below)"
        progress = Progress(waiting, 0, total)
    elif stage is Stage.STARTING:
        failed = f", {snapshot.failed} failed" if snapshot.failed else ""
        progress = Progress(f"coordination: {ready} of {total} instances reported ready{failed}", ready, total)
    elif stage is Stage.RUNNING:
        progress = Progress(f"application running: all {total} instances were ready", total, total)
    elif stage is Stage.SUCCEEDED:
        progress = Progress(f"completed: exit code {task.exit_code if task else 0}", total, total, "success")
    elif stage is Stage.FAILED:
        reason = (task.failure if task else None) or f"exit code {task.exit_code if task else '—'}"
        # How far coordination got matters only if it is why the application never ran.
        got = f" ({ready} of {total} instances reported ready)" if snapshot.application_ran is False else ""
        progress = Progress(f"failed: {reason}{got}", ready, total, "failure")
    else:
        progress = Progress("the task does not exist", 0, total, "failure")
    if snapshot.attempt > 1:
        progress = Progress(f"attempt {snapshot.attempt}, {progress.text}", progress.value, progress.maximum, progress.tone)
    if snapshot.unknown_since is not None and not snapshot.done:
        since = snapshot.unknown_since.astimezone().strftime("%H:%M:%S")
        progress = Progress(f"{progress.text} — no answer from the service since {since}", progress.value,
                            progress.maximum, progress.tone)
    return progress
