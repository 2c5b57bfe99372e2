"""Reading a task or node file by byte ranges, live: the one path output takes to the screen.

    reader = monitor.file_reader(TaskFiles(job, task), "stdout.txt")
    size = await reader.size()                  # HEAD
    data = await reader.read(offset, length)    # GET with ocp-range: only these bytes

The log viewer (explorer/ui/widgets/log_viewer.py) reads through this what it shows,
and only that: the page on screen, or the last page while following. A file growing
at 10 MB/s costs a HEAD and a page or two per poll, not 10 MB/s. Every request waits
out the connection's backoff and counts towards it (`ConnectionTracker.send`), as the
monitor's polls do: during an outage the panes send nothing until the next attempt.
Failures reach the viewer as `OSError`, whose message says what happened: `ConnectionError` when the
service did not answer at all.
"""

from __future__ import annotations

from azure.batch.aio import BatchClient
from azure.core.exceptions import AzureError

from explorer.client.connecting.connection_state import ConnectionTracker
from explorer.client.errors import describe, status_code
from explorer.client.files import FileLocation
from explorer.core.texts import QT_TRANSLATE_NOOP, Text, TextError


class ReadFailed(TextError, OSError):
    """A read the service refused, or could not answer (`TextError`)."""


class NoAnswer(ReadFailed, ConnectionError):
    """No answer at all (the connection's state says the rest)."""


class RemoteFileReader:
    """A log viewer's `RangeReader` over a task or node file (HEAD, then `ocp-range`)."""

    def __init__(self, client: BatchClient, location: FileLocation, path: str, connection: ConnectionTracker) -> None:
        self.location = location
        self.path = path
        self._client = client
        self._connection = connection
        self.bytes_fetched = 0
        """Body bytes received (for benchmarks: what reading cost, against what was written)."""

    async def size(self) -> int:
        try:
            props = await self._connection.send(lambda: self.location.properties(self._client, self.path))
        except AzureError as exc:
            raise self._failure(exc) from exc
        return int(props.content_length or 0)

    async def read(self, offset: int, length: int) -> bytes:
        if length <= 0:
            return b""

        async def ranged() -> bytes:
            download = await self.location.read(self._client, self.path, f"bytes={offset}-{offset + length - 1}")
            return b"".join([block async for block in download.stream])

        try:
            data = await self._connection.send(ranged)
        except AzureError as exc:
            raise self._failure(exc) from exc
        self.bytes_fetched += len(data)
        return data

    def _failure(self, exc: AzureError) -> OSError:
        if status_code(exc) is None:  # no answer at all: the connection's state says the rest
            return NoAnswer(Text.of(QT_TRANSLATE_NOOP(
                "FileReader", "{path}: no answer from the service; read again once it answers"), path=self.path))
        return ReadFailed(Text.of(QT_TRANSLATE_NOOP("FileReader", "{path}: {reason}"), path=self.path,
                                  reason=describe(exc)))

    def __repr__(self) -> str:
        return f"RemoteFileReader({self.location!r}, {self.path!r})"
