"""A real Local Batch per test (child process, own data dir) and clients for it."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest
import pytest_asyncio

from explorer.client.connecting.client_factory import ClientFactory
from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.profiles import LocalBatchProfile
from explorer.client.local.local_batch import LocalBatchService

NODE_START_SECONDS = 0.05


@pytest.fixture
def node_start_seconds() -> float:
    """Override in a test module to watch nodes boot more slowly."""
    return NODE_START_SECONDS


@pytest.fixture
def local_batch(tmp_path: Path, node_start_seconds: float):
    service = LocalBatchService(
        tmp_path / "localbatch", extra_args=("--node-start-seconds", str(node_start_seconds))
    )
    service.start()
    yield service
    stop_service_tree(service)


def stop_service_tree(service: LocalBatchService) -> None:
    """Stop Local Batch and any task process it left (tests kill it with SIGKILL too)."""
    pid = service.pid
    children = _descendants(pid) if pid else []
    service.stop()
    for child in children:
        try:
            os.kill(child, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _descendants(pid: int) -> list[int]:
    import psutil

    try:
        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


@pytest_asyncio.fixture
async def connection(local_batch: LocalBatchService):
    factory = ClientFactory(MemoryCredentialStore(), local_service=local_batch)
    conn = await factory.connect(LocalBatchProfile(data_dir=local_batch.data_dir))
    yield conn
    await conn.close()


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
