"""A real Azurite for the tests that need blob storage (registered in tests/conftest.py).

One Azurite per test session, in a temp dir, always stopped at the end. It must be
installed (`scripts/test.sh` does it): a missing Azurite is an error, not a skip.
"""

from __future__ import annotations

import uuid

import pytest

from explorer.client.acting.storage import LinkedStorage, azurite_storage
from explorer.client.local.azurite import AzuriteService


@pytest.fixture(scope="session")
def azurite(tmp_path_factory) -> AzuriteService:
    service = AzuriteService(tmp_path_factory.mktemp("azurite"))
    service.start()
    yield service
    service.stop()


@pytest.fixture
def storage(azurite: AzuriteService) -> LinkedStorage:
    return azurite_storage(azurite)


@pytest.fixture
def container_name() -> str:
    """A fresh container name per test, so tests never see each other's blobs."""
    return f"test-{uuid.uuid4().hex[:12]}"
