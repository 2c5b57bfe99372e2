"""Phases of the instances of a multi-instance task, as plain data.

The task watch (explorer/client/watching/task_watch.py) derives these from task,
subtask and file observations; the instance timeline widget draws them. Kept free
of Qt so both sides can use it.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime


class Phase(enum.Enum):
    """What one instance (primary or subtask) of a multi-instance task is doing."""

    WAITING_FOR_NODE = "waiting_for_node"
    DOWNLOADING = "downloading"
    COORDINATING = "coordinating"
    READY = "ready"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    UNKNOWN = "unknown"
    """Not a phase of Batch's: a span the service has not reported on (a transition known only
    to lie somewhere in it, or the time since the service last answered)."""

    @property
    def is_terminal(self) -> bool:
        """Terminal phases are instants: nothing of the instance happens after them."""
        return self in (Phase.COMPLETED, Phase.FAILED)

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass(frozen=True)
class PhaseSegment:
    """One phase of one instance; ``end`` is None while the phase is still going on."""

    phase: Phase
    start: datetime
    end: datetime | None = None
    after: Phase | None = None
    """For an UNKNOWN span: the phase known to have come before it (it is that one or a later one)."""


@dataclass(frozen=True)
class InstancePhases:
    """All phases of one instance; instance 0 is the primary, the others are subtasks."""

    instance_id: int
    node_id: str | None
    segments: Sequence[PhaseSegment] = ()
