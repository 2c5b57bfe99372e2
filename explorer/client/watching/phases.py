"""The phases of every instance of a multi-instance task, from what the service reported.

    phases = TaskPhases()
    phases.observe_task(task, subtasks, polled_at, previous_poll_at)   # each task update
    phases.observe_files(probes, polled_at)                            # each probe of the primary's files
    phases.instances(unknown_since=None)   # a row of PhaseSegments per instance

Each phase starts at a *milestone*: a `Moment` that is exact where the service gave
the time, or a span when only the polls that bracket it are known (then the span is
drawn as `Phase.UNKNOWN`). Nothing is marked that the service has not reported:

- waiting for a node: the task is active; from its creation (first attempt) or from
  its return to active (retry, requeue), the service's state transition times;
- downloading: from the instance's start time (primary: the task's, subtask: its own);
  the common resource files are fetched before the coordination command;
- coordinating: a subtask's transition to `running` (its state transition time, or
  the previous one once it completed); the primary's coordination output
  (`coordination-stdout.txt`) being created — the service has no state for it;
- ready: a subtask still running with exit code 0 (Local Batch sets it as soon as the
  coordination command ends; Azure only at completion, so there no instance is ever
  drawn "ready"); its time is known only to lie between two polls;
- application running, every instance: the primary's `stdout.txt` being created (on
  both services when the application command starts; the task's `running` state does
  not say whether coordination is over). Batch starts it only once every coordination
  command succeeded, so from then on all instances count as ready;
- completed / failed: the subtask or task completed, at its end time; failed when it
  has a failure or a non-zero exit code.

A file counts for the current attempt only if written since the attempt started (a
requeued task may find its old `stdout.txt`); it appeared when the service says it was
created, or, where that contradicts what the probes saw, between the last probe that
missed it and the first that found it.

A new attempt (a retry or requeue: the attempt count or start time changes) starts
the phases afresh: the timeline shows the current attempt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from types import MappingProxyType

from explorer.client.watching.snapshots import FileProbe, SubtaskSnapshot, TaskSnapshot
from explorer.core.timeline import InstancePhases, Phase, PhaseSegment

COORDINATION_OUTPUT = "coordination-stdout.txt"
APPLICATION_OUTPUT = "stdout.txt"
DOWNLOAD_FAILURES = ("BlobNotFound", "BlobAccessDenied", "BlobDownloadTimedOut", "BlobDownloadMiscError",
                     "ResourceDirectoryCreateFailed", "ResourceFileCreateFailed", "ResourceFileWriteFailed", "DiskFull")
"""Batch's failure codes for a task whose resource files could not be downloaded ("Batch status and error codes")."""

ORDER = {phase: index for index, phase in enumerate(Phase)}


@dataclass(frozen=True)
class Moment:
    """When something happened: exactly (`earliest == latest`), or somewhere in between."""

    earliest: datetime
    latest: datetime

    @classmethod
    def at(cls, when: datetime) -> Moment:
        return cls(when, when)

    @classmethod
    def between(cls, earliest: datetime, latest: datetime) -> Moment:
        return cls(min(earliest, latest), latest)

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest


@dataclass
class _Instance:
    node_id: str | None = None
    milestones: dict[Phase, Moment] = field(default_factory=dict)

    def mark(self, phase: Phase, when: Moment | None) -> None:
        """The first report of a phase wins; one terminal phase only."""
        if when is None or phase in self.milestones or (phase.is_terminal and self.terminal is not None):
            return
        self.milestones[phase] = when

    @property
    def terminal(self) -> Phase | None:
        return next((p for p in (Phase.COMPLETED, Phase.FAILED) if p in self.milestones), None)


@dataclass
class _Attempt:
    number: int
    start: datetime | None = None
    instances: dict[int, _Instance] = field(default_factory=dict)
    absent_at: dict[str, datetime] = field(default_factory=dict)
    """The last probe that found a file missing (or left from an earlier attempt)."""
    appeared: dict[str, Moment] = field(default_factory=dict)
    ended: datetime | None = None
    completed_seen_at: datetime | None = None
    """The poll that first found the task completed (this machine's clock)."""
    application_never_ran: bool = False

    def instance(self, number: int) -> _Instance:
        return self.instances.setdefault(number, _Instance())


