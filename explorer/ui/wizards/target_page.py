"""Task wizard, page 1: the job (an open one, or a new one on a chosen pool) and the task's id."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from explorer.client.acting.submission import JobChoice
from explorer.core.checks.ids import next_id, suggest_id
from explorer.core.specs.task_spec import MultiInstanceTaskSpec
from explorer.ui.wizards.spec_page import SpecPage


class TargetPage(SpecPage):
    poolChosen = Signal(str)  # the pool the task would run on changed ("" for none)

    def __init__(self) -> None:
        super().__init__(
            self.tr("Target"),
            self.tr("Add the task to an open job, or type a new job ID to create that job on a pool when you submit."),
        )
        self._jobs: dict[str, JobChoice] = {}
        self._wanted_pool = ""
        self._preferred_pool = ""
        self._last_pool: str | None = None
        self.job_combo = QComboBox()
        self.job_combo.setEditable(True)
        self.job_combo.lineEdit().setPlaceholderText(self.tr("an open job, or a new job ID"))
        self.job_note = QLabel()
        self.job_note.setAccessibleName(self.tr("About the job"))
        self.pool_combo = QComboBox()
        self.task_id_edit = QLineEdit()
        self.task_id_edit.setPlaceholderText(self.tr("letters, digits, '-' and '_', at most 64"))
        self.display_name_edit = QLineEdit()
        self.display_name_edit.setPlaceholderText(self.tr("optional"))
        form = self.new_form()
        self.add_field_row(form, self.tr("Job:"), self.job_combo, "job_id")
        form.addRow("", self.job_note)
        self.add_field_row(form, self.tr("Pool:"), self.pool_combo, "pool_id")
        self.add_field_row(form, self.tr("Task ID:"), self.task_id_edit, "task_id")
        self.add_field_row(form, self.tr("Display name:"), self.display_name_edit, "display_name")
        self.job_combo.currentTextChanged.connect(self.notify)
        self.pool_combo.currentTextChanged.connect(self._pool_edited)
        self.task_id_edit.textChanged.connect(self.notify)
        self.display_name_edit.textChanged.connect(self.notify)

    # --- values ------------------------------------------------------------------------------

    def job_id(self) -> str:
        return self.job_combo.currentText()

    def open_job(self) -> JobChoice | None:
        """The open job the task goes to, or None when a new job will be created."""
        return self._jobs.get(self.job_id().lower())

    def creates_job(self) -> bool:
        return self.open_job() is None

    def pool_id(self) -> str:
        job = self.open_job()
        if job is not None:
            return job.pool_id or ""
        return self.pool_combo.currentText()

    def apply(self, spec: MultiInstanceTaskSpec) -> MultiInstanceTaskSpec:
        return replace(
            spec,
            job_id=self.job_id(),
            task_id=self.task_id_edit.text(),
            display_name=self.display_name_edit.text() or None,
        )

    def load(self, spec: MultiInstanceTaskSpec) -> None:
        with self.loading():
            self.job_combo.setEditText(spec.job_id)
            self.task_id_edit.setText(spec.task_id)
            self.display_name_edit.setText(spec.display_name or "")

    # --- choices -------------------------------------------------------------------------------

    def set_choices(self, pool_ids: Sequence[str], jobs: Sequence[JobChoice]) -> None:
        """Fill the lists, keeping what the user typed or chose."""
        job_text = self.job_id()
        self._wanted_pool = self._shown_pool() or self._wanted_pool
        with self.loading():
            self._jobs = {job.id.lower(): job for job in jobs}
            self.job_combo.clear()
            self.job_combo.addItems([job.id for job in jobs])
            self.job_combo.setEditText(self._job_for_preferred_pool(job_text, jobs))
            self.pool_combo.clear()
            self.pool_combo.addItems(list(pool_ids))
            self._select_wanted_pool()

    def prefer_pool(self, pool_id: str) -> None:
        """The wizard was opened from this pool: once the jobs are listed, a job that runs on
        another pool gives way to one on this pool (or a new job), so the task lands here."""
        self._preferred_pool = pool_id

    def _job_for_preferred_pool(self, job_text: str, jobs: Sequence[JobChoice]) -> str:
        pool = self._preferred_pool
        self._preferred_pool = ""  # once: after that, what the user chooses wins
        job = self._jobs.get(job_text.lower())
        if not pool or job is None or (job.pool_id or "").lower() == pool.lower():
            return job_text
        on_pool = [choice.id for choice in jobs if (choice.pool_id or "").lower() == pool.lower()]
        if on_pool:
            return on_pool[0]
        candidate = suggest_id(f"{pool}-jobs")
        while candidate.lower() in self._jobs:
            candidate = next_id(candidate)
        return candidate

    def add_open_job(self, job_id: str, pool_id: str) -> None:
        """A job just created by this wizard: it is open from now on."""
        self._jobs[job_id.lower()] = JobChoice(job_id, pool_id)
        with self.loading():
            self.job_combo.addItem(job_id)
            self.job_combo.setEditText(job_id)

    def select_pool(self, pool_id: str) -> None:
        """Choose ``pool_id`` now if it is listed, else as soon as it is."""
        self._wanted_pool = pool_id
        if self.pool_combo.findText(pool_id) < 0:
            self.pool_combo.addItem(pool_id)  # listed before the lists load; a read tells if it exists
        self._select_wanted_pool()

    def _select_wanted_pool(self) -> None:
        index = self.pool_combo.findText(self._wanted_pool)
        if index >= 0:
            self.pool_combo.setCurrentIndex(index)

    def _show_pool(self, pool_id: str) -> None:
        if not pool_id or self.pool_combo.currentText() == pool_id:
            return
        with self.loading():
            if self.pool_combo.findText(pool_id) < 0:
                self.pool_combo.addItem(pool_id)
            self.pool_combo.setCurrentIndex(self.pool_combo.findText(pool_id))

    def _pool_edited(self, text: str) -> None:
        if not self._loading and self.open_job() is None:
            self._wanted_pool = text
        self.notify()

    def _shown_pool(self) -> str:
        """The pool the list shows when it is the user's choice (not an open job's pool)."""
        return self.pool_combo.currentText() if self.open_job() is None else ""

    def sync(self) -> None:
        job = self.open_job()
        self.pool_combo.setEnabled(job is None)
        if job is not None:
            self.job_note.setText(self.tr("Open job on pool '{}'.").format(job.pool_id))
            self._show_pool(job.pool_id or "")  # the job decides the pool: show that one
        else:
            self._show_pool(self._wanted_pool)  # back to the user's choice
            text = self.tr("A new job: it is created on the pool below when you submit.") if self.job_id() else ""
            self.job_note.setText(text)
        pool_id = self.pool_id()
        if pool_id != self._last_pool:
            self._last_pool = pool_id
            self.poolChosen.emit(pool_id)
