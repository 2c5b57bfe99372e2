"""Domain exceptions of the batch layer and how SDK errors are classified.

The connection tracker, the file reader and the downloads all need the same three answers about a
failed call: is it worth retrying (network, 408, 429, 5xx), how long does the server
want us to wait (Retry-After), and which Batch error code came back.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from azure.core.exceptions import (
    AzureError,
    ClientAuthenticationError,
    HttpResponseError,
    ServiceRequestError,
    ServiceResponseError,
)

from explorer.core.texts import QT_TRANSLATE_NOOP, Text, TextError

TRANSIENT_STATUS = frozenset({408, 429, 500, 502, 503, 504})


class BatchLayerError(TextError):
    """Base of the domain exceptions raised by explorer.batch; the message may be a `Text` (`TextError`)."""


class ProfileError(BatchLayerError):
    """A profile is invalid or the profile file cannot be read or written."""


class CredentialError(BatchLayerError):
    """A secret is missing or the credential store failed (never carries the secret)."""


class KeyringUnavailable(CredentialError):
    """No usable keyring backend: the message says how to get one (and a key may be kept for the session)."""


class SignInError(BatchLayerError):
    """Microsoft Entra ID sign-in could not be done (method unavailable, cancelled, refused)."""


class ConnectError(BatchLayerError):
    """A connection could not be opened for a profile."""


class DownloadError(BatchLayerError):
    """A file or folder could not be downloaded."""


class StorageError(BatchLayerError):
    """Blob storage (Azure Storage or Azurite) failed or is unavailable (never carries a key)."""


def status_code(exc: BaseException) -> int | None:
    return exc.status_code if isinstance(exc, HttpResponseError) else None


def error_code(exc: BaseException) -> str | None:
    """The Batch error code (`PoolNotFound`, ...) of an SDK error, if the body had one."""
    if not isinstance(exc, HttpResponseError):
        return None
    for source in (exc.model, exc.error):
        code = getattr(source, "code", None)
        if code:
            return str(code)
    return None


def is_transient(exc: BaseException) -> bool:
    """True for failures that go away by themselves: network, timeouts, 408/429/5xx."""
    if isinstance(exc, (ServiceRequestError, ServiceResponseError, asyncio.TimeoutError, OSError)):
        return True
    if isinstance(exc, HttpResponseError) and not isinstance(exc, ClientAuthenticationError):
        return exc.status_code in TRANSIENT_STATUS
    return False


def is_auth_failure(exc: BaseException) -> bool:
    return isinstance(exc, ClientAuthenticationError) or status_code(exc) in (401, 403)


def retry_after_seconds(exc: BaseException, now: datetime | None = None) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP date), if any."""
    response = getattr(exc, "response", None)
    if response is None:
        return None
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def describe(exc: BaseException) -> str | Text:
    """A short, secret-free reason for the UI: 'HTTP 503 ServerBusy', 'connection refused'; a Text where
    the words are ours (an error's own message is shown as it is)."""
    if isinstance(exc, HttpResponseError) and exc.status_code is not None:
        code = error_code(exc)
        return f"HTTP {exc.status_code} {code}" if code else f"HTTP {exc.status_code} {exc.reason or ''}".strip()
    if isinstance(exc, AzureError):
        inner = getattr(exc, "inner_exception", None)
        return _first_line(str(inner) if inner else exc.message) or type(exc).__name__
    if isinstance(exc, asyncio.TimeoutError):
        return Text.of(QT_TRANSLATE_NOOP("Errors", "timed out"))
    return _first_line(str(exc)) or type(exc).__name__


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:200] if text and text.strip() else ""
