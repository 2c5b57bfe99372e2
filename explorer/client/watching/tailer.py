"""Follow a growing task or node file, fetching each byte once.

Each round: HEAD for the length, then `ocp-range: bytes=S-E` for only the new bytes
(at most `max_request_bytes` per request, so memory stays bounded). Events go to the
consumer as they come; nothing is accumulated:

    tailer = FileTailer(client, TaskFiles(job, task), "stdout.txt")
    async for event in tailer.events():      # Chunk | Reset | Stopped (always last)
        ...
    tailer.finish()   # from elsewhere, once the task completed: one final read, then Stopped

A missing file is waited for; a shrunk or replaced file restarts from 0 after a
`Reset`; a vanished node/task or cleaned-up files (409) end with `Stopped`.

Given the monitor's `ConnectionTracker` (`connection=`), a tailer backs off with every
other poll: it reports its failures there, sends nothing while the tracker waits, and
resumes when the connection is back or the user says "Retry now". Alone, it keeps its
own backoff.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from enum import Enum

from azure.batch.aio import BatchClient
from azure.core.exceptions import ResourceExistsError, ResourceNotFoundError

from explorer.client.connecting.connection_state import Backoff, ConnectionTracker
from explorer.client.errors import describe, is_transient, retry_after_seconds
from explorer.client.files import FileLocation, OwnerStatus
from explorer.client.waiting import wait_event

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = 0.5
DEFAULT_MAX_REQUEST_BYTES = 1 << 20


@dataclass(frozen=True)
class Chunk:
    offset: int
    data: bytes


@dataclass(frozen=True)
class Reset:
    """The file shrank or was replaced; the next chunks start again at offset 0."""

    reason: str


class StopReason(str, Enum):
    COMPLETED = "completed"
    """Told the task completed; everything up to then has been delivered."""
    GONE = "gone"
    """The node or task that held the file no longer exists."""
    CLEANED_UP = "cleaned_up"
    """The service deleted the files (409)."""
    FAILED = "failed"
    """A permanent error (authentication, a server that ignores ocp-range, ...)."""


@dataclass(frozen=True)
class Stopped:
    reason: StopReason
    detail: str = ""


TailEvent = Chunk | Reset | Stopped


class _RangeIgnored(Exception):
    """The server answered a ranged download with another length: we cannot trust it."""


class FileTailer:
    def __init__(
        self,
        client: BatchClient,
        location: FileLocation,
        path: str,
        *,
        interval: float = DEFAULT_INTERVAL,
        max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES,
        backoff: Backoff = Backoff(cap=30.0),
        connection: ConnectionTracker | None = None,
    ) -> None:
        self._client = client
        self._connection = connection
        self._location = location
        self._path = path
        self._interval = interval
        self._max_request_bytes = max_request_bytes
        self._backoff = backoff
        self._finishing = asyncio.Event()
        self.offset = 0
        """Bytes of the current file delivered so far."""
        self.bytes_fetched = 0
        """Body bytes received over the whole life of the tailer (resets included)."""

    def finish(self) -> None:
        """The task completed: do one last read and stop."""
        self._finishing.set()

    async def run(self, on_event: Callable[[TailEvent], None]) -> Stopped:
        """Feed every event to `on_event`; return the final `Stopped`."""
        async for event in self.events():
            on_event(event)
            if isinstance(event, Stopped):
                return event
        raise AssertionError("events() always ends with Stopped")

    async def events(self) -> AsyncIterator[TailEvent]:
        created = None
        failures = 0
        while True:
            if self._connection is not None:
                await self._connection.wait_ready()
            sent_at = self._connection.now() if self._connection is not None else 0.0
            final = self._finishing.is_set()
            try:
                props = await self._location.properties(self._client, self._path)
                if props.content_length < self.offset or (created and props.creation_time and props.creation_time != created):
                    detail = "shrank" if props.content_length < self.offset else "was replaced"
                    log.info("%s %s; reading it again from the start", self._path, detail)
                    self.offset = 0
                    yield Reset(f"the file {detail}")
                created = props.creation_time
                while self.offset < props.content_length:
                    data, error = await self._fetch(self.offset, props.content_length)
                    if data:
                        yield Chunk(self.offset, data)
                        self.offset += len(data)
                    if error:
                        raise error
            except asyncio.CancelledError:
                raise
            except (ResourceNotFoundError, ResourceExistsError) as exc:
                # 404: the file, or its task/node, is missing. 409: the task's files are
                # unavailable, because it has not run yet or because they were cleaned up.
                owner = await self._owner_status()
                if owner.gone:
                    yield Stopped(StopReason.GONE, owner.gone)
                    return
                if isinstance(exc, ResourceExistsError) and not owner.not_started:
                    yield Stopped(StopReason.CLEANED_UP, describe(exc))
                    return
                if final:
                    yield Stopped(StopReason.COMPLETED, "the file was never created")
                    return
            except Exception as exc:
                if not is_transient(exc):
                    log.error("Stopped tailing %s: %s", self._path, describe(exc))
                    yield Stopped(StopReason.FAILED, describe(exc))
                    return
                if self._connection is not None:
                    self._connection.failed(exc, sent_at)  # the next wait_ready() holds the backoff
                    continue
                failures += 1
                delay = self._backoff.delay(failures, retry_after_seconds(exc))
                log.warning("Tailing %s failed (%s); retrying in %.1f s", self._path, describe(exc), delay)
                await asyncio.sleep(delay)
                continue
            else:
                failures = 0
                if self._connection is not None:
                    self._connection.succeeded(sent_at)
                if final:
                    yield Stopped(StopReason.COMPLETED)
                    return
            await wait_event(self._finishing, self._interval)

    async def _fetch(self, offset: int, length: int) -> tuple[bytes, Exception | None]:
        """Bytes [offset, min(length, offset + max)) and the error that cut them short, if any.

        The body is read to its end before anything is delivered, so an abandoned
        response never holds a connection; what arrived before an error is kept.
        """
        end = min(length, offset + self._max_request_bytes)
        wanted = end - offset
        pieces: list[bytes] = []
        try:
            download = await self._location.read(self._client, self._path, f"bytes={offset}-{end - 1}")
            if download.length is not None and download.length != wanted:
                raise _RangeIgnored(f"asked for {wanted} bytes at {offset}, the server sent {download.length}")
            async for piece in download.stream:
                pieces.append(piece)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            error: Exception | None = exc
        else:
            error = None
        self.bytes_fetched += sum(map(len, pieces))
        return b"".join(pieces)[:wanted], error

    async def _owner_status(self) -> OwnerStatus:
        try:
            return await self._location.owner_status(self._client)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.debug("Could not check the owner of %s: %s", self._path, describe(exc))
            return OwnerStatus()
