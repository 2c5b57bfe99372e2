"""Wizard fixtures: the submission facade over the test's Local Batch, and temp settings."""

from __future__ import annotations

import asyncio

import pytest

from explorer.client.acting.submission import Submission
from explorer.ui.settings import Settings
from explorer.ui.wizards.task_wizard import TaskWizard


@pytest.fixture
def submission(batch_client) -> Submission:
    return Submission(batch_client)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def run(loop):
    return loop.run_until_complete


@pytest.fixture
def shown(qtbot):
    """``shown(wizard)`` registers the wizard with qtbot and shows it."""

    def show(wizard):
        qtbot.addWidget(wizard)
        wizard.show()
        return wizard

    return show


@pytest.fixture
def open_wizard(shown, submission, settings):
    """``open_wizard(**options)``: a shown task wizard over the test's Local Batch."""
    return lambda **options: shown(TaskWizard(submission, settings, **options))


@pytest.fixture
def settle(loop, signal_future):
    """``settle(*signals)`` runs the loop until each signal has been emitted once."""

    def run(*signals, timeout: float = 30.0):
        futures = [signal_future(signal) for signal in signals]
        return loop.run_until_complete(asyncio.wait_for(asyncio.gather(*futures), timeout))

    return run


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    """Cancel what a wizard left running before pytest-qt processes events after the test:
    qasync steps tasks from Qt events, and outside ``run_until_complete`` no loop runs."""
    yield
    loop = item.funcargs.get("loop")
    if loop is None or loop.is_closed():
        return
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
