"""Colours shared by the widgets: Batch node states and instance phases.

Mid-tone colours that read on both light and dark backgrounds; related states
share a hue (start-up in purples, maintenance in oranges, failures in reds).
"""

from __future__ import annotations

from explorer.core.timeline import Phase

# Every state of a Batch compute node, in legend order.
NODE_STATE_COLORS: dict[str, str] = {
    "idle": "#64b5f6",
    "running": "#2e7d32",
    "creating": "#d1c4e9",
    "starting": "#b39ddb",
    "waitingforstarttask": "#9575cd",
    "starttaskfailed": "#e53935",
    "unusable": "#b71c1c",
    "rebooting": "#ffcc80",
    "reimaging": "#ffa726",
    "upgradingos": "#ef6c00",
    "leavingpool": "#a1887f",
    "offline": "#616161",
    "preempted": "#f06292",
    "deallocating": "#90a4ae",
    "deallocated": "#455a64",
    "unknown": "#bdbdbd",
}

PHASE_COLORS: dict[Phase, str] = {
    Phase.WAITING_FOR_NODE: "#bdbdbd",
    Phase.DOWNLOADING: "#64b5f6",
    Phase.COORDINATING: "#9575cd",
    Phase.READY: "#ffca28",
    Phase.RUNNING: "#43a047",
    Phase.COMPLETED: "#1b5e20",
    Phase.FAILED: "#e53935",
    Phase.UNKNOWN: "#9e9e9e",  # drawn as an empty dashed box, not a fill
}

# Task states as the job history stacks them (completed split by result), in the timeline's hues.
TASK_STATE_COLORS: dict[str, str] = {
    "active": PHASE_COLORS[Phase.WAITING_FOR_NODE],
    "preparing": PHASE_COLORS[Phase.COORDINATING],
    "running": PHASE_COLORS[Phase.RUNNING],
    "succeeded": PHASE_COLORS[Phase.COMPLETED],
    "failed": PHASE_COLORS[Phase.FAILED],
}
