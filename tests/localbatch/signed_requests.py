"""Raw HTTP requests to a Local Batch, signed with Shared Key as the SDK signs them (or not at all).

For what the SDK never sends: malformed bodies, odd headers and query strings, special
file names. Query pairs are sent as given, in order, percent-encoded by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import formatdate
from urllib.parse import unquote_plus

import aiohttp
from yarl import URL

from explorer.client.local.local_batch import LocalBatchEndpoint
from explorer.localbatch.api.auth import sign, string_to_sign

API = "2025-06-01"


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    headers: dict[str, str]

    def json(self) -> dict:
        import json

        return json.loads(self.body) if self.body else {}


def signed_headers(
    endpoint: LocalBatchEndpoint, method: str, raw_path: str, raw_query: str, headers: dict[str, str] | None = None
) -> dict[str, str]:
    """`headers` plus ocp-date and the Authorization a client with the key would send."""
    headers = {"ocp-date": formatdate(usegmt=True), **(headers or {})}
    pairs = [_decoded_pair(item) for item in raw_query.split("&") if item]
    text = string_to_sign(method, raw_path, pairs, headers, endpoint.account)
    headers["Authorization"] = f"SharedKey {endpoint.account}:{sign(text, endpoint.key)}"
    return headers


def _decoded_pair(item: str) -> tuple[str, str]:
    name, _, value = item.partition("=")
    return unquote_plus(name), unquote_plus(value)


async def request(
    session: aiohttp.ClientSession,
    endpoint: LocalBatchEndpoint,
    method: str,
    raw_path: str,
    raw_query: str = f"api-version={API}",
    *,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    signed: bool = True,
) -> Answer:
    headers = dict(headers or {})
    if body is not None:
        headers.setdefault("Content-Type", "application/json; odata=minimalmetadata")
        headers["Content-Length"] = str(len(body))
    if signed:
        headers = signed_headers(endpoint, method, raw_path, raw_query, headers)
    url = URL(f"{endpoint.endpoint}{raw_path}" + (f"?{raw_query}" if raw_query else ""), encoded=True)
    async with session.request(method, url, data=body, headers=headers, skip_auto_headers=("Content-Type",)) as response:
        return Answer(response.status, await response.read(), dict(response.headers))
