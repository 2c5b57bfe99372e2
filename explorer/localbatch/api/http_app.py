"""The aiohttp application: Shared Key on every request, Batch headers, errors and lists.

Whatever goes wrong inside a handler reaches the client as Batch's JSON error body
with a status code from Batch's vocabulary; never a traceback. What the client sends is
read with bounds: bodies by size, JSON nesting and integer length; query strings with
each parameter at most once (the Shared Key signature covers the first non-empty value
of a name, so a second value could change a signed request's meaning); $skiptoken by
its shape.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import json
import logging
import re
import sys
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.web_protocol import RequestPayloadError

from explorer.localbatch.api import odata
from explorer.localbatch.api.auth import AuthenticationError, verify_request
from explorer.localbatch.wire.bodies import Body
from explorer.localbatch.wire.clock import http_date_from_iso, parse_iso
from explorer.localbatch.wire.errors import BatchError

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 4 * 1024 * 1024
MAX_JSON_DEPTH = 32  # Batch's deepest bodies nest about six levels
MAX_INTEGER_DIGITS = 20  # every Batch integer fits in 64 bits
_PARSE_IN_THREAD_BYTES = 64 * 1024  # larger bodies are parsed off the event loop
JSON_TYPE = "application/json;odata=minimalmetadata"
# Every api-version today's Azure Batch clients send: dates, optionally with the data-plane suffix.
_API_VERSION = re.compile(r"^\d{4}-\d{2}-\d{2}(\.\d+\.\d+)?(-preview)?$")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
CONFIG = web.AppKey("config", dict)


def metadata_url(request: web.Request, fragment: str = "") -> str:
    base = f"{request.scheme}://{request.host}/$metadata"
    return f"{base}#{fragment}" if fragment else base


@web.middleware
async def batch_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    response = await _answer_errors(request, handler)
    response.headers["request-id"] = str(uuid.uuid4())
    client_request_id = request.headers.get("client-request-id")
    if client_request_id:
        response.headers["client-request-id"] = client_request_id
    return response


async def _answer_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        await _read_whole_body(request)
        return await handler(request)
    except BatchError as error:
        return error_response(request, error)
    except odata.ODataError as error:
        return error_response(request, BatchError(400, "InvalidQueryParameterValue", str(error)))
    except web.HTTPRequestEntityTooLarge:
        return error_response(
            request,
            BatchError(413, "RequestBodyTooLarge", f"The request body is larger than {MAX_BODY_BYTES} bytes."),
        )
    except web.HTTPException as error:
        if error.status < 400:
            raise
        code = {404: "ResourceNotFound", 405: "UnsupportedHttpVerb"}.get(error.status, "InvalidRequest")
        return error_response(request, BatchError(error.status, code, f"{error.reason}: {request.method} {request.path}"))
    except Exception:  # noqa: BLE001 - the client gets a clean 500, the log gets the traceback
        log.exception("unhandled error for %s %s", request.method, request.path)
        return error_response(request, BatchError(500, "InternalServerError", "Local Batch failed to process the request."))


class ServerLog(logging.LoggerAdapter):
    """aiohttp's server log, where requests its HTTP parser refuses (answered 400) are DEBUG, not ERROR.

    A client sending garbage (an over-long line, an unknown verb, a broken encoding) is not
    a fault of the service; everything else aiohttp reports stays an error.
    """

    def exception(self, msg: object, *args: object, exc_info: Any = True, **kwargs: Any) -> None:
        error = exc_info if isinstance(exc_info, BaseException) else sys.exc_info()[1]
        level = logging.DEBUG if isinstance(error, (HttpProcessingError, RequestPayloadError)) else logging.ERROR
        self.log(level, msg, *args, exc_info=exc_info, **kwargs)


@web.middleware
async def shared_key(request: web.Request, handler: Handler) -> web.StreamResponse:
    config = request.app[CONFIG]
    try:
        verify_request(
            request.method,
            request.rel_url.raw_path,
            list(request.query.items()),
            request.headers,
            config["account"],
            config["key"],
        )
    except AuthenticationError as error:
        raise BatchError(403, "AuthenticationFailed", f"Server failed to authenticate the request. {error.reason}") from None
    repeated = sorted({name for name in request.query if len(request.query.getall(name)) > 1})
    if repeated:
        raise BatchError(
            400, "InvalidQueryParameterValue", f"The query parameter '{repeated[0][:64]}' is given more than once: give it once."
        )
    version = request.query.get("api-version")
    if not version:
        raise BatchError(400, "MissingRequiredQueryParameter", "A query parameter that's mandatory for this request is not specified: api-version.")
    if not _API_VERSION.match(version):
        raise BatchError(400, "InvalidQueryParameterValue", f"The api-version '{version}' is not a Batch API version such as 2025-06-01.")
    # Checked before the handler: replies are projected after the operation, and a refused
    # request must not have changed anything.
    odata.parse_select(request.query.get("$select"))
    return await handler(request)


def error_response(request: web.Request, error: BatchError) -> web.Response:
    if error.status == 304:  # Not Modified carries no body
        return web.Response(status=304)
    if request.method == "HEAD":
        return web.Response(status=error.status, headers={"Content-Type": JSON_TYPE})
    return web.Response(
        status=error.status,
        text=json.dumps(error.body(metadata_url(request, "Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element"))),
        content_type="application/json",
        charset="utf-8",
    )


# --- replies ------------------------------------------------------------------------------
def wire(doc: dict) -> dict:
    """A stored document as the client sees it: without Local Batch's own fields."""
    return {key: value for key, value in doc.items() if not key.startswith("_")}


