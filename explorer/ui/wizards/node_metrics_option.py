"""The pool wizard's node metrics option: one checkbox, on the start task page, that adds the node
sampler's start task.

Ticking it uploads the sampler (package data) to the account's linked storage at once, so the
review page shows the exact start task, read-only SAS link included; the start task is added,
or an existing one is prefixed (`explorer.core.specs.node_sampler_start`). Without linked
storage the nodes could not download the sampler: the box is off and says how to do it by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from explorer.core.checks.problems import Problem
from explorer.core.specs.node_sampler_start import SAMPLER_FILE, with_sampler
from explorer.core.specs.pool_spec import PoolSpec
from explorer.core.specs.resource_files import ResourceFile
from explorer.resources import resource_path
from explorer.ui.wizards.field_feedback import FieldFeedback

FIELD = "start_task.node_metrics"
SAMPLER_SAS_HOURS = 365 * 24.0
"""A pool outlives a task: nodes that join a year on still download the sampler."""


def sampler_path() -> Path:
    return resource_path("node_sampler", SAMPLER_FILE)


class SamplerStorage(Protocol):
    """What the page needs of linked storage (``explorer.client.acting.storage.LinkedStorage``)."""

    async def upload_files(
        self, container: str, paths: Sequence[Path], blob_prefix: str = "", on_progress: Callable | None = None
    ) -> Any: ...

    def resource_files(self, upload: Any, directory: str = "", hours: float = ...) -> list[ResourceFile]: ...


class NodeMetricsOption(QGroupBox):
    """`edited()` when the box is ticked or unticked, or the upload ended."""

    edited = Signal()

    def __init__(self, storage_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(NodeMetricsOption.tr("Node metrics"), parent)
        self.collect_check = QCheckBox(self.tr("Collect node metrics (CPU, memory, network, disk)"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        about = QLabel(self.tr(
            "A start task copies MPI Explorer's node sampler (a small Python 3 script, no packages needed) to "
            "each node's shared directory and runs it in the background, elevated so that it sees every "
            "task's processes. It writes a sample every 5 seconds to shared/mpi-explorer/metrics.jsonl "
            "(at most 2 MB), which the explorer reads through the Batch API: no Azure add-on, no agent. "
            "An existing start task keeps its command, run after the sampler is started."))
        about.setWordWrap(True)
        self.feedback = FieldFeedback()
        layout = QVBoxLayout(self)
        for widget in (self.collect_check, self.status, self.feedback, about):
            layout.addWidget(widget)
        self.sampler_file: ResourceFile | None = None
        self.uploading = False
        self.upload_error: str | None = None
        if not storage_available:
            self.collect_check.setEnabled(False)
            self.status.setText(self.tr(
                "This account has no linked storage to hand the sampler to the nodes. Link a storage account "
                "(Connection > Accounts…), or add the start task from the README's \u201cNode metrics\u201d section "
                "with the sampler at a URL of your own."))
        self.status.setVisible(bool(self.status.text()))
        self.collect_check.toggled.connect(self.edited)

    def collecting(self) -> bool:
        return self.collect_check.isChecked()

    def upload_started(self) -> None:
        self.uploading, self.upload_error = True, None
        self._say(self.tr("Uploading the sampler to the linked storage…"))
        self.edited.emit()

    def upload_finished(self, file: ResourceFile | None, error: str | None = None) -> None:
        self.uploading, self.upload_error, self.sampler_file = False, error, file or self.sampler_file
        self._say(self.tr("The sampler is in the linked storage; the nodes download it with a read-only link.")
                  if file else "")
        self.edited.emit()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def problems(self) -> list[Problem]:
        """While the sampler uploads the pool cannot be created with it yet; a failed upload says why."""
        if not self.collecting():
            return []
        if self.uploading:
            return [Problem(FIELD, self.tr("The node sampler is being uploaded…"))]
        if self.upload_error:
            why = self.tr("The sampler could not be uploaded: {}").format(self.upload_error)
            fix = self.tr("Untick the box to create the pool without node metrics, or tick it again to retry.")
            return [Problem(FIELD, why, fix)]
        return []

    def apply(self, spec: PoolSpec) -> PoolSpec:
        if not self.collecting() or self.sampler_file is None:
            return spec
        return replace(spec, start_task=with_sampler(spec.start_task, self.sampler_file))
