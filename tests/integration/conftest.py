"""A real Local Batch per test (child process, own data dir) and connections to it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import pytest_asyncio

from tests.support.local_batch import connect, running_local_batch


@pytest.fixture
def local_batch(tmp_path: Path):
    with running_local_batch(tmp_path / "localbatch") as service:
        yield service


@pytest_asyncio.fixture
async def connection(local_batch):
    async with await connect(local_batch) as conn:
        yield conn


@pytest_asyncio.fixture
async def loop_errors():
    """Fail the test if anything reaches the loop's exception handler (an escaped exception)."""
    loop = asyncio.get_running_loop()
    errors: list[dict] = []
    previous = loop.get_exception_handler()
    loop.set_exception_handler(lambda _loop, context: errors.append(context))
    yield errors
    loop.set_exception_handler(previous)
    assert not errors, errors
