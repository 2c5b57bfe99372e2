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
from explorer.ui.translation import Texts, state_text, translated

Rows = list[tuple[str, str]]


class Formatting(Texts):
    """The translation context of this module's texts: `Formatting.tr("...")`."""


def format_time(value: datetime | None) -> str:
    """Local time to the second, '—' when unknown: how every panel and table shows a time."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S") if value else "—"


def show_value(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return Formatting.tr("yes") if value else Formatting.tr("no")
    if isinstance(value, datetime):
        return format_time(value)
    return str(value)


def format_size(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return Formatting.tr("{size} B").format(size=size)
    value = size / 1024
    units = (Formatting.tr("{size} KB"), Formatting.tr("{size} MB"), Formatting.tr("{size} GB"),
             Formatting.tr("{size} TB"))
    for unit in units:
        if value < 1024 or unit is units[-1]:
            break
        value /= 1024
    return unit.format(size=f"{value:.1f}")


def _of(current: int, target: int) -> str:
    return Formatting.tr("{current} of {target}").format(current=current, target=target)


def pool_rows(pool: PoolDetails) -> Rows:
    return [
        (Formatting.tr("Id"), pool.id),
        (Formatting.tr("Display name"), show_value(pool.display_name)),
        (Formatting.tr("State"), f"{state_text(pool.state)} / {state_text(pool.allocation_state)}"),
        (Formatting.tr("VM size"), show_value(pool.vm_size)),
        (Formatting.tr("Image"), show_value(pool.image)),
        (Formatting.tr("Node agent"), show_value(pool.node_agent_sku_id)),
        (Formatting.tr("Dedicated nodes"), _of(pool.current_dedicated_nodes, pool.target_dedicated_nodes)),
        (Formatting.tr("Low-priority nodes"), _of(pool.current_low_priority_nodes, pool.target_low_priority_nodes)),
        (Formatting.tr("Inter-node communication"), show_value(pool.inter_node_communication)),
        (Formatting.tr("Task slots per node"), str(pool.task_slots_per_node)),
        (Formatting.tr("Start task"), show_value(pool.start_task_command)),
        (Formatting.tr("Created"), format_time(pool.creation_time)),
        (Formatting.tr("Resize errors"), "; ".join(pool.resize_errors) or "—"),
    ]


def node_rows(node: NodeDetails) -> Rows:
    rows = [
        (Formatting.tr("Id"), node.id),
        (Formatting.tr("State"), Formatting.tr("{state} (scheduling {scheduling})").format(
            state=state_text(node.state), scheduling=state_text(node.scheduling_state))),
        (Formatting.tr("IP address"), show_value(node.ip_address)),
        (Formatting.tr("VM size"), show_value(node.vm_size)),
        (Formatting.tr("Priority"),
         Formatting.tr("dedicated") if node.dedicated else Formatting.tr("low priority / spot")),
        (Formatting.tr("Allocated"), format_time(node.allocation_time)),
        (Formatting.tr("Last boot"), format_time(node.last_boot_time)),
        (Formatting.tr("Tasks run"), Formatting.tr("{run} ({succeeded} succeeded)").format(
            run=node.total_tasks_run, succeeded=node.total_tasks_succeeded)),
        (Formatting.tr("Running tasks"), str(node.running_tasks_count)),
        (Formatting.tr("Errors"), "; ".join(node.errors) or "—"),
    ]
    if node.start_task is not None:
        st = node.start_task
        rows += [
            (Formatting.tr("Start task"), show_value(st.command_line)),
            (Formatting.tr("Start task state"), state_text(st.state)),
            (Formatting.tr("Start task exit code"), show_value(st.exit_code)),
            (Formatting.tr("Start task ran"), f"{format_time(st.start_time)} → {format_time(st.end_time)}"),
            (Formatting.tr("Start task retries"), str(st.retry_count)),
            (Formatting.tr("Start task failure"), show_value(st.failure)),
        ]
    return rows


def task_rows(details: TaskDetails) -> Rows:
    task = details.summary
    rows = [
        (Formatting.tr("Id"), task.id),
        (Formatting.tr("Display name"), show_value(task.display_name)),
        (Formatting.tr("State"), state_text(task.state)),
        (Formatting.tr("Application command"), show_value(details.command_line)),
    ]
    if task.instances > 1:
        rows += [
            (Formatting.tr("Instances"), str(task.instances)),
            (Formatting.tr("Coordination command"), show_value(details.coordination_command)),
            (Formatting.tr("Common resource files"), str(details.common_resource_files)),
        ]
    rows += [
        (Formatting.tr("Resource files"), str(details.resource_files)),
        (Formatting.tr("Environment"), ", ".join(f"{k}={v}" for k, v in details.environment) or "—"),
        (Formatting.tr("Max wall clock"), show_value(details.max_wall_clock_time)),
        (Formatting.tr("Max retries"), show_value(details.max_retries)),
        (Formatting.tr("Created"), format_time(details.creation_time)),
        (Formatting.tr("Primary node"), show_value(task.node_id)),
        (Formatting.tr("Ran"), f"{format_time(task.start_time)} → {format_time(task.end_time)}"),
        (Formatting.tr("Exit code"), show_value(task.exit_code)),
        (Formatting.tr("Retries"), str(task.retry_count)),
        (Formatting.tr("Failure"), show_value(task.failure)),
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
    return "\n".join(("⚠ " if reason.blocking else "• ") + translated(reason.message)
                     for reason in snapshot.waiting)


def watch_progress(snapshot: TaskWatchSnapshot) -> Progress:
    """The coordination bar of a multi-instance task: only what the service has reported.

    Before the application starts, instances count as ready only when the service said so
    (a subtask's exit code 0 while it runs); once it started, all were (Batch starts it only
    then). After the end the bar says how it ended, not how far coordination got.
    """
    total, ready = snapshot.total, snapshot.ready
    stage, task = snapshot.stage, snapshot.task
    if stage is Stage.QUEUED:
        blocked = any(reason.blocking for reason in snapshot.waiting)
        if total > 1:
            text = (Formatting.tr("queued: waiting for {total} nodes (it cannot start as things stand: see why below)")
                    if blocked else Formatting.tr("queued: waiting for {total} nodes"))
        else:
            text = (Formatting.tr("queued: waiting for a node (it cannot start as things stand: see why below)")
                    if blocked else Formatting.tr("queued: waiting for a node"))
        progress = Progress(text.format(total=total), 0, total)
    elif stage is Stage.STARTING:
        text = (Formatting.tr("coordination: {ready} of {total} instances reported ready, {failed} failed")
                if snapshot.failed else Formatting.tr("coordination: {ready} of {total} instances reported ready"))
        progress = Progress(text.format(ready=ready, total=total, failed=snapshot.failed), ready, total)
    elif stage is Stage.RUNNING:
        text = Formatting.tr("application running: all {total} instances were ready").format(total=total)
        progress = Progress(text, total, total)
    elif stage is Stage.SUCCEEDED:
        text = Formatting.tr("completed: exit code {code}").format(code=task.exit_code if task else 0)
        progress = Progress(text, total, total, "success")
    elif stage is Stage.FAILED:
        reason = (task.failure if task else None) or Formatting.tr("exit code {code}").format(
            code=task.exit_code if task else "—")
        # How far coordination got matters only if it is why the application never ran.
        text = (Formatting.tr("failed: {reason} ({ready} of {total} instances reported ready)")
                if snapshot.application_ran is False else Formatting.tr("failed: {reason}"))
        progress = Progress(text.format(reason=reason, ready=ready, total=total), ready, total, "failure")
    else:
        progress = Progress(Formatting.tr("the task does not exist"), 0, total, "failure")
    if snapshot.attempt > 1:
        text = Formatting.tr("attempt {attempt}, {progress}").format(attempt=snapshot.attempt, progress=progress.text)
        progress = Progress(text, progress.value, progress.maximum, progress.tone)
    if snapshot.unknown_since is not None and not snapshot.done:
        since = snapshot.unknown_since.astimezone().strftime("%H:%M:%S")
        text = Formatting.tr("{progress} — no answer from the service since {time}").format(
            progress=progress.text, time=since)
        progress = Progress(text, progress.value, progress.maximum, progress.tone)
    return progress
