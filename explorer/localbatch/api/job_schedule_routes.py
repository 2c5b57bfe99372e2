"""HTTP handlers for job schedules and the jobs they make."""

from __future__ import annotations

from aiohttp import web

from explorer.localbatch.api.http_app import (
    accepted,
    check_preconditions,
    document_response,
    list_response,
    read_body,
    wire,
)
from explorer.localbatch.api.services import Services, services_of
from explorer.localbatch.operations.job_schedules import wire_schedule


def _checked(request: web.Request) -> tuple[Services, dict]:
    """The services and the addressed schedule, after the request's conditional headers."""
    services = services_of(request)
    schedule = services.job_schedules.get(request.match_info["schedule"])
    check_preconditions(request, schedule)
    return services, schedule


async def create(request: web.Request) -> web.Response:
    schedule = services_of(request).job_schedules.create(await read_body(request))
    return accepted(schedule, schedule["url"], 201)


async def list_schedules(request: web.Request) -> web.Response:
    schedules = [wire_schedule(schedule) for schedule in services_of(request).job_schedules.all()]
    return list_response(request, schedules, "jobschedules", prepared=True)


async def get(request: web.Request) -> web.Response:
    _, schedule = _checked(request)
    return document_response(request, wire_schedule(schedule), "jobschedules/@Element")


async def exists(request: web.Request) -> web.Response:
    _, schedule = _checked(request)
    return accepted(schedule, schedule["url"], 200)


async def update(request: web.Request) -> web.Response:
    services, schedule = _checked(request)
    services.job_schedules.update(schedule["id"], await read_body(request), replace=request.method == "PUT")
    return accepted(schedule, schedule["url"], 200)


async def delete(request: web.Request) -> web.Response:
    services, schedule = _checked(request)
    services.job_schedules.delete(schedule["id"])
    return accepted(None, schedule["url"])


async def disable(request: web.Request) -> web.Response:
    services, schedule = _checked(request)
    services.job_schedules.disable(schedule["id"])
    return accepted(schedule, schedule["url"], 204)


async def enable(request: web.Request) -> web.Response:
    services, schedule = _checked(request)
    services.job_schedules.enable(schedule["id"])
    return accepted(schedule, schedule["url"], 204)


async def terminate(request: web.Request) -> web.Response:
    services, schedule = _checked(request)
    services.job_schedules.terminate(schedule["id"])
    return accepted(schedule, schedule["url"])


async def list_jobs(request: web.Request) -> web.Response:
    jobs = [wire(job) for job in services_of(request).job_schedules.jobs_of(request.match_info["schedule"])]
    return list_response(request, jobs, "jobs", prepared=True)


def add_routes(app: web.Application) -> None:
    app.router.add_post("/jobschedules", create)
    app.router.add_get("/jobschedules", list_schedules, allow_head=False)
    schedule = "/jobschedules/{schedule}"
    app.router.add_get(schedule, get, allow_head=False)
    app.router.add_route("HEAD", schedule, exists)
    app.router.add_patch(schedule, update)
    app.router.add_put(schedule, update)
    app.router.add_delete(schedule, delete)
    app.router.add_post(f"{schedule}/disable", disable)
    app.router.add_post(f"{schedule}/enable", enable)
    app.router.add_post(f"{schedule}/terminate", terminate)
    app.router.add_get(f"{schedule}/jobs", list_jobs, allow_head=False)
