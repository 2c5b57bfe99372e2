"""The GUI fixtures give views a working monitor and operations over a real Local Batch."""

from __future__ import annotations

import asyncio

from azure.batch import models

from explorer.client.acting.operations import OperationError
from explorer.client.watching.queries import PoolsQuery
from explorer.ui.formatting import pool_rows


def test_services_watch_and_act_on_local_batch(runner, services, batch_client):
    async def scenario():
        pool = models.BatchPoolCreateOptions(
            id="p1", vm_size="standard_d2s_v3", target_dedicated_nodes=1,
            virtual_machine_configuration=models.VirtualMachineConfiguration(
                image_reference=models.BatchVmImageReference(publisher="canonical", offer="0001-com-ubuntu-server-jammy", sku="22_04-lts"),
                node_agent_sku_id="batch.node.ubuntu 22.04",
            ),
        )
        await batch_client.create_pool(pool)
        seen = asyncio.get_running_loop().create_future()
        sub = services.monitor.subscribe(PoolsQuery(), lambda u: "p1" in u.items and not seen.done() and seen.set_result(u))
        update = await seen
        sub.close()
        details = await services.operations.get_pool("p1")
        try:
            await services.operations.get_pool("nope")
        except OperationError as error:
            failure = error
        return update, details, failure

    update, details, failure = runner.run(scenario())
    assert update.items["p1"].vm_size == "standard_d2s_v3"
    assert ("Image", "canonical:0001-com-ubuntu-server-jammy:22_04-lts") in pool_rows(details)
    assert failure.code == "PoolNotFound" and failure.status == 404 and failure.request_id
    assert "Could not read pool nope" in str(failure)
