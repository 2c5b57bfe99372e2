"""Two runs of one multi-instance task side by side (a local rehearsal and the run on Azure).

    local = await read_run(local_client, "Local Batch", job, task)
    azure = await read_run(azure_client, "Prod", job, task)
    lines = output_diff(local, azure)

Each run is read once, as the task watch reads it (the task and its subtasks, then the
primary's output files probed): its per-instance phases come from the same rules
(`phases.TaskPhases`), so they say no more than the service reported. A phase's duration is
the sum of its segments; spans the service did not date (`Phase.UNKNOWN`) count apart.
There is no "ready" figure: Batch does not report when an instance's coordination command
ended (a subtask's exit code comes with its completion, when the primary ends; the primary's
has no record at all), so the time each instance waited for the others is not known. It is
counted in "coordinating": from the coordination command's start to the application's. The
primary's stdout is read with one ranged read of at most `OUTPUT_LIMIT` bytes (the comparison
says when it is cut), never the whole of a large file.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from azure.batch.aio import BatchClient
from azure.core.exceptions import AzureError, ResourceNotFoundError

from explorer.client.errors import BatchLayerError, describe
from explorer.client.watching.phases import APPLICATION_OUTPUT, COORDINATION_OUTPUT, TaskPhases
from explorer.client.watching.queries import TaskFilesQuery, TaskQuery
from explorer.core.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.timeline import InstancePhases, Phase

log = logging.getLogger(__name__)

OUTPUT_LIMIT = 256 * 1024
"""Bytes of the primary's stdout read for the diff (from its start)."""
PHASES = (Phase.WAITING_FOR_NODE, Phase.DOWNLOADING, Phase.COORDINATING, Phase.RUNNING)
"""The phases compared, in order (`Phase.READY` is folded into `Phase.COORDINATING`: see the module doc)."""


class ComparisonError(BatchLayerError):
    """A run that could not be read."""


@dataclass(frozen=True)
class InstanceRun:
    instance: int
    """0 is the primary."""
    node_id: str | None
    exit_code: int | None
    durations: dict[Phase, timedelta]
    """Time spent in each phase the service reported (UNKNOWN: spans it did not date)."""

    @property
    def total(self) -> timedelta:
        return sum(self.durations.values(), timedelta())


@dataclass(frozen=True)
class RunRecord:
    label: str
    job_id: str
    task_id: str
    state: str | None
    exit_code: int | None
    failure: str | None
    instances: tuple[InstanceRun, ...]
    stdout: str
    stdout_size: int | None
    """The whole file's size (None: there is none); `stdout` is its first OUTPUT_LIMIT bytes at most."""
    rows: tuple[InstancePhases, ...] = ()
    """The phases as the task view's timeline draws them."""

    @property
    def stdout_truncated(self) -> bool:
        return self.stdout_size is not None and self.stdout_size > len(self.stdout.encode())

    @property
    def finished(self) -> bool:
        return self.state == "completed"


async def read_run(
    client: BatchClient, label: str, job_id: str, task_id: str, *, output_limit: int = OUTPUT_LIMIT,
) -> RunRecord:
    """One look at a task's run: phases per instance, exit codes and the start of the primary's stdout."""
    try:
        fetched = await TaskQuery(job_id, task_id).fetch(client)
        task = fetched.task
        assert task is not None
        polled = datetime.now(timezone.utc)
        phases = TaskPhases()
        phases.observe_task(task, fetched.items, polled)
        probes = await TaskFilesQuery(job_id, task_id, (COORDINATION_OUTPUT, APPLICATION_OUTPUT)).fetch(client)
        phases.observe_files(probes.items, polled)
        stdout, size = await _head_of_output(client, job_id, task_id, probes.items, output_limit)
    except AzureError as error:
        raise ComparisonError(Text.of(QT_TRANSLATE_NOOP(
            "Comparison", "Could not read the run of {task} on {account}: {reason}"),
            task=task_id, account=label, reason=describe(error))) from None
    exit_codes = {0: task.exit_code, **{number: sub.exit_code for number, sub in fetched.items.items()}}
    rows = phases.instances()
    instances = tuple(
        InstanceRun(row.instance_id, row.node_id, exit_codes.get(row.instance_id), _durations(row.segments))
        for row in rows
    )
    return RunRecord(label, job_id, task_id, task.state, task.exit_code, task.failure, instances, stdout, size, rows)


def _durations(segments) -> dict[Phase, timedelta]:
    spent: dict[Phase, timedelta] = {}
    for segment in segments:
        if segment.end is not None:
            # A live read of Local Batch may see an instance "ready" (its exit code before its end), but not
            # when it became so: that wait is coordination's, as in every other read.
            phase = Phase.COORDINATING if segment.phase is Phase.READY else segment.phase
            spent[phase] = spent.get(phase, timedelta()) + (segment.end - segment.start)
    return spent


async def _head_of_output(client: BatchClient, job_id: str, task_id: str, probes, limit: int) -> tuple[str, int | None]:
    probe = probes.get(APPLICATION_OUTPUT)
    if probe is None or not probe.exists:
        return "", None
    size = probe.size
    if not size:
        return "", size
    try:
        stream = await client.download_task_file(job_id, task_id, APPLICATION_OUTPUT, ocp_range=f"bytes=0-{min(size, limit) - 1}")
        data = b"".join([chunk async for chunk in stream])
    except ResourceNotFoundError:
        return "", None
    return data[:limit].decode("utf-8", errors="replace"), size


def output_diff(first: RunRecord, second: RunRecord, context: int = 3) -> list[str]:
    """The primary's stdout of `first` against `second`, as unified diff lines (empty when they are the same)."""
    return list(difflib.unified_diff(
        first.stdout.splitlines(), second.stdout.splitlines(), f"{first.label}: {first.task_id}",
        f"{second.label}: {second.task_id}", n=context, lineterm="",
    ))
