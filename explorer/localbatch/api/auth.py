"""Shared Key authentication, server side: rebuild what the client signed and compare.

The string to sign follows what azure-batch 15 (`azure.batch._patch.BatchSharedKeyAuthPolicy`)
sends, which is what the Batch service verifies:

    VERB
    content-encoding, content-language, content-length, content-md5, content-type, date,
    if-modified-since, if-match, if-none-match, if-unmodified-since, range
        one per line, "" when absent or empty; content-length "0" when absent on a
        request other than GET/HEAD (what azure-batch signs), or "" (what npm @azure/batch
        signs for a DELETE without a body; Azure accepts both, and so does `verify_request`)
    "name:value" per non-empty ocp-* header, name lowercased, sorted by (name, value)
    "/" + account + the URL path exactly as sent (still percent-encoded)
    "\\nname:value" per query name in sorted() order, with the first non-empty value,
        both percent-decoded ("+" as space); names whose values are all empty are left out

joined by newlines, then signed with HMAC-SHA256 under the base64-decoded account key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

__all__ = [
    "AuthResult",
    "AuthenticationError",
    "MAX_CLOCK_SKEW",
    "generate_key",
    "sign",
    "string_to_sign",
    "verify_request",
]

SIGNED_HEADERS = (
    "content-encoding",
    "content-language",
    "content-length",
    "content-md5",
    "content-type",
    "date",
    "if-modified-since",
    "if-match",
    "if-none-match",
    "if-unmodified-since",
    "range",
)

# Azure rejects Shared Key requests dated further than this from its own clock.
MAX_CLOCK_SKEW = timedelta(minutes=15)


class AuthenticationError(Exception):
    """The request is not authenticated; `reason` is safe to send back to the client."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class AuthResult:
    account: str
    request_time: datetime  # from ocp-date (or Date), timezone-aware UTC


def string_to_sign(
    method: str,
    raw_path: str,
    query: Iterable[tuple[str, str]],
    headers: Mapping[str, str],
    account: str,
    *,
    absent_length: str = "0",
) -> str:
    """The text a Batch client signs for this request.

    `raw_path` is the path as received, without the query (aiohttp: `request.rel_url.raw_path`).
    `query` holds the decoded (name, value) pairs in the order received (aiohttp:
    `request.query.items()`, which decodes like the client's `parse_qs`). `absent_length` is the
    Content-Length line signed for a request without one (other than GET/HEAD).
    """
    header_values = {name.lower(): value for name, value in headers.items() if value}
    if method.upper() not in ("GET", "HEAD"):
        header_values.setdefault("content-length", absent_length)
    lines = [method.upper(), *(header_values.get(name, "") for name in SIGNED_HEADERS)]

    ocp_headers = sorted((name.lower(), value) for name, value in headers.items() if value and _is_ocp(name))
    lines.extend(f"{name}:{value}" for name, value in ocp_headers)

    resource = f"/{account}{raw_path}"
    first_values: dict[str, str] = {}
    for name, value in query:
        if value:
            first_values.setdefault(name, value)
    resource += "".join(f"\n{name}:{first_values[name]}" for name in sorted(first_values))
    lines.append(resource)
    return "\n".join(lines)


def _is_ocp(header_name: str) -> bool:
    # The SDK tests `"ocp-" in name` on the name as it was set; every ocp header it
    # sends is lowercase and starts with "ocp-", so this prefix test signs the same set.
    return header_name.lower().startswith("ocp-")


def sign(string_to_sign: str, key_b64: str) -> str:
    """base64(HMAC-SHA256(base64decode(key), utf8(string_to_sign)))."""
    key = base64.b64decode(key_b64, validate=True)
    digest = hmac.new(key, string_to_sign.encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def verify_request(
    method: str,
    raw_path: str,
    query: Iterable[tuple[str, str]],
    headers: Mapping[str, str],
    account: str,
    key_b64: str,
    *,
    now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
    max_clock_skew: timedelta | None = MAX_CLOCK_SKEW,
) -> AuthResult:
    """Accept a Shared Key request for `account`, or raise AuthenticationError saying why.

    Like Azure, a request must carry `ocp-date` (or `Date`) and, unless `max_clock_skew`
    is None, be dated within 15 minutes of `now()`, so a captured request cannot be
    replayed later. The account name in the Authorization header is matched without
    regard to case; the signature must then be over the name as the client wrote it.

    Clients built on azure-batch 14 and older sign the path with `%2F` and `%5C` turned
    into "/"; that form is accepted as well. So is a path whose ":" the client signed as "%3A"
    (a job schedule's job `SCHEDULE:job-1`): azure-batch signs the id as it quotes it, and
    aiohttp's URL handling then sends the colon unquoted. A request without a body may be signed with
    Content-Length "0" or an empty Content-Length line, as Azure accepts. Messages never
    contain the key or the expected signature.
    """
    lowered = {name.lower(): value for name, value in headers.items()}
    authorization = lowered.get("authorization", "").strip()
    if not authorization:
        raise AuthenticationError("The request has no Authorization header.")
    scheme, _, credentials = authorization.partition(" ")
    if scheme.lower() != "sharedkey":
        raise AuthenticationError(f"The Authorization scheme must be SharedKey, not '{scheme}'.")
    claimed_account, _, signature = credentials.strip().rpartition(":")
    if claimed_account.lower() != account.lower():
        raise AuthenticationError(f"The request is signed for account '{claimed_account}', this is '{account}'.")

    request_time = _request_time(lowered)
    if max_clock_skew is not None:
        server_time = now()
        if abs(server_time - request_time) > max_clock_skew:
            raise AuthenticationError(
                f"The request date {request_time:%Y-%m-%d %H:%M:%S} UTC is more than "
                f"{max_clock_skew.total_seconds() / 60:g} minutes from the server's clock "
                f"({server_time.astimezone(timezone.utc):%Y-%m-%d %H:%M:%S} UTC)."
            )

    query = list(query)
    signed_forms = [(headers, "0")]
    if method.upper() not in ("GET", "HEAD") and lowered.get("content-length", "0") in ("", "0"):
        signed_forms.append(({name: value for name, value in headers.items() if name.lower() != "content-length"}, ""))
    for path in dict.fromkeys((raw_path, _legacy_path(raw_path), raw_path.replace(":", "%3A"))):
        for signed_headers, absent_length in signed_forms:
            text = string_to_sign(method, path, query, signed_headers, claimed_account, absent_length=absent_length)
            if hmac.compare_digest(sign(text, key_b64).encode(), signature.encode()):
                return AuthResult(claimed_account, request_time)
    raise AuthenticationError("The request signature does not match: check the account key.")


def _request_time(lowered_headers: Mapping[str, str]) -> datetime:
    name = "ocp-date" if lowered_headers.get("ocp-date") else "date"
    text = lowered_headers.get(name)
    if not text:
        raise AuthenticationError("The request has neither an ocp-date nor a Date header.")
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise AuthenticationError(f"The {name} header '{text}' is not an RFC 1123 date in GMT.")
    return parsed.astimezone(timezone.utc)


def _legacy_path(raw_path: str) -> str:
    return raw_path.replace("%5C", "/").replace("%2F", "/")


def generate_key() -> str:
    """A new account key: base64 of 64 random bytes, the shape of an Azure Batch key."""
    return base64.b64encode(secrets.token_bytes(64)).decode("ascii")