class TaskPhases:
    """Accumulates one watched task's observations; see the module docstring for the rules."""

    def __init__(self) -> None:
        self.task: TaskSnapshot | None = None
        self.subtasks: Mapping[int, SubtaskSnapshot] = {}
        self._attempt = _Attempt(1)

    # -- observations ------------------------------------------------------------

    def observe_task(
        self, task: TaskSnapshot, subtasks: Mapping[int, SubtaskSnapshot], polled_at: datetime,
        previous_poll_at: datetime | None = None,
    ) -> None:
        """A task poll: the task and its subtasks as the service reported them at `polled_at`."""
        self._follow_attempts(task)
        self.task, self.subtasks = task, MappingProxyType(dict(subtasks))  # snapshots hand it out: read-only
        attempt = self._attempt
        waiting = _waiting_since(task, attempt.number)
        for number in range(task.instances):
            attempt.instance(number).mark(Phase.WAITING_FOR_NODE, _exact(waiting))
        primary = attempt.instance(0)
        primary.node_id = task.node_id or primary.node_id
        if task.state != "active":
            primary.mark(Phase.DOWNLOADING, _exact(task.start_time))
        for number, subtask in subtasks.items():
            self._observe_subtask(attempt.instance(number), subtask, polled_at, previous_poll_at)
        if task.state == "completed":
            attempt.ended = task.end_time or polled_at
            attempt.completed_seen_at = attempt.completed_seen_at or polled_at
            primary.mark(Phase.COMPLETED if self.succeeded else Phase.FAILED, Moment.at(attempt.ended))
            if task.instances > 1 and self._failed_coordination():
                attempt.application_never_ran = True  # Batch runs it only after every coordination succeeded
        self._mark_application()

    def observe_files(self, probes: Mapping[str, FileProbe], polled_at: datetime) -> None:
        """A probe of the primary's files, sent at `polled_at`."""
        attempt = self._attempt
        if self.task is None or self.task.state == "active":
            return  # the attempt has not started: nothing found belongs to it
        since = attempt.start.replace(microsecond=0) if attempt.start else None  # file times may be whole seconds
        for name, probe in probes.items():
            if name in attempt.appeared:
                continue
            written = probe.modified or probe.created
            if not probe.exists or (since is not None and written is not None and written < since):
                attempt.absent_at[name] = polled_at
                if name == APPLICATION_OUTPUT and attempt.completed_seen_at and polled_at >= attempt.completed_seen_at:
                    attempt.application_never_ran = True  # still missing after the end: missing for good
                continue
            attempt.appeared[name] = _appearance(probe, since, attempt.absent_at.get(name), polled_at)
        coordination = attempt.appeared.get(COORDINATION_OUTPUT)
        attempt.instance(0).mark(Phase.COORDINATING, coordination)
        self._mark_application()

    # -- what is known -------------------------------------------------------------

    @property
    def attempt(self) -> int:
        return self._attempt.number

    @property
    def total(self) -> int:
        return self.task.instances if self.task else 0

    @property
    def ended(self) -> datetime | None:
        """When the current attempt ended (open phases end there), None while it runs."""
        return self._attempt.ended

    @property
    def completed_seen_at(self) -> datetime | None:
        """The poll that first found the current attempt completed (this machine's clock)."""
        return self._attempt.completed_seen_at

    @property
    def succeeded(self) -> bool:
        task = self.task
        return task is not None and task.state == "completed" and task.exit_code == 0 and task.failure is None

    def appeared(self, name: str) -> Moment | None:
        """When the primary's file `name` appeared in this attempt, if it has."""
        return self._attempt.appeared.get(name)

    @property
    def application_started(self) -> Moment | None:
        return self.appeared(APPLICATION_OUTPUT)

    @property
    def application_ran(self) -> bool | None:
        """True once it started, False once the task ended without it, None while not known."""
        if self.application_started is not None or self.succeeded:
            return True
        return False if self._attempt.application_never_ran else None

    def ready_count(self) -> int:
        """Instances reported ready: every one once the application ran, else subtasks with exit code 0."""
        if self.application_ran:
            return self.total
        return sum(1 for n in range(self.total) if Phase.READY in self._attempt.instance(n).milestones)

    def failed_count(self) -> int:
        return sum(1 for n in range(self.total) if self._attempt.instance(n).terminal is Phase.FAILED)

    def phase_of(self, number: int) -> Phase | None:
        """The phase instance `number` was last reported in, None if none was."""
        milestones = self._attempt.instance(number).milestones
        return max(milestones, key=ORDER.__getitem__) if milestones else None

    def instances(self, unknown_since: datetime | None = None) -> tuple[InstancePhases, ...]:
        """A row per instance (0 is the primary). With `unknown_since` (no answer from the service
        since then), what is still going on is drawn known up to then and unknown after."""
        attempt = self._attempt
        return tuple(
            InstancePhases(number, attempt.instance(number).node_id,
                           segments(attempt.instance(number).milestones, attempt.ended, unknown_since))
            for number in range(self.total)
        )

    # -- internals ---------------------------------------------------------------------

    def failure_cause(self) -> FailureCause | None:
        """What made the task fail (see `failure_cause`), None while it has not failed."""
        reached = {n: phase for n in range(self.total) if (phase := self.phase_of(n)) is not None and not phase.is_terminal}
        return failure_cause(self.task, self.subtasks, self.application_ran, reached)

    def _follow_attempts(self, task: TaskSnapshot) -> None:
        attempt = self._attempt
        restarted = attempt.start is not None and task.start_time not in (None, attempt.start)
        if task.attempt != attempt.number or restarted:
            attempt = self._attempt = _Attempt(task.attempt)
        if task.state != "active" and task.start_time is not None:
            attempt.start = task.start_time

    def _observe_subtask(
        self, instance: _Instance, subtask: SubtaskSnapshot, polled_at: datetime, previous_poll_at: datetime | None,
    ) -> None:
        instance.node_id = subtask.node_id or instance.node_id
        instance.mark(Phase.DOWNLOADING, _exact(subtask.start_time))
        instance.mark(Phase.COORDINATING, _running_since(subtask, polled_at, previous_poll_at))
        if subtask.state == "running" and subtask.exit_code == 0 and Phase.READY not in instance.milestones:
            coordinating = instance.milestones.get(Phase.COORDINATING)
            earliest = previous_poll_at or (coordinating.earliest if coordinating else polled_at)
            instance.mark(Phase.READY, Moment.between(earliest, polled_at))
        elif subtask.state == "completed":
            failed = subtask.failure is not None or subtask.exit_code not in (None, 0)
            instance.mark(Phase.FAILED if failed else Phase.COMPLETED, Moment.at(subtask.end_time or polled_at))

    def _failed_coordination(self) -> bool:
        task = self.task
        if task is not None and task.failure and task.failure.startswith("CoordinationCommandFailed"):
            return True
        application = self.application_started
        return application is None and any(
            s.state == "completed" and (s.failure is not None or s.exit_code not in (None, 0))
            for s in self.subtasks.values()
        )

    def _mark_application(self) -> None:
        started = self.application_started
        if started is not None:
            for number in range(self.total):
                self._attempt.instance(number).mark(Phase.RUNNING, started)