def document_response(request: web.Request, doc: dict, fragment: str) -> web.Response:
    select = odata.parse_select(request.query.get("$select"))
    body = {"odata.metadata": metadata_url(request, fragment), **odata.project(wire(doc), select)}
    response = web.Response(text=json.dumps(body), status=200, headers={"Content-Type": JSON_TYPE})
    _resource_headers(response, doc)
    return response


def accepted(doc: dict | None, url: str, status: int = 202) -> web.Response:
    """Empty 201/202/204 replies with DataServiceId, ETag and Last-Modified."""
    response = web.Response(status=status, headers={"DataServiceId": url})
    if status != 204:
        response.headers["Location"] = url
    if doc is not None:
        _resource_headers(response, doc)
    return response


def _resource_headers(response: web.StreamResponse, doc: dict) -> None:
    if "eTag" in doc:
        response.headers["ETag"] = doc["eTag"]
    if "lastModified" in doc:
        response.headers["Last-Modified"] = http_date_from_iso(doc["lastModified"])


def check_preconditions(request: web.Request, doc: dict) -> None:
    """If-Match / If-None-Match against the resource's ETag (the SDK quotes it); If-Modified-Since (304 for a
    GET, 412 otherwise) and If-Unmodified-Since (412) against its Last-Modified, to the second as HTTP dates are."""
    etag = doc.get("eTag", "")
    if_match = request.headers.get("If-Match")
    if if_match and if_match.strip() != "*" and if_match.strip().strip('"') != etag:
        raise BatchError(412, "ConditionNotMet", "The condition specified using HTTP conditional header(s) is not met.")
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match and (if_none_match.strip() == "*" or if_none_match.strip().strip('"') == etag):
        raise BatchError(412, "ConditionNotMet", "The condition specified using HTTP conditional header(s) is not met.")
    modified = parse_iso(doc["lastModified"]).replace(microsecond=0) if "lastModified" in doc else None
    since = _http_date(request, "If-Modified-Since")
    if modified is not None and since is not None and modified <= since:
        if request.method in ("GET", "HEAD"):
            raise BatchError(304, "ConditionNotMet", "The resource has not been modified since the given time.")
        raise BatchError(412, "ConditionNotMet", "The condition specified using HTTP conditional header(s) is not met.")
    unmodified_since = _http_date(request, "If-Unmodified-Since")
    if modified is not None and unmodified_since is not None and modified > unmodified_since:
        raise BatchError(412, "ConditionNotMet", "The condition specified using HTTP conditional header(s) is not met.")


def _http_date(request: web.Request, header: str) -> datetime | None:
    """An If-*-Since header as a time; 400 for one that is not an HTTP date."""
    text = request.headers.get(header)
    if not text:
        return None
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        moment = None
    if moment is None or moment.tzinfo is None:
        raise BatchError(400, "InvalidHeaderValue", f"{header} must be an HTTP date such as 'Mon, 01 Jun 2025 12:00:00 GMT'.")
    return moment


async def _read_whole_body(request: web.Request) -> bytes:
    """Every request's body, read (and kept) before any handler runs, whether it wants one or not.

    A body is bounded by MAX_BODY_BYTES. It is taken as sent (the server does not decompress):
    a body with a Content-Encoding other than identity is refused, as Batch takes none.
    """
    encoding = request.headers.get("Content-Encoding", "").strip().lower()
    try:
        body = await request.read()
    except ConnectionError:  # the client went away in the middle of its body: nobody to answer
        raise BatchError(400, "InvalidRequestBody", "The request body ended before its end.") from None
    except (RequestPayloadError, HttpProcessingError) as error:
        reason = getattr(error, "message", None) or str(error).strip().splitlines()[-1]
        raise BatchError(400, "InvalidRequestBody", f"The request body cannot be read: {reason}.") from None
    if body and encoding not in ("", "identity"):
        raise BatchError(
            400, "InvalidHeaderValue", f"Content-Encoding '{encoding[:40]}' is not accepted: send the request body uncompressed."
        )
    return body


