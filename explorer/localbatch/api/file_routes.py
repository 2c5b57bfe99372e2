"""HTTP handlers for task files and node files: list, properties (HEAD), download, delete."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web

from explorer.localbatch.api.http_app import list_response
from explorer.localbatch.api.services import services_of
from explorer.localbatch.files import node_files
from explorer.localbatch.wire.clock import http_date
from explorer.localbatch.wire.errors import BatchError

_CHUNK = 1024 * 1024


def _task_root(request: web.Request) -> tuple[Path, str]:
    services = services_of(request)
    job_id, task_id = request.match_info["job"], request.match_info["task"]
    task = services.ctx.state.task(job_id, task_id)
    info = task.get("nodeInfo")
    if not info:
        raise BatchError(409, "TaskFilesUnavailable", "The task has not run on a node yet, so it has no files.")
    services.ctx.state.node(info["poolId"], info["nodeId"])
    root = services.ctx.dirs.node_root(info["poolId"], info["nodeId"]) / info["taskRootDirectory"]
    if not root.is_dir():
        raise BatchError(409, "TaskFilesUnavailable", "The task's files are no longer on its node.")
    return root, services.ctx.url(f"/jobs/{task['url'].rsplit('/jobs/', 1)[1]}/files")


def _node_root(request: web.Request) -> tuple[Path, str]:
    services = services_of(request)
    pool_id, node_id = request.match_info["pool"], request.match_info["node"]
    node = services.ctx.state.node(pool_id, node_id)
    return services.ctx.dirs.node_root(pool_id, node["id"], create=True), f"{node['url']}/files"


def _listing(request: web.Request, root: Path, url_prefix: str) -> web.Response:
    recursive = request.query.get("recursive", "false").lower() == "true"
    entries = (node_files.wire_entry(item, url_prefix) for item in node_files.walk(root, recursive))
    return list_response(request, entries, "files", prepared=True)


def _properties_headers(item: node_files.FileInfo, url: str) -> dict[str, str]:
    return {
        "Content-Type": "application/octet-stream",
        "Last-Modified": http_date(item.modified),
        "ocp-creation-time": http_date(item.created),
        "ocp-batch-file-isdirectory": str(item.is_directory).lower(),
        "ocp-batch-file-url": url,
        "ocp-batch-file-mode": f"{item.mode:o}",
    }


async def _properties(request: web.Request, root: Path, url_prefix: str) -> web.Response:
    path = node_files.resolve(root, request.match_info["path"])
    item = node_files.info(root, path)
    headers = _properties_headers(item, f"{url_prefix}/{request.match_info['path']}")
    headers["Content-Length"] = str(item.size)
    return web.Response(status=200, headers=headers)


async def _download(request: web.Request, root: Path, url_prefix: str) -> web.StreamResponse:
    path = node_files.resolve(root, request.match_info["path"])
    item = node_files.info(root, path)
    if item.is_directory:
        raise BatchError(400, "FileIsDirectory", "The path names a directory: list it, or download the files in it.")
    source = await asyncio.to_thread(open, path, "rb")
    with source:
        # Measure the open file: it may grow while we answer, and we send what we promised.
        size = await asyncio.to_thread(source.seek, 0, 2)
        span = node_files.parse_range(request.headers.get("ocp-range") or request.headers.get("Range"), size)
        start, end = span if span else (0, size - 1)
        length = max(0, end - start + 1)
        headers = _properties_headers(item, f"{url_prefix}/{request.match_info['path']}")
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


async def _delete(request: web.Request, root: Path) -> web.Response:
    recursive = request.query.get("recursive", "false").lower() == "true"
    await asyncio.to_thread(_delete_path, root, request.match_info["path"], recursive)
    return web.Response(status=200)


def _delete_path(root: Path, file_path: str, recursive: bool) -> None:
    path = node_files.resolve(root, file_path)
    if path == root.resolve():
        raise BatchError(400, "InvalidPropertyValue", "The root directory cannot be deleted.")
    if path.is_dir():
        if not recursive:
            raise BatchError(409, "DirectoryNotEmpty" if any(path.iterdir()) else "FileIsDirectory", "Use recursive=true to delete a directory.")
        shutil.rmtree(path)
    else:
        path.unlink()


Root = Callable[[web.Request], tuple[Path, str]]


def _list_handler(root_of: Root) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def handler(request: web.Request) -> web.Response:
        return _listing(request, *root_of(request))

    return handler


def _file_handler(root_of: Root) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """GET downloads, HEAD gives properties, DELETE removes; task and node files differ only in their root."""

    async def handler(request: web.Request) -> web.StreamResponse:
        root, prefix = root_of(request)
        if request.method == "HEAD":
            return await _properties(request, root, prefix)
        if request.method == "DELETE":
            return await _delete(request, root)
        return await _download(request, root, prefix)

    return handler


def add_routes(app: web.Application) -> None:
    for prefix, root_of in (("/jobs/{job}/tasks/{task}/files", _task_root), ("/pools/{pool}/nodes/{node}/files", _node_root)):
        app.router.add_get(prefix, _list_handler(root_of), allow_head=False)
        file_handler = _file_handler(root_of)
        for method in ("GET", "HEAD", "DELETE"):
            app.router.add_route(method, prefix + "/{path:.+}", file_handler)
