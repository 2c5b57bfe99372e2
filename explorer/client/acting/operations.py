"""What the views may ask of the service, besides watching: details, actions, files.

Views never call the SDK; they hold a `BatchOperations` (built by the composition
root over one client) and get dataclasses back or an `OperationError` that carries
what a user needs to read and report a failure: the Batch error code, the message,
the HTTP status and the request id.

Long-running operations (resize, delete, reboot, remove, terminate a job) return as
soon as the service accepted them; the monitor shows how they progress.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import TypeVar

from azure.batch import models
from azure.batch.aio import BatchClient
from azure.batch.models._models import BatchJobTerminateOptions, BatchNodeRebootOptions  # not exported by models
from azure.core.exceptions import AzureError, HttpResponseError

from explorer.client.acting.details import FileEntry, NodeDetails, PoolDetails, TaskCounts, TaskDetails
from explorer.client.acting.downloads import DownloadResult, ProgressCallback, download_file, download_folder
from explorer.client.errors import BatchLayerError, describe, error_code
from explorer.client.files import FileLocation
from explorer.core.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)

T = TypeVar("T")


class OperationError(BatchLayerError):
    """A request the user asked for failed; `sentence` says so for the UI (to translate), `str()` in English.

    `action` is what was asked ("resize pool mpi"), `message` why it failed: the service's own
    words or a short technical reason, shown as they are.
    """

    def __init__(
        self, action: str | Text, message: str | Text, *, code: str | None = None, status: int | None = None,
        request_id: str | None = None,
    ) -> None:
        self.sentence = Text.of(QT_TRANSLATE_NOOP("Operations", "Could not {action}: {reason}"),
                                action=action, reason=message)
        super().__init__(self.sentence)
        self.action = action
        self.message = message
        self.code = code
        self.status = status
        self.request_id = request_id

    @classmethod
    def from_exception(cls, action: str | Text, exc: BaseException) -> OperationError:
        if not isinstance(exc, HttpResponseError):
            return cls(action, describe(exc))
        code = error_code(exc)
        message = _service_message(exc) or describe(exc)
        headers = getattr(exc.response, "headers", None) or {}
        request_id = headers.get("request-id")
        return cls(action, message, code=code, status=exc.status_code, request_id=request_id)


def _service_message(exc: HttpResponseError) -> str | None:
    """The service's own sentence (the `message.value` of a Batch error body)."""
    for source in (exc.model, exc.error):
        message = getattr(source, "message", None)
        text = getattr(message, "value", message)
        if isinstance(text, str) and text.strip():
            return text.strip().splitlines()[0]
    return None


