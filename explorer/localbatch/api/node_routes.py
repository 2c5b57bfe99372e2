"""HTTP handlers for reaching and steering a node: remote login, users, scheduling, reimage,
deallocate/start, service logs and extensions."""

from __future__ import annotations

from aiohttp import web

from explorer.localbatch.api.http_app import accepted, document_response, list_response, read_body
from explorer.localbatch.api.services import services_of
from explorer.localbatch.wire.errors import BatchError


def _ids(request: web.Request) -> tuple[str, str]:
    return request.match_info["pool"], request.match_info["node"]


def _node_url(request: web.Request) -> str:
    return services_of(request).ctx.state.node(*_ids(request))["url"]


async def remote_login_settings(request: web.Request) -> web.Response:
    settings = services_of(request).nodes.remote_login_settings(*_ids(request))
    return document_response(request, settings, "Microsoft.Azure.Batch.Protocol.Entities.ComputeNodeGetRemoteLoginSettingsResult")


async def add_user(request: web.Request) -> web.Response:
    services_of(request).nodes.add_user(*_ids(request), await read_body(request))
    return accepted(None, f"{_node_url(request)}/users", 201)


async def replace_user(request: web.Request) -> web.Response:
    services_of(request).nodes.replace_user(*_ids(request), request.match_info["user"], await read_body(request))
    return accepted(None, f"{_node_url(request)}/users/{request.match_info['user']}", 200)


async def delete_user(request: web.Request) -> web.Response:
    services_of(request).nodes.delete_user(*_ids(request), request.match_info["user"])
    return accepted(None, f"{_node_url(request)}/users/{request.match_info['user']}", 200)


async def disable_scheduling(request: web.Request) -> web.Response:
    node = services_of(request).nodes.disable_scheduling(*_ids(request), await read_body(request))
    return accepted(None, node["url"], 200)


async def enable_scheduling(request: web.Request) -> web.Response:
    node = services_of(request).nodes.enable_scheduling(*_ids(request))
    return accepted(None, node["url"], 200)


async def reimage(request: web.Request) -> web.Response:
    node = services_of(request).nodes.reimage(*_ids(request), await read_body(request))
    return accepted(None, node["url"])


async def deallocate(request: web.Request) -> web.Response:
    node = services_of(request).nodes.deallocate(*_ids(request), await read_body(request))
    return accepted(None, node["url"])


async def start(request: web.Request) -> web.Response:
    node = services_of(request).nodes.start(*_ids(request))
    return accepted(None, node["url"])


async def upload_logs(request: web.Request) -> web.Response:
    result = await services_of(request).nodes.upload_logs(*_ids(request), await read_body(request))
    return document_response(request, result, "Microsoft.Azure.Batch.Protocol.Entities.UploadBatchServiceLogsResult")


async def list_extensions(request: web.Request) -> web.Response:
    """A local node runs no VM extensions: the list is empty."""
    services_of(request).ctx.state.node(*_ids(request))
    return list_response(request, [], "extensions", prepared=True)


async def get_extension(request: web.Request) -> web.Response:
    services_of(request).ctx.state.node(*_ids(request))
    name = request.match_info["extension"][:64]
    raise BatchError(
        404, "NodeExtensionNotFound", f"The node has no extension {name}: Local Batch nodes run no VM extensions.",
        {"ExtensionName": name},
    )


def add_routes(app: web.Application) -> None:
    node = "/pools/{pool}/nodes/{node}"
    app.router.add_get(f"{node}/remoteloginsettings", remote_login_settings, allow_head=False)
    app.router.add_post(f"{node}/users", add_user)
    app.router.add_put(f"{node}/users/{{user}}", replace_user)
    app.router.add_delete(f"{node}/users/{{user}}", delete_user)
    app.router.add_post(f"{node}/disablescheduling", disable_scheduling)
    app.router.add_post(f"{node}/enablescheduling", enable_scheduling)
    app.router.add_post(f"{node}/reimage", reimage)
    app.router.add_post(f"{node}/deallocate", deallocate)
    app.router.add_post(f"{node}/start", start)
    app.router.add_post(f"{node}/uploadbatchservicelogs", upload_logs)
    app.router.add_get(f"{node}/extensions", list_extensions, allow_head=False)
    app.router.add_get(f"{node}/extensions/{{extension}}", get_extension, allow_head=False)
