"""The monitor's view of the connection: connected, retrying in N s (reason), failed.

Every watched query polls through one `ConnectionTracker`, so one outage is one
backoff sequence, not one per open view: a failure only counts if its request was
sent after the last decision, and while retrying no query sends anything. Requests
that are not polls (live output, `send`) wait and count the same way.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from typing import TypeVar

from explorer.client.errors import describe, is_auth_failure, is_transient, retry_after_seconds, status_code
from explorer.client.waiting import wait_event
from explorer.core.texts import Text

log = logging.getLogger(__name__)

T = TypeVar("T")


class ConnectionStatus(str, Enum):
    CONNECTED = "connected"
    RETRYING = "retrying"
    FAILED = "failed"


@dataclass(frozen=True)
class ConnectionState:
    status: ConnectionStatus = ConnectionStatus.CONNECTED
    reason: str | Text | None = None
    retry_in: float | None = None
    """Seconds until the next attempt, as decided (RETRYING only)."""
    attempt: int = 0
    proxy: str | None = None
    """host:port of the proxy the failed requests went through (RETRYING, FAILED), if they went through one."""

    def __str__(self) -> str:
        through = f" through the proxy {self.proxy}" if self.proxy else ""
        if self.status is ConnectionStatus.RETRYING:
            return f"retrying in {self.retry_in:.0f} s ({self.reason}{through})"
        if self.status is ConnectionStatus.FAILED:
            return f"failed: {self.reason}{through}"
        return "connected"


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with a cap and a little jitter; Retry-After wins when given."""

    initial: float = 1.0
    factor: float = 2.0
    cap: float = 60.0
    retry_after_cap: float = 300.0
    jitter: float = 0.1

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        if retry_after is not None:
            return min(retry_after, self.retry_after_cap)
        base = min(self.cap, self.initial * self.factor ** max(0, attempt - 1))
        return base * (1 + self.jitter * (2 * random.random() - 1))


StateListener = Callable[[ConnectionState], None]


class ConnectionTracker:
    def __init__(self, backoff: Backoff) -> None:
        self._backoff = backoff
        self._state = ConnectionState()
        self._listeners: list[StateListener] = []
        self._resume_at = 0.0
        self._decided_at = float("-inf")
        self._changed = asyncio.Event()
        self.last_contact: datetime | None = None
        """When the service last answered (this machine's clock): what is shown is known up to then."""
        self.proxy: str | None = None
        """host:port of the proxy requests go through, if any (set by whoever built the client): a failure names
        it, as the proxy is often what failed. Never a URL with credentials."""

    @property
    def state(self) -> ConnectionState:
        return self._state

    def add_listener(self, listener: StateListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    @staticmethod
    def now() -> float:
        return asyncio.get_running_loop().time()

    async def wait_ready(self) -> None:
        """Return when a request may be sent: not while backing off, not while failed."""
        while True:
            if self._state.status is ConnectionStatus.FAILED:
                delay = None
            else:
                delay = self._resume_at - self.now()
                if delay <= 0:
                    return
            self._changed.clear()
            await wait_event(self._changed, delay)

    async def send(self, request: Callable[[], Awaitable[T]]) -> T:
        """`request()` once a request may be sent; its outcome counts like a poll's.

        An answer of the service that is about the thing asked for (404, 409, a bad range)
        says the connection works; only what `failed` classifies as the connection's
        (network, 408/429/5xx, refused credentials) starts or continues a backoff.
        """
        await self.wait_ready()
        sent_at = self.now()
        try:
            result = await request()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            code = status_code(exc)
            if code is not None and 400 <= code < 500 and not is_transient(exc) and not is_auth_failure(exc):
                self.succeeded(sent_at)
            else:
                self.failed(exc, sent_at)
            raise
        self.succeeded(sent_at)
        return result

    def succeeded(self, sent_at: float) -> None:
        self.last_contact = datetime.now(timezone.utc)
        if sent_at >= self._decided_at and self._state.status is not ConnectionStatus.CONNECTED:
            log.info("Connection restored")
            self._set(ConnectionState())

    def failed(self, exc: BaseException, sent_at: float) -> None:
        if sent_at < self._decided_at:
            return  # the same outage, already decided on
        now = self.now()
        self._decided_at = now
        reason = describe(exc)
        permanent = is_auth_failure(exc) or (400 <= (status_code(exc) or 0) < 500 and not is_transient(exc))
        if permanent:
            log.error("Monitoring stopped: %s", reason)
            self._set(ConnectionState(ConnectionStatus.FAILED, reason, proxy=self.proxy))
            return
        if not is_transient(exc) and status_code(exc) is None:
            log.error("Unexpected error while polling; will retry", exc_info=exc)
        attempt = self._state.attempt + 1
        delay = self._backoff.delay(attempt, retry_after_seconds(exc))
        self._resume_at = now + delay
        log.warning("Polling failed (%s); retry %d in %.1f s", reason, attempt, delay)
        self._set(ConnectionState(ConnectionStatus.RETRYING, reason, delay, attempt, self.proxy))

    def retry_now(self) -> None:
        """Skip the rest of a backoff, or leave the failed state (the user asked)."""
        self._resume_at = 0.0
        if self._state.status is ConnectionStatus.FAILED:
            self._set(dataclasses.replace(self._state, status=ConnectionStatus.RETRYING, retry_in=0.0))
        self._changed.set()

    def _set(self, state: ConnectionState) -> None:
        self._state = state
        self._changed.set()
        for listener in list(self._listeners):
            try:
                listener(state)
            except Exception:
                log.exception("Connection state listener failed")
