"""Rehearse locally, then run on Azure: the same multi-instance task, submitted to another account.

    spec = await read_task_spec(source.client, job_id, task_id)
    plan = plan_rerun(spec, source_storage, local_files)        # what each resource file becomes
    choices = await pool_choices(Submission(target.client), spec) # the target's pools, MPI-ready or why not
    result = await Rerun(target.client, target_storage, on_step).run(plan, PoolTarget(pool_id=...), job, task)

The plan sorts the task's resource files (common and the primary's): files in the source
account's storage (a blob or a container URL there, SAS or not) and local files are copied to
the target account's storage and become read-only SAS `httpUrl` entries placed exactly where
Batch placed them before (a container source becomes one entry per blob, at
`filePath/<blob name>`, which is where Batch puts a container's blobs); anything else (a public
URL, another storage account, the target's auto-storage container, a managed identity's
source) is kept as it is, and the plan says so.

The run goes step by step, each reported as it ends (`StepResult`): check (ids free, pool fit
for the task, storage there), create pool (when asked for), copy files, create job (unless an
active one on that pool has the id), submit task. Nothing is left half-applied: when a step
fails, the blobs copied for this run are deleted and a job created for it is deleted again; a
pool created for it is *kept* (its nodes may be allocating, and it serves the next attempt) and
named in the error, so the user can delete it. The error (`RerunError`) carries every step.
"""

from __future__ import annotations

import asyncio
import logging
import posixpath
import shutil
import tempfile
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from urllib.parse import urlsplit

from azure.batch.aio import BatchClient
from azure.core.exceptions import AzureError

from explorer.client.acting.operations import BatchOperations
from explorer.client.acting.storage import LinkedStorage
from explorer.client.acting.submission import Submission
from explorer.client.errors import BatchLayerError, describe
from explorer.client.watching.snapshots import enum_text
from explorer.core.batch_json import pool_json, task_json
from explorer.core.checks.pool_checks import task_on_pool_problems
from explorer.core.checks.problems import Problem, Severity
from explorer.core.checks.validation import validate_pool
from explorer.core.specs.pool_info import PoolInfo
from explorer.core.specs.pool_spec import PoolSpec
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.task_spec import MultiInstanceTaskSpec
from explorer.core.texts import QT_TRANSLATE_NOOP, Template, Text

log = logging.getLogger(__name__)

RERUN_CONTAINER = "mpi-explorer-uploads"
"""The container copied files go to: the one the task wizard uploads to."""
_TASK_FIELDS = (
    "id", "displayName", "commandLine", "multiInstanceSettings", "resourceFiles", "environmentSettings",
    "userIdentity", "constraints",
)


@dataclass(frozen=True)
class RerunSource:
    """The task to run elsewhere, where it ran: its account's client and storage (None if it has none).

    With ``spec``, a task not submitted (the task wizard's): that spec is sent, not one read back."""

    label: str
    client: BatchClient = field(repr=False)
    storage: LinkedStorage | None
    job_id: str
    task_id: str
    spec: MultiInstanceTaskSpec | None = None

    async def task_spec(self) -> MultiInstanceTaskSpec:
        return self.spec or await read_task_spec(self.client, self.job_id, self.task_id)


class RerunError(BatchLayerError):
    """A rerun that stopped: the message says at which step, why, and what was undone or kept."""

    def __init__(self, message: Text, steps: Sequence[StepResult] = ()) -> None:
        super().__init__(message)
        self.steps = tuple(steps)


async def read_task_spec(client: BatchClient, job_id: str, task_id: str) -> MultiInstanceTaskSpec:
    """The task as submitted (its body read back from the service), as the wizard's spec."""
    try:
        model = await client.get_task(job_id, task_id, select=list(_TASK_FIELDS))
    except AzureError as error:
        raise RerunError(Text.of(QT_TRANSLATE_NOOP("Rerun", "Could not read task {task} of job {job}: {reason}"),
                                 task=task_id, job=job_id, reason=describe(error))) from None
    body = {key: value for key, value in model.as_dict().items() if key in _TASK_FIELDS}
    if "multiInstanceSettings" not in body:
        raise RerunError(Text.of(QT_TRANSLATE_NOOP(
            "Rerun", "Task {task} is not a multi-instance task: only those can be run on another account."),
            task=task_id))
    return task_json.from_batch_json(body, job_id=job_id)


# --- the plan ----------------------------------------------------------------------------------------


