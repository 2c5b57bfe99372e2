"""Refused requests (wrong key, tampered, unsigned) and file paths that try to leave the node."""

from __future__ import annotations

import base64
from email.utils import formatdate

import aiohttp
import pytest
from azure.batch import models
from azure.batch.aio import BatchClient
from azure.core.credentials import AzureNamedKeyCredential
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError
from yarl import URL

from explorer.localbatch.api.auth import sign, string_to_sign
from tests.support.batch_scenarios import create_idle_pool, create_job, read_task_file, unique, wait_for_completion

pytestmark = pytest.mark.asyncio
API = "2025-06-01"


def signed_headers(endpoint, method: str, raw_path: str, query: list[tuple[str, str]]) -> dict[str, str]:
    headers = {"ocp-date": formatdate(usegmt=True)}
    text = string_to_sign(method, raw_path, query, headers, endpoint.account)
    headers["Authorization"] = f"SharedKey {endpoint.account}:{sign(text, endpoint.key)}"
    return headers


async def raw_get(endpoint, raw_path: str, headers: dict[str, str]) -> tuple[int, dict]:
    url = URL(f"{endpoint.endpoint}{raw_path}?api-version={API}", encoded=True)
    async with aiohttp.ClientSession() as session:
        async with session.get(url, headers=headers) as response:
            body = await response.json(content_type=None) if response.content_length else {}
            return response.status, body


async def test_wrong_key_is_refused(local_batch):
    endpoint = local_batch.endpoint
    wrong = base64.b64encode(b"x" * 64).decode()
    async with BatchClient(endpoint.endpoint, AzureNamedKeyCredential(endpoint.account, wrong)) as client:
        with pytest.raises(HttpResponseError) as error:
            await client.get_pool("anything")
    assert error.value.status_code == 403 and error.value.error.code == "AuthenticationFailed"


async def test_unsigned_and_tampered_requests_are_refused(local_batch):
    endpoint = local_batch.endpoint
    status, body = await raw_get(endpoint, "/pools", {"ocp-date": formatdate(usegmt=True)})
    assert status == 403 and body["code"] == "AuthenticationFailed"
    good = signed_headers(endpoint, "GET", "/pools", [("api-version", API)])
    assert (await raw_get(endpoint, "/pools", good))[0] == 200
    status, body = await raw_get(endpoint, "/jobs", good)  # signature made for /pools
    assert status == 403 and body["code"] == "AuthenticationFailed"
    assert endpoint.key not in str(body)


async def test_paths_cannot_leave_the_node(client, local_batch):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    job_id = await create_job(client, pool_id)
    await client.create_task(
        job_id, models.BatchTaskCreateOptions(id="links", command_line="/bin/ln -s / wd/root_link")
    )
    await wait_for_completion(client, job_id, "links")
    node_id = (await client.get_task(job_id, "links")).node_info.node_id
    for path in ("../../../../../../etc/passwd", "wd/root_link/etc/passwd", "/etc/passwd", "wd/../../../../../../../../etc/hostname"):
        with pytest.raises(ResourceNotFoundError):
            await read_task_file(client, job_id, "links", path)
        with pytest.raises(ResourceNotFoundError):
            await client.get_node_file_properties(pool_id, node_id, "workitems/" + path)
    endpoint = local_batch.endpoint
    for raw in ("..%2F..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "..%252F..%252Fetc%252Fpasswd"):
        path = f"/pools/{pool_id}/nodes/{node_id}/files/{raw}"
        status, _ = await raw_get(endpoint, path, signed_headers(endpoint, "GET", path, [("api-version", API)]))
        assert status in (403, 404)
        assert status == 404 or "%2e" in raw  # yarl may normalise dot segments; then the signature no longer matches
    names = {f.name async for f in client.list_task_files(job_id, "links", recursive=True)}
    # A link that points outside the node is not listed at all.
    assert "wd" in names and not any(name.startswith("wd/root_link") for name in names)
