"""Fixtures for view scenarios that run real tasks: the bundled samples and a view runner."""

from __future__ import annotations

import pytest

from tests.gui.views.view_runner import ViewRunner
from tests.localbatch.samples_server import SamplesServer


@pytest.fixture(scope="module")
def samples():
    """resources/samples served on loopback (where the sample tasks get their programs without linked storage)."""
    server = SamplesServer()
    yield server
    server.stop()


@pytest.fixture
def view_runner(loop, qtbot):
    return ViewRunner(loop, qtbot)
