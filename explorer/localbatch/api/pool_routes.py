"""HTTP handlers for pools, nodes and node counts."""

from __future__ import annotations

from aiohttp import web

from explorer.localbatch.api.http_app import accepted, check_preconditions, document_response, list_response, read_body
from explorer.localbatch.api.services import Services, services_of


def _checked_pool(request: web.Request) -> tuple[Services, dict]:
    """The services and the addressed pool, after the request's If-Match/If-*-Since checks."""
    services = services_of(request)
    pool = services.ctx.state.pool(request.match_info["pool"])
    check_preconditions(request, pool)
    return services, pool


async def create_pool(request: web.Request) -> web.Response:
    pool = services_of(request).pools.create(await read_body(request))
    return accepted(pool, pool["url"], 201)


async def list_pools(request: web.Request) -> web.Response:
    return list_response(request, services_of(request).ctx.state.pools, "pools")


async def get_pool(request: web.Request) -> web.Response:
    _, pool = _checked_pool(request)
    return document_response(request, pool, "pools/@Element")


async def pool_exists(request: web.Request) -> web.Response:
    pool = services_of(request).ctx.state.pool(request.match_info["pool"])
    return accepted(pool, pool["url"], 200)


async def update_pool(request: web.Request) -> web.Response:
    services, _ = _checked_pool(request)
    pool = services.pools.update(request.match_info["pool"], await read_body(request))
    return accepted(pool, pool["url"], 200)


async def replace_pool_properties(request: web.Request) -> web.Response:
    services, _ = _checked_pool(request)
    pool = services.pools.replace_properties(request.match_info["pool"], await read_body(request))
    return accepted(pool, pool["url"], 204)


async def delete_pool(request: web.Request) -> web.Response:
    services, pool = _checked_pool(request)
    services.pools.delete(pool["id"])
    return accepted(None, pool["url"])


async def resize_pool(request: web.Request) -> web.Response:
    services, pool = _checked_pool(request)
    services.pools.resize(pool["id"], await read_body(request))
    return accepted(pool, pool["url"])


async def stop_resize(request: web.Request) -> web.Response:
    services = services_of(request)
    pool = services.ctx.state.pool(request.match_info["pool"])
    services.pools.stop_resize(pool["id"])
    return accepted(pool, pool["url"])


async def remove_nodes(request: web.Request) -> web.Response:
    services = services_of(request)
    pool = services.ctx.state.pool(request.match_info["pool"])
    services.pools.remove_nodes(pool["id"], await read_body(request))
    return accepted(pool, pool["url"])


async def node_counts(request: web.Request) -> web.Response:
    services = services_of(request)
    counts = {key: services.pools.node_counts(pool) for key, pool in services.ctx.state.pools.items()}
    return list_response(request, counts, "poolnodecounts", prepared=True)


async def list_nodes(request: web.Request) -> web.Response:
    services = services_of(request)
    services.ctx.state.pool(request.match_info["pool"])
    return list_response(request, services.ctx.state.pool_nodes(request.match_info["pool"]), "nodes", prepared=True)


async def get_node(request: web.Request) -> web.Response:
    node = services_of(request).ctx.state.node(request.match_info["pool"], request.match_info["node"])
    return document_response(request, node, "nodes/@Element")


async def reboot_node(request: web.Request) -> web.Response:
    services = services_of(request)
    pool_id, node_id = request.match_info["pool"], request.match_info["node"]
    node = services.ctx.state.node(pool_id, node_id)
    services.pools.reboot_node(pool_id, node_id, await read_body(request))
    return accepted(None, node["url"])


def add_routes(app: web.Application) -> None:
    app.router.add_post("/pools", create_pool)
    app.router.add_get("/pools", list_pools, allow_head=False)
    app.router.add_get("/pools/{pool}", get_pool, allow_head=False)
    app.router.add_route("HEAD", "/pools/{pool}", pool_exists)
    app.router.add_patch("/pools/{pool}", update_pool)
    app.router.add_delete("/pools/{pool}", delete_pool)
    app.router.add_post("/pools/{pool}/updateproperties", replace_pool_properties)
    app.router.add_post("/pools/{pool}/resize", resize_pool)
    app.router.add_post("/pools/{pool}/stopresize", stop_resize)
    app.router.add_post("/pools/{pool}/removenodes", remove_nodes)
    app.router.add_get("/nodecounts", node_counts, allow_head=False)
    app.router.add_get("/pools/{pool}/nodes", list_nodes, allow_head=False)
    app.router.add_get("/pools/{pool}/nodes/{node}", get_node, allow_head=False)
    app.router.add_post("/pools/{pool}/nodes/{node}/reboot", reboot_node)
