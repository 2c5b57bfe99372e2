"""The phases of every instance of a multi-instance task, accumulated from snapshots.

    tracker = PhaseTracker()
    tracker.observe(Observation(task, subtasks, at=now, application_started=...))
    timeline.set_instances(tracker.instances()); progress.set(tracker.ready_count(), tracker.total)

Each phase is a *milestone*: the first time it is known to have begun, from the
service's own times where a snapshot carries them (task and subtask start/end,
the task's state transition while it waits) and otherwise from when it was observed.
A segment runs from its milestone to the next one.

What the service tells, and what is inferred:
- waiting for a node: the task is active (every instance waits with it);
- downloading: from the instance's start time (primary: the task's, subtask: its own),
  the common resource files are fetched before the coordination command;
- coordinating: a subtask is `running`; the primary's coordination output file
  (`coordination-stdout.txt`) appeared — the service has no state for it;
- ready: a subtask that is still running and has exit code 0. Local Batch sets a
  subtask's exit code as soon as its coordination command ends; Azure only when it
  completes, so there (and for the primary, on both) readiness is inferred when the
  application starts: Batch runs the application only after every coordination
  command succeeded, so all instances were ready by then;
- application running: the primary's application output (`stdout.txt`) appeared —
  on both services it is created when the application command starts, and a
  task's `running` state does not say whether coordination is over;
- completed / failed: the subtask or task completed; failed when it has a failure or
  a non-zero exit code.

A new attempt (the task back to active after a retry or requeue, or a new start
time) starts the phases afresh: the timeline shows the current attempt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from explorer.client.watching.snapshots import SubtaskSnapshot, TaskSnapshot
from explorer.core.timeline import InstancePhases, Phase, PhaseSegment

ORDER = {phase: index for index, phase in enumerate(Phase)}


@dataclass(frozen=True)
class Observation:
    """One look at the task: its snapshot, its subtasks and what its primary's files say."""

    task: TaskSnapshot
    subtasks: Mapping[int, SubtaskSnapshot]
    at: datetime
    """When this was observed (the time used where the snapshot has none)."""
    coordination_started: datetime | None = None
    """When the primary's coordination output appeared, if it has."""
    application_started: datetime | None = None
    """When the primary's application output appeared, if it has."""


@dataclass
class _Instance:
    node_id: str | None = None
    milestones: dict[Phase, datetime] = field(default_factory=dict)

    def mark(self, phase: Phase, when: datetime | None) -> None:
        """The earliest time known for a phase wins; one terminal phase only."""
        if when is None or (phase.is_terminal and self.terminal not in (None, phase)):
            return
        known = self.milestones.get(phase)
        self.milestones[phase] = when if known is None else min(known, when)

    @property
    def terminal(self) -> Phase | None:
        return next((p for p in (Phase.COMPLETED, Phase.FAILED) if p in self.milestones), None)


class PhaseTracker:
    # The current attempt's observations (reset by _start_attempt).
    _attempt: datetime | None
    _instances: dict[int, _Instance]
    _waiting_since: datetime | None
    _ended: datetime | None
    _succeeded: bool

    def __init__(self) -> None:
        self._start_attempt(None)
        self.total = 0
        """numberOfInstances of the task (rows of the timeline)."""

    def observe(self, observation: Observation) -> None:
        task, at = observation.task, observation.at
        self._follow_attempts(task, at)
        self.total = task.instances
        if task.state == "active" and self._waiting_since is None:
            self._waiting_since = task.state_transition_time or at
        if self._waiting_since is not None:
            for number in range(self.total):
                self._instance(number).mark(Phase.WAITING_FOR_NODE, self._waiting_since)
        self._observe_primary(observation)
        for number, subtask in observation.subtasks.items():
            self._observe_subtask(self._instance(number), subtask, at)
        started = observation.application_started
        if started is not None:
            for number in range(self.total):  # none can have failed its coordination
                self._instance(number).mark(Phase.READY, started)
                self._instance(number).mark(Phase.RUNNING, started)

    def instances(self) -> list[InstancePhases]:
        """A row per instance (0 is the primary), with the phases known so far."""
        return [
            InstancePhases(number, self._instance(number).node_id, self._segments(self._instance(number)))
            for number in range(self.total)
        ]

    def ready_count(self) -> int:
        """Instances whose coordination is known to have succeeded (all, once the task succeeded)."""
        if self._succeeded:
            return self.total
        return sum(1 for n in range(self.total) if Phase.READY in self._instance(n).milestones)

    @property
    def ended(self) -> datetime | None:
        """When the task completed (open phases end there), or None while it has not."""
        return self._ended

    # -- internals -----------------------------------------------------------

    def _start_attempt(self, started: datetime | None) -> None:
        self._attempt = started
        self._instances = {}
        self._waiting_since = None
        self._ended = None
        self._succeeded = False

    def _follow_attempts(self, task: TaskSnapshot, at: datetime) -> None:
        if task.state == "active":
            if self._attempt is not None or self._ended is not None:  # retried or requeued
                self._start_attempt(None)
        elif task.start_time is not None and task.start_time != self._attempt:
            if self._attempt is not None:
                self._start_attempt(None)
            self._attempt = task.start_time

    def _instance(self, number: int) -> _Instance:
        return self._instances.setdefault(number, _Instance())

    def _observe_primary(self, observation: Observation) -> None:
        task, at = observation.task, observation.at
        primary = self._instance(0)
        primary.node_id = task.node_id or primary.node_id
        if task.state in ("preparing", "running", "completed"):
            primary.mark(Phase.DOWNLOADING, task.start_time or (None if task.state == "completed" else at))
        primary.mark(Phase.COORDINATING, observation.coordination_started)
        if task.state == "completed":
            self._ended = task.end_time or at
            self._succeeded = task.exit_code == 0 and task.failure is None
            primary.mark(Phase.COMPLETED if self._succeeded else Phase.FAILED, self._ended)

    @staticmethod
    def _observe_subtask(instance: _Instance, subtask: SubtaskSnapshot, at: datetime) -> None:
        instance.node_id = subtask.node_id or instance.node_id
        instance.mark(Phase.DOWNLOADING, subtask.start_time or (at if subtask.state == "preparing" else None))
        if subtask.state == "running":
            instance.mark(Phase.COORDINATING, at)
            if subtask.exit_code == 0:
                instance.mark(Phase.READY, at)
        elif subtask.state == "completed":
            failed = subtask.failure is not None or subtask.exit_code not in (None, 0)
            instance.mark(Phase.FAILED if failed else Phase.COMPLETED, subtask.end_time or at)

    def _segments(self, instance: _Instance) -> list[PhaseSegment]:
        """Milestones in phase order, times made non-decreasing (service and local clocks
        differ), each phase ending where the next begins; empty phases are left out."""
        marks: list[tuple[Phase, datetime]] = []
        for phase in sorted(instance.milestones, key=ORDER.__getitem__):
            when = instance.milestones[phase]
            marks.append((phase, max(when, marks[-1][1]) if marks else when))
        segments = []
        for index, (phase, start) in enumerate(marks):
            if phase.is_terminal:
                segments.append(PhaseSegment(phase, start))
                continue
            end = marks[index + 1][1] if index + 1 < len(marks) else None
            if end is None and self._ended is not None:
                end = max(self._ended, start)
            if end is None or end > start:
                segments.append(PhaseSegment(phase, start, end))
        return segments