class Action(str, Enum):
    COPY = "copy"
    """A blob of the source account's storage, copied to the target's."""
    UPLOAD = "upload"
    """A local file, uploaded to the target's storage."""
    KEEP = "keep"
    """Used as it is (the target's nodes reach it as the source's did)."""


@dataclass(frozen=True)
class Transfer:
    """One file the task's nodes download, and what the rerun does with it."""

    action: Action
    common: bool
    """A common resource file (every instance), or the primary's."""
    file_path: str
    """Where it lands on the node (relative to the task directory)."""
    source: str | Text
    """What a user recognises: container/blob, a local path, the URL without its SAS, an auto-storage container."""
    original: ResourceFile | None = None
    container: str = ""
    blob: str = ""
    local_path: Path | None = None
    note: Text | None = None
    """Why a file is kept as it is."""


@dataclass(frozen=True)
class RerunPlan:
    spec: MultiInstanceTaskSpec
    transfers: tuple[Transfer, ...]
    kept: tuple[tuple[bool, ResourceFile], ...] = ()
    """(common, file) that stay as they are, in their order."""

    @property
    def uploads(self) -> tuple[Transfer, ...]:
        return tuple(t for t in self.transfers if t.action is not Action.KEEP)

    def storage_problem(self, target_has_storage: bool) -> Text | None:
        """Why the plan cannot run on a target with (or without) linked storage, or None."""
        return _no_storage(len(self.uploads)) if self.uploads and not target_has_storage else None


