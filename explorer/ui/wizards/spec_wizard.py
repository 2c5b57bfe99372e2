"""What both wizards share: validation as the user types, problems spread over the
pages, checks and submission run by a TaskOwner, and a refused submission shown on
the page it concerns with nothing the user typed lost.

Nothing is sent before the last page's Submit: ``validateCurrentPage`` on the
review page starts ``create()`` and keeps the wizard open; success accepts it, an
OperationError becomes a Problem beside the field it is about.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget, QWizard

from explorer.client.acting.operations import OperationError
from explorer.core.checks.problems import FixAction, Problem
from explorer.core.checks.service_errors import SERVICE_FIELD
from explorer.ui.task_owner import TaskOwner
from explorer.ui.translation import error_text
from explorer.ui.wizards.review_page import ReviewPage
from explorer.ui.wizards.spec_page import SpecPage

log = logging.getLogger(__name__)


class SpecWizard(QWizard):
    validated = Signal()  # problems were recomputed and shown
    submitFailed = Signal(str)  # the service refused; the message is shown on its page

    def __init__(self, parent: QWidget | None, finish_text: str, size: QSize) -> None:
        """``size``: the wizard's size on every page (pages scroll rather than grow it),
        made smaller only on a screen that cannot hold it."""
        super().__init__(parent)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, finish_text)
        self.resize(_fitting(size))
        self.owner = TaskOwner(self, on_error=self._background_failed)
        self._remote: dict[str, list[Problem]] = {}
        self._refused_body: dict | None = None
        self._submitting = False
        self._accepted = False
        self._revalidating = False
        self._again = False

    # --- what a wizard provides ----------------------------------------------------------

    def body(self) -> dict:
        """The JSON the final Submit sends."""
        raise NotImplementedError

    def spec_problems(self) -> list[Problem]:
        raise NotImplementedError

    async def create(self) -> None:
        """Send it; raise OperationError when the service refuses."""
        raise NotImplementedError

    def problem_for(self, error: OperationError) -> Problem:
        raise NotImplementedError

    def apply_fix(self, action: FixAction) -> None:
        raise NotImplementedError

    def created(self) -> None:
        """After a successful submission, before the wizard closes: remember, emit."""
        raise NotImplementedError

    # --- pages ---------------------------------------------------------------------------

    def add_spec_page(self, page: SpecPage) -> SpecPage:
        self.addPage(page)
        page.edited.connect(self.revalidate)
        page.fixRequested.connect(self.apply_fix)
        return page

    def add_review_page(self, title: str, subtitle: str) -> ReviewPage:
        self.review_page = ReviewPage(title, subtitle, self.body, lambda: self._submitting)
        return self.add_spec_page(self.review_page)

    def spec_pages(self) -> list[SpecPage]:
        return [self.page(page_id) for page_id in self.pageIds()]

    def page_of(self, field: str) -> SpecPage:
        """The first page showing ``field``; the review page shows everything."""
        return next(page for page in self.spec_pages() if page.owns(field))

    def show_page_of(self, field: str) -> None:
        target = self.page_of(field)
        while self.currentPage() is not target and self.currentId() != self.startId():
            self.back()

    def export_json(self, path) -> None:
        self.review_page.export_json(path)

    # --- validation -------------------------------------------------------------------------

    def problems(self) -> list[Problem]:
        """Everything wrong (errors keep the wizard from submitting, warnings do not), each once.

        A page's own problem with a field (input that does not fit the spec, such as a local
        file not uploaded yet) replaces what the spec's checks say of that field's value."""
        local = [problem for page in self.spec_pages() for problem in page.local_problems()]
        covered = {problem.field for problem in local}
        found = [problem for problem in self.spec_problems() if problem.field not in covered]
        found.extend(local)
        for problems in self._remote.values():
            found.extend(problems)
        return list(dict.fromkeys(found))

    def set_remote_problems(self, key: str, problems: Sequence[Problem]) -> None:
        """Problems found by asking the service (an id taken, a pool unreadable)."""
        self._remote[key] = list(problems)
        self.revalidate()

    def revalidate(self) -> None:
        if self._revalidating:
            self._again = True  # a page changed a widget while syncing: sync once more
            return
        self._revalidating = True
        try:
            for _ in range(3):
                self._again = False
                for page in self.spec_pages():
                    page.sync()
                if not self._again:
                    break
            if self._refused_body is not None and self.body() != self._refused_body:
                self._remote.pop("service", None)  # the user changed what was refused
                self._refused_body = None
            problems = self.problems()
            for page in self.spec_pages():
                page.show_problems(problems)
        finally:
            self._revalidating = False
        self.validated.emit()

    # --- submission ---------------------------------------------------------------------------

    @property
    def submitting(self) -> bool:
        return self._submitting

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt override
        if self.currentPage() is not self.review_page:
            return super().validateCurrentPage()
        if self._accepted:
            return True
        if not self._submitting:
            self.submit()
        return False

    def submit(self) -> None:
        """What the Submit button does: send in the background, close on success."""
        self._set_submitting(True)
        self.owner.start(self._submit(), slot="submit")

    async def _submit(self) -> None:
        try:
            await self.create()
        except OperationError as error:
            self._set_submitting(False)
            self._refused(self.problem_for(error), error_text(error))
            return
        self._set_submitting(False)
        self._accepted = True
        self.created()
        self.accept()

    def _refused(self, problem: Problem, message: str) -> None:
        self._refused_body = self.body()
        self.set_remote_problems("service", [problem])
        self.show_page_of(problem.field)
        self.submitFailed.emit(message)

    def _set_submitting(self, submitting: bool) -> None:
        self._submitting = submitting
        # A commit page has no Back button; Cancel would leave a half-sent submission.
        self.review_page.setCommitPage(submitting)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not submitting)
        self.review_page.status.setText(self.tr("Submitting…") if submitting else "")
        self.review_page.completeChanged.emit()

    def _background_failed(self, error: BaseException) -> None:
        log.error("wizard task failed", exc_info=error)
        if self._submitting:
            self._set_submitting(False)
            failed = self.tr("Submission failed: {}").format(error_text(error))
            self._refused(Problem(SERVICE_FIELD, failed), str(error))


def _fitting(size: QSize) -> QSize:
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return size
    room = screen.availableGeometry().size() * 0.92
    return size.boundedTo(room)
