"""HTTP handlers for task files and node files: list, properties (HEAD), download, delete.

Every disk access runs in a worker thread, relative to a descriptor of the root the
request names (the task's directory or the node's), never by a path resolved earlier:
see `files.node_files` for why.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from aiohttp import web

from explorer.localbatch.api.http_app import list_body, list_page, list_query
from explorer.localbatch.api.services import Services, services_of
from explorer.localbatch.files import node_files
from explorer.localbatch.wire.clock import http_date
from explorer.localbatch.wire.errors import BatchError

T = TypeVar("T")
_CHUNK = 1024 * 1024
_FILES_GONE = BatchError(409, "TaskFilesUnavailable", "The task's files are no longer on its node.")


@dataclass(frozen=True)
class FileRoot:
    """Where a request's files are: components under the service's node directories, and their URL."""

    services: Services
    parts: list[str]
    url_prefix: str
    make_node: tuple[str, str] | None = None  # (pool, node) whose tree is made on first use
    missing: BatchError = _FILES_GONE
    what: str = "the task's files"

    def open(self) -> int:
        """A descriptor of the root (blocking: call it in a thread); links refused at every component."""
        dirs = self.services.ctx.dirs
        if self.make_node is not None:
            dirs.make_node(*self.make_node)
        try:
            return node_files.open_directory(dirs.root, self.parts)
        except OSError as error:
            raise node_files.missing_or_unreadable(error, self.missing, self.what) from None


def _task_root(request: web.Request) -> FileRoot:
    services = services_of(request)
    job_id, task_id = request.match_info["job"], request.match_info["task"]
    task = services.ctx.state.task(job_id, task_id)
    info = task.get("nodeInfo")
    if not info:
        raise BatchError(409, "TaskFilesUnavailable", "The task has not run on a node yet, so it has no files.")
    node = services.ctx.state.node(info["poolId"], info["nodeId"])
    parts = [info["poolId"].lower(), node["id"].lower(), *info["taskRootDirectory"].split("/")]
    return FileRoot(services, parts, services.ctx.url(f"/jobs/{task['url'].rsplit('/jobs/', 1)[1]}/files"))


def _node_root(request: web.Request) -> FileRoot:
    services = services_of(request)
    pool_id, node_id = request.match_info["pool"], request.match_info["node"]
    node = services.ctx.state.node(pool_id, node_id)
    missing = BatchError(409, "NodeFilesUnavailable", "The node's files cannot be reached.")
    return FileRoot(services, [pool_id.lower(), node["id"].lower()], f"{node['url']}/files", (pool_id, node["id"]), missing,
                    "the node's files")


async def _in_root(root: FileRoot, action: Callable[[int], T]) -> T:
    """Run `action(root descriptor)` in a worker thread; the descriptor is closed after it."""

    def run() -> T:
        fd = root.open()
        try:
            return action(fd)
        finally:
            os.close(fd)

    return await asyncio.to_thread(run)


async def _listing(request: web.Request, root: FileRoot) -> web.Response:
    recursive = request.query.get("recursive", "false").lower() == "true"
    query = list_query(request)

    def page(fd: int) -> tuple[list[dict], dict | None]:
        # Keyset paging: the walk resumes after the previous page's last entry, every page costs the same.
        try:
            items = node_files.walk(fd, recursive, after=query.after)
        except BatchError:  # a '..' or NUL in the token's key: not one of ours
            raise BatchError(400, "InvalidQueryParameterValue", "The $skiptoken of this list request is not valid.") from None
        with contextlib.closing(items):
            return list_page(query, ((item.name, node_files.wire_entry(item, root.url_prefix)) for item in items), prepared=True)

    found, next_state = await _in_root(root, page)
    return list_body(request, found, next_state, "files", keep=("recursive",))  # later pages walk alike


def _properties_headers(item: node_files.FileInfo, root: FileRoot, path: str) -> dict[str, str]:
    """A file's headers as Azure sends them: Content-Type by type, isdirectory True/False, the URL percent-encoded."""
    return {
        "Content-Type": node_files.content_type(path),
        "Last-Modified": http_date(item.modified),
        "ocp-creation-time": http_date(item.created),
        "ocp-batch-file-isdirectory": str(item.is_directory),
        "ocp-batch-file-url": node_files.file_url(root.url_prefix, path),
        "ocp-batch-file-mode": node_files.file_mode(item),
    }


async def _properties(request: web.Request, root: FileRoot) -> web.Response:
    path = request.match_info["path"]
    item = await _in_root(root, lambda fd: node_files.properties(fd, path))
    headers = _properties_headers(item, root, path)
    headers["Content-Length"] = str(item.size)
    return web.Response(status=200, headers=headers)


async def _download(request: web.Request, root: FileRoot) -> web.StreamResponse:
    path = request.match_info["path"]
    fd, item = await _in_root(root, lambda root_fd: node_files.open_file(root_fd, path))
    with os.fdopen(fd, "rb") as source:
        # Measure the open file: it may grow while we answer, and we send what we promised.
        size = await asyncio.to_thread(source.seek, 0, 2)
        span = node_files.parse_range(request.headers.get("ocp-range") or request.headers.get("Range"), size)
        start, end = span if span else (0, size - 1)
        length = max(0, end - start + 1)
        headers = _properties_headers(item, root, path)
        # Always 200, also for a range: the SDK accepts nothing else (batch-notes.md).
        response = web.StreamResponse(status=200, headers=headers)
        response.content_length = length
        await response.prepare(request)
        await asyncio.to_thread(source.seek, start)
        remaining = length
        while remaining > 0:
            chunk = await asyncio.to_thread(source.read, min(_CHUNK, remaining))
            if not chunk:
                break
            await response.write(chunk)
            remaining -= len(chunk)
    await response.write_eof()
    return response


async def _delete(request: web.Request, root: FileRoot) -> web.Response:
    recursive = request.query.get("recursive", "false").lower() == "true"
    path = request.match_info["path"]
    await _in_root(root, lambda fd: node_files.delete(fd, path, recursive))
    return web.Response(status=200)


Root = Callable[[web.Request], FileRoot]


def _list_handler(root_of: Root) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def handler(request: web.Request) -> web.Response:
        return await _listing(request, root_of(request))

    return handler


def _file_handler(root_of: Root) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """GET downloads, HEAD gives properties, DELETE removes; task and node files differ only in their root."""

    async def handler(request: web.Request) -> web.StreamResponse:
        root = root_of(request)
        if request.method == "HEAD":
            return await _properties(request, root)
        if request.method == "DELETE":
            return await _delete(request, root)
        return await _download(request, root)

    return handler


def add_routes(app: web.Application) -> None:
    for prefix, root_of in (("/jobs/{job}/tasks/{task}/files", _task_root), ("/pools/{pool}/nodes/{node}/files", _node_root)):
        app.router.add_get(prefix, _list_handler(root_of), allow_head=False)
        file_handler = _file_handler(root_of)
        for method in ("GET", "HEAD", "DELETE"):
            app.router.add_route(method, prefix + "/{path:.+}", file_handler)