def _without_sas(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


async def plan_rerun(
    spec: MultiInstanceTaskSpec, source_storage: LinkedStorage | None,
    local_files: Sequence[tuple[Path, str, bool]] = (),
) -> RerunPlan:
    """What becomes of each resource file; `local_files` are (path, file path on the node, common)
    not uploaded yet (the wizard's). Lists the blobs of container sources in the source storage."""
    transfers: list[Transfer] = []
    kept: list[tuple[bool, ResourceFile]] = []
    for common, files in ((True, spec.common_resource_files), (False, spec.resource_files)):
        for file in files:
            found = await _copies(file, common, source_storage)
            if found is None:
                kept.append((common, file))
                transfers.append(Transfer(Action.KEEP, common, file.file_path or "", _shown(file), file, note=_why_kept(file)))
            else:
                transfers += found
    for path, node_path, common in local_files:
        transfers.append(Transfer(Action.UPLOAD, common, node_path or path.name, str(path), local_path=Path(path)))
    return RerunPlan(spec, tuple(transfers), tuple(kept))


async def _copies(file: ResourceFile, common: bool, storage: LinkedStorage | None) -> list[Transfer] | None:
    """The copies a file of the source storage needs (None: not in the source storage)."""
    url = file.http_url or file.storage_container_url
    where = storage.locate(url) if storage is not None and url and not file.identity_reference else None
    if where is None or storage is None:
        return None
    container, blob = where
    if file.http_url:
        node_path = file.file_path or posixpath.basename(blob)
        return [Transfer(Action.COPY, common, node_path, f"{container}/{blob}", file, container, blob)]
    names = await storage.blob_names(container, file.blob_prefix or "")
    return [
        Transfer(Action.COPY, common, posixpath.join(file.file_path or "", name), f"{container}/{name}", file, container, name)
        for name in names
    ]


def _shown(file: ResourceFile) -> str | Text:
    url = file.http_url or file.storage_container_url
    if url:
        return _without_sas(url)
    return Text.of(QT_TRANSLATE_NOOP("Rerun", "auto-storage container {container}"),
                   container=file.auto_storage_container_name or "")


def _why_kept(file: ResourceFile) -> Text:
    if file.auto_storage_container_name:
        return Text.of(QT_TRANSLATE_NOOP("Rerun", "the target account's auto-storage must have this container"))
    if file.identity_reference:
        return Text.of(QT_TRANSLATE_NOOP(
            "Rerun", "downloaded with a managed identity: the target pool needs the same identity"))
    return Text.of(QT_TRANSLATE_NOOP(
        "Rerun", "not in the source account's storage: the target's nodes download it from where it is"))


# --- the target's pools ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PoolChoice:
    info: PoolInfo
    problems: tuple[Problem, ...]

    @property
    def ready(self) -> bool:
        """MPI-ready for this task: inter-node communication, one slot per node, enough nodes, same OS."""
        return not self.problems

    @property
    def usable(self) -> bool:
        """Nothing that keeps the task queued for ever (too few nodes is a warning: the pool may grow)."""
        return all(problem.severity is not Severity.ERROR for problem in self.problems)

    def summary(self) -> Text:
        """The pool's line in the run-elsewhere list: its id, and MPI-ready with its nodes, or what is wrong."""
        if not self.ready:
            return Text.of(QT_TRANSLATE_NOOP("PoolChoice", "{pool}: {problem}"), pool=self.info.id,
                           problem=self.problems[0].message)
        count = self.info.nodes_to_expect
        if count == 1:
            return Text.of(QT_TRANSLATE_NOOP("PoolChoice", "{pool}: MPI-ready, 1 node"), pool=self.info.id)
        return Text.of(QT_TRANSLATE_NOOP("PoolChoice", "{pool}: MPI-ready, {count} nodes"), pool=self.info.id,
                       count=count)


async def pool_choices(submission: Submission, spec: MultiInstanceTaskSpec) -> list[PoolChoice]:
    """The target's pools, the MPI-ready ones first, each with what keeps it from running the task."""
    choices = []
    for pool_id in await submission.list_pool_ids():
        info = await submission.pool_info(pool_id)
        choices.append(PoolChoice(info, tuple(task_on_pool_problems(spec, info))))
    return sorted(choices, key=lambda c: (not c.ready, not c.usable, c.info.id.lower()))


@dataclass(frozen=True)
class PoolTarget:
    """Where the task runs there: an existing pool, or one to create."""

    pool_id: str | None = None
    create: PoolSpec | None = None

    @property
    def id(self) -> str:
        return self.create.id if self.create is not None else self.pool_id or ""


# --- the run ---------------------------------------------------------------------------------------------


class Step(str, Enum):
    CHECK = "check"
    CREATE_POOL = "create pool"
    COPY_FILES = "copy files"
    CREATE_JOB = "create job"
    SUBMIT_TASK = "submit task"


STEP_NAMES = {
    Step.CHECK: QT_TRANSLATE_NOOP("RerunSteps", "check"),
    Step.CREATE_POOL: QT_TRANSLATE_NOOP("RerunSteps", "create pool"),
    Step.COPY_FILES: QT_TRANSLATE_NOOP("RerunSteps", "copy files"),
    Step.CREATE_JOB: QT_TRANSLATE_NOOP("RerunSteps", "create job"),
    Step.SUBMIT_TASK: QT_TRANSLATE_NOOP("RerunSteps", "submit task"),
}


@dataclass(frozen=True)
class StepResult:
    name: Step
    ok: bool
    detail: Text

    @property
    def label(self) -> Text:
        """The step's name, for the window."""
        return Text.of(STEP_NAMES[self.name])


@dataclass(frozen=True)
class RerunResult:
    job_id: str
    task_id: str
    pool_id: str
    steps: tuple[StepResult, ...]
    spec: MultiInstanceTaskSpec = field(repr=False)
    """The task as submitted there (its resource files pointing at the target's storage)."""


class Rerun:
    """Submits a plan to one target account; `on_step` hears each step's result as it ends."""

    def __init__(
        self, client: BatchClient, storage: LinkedStorage | None, on_step: Callable[[StepResult], None] | None = None,
    ) -> None:
        self._client = client
        self._submission = Submission(client)
        self._storage = storage
        self._on_step = on_step
        self._steps: list[StepResult] = []

    async def run(
        self, plan: RerunPlan, pool: PoolTarget, job_id: str, task_id: str, source_storage: LinkedStorage | None = None,
    ) -> RerunResult:
        self._steps = []
        spec = replace(plan.spec, job_id=job_id, task_id=task_id)
        created_pool: str | None = None
        created_job: str | None = None
        copied: list[str] = []
        step = Step.CHECK
        try:
            new_job = await self._check(spec, pool, plan)
            if pool.create is not None:
                step = Step.CREATE_POOL
                await self._submission.create_pool(pool_json.to_batch_json(pool.create))
                created_pool = pool.create.id
                self._done(step, _pool_created(pool.create))
            if plan.uploads:
                step = Step.COPY_FILES
                spec, copied = await self._copy(spec, plan, source_storage)
            else:
                self._done(Step.COPY_FILES, Text.of(QT_TRANSLATE_NOOP("Rerun", "nothing to copy")))
            if new_job:
                step = Step.CREATE_JOB
                await self._submission.create_job(job_id, pool.id)
                created_job = job_id
                self._done(step, Text.of(QT_TRANSLATE_NOOP("Rerun", "job {job} created on pool {pool}"),
                                         job=job_id, pool=pool.id))
            step = Step.SUBMIT_TASK
            await self._submission.submit_task(job_id, task_json.to_batch_json(spec))
            self._done(step, Text.of(QT_TRANSLATE_NOOP("Rerun", "task {task} added to job {job}"),
                                     task=task_id, job=job_id))
        except (BatchLayerError, AzureError, OSError) as error:
            reason = _reason(error)
            self._failed(step, reason)
            undone = await self._undo(created_job, copied)
            raise RerunError(self._failure_text(step, reason, undone, created_pool), self._steps) from error
        return RerunResult(job_id, task_id, pool.id, tuple(self._steps), spec)

    async def _check(self, spec: MultiInstanceTaskSpec, pool: PoolTarget, plan: RerunPlan) -> bool:
        """Everything that can be known before anything is made; True if the job is to be created."""
        problems: list[str | Text] = []
        if (storage_problem := plan.storage_problem(self._storage is not None)) is not None:
            problems.append(storage_problem)
        if pool.create is not None:
            problems += [p.message for p in validate_pool(pool.create) if p.severity is Severity.ERROR]
            if await self._submission.pool_exists(pool.create.id):
                problems.append(Text.of(QT_TRANSLATE_NOOP(
                    "Rerun", "A pool named {pool} exists there already: choose it, or another name."),
                    pool=pool.create.id))
        else:
            info = await self._submission.pool_info(pool.id)
            problems += [p.message for p in task_on_pool_problems(spec, info) if p.severity is Severity.ERROR]
        new_job = True
        if await self._submission.job_exists(spec.job_id):
            job = await self._client.get_job(spec.job_id, select=["id", "state", "poolInfo"])
            job_pool = job.pool_info.pool_id if job.pool_info else None
            if enum_text(job.state) != "active" or job_pool != pool.id:
                problems.append(Text.of(QT_TRANSLATE_NOOP(
                    "Rerun", "Job {job} exists there ({state}, on pool {pool}): choose another job id."),
                    job=spec.job_id, state=Text.of(Template("States", enum_text(job.state) or "unknown")),
                    pool=job_pool or "—"))
            new_job = False
            if await self._submission.task_exists(spec.job_id, spec.task_id):
                problems.append(Text.of(QT_TRANSLATE_NOOP(
                    "Rerun", "Job {job} there has a task {task} already: choose another task id."),
                    job=spec.job_id, task=spec.task_id))
        if problems:
            raise RerunError(Text.joined(problems))
        checked = (Text.of(QT_TRANSLATE_NOOP("Rerun", "ids free, pool {pool} fits the task"), pool=pool.id) if new_job
                   else Text.of(QT_TRANSLATE_NOOP("Rerun", "ids free, pool {pool} fits the task, job {job} reused"),
                                pool=pool.id, job=spec.job_id))
        self._done(Step.CHECK, checked)
        return new_job

    async def _copy(
        self, spec: MultiInstanceTaskSpec, plan: RerunPlan, source: LinkedStorage | None,
    ) -> tuple[MultiInstanceTaskSpec, list[str]]:
        """Copy every file to the target's storage in one all-or-nothing upload; the spec pointing at the copies."""
        target = self._storage
        assert target is not None  # checked
        prefix = f"{spec.job_id}/{spec.task_id}/{uuid.uuid4().hex[:8]}/"
        with tempfile.TemporaryDirectory(prefix="mpi-explorer-rerun-") as scratch:
            paths: list[Path] = []
            for index, transfer in enumerate(plan.uploads):
                path = Path(scratch) / f"{index:03d}-{posixpath.basename(transfer.blob or str(transfer.local_path))}"
                if transfer.action is Action.COPY:
                    if source is None:
                        raise RerunError(Text.of(QT_TRANSLATE_NOOP(
                            "Rerun", "{file} is in the source storage, which is not reachable now."),
                            file=transfer.source))
                    await source.download_blob(transfer.container, transfer.blob, path)
                else:
                    assert transfer.local_path is not None
                    await asyncio.to_thread(_copy_file, transfer.local_path, path)
                paths.append(path)
            upload = await target.upload_files(RERUN_CONTAINER, paths, prefix)
        names = [blob.name for blob in upload.blobs]
        copies: dict[bool, list[ResourceFile]] = {True: [], False: []}
        for transfer, name in zip(plan.uploads, names, strict=True):
            mode = transfer.original.file_mode if transfer.original else None
            copies[transfer.common].append(
                ResourceFile(http_url=target.blob_sas_url(RERUN_CONTAINER, name), file_path=transfer.file_path, file_mode=mode)
            )
        kept = {c: tuple(f for common, f in plan.kept if common is c) for c in (True, False)}
        spec = replace(
            spec, common_resource_files=(*kept[True], *copies[True]), resource_files=(*kept[False], *copies[False]),
        )
        self._done(Step.COPY_FILES, _copied(len(names), upload.total, f"{target.account.name}/{RERUN_CONTAINER}"))
        return spec, names

    async def _undo(self, created_job: str | None, copied: list[str]) -> list[Text]:
        undone = []
        if created_job is not None:
            try:
                await BatchOperations(self._client).delete_job(created_job)
                undone.append(Text.of(QT_TRANSLATE_NOOP("Rerun", "job {job} deleted again"), job=created_job))
            except BatchLayerError as error:
                undone.append(Text.of(QT_TRANSLATE_NOOP(
                    "Rerun", "job {job} could not be deleted ({reason}): delete it in the job view"),
                    job=created_job, reason=error.text))
        if copied and self._storage is not None:
            await self._storage.delete_blobs(RERUN_CONTAINER, copied)
            undone.append(Text.of(QT_TRANSLATE_NOOP("Rerun", "the copied file deleted")) if len(copied) == 1 else
                          Text.of(QT_TRANSLATE_NOOP("Rerun", "the {count} copied files deleted"), count=len(copied)))
        return undone

    def _failure_text(self, step: Step, reason: str | Text, undone: list[Text], created_pool: str | None) -> Text:
        sentences = [Text.of(QT_TRANSLATE_NOOP(
            "Rerun", "Running on the other account stopped at “{step}”: {reason}"), step=Text.of(STEP_NAMES[step]),
            reason=reason)]
        if undone:
            sentences.append(Text.of(QT_TRANSLATE_NOOP("Rerun", "Undone: {undone}."), undone=Text.joined(undone, "; ")))
        if created_pool:
            sentences.append(Text.of(QT_TRANSLATE_NOOP(
                "Rerun", "Pool {pool} was created for this run and is kept: delete it in its pool view if unwanted."),
                pool=created_pool))
        return Text.joined(sentences)

    def _done(self, name: Step, detail: Text) -> None:
        self._report(StepResult(name, True, detail))

    def _failed(self, name: Step, detail: str | Text) -> None:
        self._report(StepResult(name, False, Text.joined([detail])))

    def _report(self, result: StepResult) -> None:
        self._steps.append(result)
        log.info("rerun step %s: %s (%s)", result.name.value, "ok" if result.ok else "failed", result.detail)
        if self._on_step is not None:
            self._on_step(result)


def _reason(error: BaseException) -> str | Text:
    """Why a step failed: an SDK error described, one of ours as it says it, a file's error as the OS does."""
    if isinstance(error, AzureError):
        return describe(error)
    return error.text if isinstance(error, BatchLayerError) else str(error)


def _pool_created(pool: PoolSpec) -> Text:
    if pool.target_nodes == 1:
        return Text.of(QT_TRANSLATE_NOOP("Rerun", "pool {pool} created ({size}, 1 node)"), pool=pool.id,
                       size=pool.vm_size)
    return Text.of(QT_TRANSLATE_NOOP("Rerun", "pool {pool} created ({size}, {count} nodes)"), pool=pool.id,
                   size=pool.vm_size, count=pool.target_nodes)


def _no_storage(count: int) -> Text:
    if count == 1:
        return Text.of(QT_TRANSLATE_NOOP(
            "Rerun", "A file must be copied, but the target account has no linked storage: "
                     "link one in Connection > Accounts…"))
    return Text.of(QT_TRANSLATE_NOOP(
        "Rerun", "{count} files must be copied, but the target account has no linked storage: "
                 "link one in Connection > Accounts…"), count=count)


def _copied(count: int, size: int, where: str) -> Text:
    if count == 1:
        return Text.of(QT_TRANSLATE_NOOP("Rerun", "1 file, {bytes} bytes, to {where}"), bytes=size, where=where)
    return Text.of(QT_TRANSLATE_NOOP("Rerun", "{count} files, {bytes} bytes, to {where}"), count=count, bytes=size,
                   where=where)


def _copy_file(source: Path, destination: Path) -> None:
    shutil.copyfile(source, destination)
