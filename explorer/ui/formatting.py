"""How values read in the window, and the label/value rows of a pool, node or task.

Every view formats the same way: times in local time to the second, sizes in B/KB/MB/GB,
"—" for unknown, yes/no for flags.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from explorer.client.acting.details import NodeDetails, PoolDetails, TaskDetails
from explorer.client.watching.task_watch import Stage, TaskWatchSnapshot

Rows = list[tuple[str, str]]


def tr(text: str) -> str:
    """`text` in the user's language (the labels and texts here are shown by several views)."""
    return QCoreApplication.translate("formatting", text)


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
        (tr("Id"), pool.id),
        (tr("Display name"), show_value(pool.display_name)),
        (tr("State"), f"{show_value(pool.state)} / {show_value(pool.allocation_state)}"),
        (tr("VM size"), show_value(pool.vm_size)),
        (tr("Image"), show_value(pool.image)),
        (tr("Node agent"), show_value(pool.node_agent_sku_id)),
        (tr("Dedicated nodes"), f"{pool.current_dedicated_nodes} of {pool.target_dedicated_nodes}"),
        (tr("Low-priority nodes"), f"{pool.current_low_priority_nodes} of {pool.target_low_priority_nodes}"),
        (tr("Inter-node communication"), show_value(pool.inter_node_communication)),
        (tr("Task slots per node"), str(pool.task_slots_per_node)),
        (tr("Start task"), show_value(pool.start_task_command)),
        (tr("Created"), format_time(pool.creation_time)),
        (tr("Resize errors"), "; ".join(pool.resize_errors) or "—"),
    ]


def node_rows(node: NodeDetails) -> Rows:
    rows = [
        (tr("Id"), node.id),
        (tr("State"), f"{show_value(node.state)} (scheduling {show_value(node.scheduling_state)})"),
        (tr("IP address"), show_value(node.ip_address)),
        (tr("VM size"), show_value(node.vm_size)),
        (tr("Priority"), "dedicated" if node.dedicated else "low priority / spot"),
        (tr("Allocated"), format_time(node.allocation_time)),
        (tr("Last boot"), format_time(node.last_boot_time)),
        (tr("Tasks run"), f"{node.total_tasks_run} ({node.total_tasks_succeeded} succeeded)"),
        (tr("Running tasks"), str(node.running_tasks_count)),
        (tr("Errors"), "; ".join(node.errors) or "—"),
    ]
    if node.start_task is not None:
        st = node.start_task
        rows += [
            (tr("Start task"), show_value(st.command_line)),
            (tr("Start task state"), show_value(st.state)),
            (tr("Start task exit code"), show_value(st.exit_code)),
            (tr("Start task ran"), f"{format_time(st.start_time)} → {format_time(st.end_time)}"),
            (tr("Start task retries"), str(st.retry_count)),
            (tr("Start task failure"), show_value(st.failure)),
        ]
    return rows


def task_rows(details: TaskDetails) -> Rows:
    task = details.summary
    rows = [
        (tr("Id"), task.id),
        (tr("Display name"), show_value(task.display_name)),
        (tr("State"), show_value(task.state)),
        (tr("Application command"), show_value(details.command_line)),
    ]
    if task.instances > 1:
        rows += [
            (tr("Instances"), str(task.instances)),
            (tr("Coordination command"), show_value(details.coordination_command)),
            (tr("Common resource files"), str(details.common_resource_files)),
        ]
    rows += [
        (tr("Resource files"), str(details.resource_files)),
        (tr("Environment"), ", ".join(f"{k}={v}" for k, v in details.environment) or "—"),
        (tr("Max wall clock"), show_value(details.max_wall_clock_time)),
        (tr("Max retries"), show_value(details.max_retries)),
        (tr("Created"), format_time(details.creation_time)),
        (tr("Primary node"), show_value(task.node_id)),
        (tr("Ran"), f"{format_time(task.start_time)} → {format_time(task.end_time)}"),
        (tr("Exit code"), show_value(task.exit_code)),
        (tr("Retries"), str(task.retry_count)),
        (tr("Failure"), show_value(task.failure)),
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
        waiting = tr("queued: waiting for %1 nodes").replace("%1", str(total)) if total > 1 else \
            tr("queued: waiting for a node")
        if any(reason.blocking for reason in snapshot.waiting):
            waiting += tr(" (it cannot start as things stand: see why below)")
        progress = Progress(waiting, 0, total)
    elif stage is Stage.STARTING:
        failed = tr(", %1 failed").replace("%1", str(snapshot.failed)) if snapshot.failed else ""
        text = tr("coordination: %1 of %2 instances reported ready").replace("%1", str(ready)).replace("%2", str(total))
        progress = Progress(text + failed, ready, total)
    elif stage is Stage.RUNNING:
        progress = Progress(tr("application running: all %1 instances were ready").replace("%1", str(total)), total, total)
    elif stage is Stage.SUCCEEDED:
        code = str(task.exit_code if task else 0)
        progress = Progress(tr("completed: exit code %1").replace("%1", code), total, total, "success")
    elif stage is Stage.FAILED:
        reason = (task.failure if task else None) or tr("exit code %1").replace("%1", str(task.exit_code if task else "—"))
        # How far coordination got matters only if it is why the application never ran.
        got = tr(" (%1 of %2 instances reported ready)").replace("%1", str(ready)).replace("%2", str(total))
        progress = Progress(tr("failed: ") + reason + (got if snapshot.application_ran is False else ""), ready, total,
                            "failure")
    else:
        progress = Progress(tr("the task does not exist"), 0, total, "failure")
    if snapshot.attempt > 1:
        attempt = tr("attempt %1, ").replace("%1", str(snapshot.attempt))
        progress = Progress(attempt + progress.text, progress.value, progress.maximum, progress.tone)
    if snapshot.unknown_since is not None and not snapshot.done:
        since = snapshot.unknown_since.astimezone().strftime("%H:%M:%S")
        silent = tr(" — no answer from the service since %1").replace("%1", since)
        progress = Progress(progress.text + silent, progress.value, progress.maximum, progress.tone)
    return progress
