"""Stopping a resize as Azure does: the nodes still being created go, the targets stay, `resizeErrors` says why.

Nodes boot in 600 s in this service, so they are held in `creating` for as long as the test needs them
there (the test never waits for the boot).
"""

from __future__ import annotations

import pytest
import pytest_asyncio
from azure.batch import models

from tests.support.batch_scenarios import create_pool, unique
from tests.support.local_batch import make_client, running_local_batch

pytestmark = pytest.mark.asyncio


@pytest.fixture(scope="module")
def slow_boot_batch(tmp_path_factory):
    with running_local_batch(tmp_path_factory.mktemp("slowboot"), node_start_seconds=600) as service:
        yield service


@pytest_asyncio.fixture
async def slow_client(slow_boot_batch):
    async with make_client(slow_boot_batch) as batch:
        yield batch


async def test_stop_resize_leaves_resize_stopped_and_no_node_still_being_created(slow_client):
    pool_id = await create_pool(slow_client, unique("pool"), 3)
    assert (await slow_client.get_pool(pool_id)).allocation_state == "resizing"
    poller = await slow_client.begin_stop_pool_resize(pool_id, polling_interval=0.05)
    await poller.result()
    pool = await slow_client.get_pool(pool_id)
    assert pool.allocation_state == "steady"
    assert (pool.target_dedicated_nodes, pool.current_dedicated_nodes) == (3, 0)
    assert [(e.code, "stop resize" in e.message) for e in pool.resize_errors] == [("ResizeStopped", True)]
    assert [node async for node in slow_client.list_nodes(pool_id)] == []
    poller = await slow_client.begin_resize_pool(pool_id, models.BatchPoolResizeOptions(target_dedicated_nodes=0), polling_interval=0.05)
    await poller.result()
    assert (await slow_client.get_pool(pool_id)).resize_errors is None