class FailedIn(str, Enum):
    """The phase an instance failed in."""

    DOWNLOAD = "download"
    """Fetching the common resource files (the task's own, for the primary)."""
    COORDINATION = "coordination"
    APPLICATION = "application"


@dataclass(frozen=True)
class FailureCause:
    """Which instance made a task fail, on which node, in which phase, and how (its own report)."""

    instance: int
    """0 for the primary, else the subtask's id."""
    node_id: str | None
    pool_id: str | None
    phase: FailedIn
    exit_code: int | None
    failure: str | None
    """'code: message' of the instance's failureInfo (the task's, for the primary)."""
    task_root_directory: str | None = None
    """A subtask's directory in the node-files API (its coordination stdout/stderr are there)."""

    @property
    def stderr(self) -> str | None:
        """The name of the failing command's stderr: a subtask's under its directory, the primary's in the
        task's files; None for a download failure (no command ran)."""
        if self.phase is FailedIn.DOWNLOAD:
            return None
        if self.instance != 0:
            return f"{self.task_root_directory.rstrip('/')}/stderr.txt" if self.task_root_directory else None
        return "coordination-stderr.txt" if self.phase is FailedIn.COORDINATION else "stderr.txt"


def failure_cause(
    task: TaskSnapshot | None, subtasks: Mapping[int, SubtaskSnapshot], application_ran: bool | None,
    reached: Mapping[int, Phase] | None = None,
) -> FailureCause | None:
    """What made a completed, failed task fail, from the states, failure infos and exit codes reported.

    Once the application command started, the failure is the primary's, in the application. Before,
    it is the instance that failed first (its end time, then its number): a subtask reported failed,
    else the primary. `reached` (the last phase reported of each instance) tells a download failure
    from a coordination failure where the failure info does not say.
    """
    if task is None or task.state != "completed" or (task.exit_code == 0 and task.failure is None):
        return None
    reached = reached or {}
    if application_ran:
        return FailureCause(0, task.node_id, task.pool_id, FailedIn.APPLICATION, task.exit_code, task.failure)
    failed = sorted(
        (s for s in subtasks.values() if s.state == "completed" and (s.failure is not None or s.exit_code not in (None, 0))),
        key=lambda s: (s.end_time or datetime.max.replace(tzinfo=timezone.utc), s.id),
    )
    if task.failure_code in DOWNLOAD_FAILURES and not any(s.failure_code in DOWNLOAD_FAILURES for s in failed):
        failed = []  # the primary's own download failed; the subtasks only stopped with it ("did not run to its end")
    if failed:
        subtask = failed[0]
        downloading = subtask.failure_code in DOWNLOAD_FAILURES or (
            subtask.previous_state != "running" and reached.get(subtask.id) in (Phase.WAITING_FOR_NODE, Phase.DOWNLOADING))
        return FailureCause(subtask.id, subtask.node_id, subtask.pool_id,
                            FailedIn.DOWNLOAD if downloading else FailedIn.COORDINATION, subtask.exit_code,
                            subtask.failure, subtask.task_root_directory)
    if task.failure_code in DOWNLOAD_FAILURES:
        phase = FailedIn.DOWNLOAD
    elif task.instances > 1 and application_ran is False:
        phase = FailedIn.COORDINATION
    else:
        phase = FailedIn.APPLICATION
    return FailureCause(0, task.node_id, task.pool_id, phase, task.exit_code, task.failure)