async def read_body(request: web.Request) -> Body:
    """The request's JSON body, read whole and bounded; Batch's 400 for anything it cannot be."""
    raw = await _read_whole_body(request)
    if len(raw) > _PARSE_IN_THREAD_BYTES:
        return Body(await asyncio.to_thread(parse_json_body, raw))
    return Body(parse_json_body(raw))


class _IntegerTooLong(ValueError):
    pass


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise _IntegerTooLong(f"an integer has more than {MAX_INTEGER_DIGITS} digits")
    return int(text)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON value")


def parse_json_body(raw: bytes) -> Any:
    """Parse a JSON body with bounds on nesting and integer length (BatchError 400 otherwise)."""
    try:
        data = json.loads(raw.decode("utf-8") if raw else "{}", parse_int=_bounded_int, parse_constant=_no_constant)
    except RecursionError:
        data = None
        depth = MAX_JSON_DEPTH + 1
    except (ValueError, UnicodeDecodeError) as error:  # JSONDecodeError is a ValueError
        raise BatchError(400, "InvalidRequestBody", f"The request body is not valid JSON: {error}.") from None
    else:
        depth = _depth(data)
    if depth > MAX_JSON_DEPTH:
        raise BatchError(400, "InvalidRequestBody", f"The request body nests deeper than {MAX_JSON_DEPTH} levels.")
    return data


def _depth(value: Any) -> int:
    """How deep objects and arrays nest in a parsed JSON value (iteratively: it may be deep)."""
    deepest = 0
    pending = [(value, 1)]
    while pending:
        item, level = pending.pop()
        if isinstance(item, dict):
            children: Iterable[Any] = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        if level > MAX_JSON_DEPTH:
            break
        pending.extend((child, level + 1) for child in children)
    return deepest


# --- lists --------------------------------------------------------------------------------
def _encode_token(state: dict) -> str:
    # base64url without padding: survives the SDK re-quoting nextLink query values.
    return base64.urlsafe_b64encode(json.dumps(state, separators=(",", ":")).encode()).decode().rstrip("=")


_MAX_TOKEN_CHARS = 16 * 1024
_MAX_KEY_CHARS = 4096
"""Keys are ids (at most 64 characters) or file paths (PATH_MAX)."""

SCAN_BUDGET = 5000
"""Documents one list request looks at, at most: a filter that matches little in 50,000 tasks answers
a short (or empty) page with an odata.nextLink, as Batch may, instead of holding the loop for the whole
list. The SDK's pagers follow the link; a page of 1,000 costs the loop ~10 ms."""


def _decode_token(token: str) -> dict:
    """The list state a $skiptoken carries, checked field by field: it comes from the client."""
    try:
        if len(token) > _MAX_TOKEN_CHARS:
            raise ValueError
        state = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)), parse_int=_bounded_int)
        if not isinstance(state, dict):
            raise ValueError
        offset = state.get("o")
        if type(offset) is not int or not 0 <= offset <= 10**9:
            raise ValueError
        if any(state.get(key) is not None and not isinstance(state[key], str) for key in ("f", "s")):
            raise ValueError
        if state.get("m") is not None and (type(state["m"]) is not int or not 1 <= state["m"] <= odata.MAX_RESULTS):
            raise ValueError
        key = state.get("k")
        if key is not None and not (isinstance(key, str) and len(key) <= _MAX_KEY_CHARS):
            raise ValueError
        return {"o": offset, "k": key, "f": state.get("f"), "s": state.get("s"), "m": state.get("m")}
    except (ValueError, TypeError, RecursionError):  # binascii.Error and JSONDecodeError are ValueErrors
        raise BatchError(400, "InvalidQueryParameterValue", "The $skiptoken of this list request is not valid.") from None


@dataclass(frozen=True)
class ListQuery:
    """What one list request asks for: its filter, selection, page size and where the page starts.

    Where it starts: after the key `k`, the last entry the previous page looked at (keyset paging:
    every page costs the same, however deep). For documents keyed by id (`Mapping`), if that document
    is gone meanwhile, at its position `o`, where the one after it is now; a list produced as it is
    walked (a node's files) resumes its walk after `k` itself.
    """

    state: dict
    predicate: Callable[[dict], bool] | None
    select: tuple[str, ...] | None
    page_size: int

    @functools.cached_property
    def picked(self) -> tuple[str, ...]:
        """What `$select` takes of each document (see `odata.pick`)."""
        return odata.picked_names(self.select or ())

    @property
    def offset(self) -> int:
        return self.state["o"]

    @property
    def after(self) -> str | None:
        return self.state.get("k")


