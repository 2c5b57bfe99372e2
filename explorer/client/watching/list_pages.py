"""Large lists read as raw JSON through the SDK's own pipeline and decoded off the UI loop.

The SDK's list methods build a full model for every item of a page on the loop they run on,
which is the loop the UI shares: ~150 ms per 1,000 nodes on a small machine, even with
`$select`. A monitor poll needs a few fields of each item, so it sends the same GET through
`BatchClient.send_request` (the client's pipeline: Shared Key or Entra sign-in, retries,
hooks, the same transport) and a worker thread turns the body into plain snapshots with each
snapshot's `from_json`. What the loop does per page is one request (sent as a stream, so that the pipeline
does not decode the JSON on the loop too) and one dict update.

A watched list is mostly the same from one poll to the next (10,000 idle nodes): given the
previous poll's pages, a page whose body is the same bytes is not decoded again, and in a page
that changed, an item whose JSON is the same as before keeps its snapshot object. So a poll
decodes what changed, and the monitor's diff can tell unchanged snapshots by identity.
"""

from __future__ import annotations

import asyncio
import json
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True, eq=False)
class Page:
    """One page of a list as the service sent it, and the (id, snapshot) pairs it was decoded into."""

    body: bytes
    items: tuple[tuple[Any, Any], ...]
    next_link: str | None


async def list_json(
    client: BatchClient, path: str, select: tuple[str, ...], convert: Callable[[Any], S],
    *, page_size: int = MAX_PAGE_SIZE,
) -> dict[Any, S]:
    """Every item of the list at `path` (e.g. "/pools/p/nodes"), converted, keyed by id in server order.

    Path segments must already be quoted (`quote_segment`). Raises what the SDK's list would.
    """
    return items_of(await list_pages(client, path, select, convert, page_size=page_size))


async def list_pages(
    client: BatchClient, path: str, select: tuple[str, ...], convert: Callable[[Any], S],
    *, page_size: int = MAX_PAGE_SIZE, previous: Sequence[Page] = (),
) -> tuple[Page, ...]:
    """The pages of the list at `path`, decoded (`list_json`); `previous`: the same list's pages as last
    read, whose snapshots are kept where the service sent the same JSON (`convert` must be the same)."""
    api_version = client._config.api_version  # the version this client sends on every call
    # azure-core takes query values already quoted, as the SDK's request builders quote them.
    params = {"api-version": api_version, "maxresults": str(page_size), "$select": ",".join(map(quote_segment, select))}
    request: HttpRequest | None = HttpRequest("GET", path, params=params, headers={"Accept": "application/json"})
    pages: list[Page] = []
    while request is not None:
        body = await _read(client, request)
        before = previous[len(pages)] if len(pages) < len(previous) else None
        if before is None or before.body != body:  # the same bytes: the same page, nothing to decode
            before = await asyncio.to_thread(_decode_page, body, convert, before)
        pages.append(before)
        request = _next_page_request(before.next_link, api_version) if before.next_link else None
    return tuple(pages)


async def get_json(client: BatchClient, path: str, select: tuple[str, ...], convert: Callable[[Any], S]) -> S:
    """The item at `path` (e.g. "/jobs/j/tasks/t"), converted: the GET the SDK's `get_*` sends, with `$select`,
    decoded here (the SDK's model costs more than the snapshot made of it). Raises what the SDK's get would."""
    params = {"api-version": client._config.api_version, "$select": ",".join(map(quote_segment, select))}
    body = await _read(client, HttpRequest("GET", path, params=params, headers={"Accept": "application/json"}))
    return convert(json.loads(body))


def items_of(pages: Sequence[Page]) -> dict[Any, Any]:
    """The items of `pages` keyed by id, in server order."""
    items: dict[Any, Any] = {}
    for page in pages:
        items.update(page.items)
    return items


def quote_segment(value: str) -> str:
    """One path segment (a pool, job or task id), percent-encoded as the SDK sends it."""
    return urllib.parse.quote(value, safe="")


def _decode_page(body: bytes, convert: Callable[[Any], S], before: Page | None) -> Page:
    """In a worker thread: the page's items as (id, snapshot) pairs, each kept from `before` (the same page
    of the previous poll) if its JSON is the same (comparing dicts costs a tenth of building a snapshot)."""
    document = json.loads(body)
    kept: dict[Any, tuple[Any, Any]] = {}
    if before is not None:
        raw = json.loads(before.body).get("value", ())
        kept = {item.get("id"): (item, pair) for item, pair in zip(raw, before.items, strict=True)}
    items = []
    for item in document.get("value", ()):
        old = kept.get(item.get("id"))
        if old is not None and old[0] == item:
            items.append(old[1])
        else:
            snapshot = convert(item)
            items.append((snapshot.id, snapshot))  # type: ignore[attr-defined]
    return Page(body, tuple(items), document.get("odata.nextLink"))


async def _read(client: BatchClient, request: HttpRequest) -> bytes:
    """The body of a 200 answer to `request`, else raises what the SDK's list would. Sent as a stream: else the
    pipeline's ContentDecodePolicy decodes the JSON on the loop (a third of a poll's UI time), unused here."""
    response = await client.send_request(request, stream=True)
    try:
        body = await response.read()
    finally:
        await response.close()
    _raise_for_status(response)
    return body


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
