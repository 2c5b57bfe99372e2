"""Wizard fixtures: the submission facade over the test's Local Batch, temp settings, and the
steps a wizard test takes on the loop (`run`, `shown`, `settle`)."""

from __future__ import annotations

import asyncio

import pytest

from explorer.client.acting.submission import Submission
from explorer.ui.settings import Settings
from explorer.ui.wizards.task_wizard import TaskWizard
from tests.support.qt_scenarios import next_emission


@pytest.fixture
def submission(batch_client) -> Submission:
    return Submission(batch_client)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def run(runner):
    return runner.run


@pytest.fixture
def shown(runner):
    """``shown(wizard)`` registers the wizard with qtbot and shows it at its own size."""
    return lambda wizard: runner.show(wizard, size=None)


@pytest.fixture
def open_wizard(shown, submission, settings):
    """``open_wizard(**options)``: a shown task wizard over the test's Local Batch."""
    return lambda **options: shown(TaskWizard(submission, settings, **options))


@pytest.fixture
def settle(runner):
    """``settle(*signals)`` runs the loop until each signal has been emitted once; returns their arguments."""

    def run(*signals):
        return runner.run(asyncio.gather(*(next_emission(signal) for signal in signals)))

    return run