def list_query(request: web.Request) -> ListQuery:
    """Read a list request's $filter, $select, maxresults or $skiptoken; 400 for anything invalid.

    The filter and selection travel inside $skiptoken, so later pages need nothing
    else from the client's query string.
    """
    token = request.query.get("$skiptoken")
    if token:
        state = _decode_token(token)
    else:
        state = {
            "o": 0,
            "k": None,
            "f": request.query.get("$filter"),
            "s": request.query.get("$select"),
            "m": odata.parse_maxresults(request.query.get("maxresults")),
        }
    predicate = odata.parse_filter(state["f"]) if state.get("f") else None
    return ListQuery(state, predicate, odata.parse_select(state.get("s")), odata.parse_maxresults(state.get("m")))


def list_page(
    query: ListQuery, docs: Mapping[str, dict] | Iterable[tuple[str, dict]], *, prepared: bool = False,
) -> tuple[list[dict], dict | None]:
    """The page of `docs` the query asks for, and the state of the next page (None: this is the last).

    `docs` keyed by id are paged by key; an iterable of (key, document) must start after the query's
    key `after` itself (pure: may run in a thread)."""
    if isinstance(docs, Mapping):
        return _keyset_page(query, docs, prepared)
    return _walked_page(query, docs, prepared)


def _keyset_page(query: ListQuery, docs: Mapping[str, dict], prepared: bool) -> tuple[list[dict], dict | None]:
    keys = list(docs)  # C speed: ~0.3 ms for 50,000 keys, and so is finding the last one
    start = min(query.offset, len(keys))
    if query.after is not None:
        if start < len(keys) and keys[start] == query.after:  # where the previous page left it: no search
            start += 1
        else:
            with contextlib.suppress(ValueError):  # moved (or gone: resume at its position)
                start = keys.index(query.after) + 1
    page: list[dict] = []
    for position in range(start, min(len(keys), start + SCAN_BUDGET)):
        shown = _visible(docs[keys[position]], query, prepared)
        if shown is None:
            continue
        if len(page) == query.page_size:  # one more matches: there is a next page, starting here
            return page, dict(query.state, o=position - 1, k=keys[position - 1])
        page.append(shown)
    end = min(len(keys), start + SCAN_BUDGET)
    return page, (dict(query.state, o=end - 1, k=keys[end - 1]) if end < len(keys) else None)


def _walked_page(query: ListQuery, docs: Iterable[tuple[str, dict]], prepared: bool) -> tuple[list[dict], dict | None]:
    page: list[dict] = []
    last = None
    for looked, (key, doc) in enumerate(docs):
        if looked == SCAN_BUDGET:
            return page, dict(query.state, o=0, k=last)
        shown = _visible(doc, query, prepared)
        if shown is not None:
            if len(page) == query.page_size:  # one more matches: there is a next page, starting here
                return page, dict(query.state, o=0, k=last)
            page.append(shown)
        last = key
    return page, None


def _visible(doc: dict, query: ListQuery, prepared: bool) -> dict | None:
    """The document as the query shows it; None when its filter leaves it out."""
    if query.predicate is None and query.select is not None:
        return odata.pick(doc, query.picked)  # what a monitor asks: no copy of the whole document
    shown = doc if prepared else wire(doc)
    if query.predicate is not None and not query.predicate(shown):
        return None
    return odata.project(shown, query.select)


def list_body(
    request: web.Request, page: list[dict], next_state: dict | None, fragment: str, keep: tuple[str, ...] = (),
) -> web.Response:
    """A list page as Batch answers it, with an odata.nextLink when more follow (carrying the `keep` parameters)."""
    body: dict[str, Any] = {"odata.metadata": metadata_url(request, fragment), "value": page}
    if next_state is not None:
        kept = {name: request.query[name] for name in keep if name in request.query}
        body["odata.nextLink"] = str(request.url.with_query(
            {"api-version": request.query.get("api-version", ""), **kept, "$skiptoken": _encode_token(next_state)}
        ))
    return web.Response(text=json.dumps(body), headers={"Content-Type": JSON_TYPE})


def list_response(
    request: web.Request, docs: Mapping[str, dict] | Sequence[dict], fragment: str, *, prepared: bool = False,
) -> web.Response:
    """One page of documents in memory keyed by id (a sequence: by position), with $filter, $select,
    maxresults and an odata.nextLink."""
    query = list_query(request)
    keyed = docs if isinstance(docs, Mapping) else {str(position): doc for position, doc in enumerate(docs)}
    page, next_state = list_page(query, keyed, prepared=prepared)
    return list_body(request, page, next_state, fragment)


def build_app(account: str, key: str) -> web.Application:
    app = web.Application(middlewares=[batch_headers, shared_key], client_max_size=MAX_BODY_BYTES)
    app[CONFIG] = {"account": account, "key": key}
    return app
