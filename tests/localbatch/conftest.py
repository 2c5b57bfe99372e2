"""A real Local Batch per test module (tests use their own unique ids), and an unmodified
azure-batch async client for it; `linked_batch`/`linked_client` are one linked to the session's
Azurite as its auto-storage."""

from __future__ import annotations

import pytest
import pytest_asyncio

from tests.support.local_batch import make_client, running_local_batch


@pytest.fixture(scope="module")
def local_batch(tmp_path_factory):
    with running_local_batch(tmp_path_factory.mktemp("localbatch")) as service:
        yield service


@pytest_asyncio.fixture
async def client(local_batch):
    async with make_client(local_batch) as batch:
        yield batch


@pytest.fixture(scope="module")
def linked_batch(tmp_path_factory, azurite):
    """A Local Batch linked to the session's Azurite as its auto-storage."""
    with running_local_batch(tmp_path_factory.mktemp("linked"), auto_storage=azurite.account) as service:
        yield service


@pytest_asyncio.fixture
async def linked_client(linked_batch):
    async with make_client(linked_batch) as batch:
        yield batch
