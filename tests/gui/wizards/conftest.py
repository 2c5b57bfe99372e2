"""Wizard fixtures: the submission facade over the test's Local Batch, and temp settings."""

from __future__ import annotations

import asyncio

import pytest

from explorer.batch.submission import Submission
from explorer.ui.settings import Settings


@pytest.fixture
def submission(batch_client) -> Submission:
    return Submission(batch_client)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def settle(loop, signal_future):
    """``settle(*signals)`` runs the loop until each signal has been emitted once."""

    def run(*signals, timeout: float = 30.0):
        futures = [signal_future(signal) for signal in signals]
        return loop.run_until_complete(asyncio.wait_for(asyncio.gather(*futures), timeout))

    return run
