"""The multi-instance MPI task wizard: Target, Instances, MPI, Files, Settings, Review.

    wizard = TaskWizard(submission, settings, uploader=linked_storage_or_None, parent=window)
    wizard.taskSubmitted.connect(navigator.open_task)

Pages fill one ``MultiInstanceTaskSpec``; it is validated against the chosen pool as
the user types, and only Review's Submit sends it (creating the job first if the job
id is new). Ids are checked against the service in the background; a refusal at
submission returns to the page concerned. The last values are remembered per pool:
the commands together with the files they need, or neither when a file's URL carries an
access token (SAS); never the environment (values may be secrets).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QPushButton, QWidget, QWizard

from explorer.client.acting.operations import OperationError
from explorer.client.acting.submission import Submission
from explorer.client.errors import BatchLayerError
from explorer.core.batch_json import task_json
from explorer.core.batch_json.json_reader import SpecFormatError
from explorer.core.batch_json.task_document import TaskDocument, document_from_json, document_to_json
from explorer.core.checks.ids import check_id, next_id
from explorer.core.checks.problems import FixAction, FixKind, Problem
from explorer.core.checks.service_errors import task_submission_problem
from explorer.core.checks.validation import validate_job, validate_task
from explorer.core.specs.job_spec import JobSpec
from explorer.core.specs.os_family import OsFamily
from explorer.core.specs.pool_info import PoolInfo
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.task_spec import MultiInstanceTaskSpec
from explorer.core.specs.user_identity import AutoUser, AutoUserScope, ElevationLevel, UserIdentity
from explorer.ui.dialogs.file_dialogs import JSON_FILTER, ask_open_file
from explorer.ui.settings import Settings
from explorer.ui.translation import error_text
from explorer.ui.wizards.files_page import FilesPage
from explorer.ui.wizards.instances_page import InstancesPage
from explorer.ui.wizards.mpi_page import MpiPage
from explorer.ui.wizards.resource_files_editor import ResourceFileRow
from explorer.ui.wizards.settings_page import SettingsPage
from explorer.ui.wizards.spec_wizard import SpecWizard
from explorer.ui.wizards.target_page import TargetPage
from explorer.ui.wizards.task_import import read_task_file, show_import_error

log = logging.getLogger(__name__)

MEMORY_KEY = "task"
DEFAULT_JOB_ID = "mpi-jobs"
UPLOAD_CONTAINER = "mpi-explorer-uploads"
# A check of the ids waits this long for the next keystroke, which cancels it.
ID_CHECK_DELAY = 0.3


class Uploader(Protocol):
    """What the Files page needs of linked storage (``explorer.client.acting.storage.LinkedStorage``)."""

    async def upload_files(
        self, container: str, paths: Sequence[Path], blob_prefix: str = "", on_progress: Callable | None = None
    ) -> Any: ...

    def resource_files(self, upload: Any) -> list[ResourceFile]: ...


def default_spec(job_id: str) -> MultiInstanceTaskSpec:
    """A new task: nothing to run yet, a fresh id, and the pool-scoped auto-user SSH launchers need."""
    return MultiInstanceTaskSpec(
        job_id=job_id,
        task_id=f"mpi-{datetime.now():%Y%m%d-%H%M%S}",
        command_line="",
        coordination_command_line="",
        number_of_instances=2,
        user_identity=UserIdentity(auto_user=AutoUser(AutoUserScope.POOL, ElevationLevel.NON_ADMIN)),
    )


class TaskWizard(SpecWizard):
    taskSubmitted = Signal(str, str)  # job id, task id
    choicesLoaded = Signal()  # the pools and open jobs are listed
    poolRead = Signal()  # the chosen pool was read (or could not be)
    idsChecked = Signal()  # the service said whether the job/task ids are taken
    uploadFinished = Signal(bool)  # local files uploaded (True) or not
    runElsewhereRequested = Signal(object)  # the MultiInstanceTaskSpec, as Submit would send it

    def __init__(
        self,
        submission: Submission,
        settings: Settings,
        uploader: Uploader | None = None,
        parent: QWidget | None = None,
        initial_spec: MultiInstanceTaskSpec | None = None,
        pool_id: str | None = None,
        extra_fields: Mapping[str, Any] | None = None,
        job_id: str | None = None,
    ) -> None:
        """``initial_spec`` opens the wizard filled in (an import); ``extra_fields`` are
        Batch task properties the wizard passes through unedited (see core.task_document).
        ``job_id`` or ``pool_id`` is where the user was when opening it (a job's or a pool's view)."""
        super().__init__(parent, self.tr("Submit"), QSize(1040, 780))
        self.setWindowTitle(self.tr("New multi-instance MPI task"))
        self._submission = submission
        self._settings = settings
        self._uploader = uploader
        self._extra = dict(extra_fields or {})
        self._imported = initial_spec is not None
        self._pool_id = ""
        self._pool: PoolInfo | None = None
        self._pool_reading = False
        self._checked_ids: tuple | None = None
        self.pool_wizard: QWizard | None = None
        last = settings.wizard_values(MEMORY_KEY)
        wanted_pool = pool_id or ("" if initial_spec is not None else str(last.get("pool_id") or ""))
        if job_id is None and pool_id:  # opened from a pool: the job last used on it
            job_id = settings.wizard_values(MEMORY_KEY, pool_id).get("job_id")
        spec = initial_spec or default_spec(str(job_id or last.get("job_id") or DEFAULT_JOB_ID))
        if initial_spec is not None and job_id:
            spec = replace(spec, job_id=job_id)
        self._initial = spec

        self.target_page = TargetPage()
        self.instances_page = InstancesPage(lambda: (self._pool_id, self._pool, self._pool_reading))
        self.mpi_page = MpiPage(lambda: (self.os_family(), self.spec()))
        self.files_page = FilesPage(uploader is not None, self.upload_local_files)
        self.settings_page = SettingsPage()
        for page in self.edit_pages():
            self.add_spec_page(page)
        self.add_review_page(
            self.tr("Review"), self.tr("This is the task exactly as it will be sent; Submit sends it.")
        )
        self.run_elsewhere_button = QPushButton(self.tr("Run on another account…"))
        self.run_elsewhere_button.setAccessibleName(self.tr("Run this task on another account"))
        self.run_elsewhere_button.clicked.connect(lambda: self.runElsewhereRequested.emit(self.spec()))
        self.review_page.add_button(self.run_elsewhere_button)
        self.set_other_accounts(0)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Import JSON…"))
        self.customButtonClicked.connect(self._choose_import_file)

        self.target_page.edited.connect(self._target_edited)
        self.target_page.poolChosen.connect(self._pool_chosen)
        self._load(spec)
        if wanted_pool:
            self.target_page.select_pool(wanted_pool)
        if pool_id and not job_id:
            self.target_page.prefer_pool(pool_id)  # an open job on another pool gives way
        self.owner.start(self._load_choices(), slot="choices")
        self.revalidate()

    # --- construction from files ---------------------------------------------------------------

    @classmethod
    def from_task_json(
        cls,
        data: object,
        submission: Submission,
        settings: Settings,
        uploader: Uploader | None = None,
        parent: QWidget | None = None,
        pool_id: str | None = None,
        source: str | None = None,
    ) -> TaskWizard | None:
        """A wizard filled in from a task body (a saved template, a bundled sample); None,
        after telling the user why, if the body is not a multi-instance task."""
        job_id = str(settings.wizard_values(MEMORY_KEY).get("job_id") or DEFAULT_JOB_ID)
        try:
            document = document_from_json(data, job_id=job_id)
        except SpecFormatError as error:
            show_import_error(parent, source or TaskWizard.tr("The task JSON"), error)
            return None
        return cls(submission, settings, uploader, parent, document.spec, pool_id, document.extra_fields)

    @classmethod
    def from_json_file(
        cls,
        path: Path,
        submission: Submission,
        settings: Settings,
        uploader: Uploader | None = None,
        parent: QWidget | None = None,
        pool_id: str | None = None,
    ) -> TaskWizard | None:
        """A wizard filled in from a task JSON file; None, after telling the user why, if
        the file cannot be read or is not a multi-instance task."""
        job_id = str(settings.wizard_values(MEMORY_KEY).get("job_id") or DEFAULT_JOB_ID)
        try:
            document = read_task_file(Path(path), job_id)
        except SpecFormatError as error:
            show_import_error(parent, Path(path).name, error)
            return None
        return cls(submission, settings, uploader, parent, document.spec, pool_id, document.extra_fields)

    def load_json_file(self, path: Path) -> bool:
        """Replace the task (not its job) with a file's; a bad file changes nothing."""
        try:
            document = read_task_file(Path(path), self.target_page.job_id())
        except SpecFormatError as error:
            show_import_error(self, Path(path).name, error)
            return False
        self._imported = True
        self._extra = dict(document.extra_fields)
        self._load(document.spec)
        return True

    def _choose_import_file(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            ask_open_file(self, self.tr("Import task JSON"), JSON_FILTER, self.load_json_file)

    def _load(self, spec: MultiInstanceTaskSpec) -> None:
        self.target_page.load(spec)
        self.instances_page.load(spec)
        self.mpi_page.load(spec, as_written=self._imported)
        self.files_page.load(spec)
        self.settings_page.load(spec)

    # --- state ------------------------------------------------------------------------------------

    def set_other_accounts(self, count: int) -> None:
        """How many accounts besides this one the task could be sent to (Run on another account…)."""
        self.run_elsewhere_button.setEnabled(count > 0)
        self.run_elsewhere_button.setToolTip(
            self.tr("Send this task, as it stands, to another account's pool instead of submitting it here")
            if count > 0 else self.tr("There is no other account: add one in Connection > Accounts…"))

    def edit_pages(self) -> list:
        return [self.target_page, self.instances_page, self.mpi_page, self.files_page, self.settings_page]

    def spec(self) -> MultiInstanceTaskSpec:
        spec = self._initial
        for page in self.edit_pages():
            spec = page.apply(spec)
        return spec

    def document(self) -> TaskDocument:
        return TaskDocument(self.spec(), dict(self._extra))

    def body(self) -> dict:
        return document_to_json(self.document())

    @property
    def pool_info(self) -> PoolInfo | None:
        return self._pool

    def os_family(self) -> OsFamily:
        return self._pool.os_family if self._pool is not None else OsFamily.LINUX

    def spec_problems(self) -> list[Problem]:
        spec = self.spec()
        problems = validate_task(spec, None if self._pool_reading else self._pool)
        if self.target_page.creates_job():
            problems.extend(validate_job(JobSpec(spec.job_id, self.target_page.pool_id())))
        return problems

    # --- the pool ---------------------------------------------------------------------------------

    def _pool_chosen(self, pool_id: str) -> None:
        self._pool_id = pool_id
        self._pool = None
        if not self._imported and len(self.visitedIds()) <= 1:
            self._recall(pool_id)  # only before the user has seen the pages it fills
        self._read_pool(pool_id)

    def _read_pool(self, pool_id: str) -> None:
        self._pool_reading = bool(pool_id)
        if pool_id:
            self.owner.start(self._read_pool_info(pool_id), slot="pool")
        else:
            self.owner.cancel("pool")
        self.set_remote_problems("pool", [])

    async def _read_pool_info(self, pool_id: str) -> None:
        problems = []
        try:
            self._pool = await self._submission.pool_info(pool_id)
        except OperationError as error:
            problems.append(
                Problem(
                    "pool", error_text(error), self.tr("Choose another pool, or create one."),
                    FixAction(FixKind.CREATE_POOL),
                )
            )
        self._pool_reading = False
        self.set_remote_problems("pool", problems)
        self.poolRead.emit()

    async def _resize(self, pool_id: str, nodes: int) -> None:
        try:
            await self._submission.resize_pool(pool_id, nodes)
        except OperationError as error:
            self.set_remote_problems("pool", [Problem("pool", error_text(error))])
            return
        self._read_pool(pool_id)

    def apply_fix(self, action: FixAction) -> None:
        if action.kind is FixKind.SET_INSTANCES:
            self.instances_page.instances_spin.setValue(action.value)
        elif action.kind is FixKind.RESIZE_POOL:
            self.owner.start(self._resize(self._pool_id, action.value), slot="resize")
        elif action.kind is FixKind.CREATE_POOL:
            self.open_pool_wizard()
        elif action.kind is FixKind.SET_RANKS:
            self.mpi_page.set_ranks(action.value)

    def open_pool_wizard(self) -> QWizard:
        from explorer.ui.wizards.pool_wizard import PoolWizard  # the pool wizard is only needed for this fix

        self.pool_wizard = PoolWizard(self._submission, self._settings, parent=self)
        self.pool_wizard.poolCreated.connect(self._pool_created)
        self.pool_wizard.open()
        return self.pool_wizard

    def _pool_created(self, pool_id: str) -> None:
        self.target_page.select_pool(pool_id)
        self.owner.start(self._load_choices(), slot="choices")

    # --- lists and id checks -------------------------------------------------------------------

    async def _load_choices(self) -> None:
        try:
            pools, jobs = await asyncio.gather(self._submission.list_pool_ids(), self._submission.list_open_jobs())
        except OperationError as error:
            self.set_remote_problems(
                "choices", [Problem("pool_id", error_text(error), self.tr("Check the connection and try again."))])
            return
        self.target_page.set_choices(pools, jobs)
        self.set_remote_problems("choices", [])
        self.choicesLoaded.emit()

    def _target_edited(self) -> None:
        spec = self.spec()
        ids = (spec.job_id, spec.task_id, self.target_page.creates_job())
        if ids == self._checked_ids:
            return
        self._checked_ids = ids
        self._remote.pop("ids", None)  # about ids no longer typed
        self.owner.start(self._check_ids(*ids), slot="ids")

    async def _check_ids(self, job_id: str, task_id: str, creates_job: bool) -> None:
        await asyncio.sleep(ID_CHECK_DELAY)
        problems = []
        try:
            if creates_job:
                if check_id(job_id) is None and await self._submission.job_exists(job_id):
                    problems.append(
                        Problem(
                            "job_id",
                            self.tr("Job '{}' already exists but takes no new tasks (it is not active).").format(
                                job_id
                            ),
                            self.tr("Choose an open job from the list, or enter a new job ID."),
                        )
                    )
            elif check_id(task_id) is None and await self._submission.task_exists(job_id, task_id):
                problems.append(
                    Problem(
                        "task_id",
                        self.tr("Job '{}' already has a task '{}'.").format(job_id, task_id),
                        self.tr("Choose another task ID, such as '{}'.").format(next_id(task_id)),
                    )
                )
        except OperationError as error:
            log.info("could not check the ids: %s", error)  # Submit will say, if it matters
        self.set_remote_problems("ids", problems)
        self.idsChecked.emit()

    # --- uploads -----------------------------------------------------------------------------------

    def upload_local_files(self, paths: Sequence[Path], common: bool = True, row: ResourceFileRow | None = None) -> None:
        """Upload to linked storage and add the files (read-only SAS links) to the common
        (every instance) or the primary's resource files; with ``row`` (a local-file row),
        that row becomes the uploaded file."""
        if self._uploader is not None and not self.files_page.busy():
            self.files_page.upload_started(len(paths))
            self.owner.start(self._upload(list(paths), common, row), slot="upload")

    async def _upload(self, paths: list[Path], common: bool, row: ResourceFileRow | None) -> None:
        page = self.files_page
        task_id = self.spec().task_id
        prefix = f"{task_id}/" if check_id(task_id) is None else ""
        try:
            result = await self._uploader.upload_files(
                UPLOAD_CONTAINER, paths, prefix, lambda p: page.upload_progress(p.sent, p.total, p.path.name)
            )
        except BatchLayerError as error:
            page.upload_finished(error_text(error))
            self.uploadFinished.emit(False)
            return
        except asyncio.CancelledError:
            page.upload_finished(self.tr("The upload was cancelled."))
            raise
        files = self._uploader.resource_files(result)
        if row is not None:
            [uploaded] = files
            kept = row.file()
            page.editor(common).replace_row(
                row, replace(uploaded, file_path=kept.file_path or uploaded.file_path, file_mode=kept.file_mode)
            )
        else:
            page.editor(common).add_files(files)
        page.upload_finished(None)
        self.uploadFinished.emit(True)

    # --- remembering ---------------------------------------------------------------------------

    def _recall(self, pool_id: str) -> None:
        values = self._settings.wizard_values(MEMORY_KEY, pool_id) if pool_id else {}
        if not values:
            return
        try:
            remembered = task_json.from_batch_json(values.get("task"), job_id=self.target_page.job_id())
        except SpecFormatError as error:
            log.warning("ignoring the remembered task values of pool %s: %s", pool_id, error)
            return
        spec = replace(
            self.spec(),
            number_of_instances=remembered.number_of_instances,
            user_identity=remembered.user_identity,
        )
        self.instances_page.load(spec)
        if not values.get("commands_forgotten"):
            spec = replace(
                spec,
                command_line=remembered.command_line,
                coordination_command_line=remembered.coordination_command_line,
                common_resource_files=remembered.common_resource_files,
                resource_files=remembered.resource_files,
            )
            self.mpi_page.set_choice(values.get("mpi") or {})
            self.mpi_page.load(spec, as_written=False)
            self.files_page.load(spec)
        self.mpi_page.show_memory_note(
            self.tr(
                "The last task on this pool had files with access tokens, which are never stored, so neither "
                "its files nor the commands that use them were kept."
            )
            if values.get("commands_forgotten")
            else ""
        )
        self.settings_page.recall(remembered.user_identity, remembered.constraints)

    def _remember(self, spec: MultiInstanceTaskSpec, pool_id: str) -> None:
        """The task's values for next time: its files with the commands that need them, or
        neither when a file's URL holds an access token (a SAS), which settings never hold."""
        files = spec.common_resource_files + spec.resource_files
        forget = any(file.carries_secret for file in files)
        kept = replace(spec, environment_settings=())
        if forget:
            kept = replace(kept, common_resource_files=(), resource_files=(), command_line="", coordination_command_line="")
        values = {
            "job_id": spec.job_id,
            "pool_id": pool_id,
            "task": task_json.to_batch_json(kept),
            "mpi": {} if forget else self.mpi_page.choice(),
            "commands_forgotten": forget,
        }
        self._settings.set_wizard_values(MEMORY_KEY, pool_id, values)
        self._settings.set_wizard_values(MEMORY_KEY, None, values)

    # --- submission ----------------------------------------------------------------------------

    async def create(self) -> None:
        spec = self.spec()
        if self.target_page.creates_job():
            await self._submission.create_job(spec.job_id, self.target_page.pool_id())
            # From now on the job is open: a retry after a refused task must not create it again.
            self.target_page.add_open_job(spec.job_id, self.target_page.pool_id())
        await self._submission.submit_task(spec.job_id, self.body())

    def problem_for(self, error: OperationError) -> Problem:
        return task_submission_problem(error.code, error.message)

    def created(self) -> None:
        spec = self.spec()
        self._remember(spec, self.target_page.pool_id())
        self.taskSubmitted.emit(spec.job_id, spec.task_id)
