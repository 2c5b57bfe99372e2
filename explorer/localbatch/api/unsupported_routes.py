"""Batch operations Local Batch does not carry out, answered so a client knows why.

Never a bare 404 ResourceNotFound, which a client reads as "this pool does not exist":
enabling or evaluating autoscale is refused with a 400 `OperationNotSupportedByLocalBatch`
naming the operation; as no pool autoscales, disabling autoscale succeeds and changes
nothing.
"""

from __future__ import annotations

from aiohttp import web

from explorer.localbatch.api.http_app import accepted
from explorer.localbatch.api.services import services_of
from explorer.localbatch.wire.errors import BatchError

NOT_SUPPORTED = "OperationNotSupportedByLocalBatch"
_WHY = {
    "enable pool autoscale": "Local Batch does not evaluate autoscale formulas: resize the pool to fixed targets instead.",
    "evaluate pool autoscale": "Local Batch does not evaluate autoscale formulas: resize the pool to fixed targets instead.",
}


def not_supported(operation: str) -> BatchError:
    return BatchError(
        400, NOT_SUPPORTED, f"The operation '{operation}' is not supported by Local Batch. {_WHY[operation]}",
        {"Operation": operation},
    )


def _refuse(operation: str):  # type: ignore[no-untyped-def]
    async def handler(request: web.Request) -> web.Response:
        raise not_supported(operation)

    return handler


async def disable_autoscale(request: web.Request) -> web.Response:
    pool = services_of(request).ctx.state.pool(request.match_info["pool"])
    return accepted(pool, pool["url"], 200)


def add_routes(app: web.Application) -> None:
    app.router.add_post("/pools/{pool}/enableautoscale", _refuse("enable pool autoscale"))
    app.router.add_post("/pools/{pool}/evaluateautoscale", _refuse("evaluate pool autoscale"))
    app.router.add_post("/pools/{pool}/disableautoscale", disable_autoscale)
