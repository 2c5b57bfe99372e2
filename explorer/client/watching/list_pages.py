"""Large lists read as raw JSON through the SDK's own pipeline and decoded off the UI loop.

The SDK's list methods build a full model for every item of a page on the loop they run on,
which is the loop the UI shares: ~150 ms per 1,000 nodes on a small machine, even with
`$select`. A monitor poll needs a few fields of each item, so it sends the same GET through
`BatchClient.send_request` (the client's pipeline: Shared Key or Entra sign-in, retries,
hooks, the same transport) and a worker thread turns the body into plain snapshots with each
snapshot's `from_json`. What the loop does per page is one request and one dict update.
"""

from __future__ import annotations

import asyncio
import json
import urllib.parse
from collections.abc import Callable
from typing import Any, TypeVar

from azure.batch.aio import BatchClient
from azure.core.exceptions import (
    ClientAuthenticationError,
    HttpResponseError,
    ResourceExistsError,
    ResourceNotFoundError,
    map_error,
)
from azure.core.rest import AsyncHttpResponse, HttpRequest

S = TypeVar("S")

MAX_PAGE_SIZE = 1000
"""Batch's maximum: decoded off the loop, a big page costs the UI nothing and saves requests."""

_ERRORS = {401: ClientAuthenticationError, 404: ResourceNotFoundError, 409: ResourceExistsError}
"""What the SDK's list methods raise for these statuses (anything else but 200: HttpResponseError)."""


async def list_json(
    client: BatchClient, path: str, select: tuple[str, ...], convert: Callable[[Any], S],
    *, page_size: int = MAX_PAGE_SIZE,
) -> dict[Any, S]:
    """Every item of the list at `path` (e.g. "/pools/p/nodes"), converted, keyed by id in server order.

    Path segments must already be quoted (`quote_segment`). Raises what the SDK's list would.
    """
    api_version = client._config.api_version  # the version this client sends on every call
    # azure-core takes query values already quoted, as the SDK's request builders quote them.
    params = {"api-version": api_version, "maxresults": str(page_size), "$select": ",".join(map(quote_segment, select))}
    request: HttpRequest | None = HttpRequest("GET", path, params=params, headers={"Accept": "application/json"})
    items: dict[Any, S] = {}
    while request is not None:
        response = await client.send_request(request)
        _raise_for_status(response)
        page, next_link = await asyncio.to_thread(_decode_page, response.content, convert)
        items.update(page)
        request = _next_page_request(next_link, api_version) if next_link else None
    return items


def quote_segment(value: str) -> str:
    """One path segment (a pool, job or task id), percent-encoded as the SDK sends it."""
    return urllib.parse.quote(value, safe="")


def _decode_page(body: bytes, convert: Callable[[Any], S]) -> tuple[list[tuple[Any, S]], str | None]:
    """In a worker thread: the page's items as (id, snapshot) pairs, and the next page's link."""
    document = json.loads(body)
    snapshots = [convert(item) for item in document.get("value", ())]
    return [(s.id, s) for s in snapshots], document.get("odata.nextLink")  # type: ignore[attr-defined]


def _raise_for_status(response: AsyncHttpResponse) -> None:
    if response.status_code != 200:
        map_error(status_code=response.status_code, response=response, error_map=_ERRORS)
        raise HttpResponseError(response=response)


def _next_page_request(next_link: str, api_version: str) -> HttpRequest:
    """The GET of `odata.nextLink` with the client's api-version, as the SDK's pagers build it."""
    parsed = urllib.parse.urlparse(next_link)
    params = {key: [urllib.parse.quote(v) for v in values]
              for key, values in urllib.parse.parse_qs(parsed.query).items() if key != "api-version"}
    params["api-version"] = [api_version]
    return HttpRequest("GET", urllib.parse.urljoin(next_link, parsed.path), params=params,
                       headers={"Accept": "application/json"})
