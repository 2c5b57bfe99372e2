"""Where a file lives: the files of one task, or the files of one compute node.

The file reader, the task files probe and the downloads work on a `FileLocation` and a path inside it, so the
task-file and node-file flavours of every SDK call are chosen in one place.

Error answers to file requests, as the SDK reads them: its `BatchExceptionPolicy` turns every non-2xx answer into
an exception carrying the decoded Batch error, in the pipeline, before the operation reads the body. A download is
streamed, so its error body was not read yet (`ResponseNotReadError`, logged with a traceback, and the error's
code lost: FileNotFound and TaskNotFound looked alike); a HEAD (file properties) has no body at all (a
`JSONDecodeError`, logged the same way). `ReadErrorBodies` (a per-retry policy: it sees the answer before the
SDK's policy) reads the small body of an error answer, so it is decoded; `quiet_bodyless_errors` drops only the
SDK's warning about an empty body, which has nothing to decode: the error itself is still raised, with its status.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Protocol, cast

from azure.batch.aio import BatchClient
from azure.batch.models import BatchFileProperties, BatchNodeFile
from azure.core.exceptions import ResourceNotFoundError
from azure.core.pipeline import PipelineRequest, PipelineResponse
from azure.core.pipeline.policies import AsyncHTTPPolicy

from explorer.client.errors import error_code

_SDK_DESERIALIZATION_LOG = "azure.batch._utils.model_base"


class ReadErrorBodies(AsyncHTTPPolicy):
    """Reads the body of an error answer (a few hundred bytes of JSON) before the SDK's error policy decodes it."""

    async def send(self, request: PipelineRequest) -> PipelineResponse:
        response = await self.next.send(request)
        answer = response.http_response
        if not 200 <= answer.status_code < 300 and request.http_request.method != "HEAD":
            await answer.read()
        return response


def _not_an_empty_body(record: logging.LogRecord) -> bool:
    """False for the SDK's failsafe-deserialization warning about an empty body (a HEAD answer): nothing to decode."""
    error = record.exc_info[1] if record.exc_info else None
    return not (isinstance(error, json.JSONDecodeError) and not error.doc.strip())


def quiet_bodyless_errors() -> None:
    """Drop the SDK's warning (with traceback) for error answers without a body; idempotent."""
    logger = logging.getLogger(_SDK_DESERIALIZATION_LOG)
    if _not_an_empty_body not in logger.filters:
        logger.addFilter(_not_an_empty_body)


@dataclass(frozen=True)
class Download:
    """An open ranged download: the body stream and the Content-Length the server announced."""

    stream: AsyncIterator[bytes]
    length: int | None


def _as_download(_pipeline_response: Any, stream: AsyncIterator[bytes], headers: dict[str, Any]) -> Download:
    return Download(stream, headers.get("Content-Length"))


@dataclass(frozen=True)
class OwnerStatus:
    """What the task or node holding a file is up to, asked after a 404 or 409."""

    gone: str | None = None
    """The error code (TaskNotFound, NodeNotFound, ...) if it no longer exists."""
    not_started: bool = False
    """A task that has not run on a node yet (its files are unavailable, not lost)."""


@dataclass(frozen=True)
class RemoteFile:
    """One entry of a recursive listing (directories are left out)."""

    path: str
    size: int


class FileLocation(Protocol):
    async def properties(self, client: BatchClient, path: str) -> BatchFileProperties: ...

    async def read(self, client: BatchClient, path: str, ocp_range: str | None = None) -> Download: ...

    def list(self, client: BatchClient, prefix: str) -> AsyncIterator[RemoteFile]: ...

    def list_entries(self, client: BatchClient, prefix: str, recursive: bool) -> AsyncIterator[BatchNodeFile]: ...

    async def owner_status(self, client: BatchClient) -> OwnerStatus: ...


@dataclass(frozen=True)
class TaskFiles:
    """Files of a task (for a multi-instance task: the primary's)."""

    job_id: str
    task_id: str

    async def properties(self, client: BatchClient, path: str) -> BatchFileProperties:
        return await client.get_task_file_properties(self.job_id, self.task_id, path)

    async def read(self, client: BatchClient, path: str, ocp_range: str | None = None) -> Download:
        download = await client.download_task_file(self.job_id, self.task_id, path, ocp_range=ocp_range, cls=_as_download)
        return cast(Download, download)  # what `cls` made of the response

    def list_entries(self, client: BatchClient, prefix: str, recursive: bool) -> AsyncIterator[BatchNodeFile]:
        return client.list_task_files(self.job_id, self.task_id, recursive=recursive, filter=_prefix_filter(prefix))

    def list(self, client: BatchClient, prefix: str) -> AsyncIterator[RemoteFile]:
        return _files_under(self.list_entries(client, prefix, recursive=True), prefix)

    async def owner_status(self, client: BatchClient) -> OwnerStatus:
        try:
            task = await client.get_task(self.job_id, self.task_id, select=["id", "state"])
        except ResourceNotFoundError as exc:
            return OwnerStatus(gone=error_code(exc) or "TaskNotFound")
        return OwnerStatus(not_started=task.state == "active")


@dataclass(frozen=True)
class NodeFiles:
    """Files of a compute node (subtask files live here, under the subtask's root dir)."""

    pool_id: str
    node_id: str

    async def properties(self, client: BatchClient, path: str) -> BatchFileProperties:
        return await client.get_node_file_properties(self.pool_id, self.node_id, path)

    async def read(self, client: BatchClient, path: str, ocp_range: str | None = None) -> Download:
        download = await client.download_node_file(self.pool_id, self.node_id, path, ocp_range=ocp_range, cls=_as_download)
        return cast(Download, download)

    def list_entries(self, client: BatchClient, prefix: str, recursive: bool) -> AsyncIterator[BatchNodeFile]:
        return client.list_node_files(self.pool_id, self.node_id, recursive=recursive, filter=_prefix_filter(prefix))

    def list(self, client: BatchClient, prefix: str) -> AsyncIterator[RemoteFile]:
        return _files_under(self.list_entries(client, prefix, recursive=True), prefix)

    async def owner_status(self, client: BatchClient) -> OwnerStatus:
        try:
            await client.get_node(self.pool_id, self.node_id, select=["id"])
        except ResourceNotFoundError as exc:
            return OwnerStatus(gone=error_code(exc) or "NodeNotFound")
        return OwnerStatus()


async def _files_under(listing: AsyncIterator[BatchNodeFile], prefix: str) -> AsyncIterator[RemoteFile]:
    """Listings may include directories and, if the server ignores $filter, other files."""
    async for entry in listing:
        name, props = entry.name, entry.properties
        if not entry.is_directory and name is not None and props is not None and name.startswith(prefix):
            yield RemoteFile(name, props.content_length)


def _prefix_filter(prefix: str) -> str | None:
    if not prefix:
        return None
    return "startswith(name,'{}')".format(prefix.replace("'", "''"))

