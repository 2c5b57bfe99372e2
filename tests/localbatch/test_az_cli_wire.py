"""What other real clients send, byte for byte, and Local Batch's answers: the az CLI (2.91, recorded
through a proxy in front of a Local Batch) and npm @azure/batch's DELETE without Content-Length.

The az CLI itself (about 1 GB installed) is not a test dependency: its requests are reproduced here
as signed raw requests.
"""

from __future__ import annotations

import json
from email.utils import formatdate

import aiohttp
import pytest
import pytest_asyncio
from azure.core.exceptions import ResourceNotFoundError
from yarl import URL

from explorer.localbatch.api.auth import sign, string_to_sign
from tests.localbatch.signed_requests import API, request
from tests.support.batch_scenarios import idle_nodes, unique, wait_for_idle_nodes
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio

AZ_JSON = {"Content-Type": "application/json; odata=minimalmetadata"}


@pytest_asyncio.fixture
async def session():
    async with aiohttp.ClientSession() as opened:
        yield opened


async def az(session, local_batch, method: str, path: str, body: dict | None = None):
    """A request as `az batch` sends it: the body as the CLI serialises it, signed with the account key."""
    data = None if body is None else json.dumps(body).encode()
    return await request(session, local_batch.endpoint, method, path, body=data, headers=AZ_JSON if data else {})


async def test_az_pool_create_with_flags_and_resize_send_integers_as_strings(session, local_batch, client):
    pool_id = unique("azpool")
    # az batch pool create --id P --vm-size standard_d2s_v3 --target-dedicated-nodes 2 --enable-inter-node-communication
    #     --task-slots-per-node 1 --image canonical:ubuntu-24_04-lts:server --node-agent-sku-id "batch.node.ubuntu 24.04"
    created = await az(session, local_batch, "POST", "/pools", {
        "id": pool_id, "vmSize": "standard_d2s_v3",
        "virtualMachineConfiguration": {
            "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts", "sku": "server"},
            "nodeAgentSKUId": "batch.node.ubuntu 24.04",
        },
        "targetDedicatedNodes": "2", "enableInterNodeCommunication": True, "taskSlotsPerNode": "1",
    })
    assert created.status == 201, created.body
    await wait_for_idle_nodes(client, pool_id, 2)
    pool = await client.get_pool(pool_id)
    assert (pool.target_dedicated_nodes, pool.task_slots_per_node) == (2, 1)  # echoed as integers
    # az batch pool resize --pool-id P --target-dedicated-nodes 4
    resized = await az(session, local_batch, "POST", f"/pools/{pool_id}/resize", {"targetDedicatedNodes": "4"})
    assert resized.status == 202, resized.body
    await wait_for_idle_nodes(client, pool_id, 4)
    for wrong in ("4.5", "four", "", "1" * 30):
        refused = await az(session, local_batch, "POST", f"/pools/{pool_id}/resize", {"targetDedicatedNodes": wrong})
        assert refused.status == 400 and refused.json()["code"] == "InvalidPropertyValue", wrong


async def test_az_task_create_with_a_string_retry_count(session, local_batch, client):
    pool_id = unique("azpool")
    assert (await az(session, local_batch, "POST", "/pools", {"id": pool_id, "vmSize": "s", "targetDedicatedNodes": "0"})).status == 201
    job_id = unique("azjob")
    assert (await az(session, local_batch, "POST", "/jobs", {"id": job_id, "poolInfo": {"poolId": pool_id}, "priority": "5"})).status == 201
    # az batch task create --job-id J --task-id t1 --command-line /bin/true --max-task-retry-count 2
    created = await az(session, local_batch, "POST", f"/jobs/{job_id}/tasks",
                       {"id": "t1", "commandLine": "/bin/true", "constraints": {"maxTaskRetryCount": "2"}})
    assert created.status == 201, created.body
    assert (await client.get_task(job_id, "t1")).constraints.max_task_retry_count == 2
    assert (await client.get_job(job_id)).priority == 5


async def test_az_node_commands(session, local_batch, client):
    pool_id = unique("azpool")
    await az(session, local_batch, "POST", "/pools", {"id": pool_id, "vmSize": "s", "targetDedicatedNodes": "1"})
    (node_id,) = await wait_until(lambda: idle_nodes(client, pool_id), what="the node idle")
    node = f"/pools/{pool_id}/nodes/{node_id}"
    # az batch node remote-login-settings show --pool-id P --node-id N
    settings = await az(session, local_batch, "GET", f"{node}/remoteloginsettings")
    assert settings.status == 200 and settings.json()["remoteLoginIPAddress"].startswith("127.")
    # az batch node user create --pool-id P --node-id N --name bob --password ... --is-admin --expiry-time 2030-01-01T00:00:00Z
    user = {"name": "bob", "isAdmin": True, "expiryTime": "2030-01-01T00:00:00Z", "password": "S3cret!pass"}
    assert (await az(session, local_batch, "POST", f"{node}/users", user)).status == 201
    assert (await az(session, local_batch, "POST", f"{node}/users", user)).json()["code"] == "NodeUserExists"
    # az batch node user delete ... --yes: a DELETE with Content-Length 0
    deleted = await request(session, local_batch.endpoint, "DELETE", f"{node}/users/bob", headers={"Content-Length": "0"})
    assert deleted.status == 200, deleted.body
    # az batch pool supported-images list
    images = (await az(session, local_batch, "GET", "/supportedimages")).json()["value"]
    assert {"nodeAgentSKUId": "batch.node.ubuntu 24.04", "osType": "linux"}.items() <= images[0].items()


async def test_a_delete_signed_with_an_empty_content_length_line_as_npm_batch_sends_it(session, local_batch, client):
    """npm @azure/batch 10.2: DELETE with no Content-Length header, signed with an empty Content-Length line."""
    pool_id = unique("npmpool")
    assert (await az(session, local_batch, "POST", "/pools", {"id": pool_id, "vmSize": "s"})).status == 201
    endpoint = local_batch.endpoint
    path, query = f"/pools/{pool_id}", f"api-version={API}"
    headers = {"ocp-date": formatdate(usegmt=True)}
    text = string_to_sign("DELETE", path, [("api-version", API)], headers, endpoint.account, absent_length="")
    headers["Authorization"] = f"SharedKey {endpoint.account}:{sign(text, endpoint.key)}"
    url = URL(f"{endpoint.endpoint}{path}?{query}", encoded=True)
    async with session.request("DELETE", url, headers=headers, skip_auto_headers=("Content-Type",)) as answer:
        assert answer.status == 202, await answer.text()


    async def gone() -> bool:
        try:
            await client.get_pool(pool_id)
        except ResourceNotFoundError:
            return True
        return False

    await wait_until(gone, what="the pool deleted")