class BatchOperations:
    def __init__(self, client: BatchClient) -> None:
        self._client = client

    # --- details -----------------------------------------------------------------

    async def get_pool(self, pool_id: str) -> PoolDetails:
        pool = await self._call(Text.of(QT_TRANSLATE_NOOP("Operations", "read pool {pool}"), pool=pool_id),
                                self._client.get_pool(pool_id))
        return PoolDetails.from_model(pool)

    async def get_node(self, pool_id: str, node_id: str) -> NodeDetails:
        node = await self._call(Text.of(QT_TRANSLATE_NOOP("Operations", "read node {node}"), node=node_id),
                                self._client.get_node(pool_id, node_id))
        return NodeDetails.from_model(node)

    async def get_task(self, job_id: str, task_id: str) -> TaskDetails:
        task = await self._call(Text.of(QT_TRANSLATE_NOOP("Operations", "read task {task}"), task=task_id),
                                self._client.get_task(job_id, task_id))
        return TaskDetails.from_model(task)

    async def task_counts(self, job_id: str) -> TaskCounts:
        result = await self._call(Text.of(QT_TRANSLATE_NOOP("Operations", "count the tasks of job {job}"), job=job_id),
                                  self._client.get_job_task_counts(job_id))
        return TaskCounts.from_model(result)

    # --- actions -----------------------------------------------------------------

    async def resize_pool(self, pool_id: str, dedicated: int, low_priority: int = 0) -> None:
        options = models.BatchPoolResizeOptions(
            target_dedicated_nodes=dedicated, target_low_priority_nodes=low_priority
        )
        await self._call(Text.of(QT_TRANSLATE_NOOP("Operations", "resize pool {pool}"), pool=pool_id),
                         self._client.begin_resize_pool(pool_id, options))

    async def stop_resize(self, pool_id: str) -> None:
        await self._call(Text.of(QT_TRANSLATE_NOOP("Operations", "stop resizing pool {pool}"), pool=pool_id),
                         self._client.begin_stop_pool_resize(pool_id))

    async def delete_pool(self, pool_id: str) -> None:
        await self._call(Text.of(QT_TRANSLATE_NOOP("Operations", "delete pool {pool}"), pool=pool_id),
                         self._client.begin_delete_pool(pool_id))

    async def reboot_nodes(self, pool_id: str, node_ids: list[str]) -> None:
        options = BatchNodeRebootOptions(node_reboot_kind="requeue")
        for node_id in node_ids:
            await self._call(Text.of(QT_TRANSLATE_NOOP("Operations", "reboot node {node}"), node=node_id),
                             self._client.begin_reboot_node(pool_id, node_id, options))

    async def remove_nodes(self, pool_id: str, node_ids: list[str]) -> None:
        options = models.BatchNodeRemoveOptions(node_ids=list(node_ids))
        if len(node_ids) == 1:
            what = Text.of(QT_TRANSLATE_NOOP("Operations", "remove node {node} from pool {pool}"),
                           node=node_ids[0], pool=pool_id)
        else:
            what = Text.of(QT_TRANSLATE_NOOP("Operations", "remove {count} nodes from pool {pool}"),
                           count=len(node_ids), pool=pool_id)
        await self._call(what, self._client.begin_remove_nodes(pool_id, options))

    async def terminate_job(self, job_id: str, reason: str | None = None) -> None:
        # The SDK refuses to send a terminate without options (ValueError): Batch's own default reason.
        options = BatchJobTerminateOptions(termination_reason=reason or "UserTerminate")
        await self._call(Text.of(QT_TRANSLATE_NOOP("Operations", "terminate job {job}"), job=job_id),
                         self._client.begin_terminate_job(job_id, options))

    async def delete_job(self, job_id: str) -> None:
        await self._call(Text.of(QT_TRANSLATE_NOOP("Operations", "delete job {job}"), job=job_id),
                         self._client.begin_delete_job(job_id))

    async def terminate_task(self, job_id: str, task_id: str) -> None:
        await self._call(Text.of(QT_TRANSLATE_NOOP("Operations", "terminate task {task}"), task=task_id),
                         self._client.terminate_task(job_id, task_id))

    async def delete_task(self, job_id: str, task_id: str) -> None:
        await self._call(Text.of(QT_TRANSLATE_NOOP("Operations", "delete task {task}"), task=task_id),
                         self._client.delete_task(job_id, task_id))

    # --- files -------------------------------------------------------------------

    async def list_directory(self, location: FileLocation, directory: str = "") -> list[FileEntry]:
        """The direct children of `directory` ('' for the root), folders first, by name.

        Batch lists only the top level without `recursive`, so a sub-folder is listed
        recursively under its prefix and folded to its direct children.
        """
        prefix = f"{directory.strip('/')}/" if directory.strip("/") else ""
        children: dict[str, FileEntry] = {}

        async def collect() -> None:
            async for entry in location.list_entries(self._client, prefix, recursive=bool(prefix)):
                child = _direct_child(prefix, entry)
                if child is not None and (child.name not in children or child.is_directory):
                    children[child.name] = child

        listed = (Text.of(QT_TRANSLATE_NOOP("Operations", "list {directory}"), directory=directory) if directory
                  else Text.of(QT_TRANSLATE_NOOP("Operations", "list the files")))
        await self._call(listed, collect())
        return sorted(children.values(), key=lambda e: (not e.is_directory, e.name.lower()))

    async def download(
        self, location: FileLocation, path: str, destination: Path, *, folder: bool = False,
        on_progress: ProgressCallback | None = None,
    ) -> DownloadResult:
        """A file to `destination`, or (`folder=True`) everything under `path` into it."""
        if folder:
            return await download_folder(self._client, location, path, destination, on_progress=on_progress)
        return await download_file(self._client, location, path, destination, on_progress=on_progress)

    async def _call(self, action: Text, awaitable: Awaitable[T]) -> T:
        try:
            return await awaitable
        except asyncio.CancelledError:
            raise
        except AzureError as exc:
            log.info("%s failed: %s", action, describe(exc))
            raise OperationError.from_exception(action, exc) from exc


def _direct_child(prefix: str, entry: models.BatchNodeFile) -> FileEntry | None:
    """The child of the listed folder that `entry` is or lies under."""
    name = entry.name or ""
    if not name.startswith(prefix) or name == prefix.rstrip("/"):
        return None
    rest = PurePosixPath(name[len(prefix):]).parts
    if not rest:
        return None
    path = prefix + rest[0]
    if len(rest) > 1 or entry.is_directory:
        return FileEntry(path, rest[0], True, None, None)
    props = entry.properties
    modified: datetime | None = props.last_modified if props else None
    size = int(props.content_length) if props and props.content_length is not None else None
    return FileEntry(path, rest[0], False, size, modified)
