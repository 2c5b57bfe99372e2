"""Batch operations Local Batch does not carry out, answered so a client knows why.

Never a bare 404 ResourceNotFound, which a client reads as "this pool or job does not
exist": creating a job schedule and enabling or evaluating autoscale are refused with a
400 `OperationNotSupportedByLocalBatch` naming the operation. As no job schedule can
exist, listing them gives an empty list and addressing one gives 404
`JobScheduleNotFound`; as no pool autoscales, disabling autoscale succeeds and changes
nothing.
"""

from __future__ import annotations

from aiohttp import web

from explorer.localbatch.api.http_app import accepted, list_response
from explorer.localbatch.api.services import services_of
from explorer.localbatch.wire.errors import BatchError

NOT_SUPPORTED = "OperationNotSupportedByLocalBatch"
_WHY = {
    "create job schedule": "Local Batch runs no job schedules: create the jobs themselves (az batch job create).",
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


async def no_job_schedule(request: web.Request) -> web.Response:
    schedule = request.match_info["schedule"][:64]
    raise BatchError(404, "JobScheduleNotFound", "The specified job schedule does not exist.", {"JobScheduleId": schedule})


async def list_job_schedules(request: web.Request) -> web.Response:
    return list_response(request, [], "jobschedules", prepared=True)


async def disable_autoscale(request: web.Request) -> web.Response:
    pool = services_of(request).ctx.state.pool(request.match_info["pool"])
    return accepted(pool, pool["url"], 200)


def add_routes(app: web.Application) -> None:
    app.router.add_post("/jobschedules", _refuse("create job schedule"))
    app.router.add_get("/jobschedules", list_job_schedules, allow_head=False)
    schedule = "/jobschedules/{schedule}"
    for method in ("GET", "HEAD", "PATCH", "PUT", "DELETE"):
        app.router.add_route(method, schedule, no_job_schedule)
    for action in ("disable", "enable", "terminate"):
        app.router.add_post(f"{schedule}/{action}", no_job_schedule)
    app.router.add_get(f"{schedule}/jobs", no_job_schedule, allow_head=False)
    app.router.add_post("/pools/{pool}/enableautoscale", _refuse("enable pool autoscale"))
    app.router.add_post("/pools/{pool}/evaluateautoscale", _refuse("evaluate pool autoscale"))
    app.router.add_post("/pools/{pool}/disableautoscale", disable_autoscale)
