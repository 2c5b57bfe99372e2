"""A real Local Batch per test module, and an unmodified azure-batch async client for it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import pytest
import pytest_asyncio
from azure.batch.aio import BatchClient
from azure.core.credentials import AzureNamedKeyCredential

from explorer.client.local.local_batch import LocalBatchService

T = TypeVar("T")


@pytest.fixture(scope="module")
def local_batch(tmp_path_factory):
    service = LocalBatchService(tmp_path_factory.mktemp("localbatch"), extra_args=("--node-start-seconds", "0.1"))
    service.start()
    yield service
    service.stop()


def make_client(service: LocalBatchService, **kwargs) -> BatchClient:
    endpoint = service.endpoint
    assert endpoint is not None
    return BatchClient(endpoint.endpoint, AzureNamedKeyCredential(endpoint.account, endpoint.key), **kwargs)


@pytest_asyncio.fixture
async def client(local_batch):
    async with make_client(local_batch) as batch:
        yield batch


async def wait_until(check: Callable[[], Awaitable[T]], timeout: float = 60.0, what: str = "condition") -> T:
    """Poll an async check until it returns something truthy; fail with `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = await check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await asyncio.sleep(0.05)
