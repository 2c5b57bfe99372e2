"""Malformed, incomplete and oversize bodies get Batch's errors and change nothing."""

from __future__ import annotations

from email.utils import formatdate

import aiohttp
import pytest
from yarl import URL

from explorer.localbatch.api.auth import sign, string_to_sign
from tests.support.batch_scenarios import create_job, create_pool, unique

pytestmark = pytest.mark.asyncio
API = "2025-06-01"


async def post(endpoint, path: str, body: bytes, query: tuple[tuple[str, str], ...] = ()) -> tuple[int, dict]:
    query = (("api-version", API), *query)
    headers = {
        "ocp-date": formatdate(usegmt=True),
        "Content-Type": "application/json; odata=minimalmetadata",
        "Content-Length": str(len(body)),
    }
    text = string_to_sign("POST", path, list(query), headers, endpoint.account)
    headers["Authorization"] = f"SharedKey {endpoint.account}:{sign(text, endpoint.key)}"
    async with aiohttp.ClientSession() as session:
        url = URL(f"{endpoint.endpoint}{path}").with_query(query)
        async with session.post(url, data=body, headers=headers) as response:
            return response.status, await response.json(content_type=None)


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"{not json", 400, "InvalidRequestBody"),
        (b"[1, 2]", 400, "InvalidRequestBody"),
        (b'{"id": "p1"}', 400, "MissingRequiredProperty"),
        (b'{"id": "p1", "vmSize": "s", "targetDedicatedNodes": "four"}', 400, "InvalidPropertyValue"),
        (b'{"id": "p1", "vmSize": "s", "taskSlotsPerNode": 0}', 400, "InvalidPropertyValue"),
        (b'{"id": "' + b"x" * 65 + b'", "vmSize": "s"}', 400, "InvalidPropertyValue"),
        (b'{"id": "p1", "vmSize": "s", "pad": "' + b"x" * (5 * 1024 * 1024) + b'"}', 413, "RequestBodyTooLarge"),
    ],
)
async def test_bad_pool_bodies(local_batch, client, body, status, code):
    # The module's Local Batch is shared: other tests may have stored pools of their own.
    before = [p.id async for p in client.list_pools(select=["id"])]
    answer_status, answer = await post(local_batch.endpoint, "/pools", body)
    assert (answer_status, answer["code"]) == (status, code)
    assert answer["message"]["value"] and "Traceback" not in answer["message"]["value"]
    assert [p.id async for p in client.list_pools(select=["id"])] == before, "a refused body stored a pool"


async def test_bad_task_bodies_name_the_property(local_batch):
    endpoint = local_batch.endpoint
    assert (await post(endpoint, "/pools", b'{"id": "p", "vmSize": "s"}'))[0] == 201
    assert (await post(endpoint, "/jobs", b'{"id": "j", "poolInfo": {"poolId": "p"}}'))[0] == 201
    status, answer = await post(endpoint, "/jobs/j/tasks", b'{"id": "t", "commandLine": "x", "multiInstanceSettings": {"numberOfInstances": 2}}')
    assert status == 400 and answer["code"] == "MissingRequiredProperty"
    assert {"key": "PropertyName", "value": "multiInstanceSettings.coordinationCommandLine"} in answer["values"]
    status, answer = await post(endpoint, "/jobs/nope/tasks", b'{"id": "t", "commandLine": "x"}')
    assert status == 404 and answer["code"] == "JobNotFound"
    status, answer = await post(endpoint, "/jobs/j/tasks", b'{"id": "t", "commandLine": "x", "resourceFiles": [{"httpUrl": "ftp://x/y"}]}')
    assert status == 400 and answer["code"] == "InvalidPropertyValue"


async def test_a_bad_select_is_refused_before_the_tasks_are_added(local_batch, client):
    # The reply is projected after the operation: a $select checked only then would answer
    # 400 for tasks that were added all the same (found by the fuzz suite).
    job_id = await create_job(client, await create_pool(client, unique("pool"), 0))
    body = b'{"value": [{"id": "t1", "commandLine": "/bin/true"}]}'
    status, answer = await post(local_batch.endpoint, f"/jobs/{job_id}/addtaskcollection", body, (("$select", "not a name"),))
    assert (status, answer["code"]) == (400, "InvalidQueryParameterValue")
    assert [task.id async for task in client.list_tasks(job_id)] == []
