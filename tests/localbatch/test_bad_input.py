"""Malformed, incomplete and oversize bodies get Batch's errors and change nothing."""

from __future__ import annotations

from email.utils import formatdate

import aiohttp
import pytest
from yarl import URL

from explorer.localbatch.api.auth import sign, string_to_sign

pytestmark = pytest.mark.asyncio
API = "2025-06-01"


async def post(endpoint, path: str, body: bytes) -> tuple[int, dict]:
    headers = {
        "ocp-date": formatdate(usegmt=True),
        "Content-Type": "application/json; odata=minimalmetadata",
        "Content-Length": str(len(body)),
    }
    text = string_to_sign("POST", path, [("api-version", API)], headers, endpoint.account)
    headers["Authorization"] = f"SharedKey {endpoint.account}:{sign(text, endpoint.key)}"
    async with aiohttp.ClientSession() as session:
        url = URL(f"{endpoint.endpoint}{path}?api-version={API}", encoded=True)
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
async def test_bad_pool_bodies(local_batch, body, status, code):
    from tests.localbatch.conftest import make_client

    async with make_client(local_batch) as client:
        before = [p.id async for p in client.list_pools(select=["id"])]  # other tests of the module add pools
        answer_status, answer = await post(local_batch.endpoint, "/pools", body)
        assert (answer_status, answer["code"]) == (status, code)
        assert answer["message"]["value"] and "Traceback" not in answer["message"]["value"]
        assert [p.id async for p in client.list_pools(select=["id"])] == before


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