def _exact(when: datetime | None) -> Moment | None:
    return None if when is None else Moment.at(when)


def _waiting_since(task: TaskSnapshot, attempt: int) -> datetime | None:
    """When the task (re)entered the queue for this attempt, as the service says."""
    if task.state == "active":
        return task.state_transition_time or (task.creation_time if attempt == 1 else None)
    if task.previous_state == "active" and task.previous_state_transition_time is not None:
        return task.previous_state_transition_time
    return task.creation_time if attempt == 1 else None


def _running_since(subtask: SubtaskSnapshot, polled_at: datetime, previous_poll_at: datetime | None) -> Moment | None:
    """When a subtask started running its coordination command."""
    if subtask.state == "running":
        if subtask.state_transition_time is not None:
            return Moment.at(subtask.state_transition_time)
        return Moment.between(previous_poll_at or polled_at, polled_at)
    if subtask.state == "completed" and subtask.previous_state == "running":
        return _exact(subtask.previous_state_transition_time)
    return None


def _appearance(probe: FileProbe, since: datetime | None, absent_at: datetime | None, found_at: datetime) -> Moment:
    created = probe.created or probe.modified or found_at
    if since is not None and created < since:
        # A file of an earlier attempt, written again in this one: when is known only roughly.
        return Moment.between(max(since, absent_at or since), probe.modified or found_at)
    if absent_at is not None and created < absent_at:
        return Moment.between(absent_at, found_at)  # the service's clock or its whole seconds disagree with the probes
    return Moment.at(created)


def segments(
    milestones: Mapping[Phase, Moment], ended: datetime | None, unknown_since: datetime | None = None,
) -> tuple[PhaseSegment, ...]:
    """Milestones in phase order as segments: each phase from its milestone to the next, and
    `Phase.UNKNOWN` where a milestone is known only to lie in a span, or after `unknown_since`.

    Phases happen in order, so each milestone's span is narrowed by its neighbours' (and the
    service's clock and this machine's may differ a little: times are made non-decreasing).
    """
    marks = sorted(milestones.items(), key=lambda item: ORDER[item[0]])
    earliest, latest = [m.earliest for _, m in marks], [m.latest for _, m in marks]
    for i in range(1, len(marks)):
        earliest[i] = max(earliest[i], earliest[i - 1])
    for i in range(len(marks) - 2, -1, -1):
        latest[i] = min(latest[i], latest[i + 1])
    latest = [max(low, high) for low, high in zip(earliest, latest, strict=True)]
    out: list[PhaseSegment] = []
    for i, (phase, _) in enumerate(marks):
        before = marks[i - 1][0] if i else None
        if latest[i] > earliest[i]:
            out.append(PhaseSegment(Phase.UNKNOWN, earliest[i], latest[i], after=before))
        if phase.is_terminal:
            out.append(PhaseSegment(phase, latest[i]))
            continue
        start = latest[i]
        if i + 1 < len(marks):
            if earliest[i + 1] > start:
                out.append(PhaseSegment(phase, start, earliest[i + 1]))
            continue
        out.extend(_open_end(phase, start, ended, unknown_since))
    return tuple(out)


def _open_end(phase: Phase, start: datetime, ended: datetime | None, unknown_since: datetime | None) -> list[PhaseSegment]:
    """The last phase of an instance the service has not closed: to the task's end, or on."""
    if ended is not None:
        end = max(ended, start)
        return [PhaseSegment(phase, start, end)] if end > start else []
    if unknown_since is None:
        return [PhaseSegment(phase, start)]
    if unknown_since <= start:
        return [PhaseSegment(Phase.UNKNOWN, start, after=phase)]
    return [PhaseSegment(phase, start, unknown_since), PhaseSegment(Phase.UNKNOWN, unknown_since, after=phase)]

