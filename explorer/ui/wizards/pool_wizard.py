"""The pool wizard: a pool fit for multi-instance MPI tasks, created only on the last
page's "Create pool".

    wizard = PoolWizard(submission, settings, parent=window, storage=linked_storage_or_None)
    wizard.poolCreated.connect(...)

Validation is ``core.validation.validate_pool`` as the user types; the pool id is
checked against the service in the background. The last values are remembered
(without the start task's resource files and environment, which may carry secrets).
"Collect node metrics" (`NodeMetricsOption`, on the start task page) uploads the node sampler to ``storage`` and adds
its start task.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QWidget

from explorer.client.acting.operations import OperationError
from explorer.client.acting.submission import Submission
from explorer.client.errors import BatchLayerError
from explorer.core.batch_json import pool_json
from explorer.core.batch_json.json_reader import SpecFormatError
from explorer.core.checks.ids import check_id, next_id
from explorer.core.checks.problems import FixAction, FixKind, Problem
from explorer.core.checks.service_errors import pool_creation_problem
from explorer.core.checks.validation import validate_pool
from explorer.core.specs.node_sampler_start import without_sampler
from explorer.core.specs.pool_spec import PoolSpec
from explorer.ui.settings import Settings
from explorer.ui.translation import error_text
from explorer.ui.wizards.node_metrics_option import FIELD as METRICS_FIELD
from explorer.ui.wizards.node_metrics_option import SAMPLER_SAS_HOURS, NodeMetricsOption, SamplerStorage, sampler_path
from explorer.ui.wizards.pool_pages import IMAGES, VM_SIZES, PoolPage, StartTaskPage
from explorer.ui.wizards.spec_wizard import SpecWizard
from explorer.ui.wizards.task_wizard import ID_CHECK_DELAY, UPLOAD_CONTAINER

log = logging.getLogger(__name__)

MEMORY_KEY = "pool"


def default_pool_spec() -> PoolSpec:
    return PoolSpec("mpi-pool", VM_SIZES[0], next(iter(IMAGES.values())), target_dedicated_nodes=2)


class PoolWizard(SpecWizard):
    poolCreated = Signal(str)
    idChecked = Signal()  # the service said whether the pool id is taken
    samplerUploaded = Signal(bool)  # the node sampler is in the linked storage (True) or could not be

    def __init__(
        self, submission: Submission, settings: Settings, parent: QWidget | None = None,
        storage: SamplerStorage | None = None,
    ) -> None:
        super().__init__(parent, self.tr("Create pool"), QSize(920, 760))
        self.setWindowTitle(self.tr("New pool for MPI tasks"))
        self._submission = submission
        self._settings = settings
        self._checked_id: str | None = None
        self._storage = storage
        initial = self._remembered() or default_pool_spec()
        start_task, collected = without_sampler(initial.start_task)
        self._initial = replace(initial, start_task=start_task)
        self.pool_page = PoolPage(local_batch=submission.targets_local_batch)
        self.start_task_page = StartTaskPage()
        self.metrics = NodeMetricsOption(storage is not None)
        self.start_task_page.content().addWidget(self.metrics)
        self.start_task_page.feedback_for(METRICS_FIELD, self.metrics.feedback)
        self.add_spec_page(self.pool_page)
        self.add_spec_page(self.start_task_page)
        self.metrics.collect_check.toggled.connect(self._collect_toggled)
        self.metrics.edited.connect(self.revalidate)
        self.add_review_page(self.tr("Review"), self.tr("This is the pool exactly as it will be created."))
        self.pool_page.edited.connect(self._id_edited)
        self.pool_page.load(self._initial)
        self.start_task_page.load(self._initial)
        if collected and storage is not None:
            self.metrics.collect_check.setChecked(True)
        self.revalidate()

    def spec(self) -> PoolSpec:
        return self.metrics.apply(self.start_task_page.apply(self.pool_page.apply(self._initial)))

    def body(self) -> dict:
        return pool_json.to_batch_json(self.spec())

    def spec_problems(self) -> list[Problem]:
        return validate_pool(self.spec()) + self.metrics.problems()

    def apply_fix(self, action: FixAction) -> None:
        if action.kind is FixKind.ENABLE_INTER_NODE_COMMUNICATION:
            self.pool_page.inter_node_check.setChecked(True)
        elif action.kind is FixKind.SET_TASK_SLOTS_PER_NODE:
            self.pool_page.slots_spin.setValue(action.value)

    # --- the id ------------------------------------------------------------------------------

    def _id_edited(self) -> None:
        pool_id = self.pool_page.id_edit.text()
        if pool_id == self._checked_id:
            return
        self._checked_id = pool_id
        self._remote.pop("id", None)
        self.owner.start(self._check_id(pool_id), slot="id")

    async def _check_id(self, pool_id: str) -> None:
        await asyncio.sleep(ID_CHECK_DELAY)
        problems = []
        try:
            if check_id(pool_id) is None and await self._submission.pool_exists(pool_id):
                problems.append(
                    Problem(
                        "id",
                        self.tr("Pool '{}' already exists.").format(pool_id),
                        self.tr("Choose another ID, such as '{}'.").format(next_id(pool_id)),
                    )
                )
        except OperationError as error:
            log.info("could not check the pool id: %s", error)
        self.set_remote_problems("id", problems)
        self.idChecked.emit()

    # --- the node sampler ----------------------------------------------------------------------

    def _collect_toggled(self, collect: bool) -> None:
        if collect and self._storage is not None and self.metrics.sampler_file is None:
            self.metrics.upload_started()
            self.owner.start(self._upload_sampler(self._storage), slot="sampler")
        elif not collect:
            self.owner.cancel("sampler")
            if self.metrics.uploading:
                self.metrics.upload_finished(None)

    async def _upload_sampler(self, storage: SamplerStorage) -> None:
        try:
            result = await storage.upload_files(UPLOAD_CONTAINER, [sampler_path()], "node-sampler/")
        except BatchLayerError as error:
            self.metrics.upload_finished(None, error_text(error))
            self.samplerUploaded.emit(False)
            return
        [file] = storage.resource_files(result, hours=SAMPLER_SAS_HOURS)
        self.metrics.upload_finished(file)
        self.samplerUploaded.emit(True)

    # --- memory and submission ---------------------------------------------------------------

    def _remembered(self) -> PoolSpec | None:
        values = self._settings.wizard_values(MEMORY_KEY)
        if not values:
            return None
        try:
            spec = pool_json.from_batch_json(values.get("pool"))
        except SpecFormatError as error:
            log.warning("ignoring the remembered pool values: %s", error)
            return None
        return replace(spec, id=next_id(spec.id))

    def _remember(self, spec: PoolSpec) -> None:
        start_task = spec.start_task
        if start_task is not None:
            start_task = replace(start_task, resource_files=(), environment_settings=())
        body = pool_json.to_batch_json(replace(spec, start_task=start_task))
        self._settings.set_wizard_values(MEMORY_KEY, None, {"pool": body})

    async def create(self) -> None:
        await self._submission.create_pool(self.body())

    def problem_for(self, error: OperationError) -> Problem:
        return pool_creation_problem(error.code, error.message)

    def created(self) -> None:
        spec = self.spec()
        self._remember(spec)
        self.poolCreated.emit(spec.id)
