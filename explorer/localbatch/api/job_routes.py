"""HTTP handlers for jobs, tasks and subtasks."""

from __future__ import annotations

from aiohttp import web

from explorer.localbatch.api.http_app import accepted, check_preconditions, document_response, list_response, read_body
from explorer.localbatch.api.services import Services, services_of
from explorer.localbatch.running.job_tasks import statuses
from explorer.localbatch.wire.bodies import Body
from explorer.localbatch.wire.errors import BatchError


def _ids(request: web.Request) -> tuple[str, str]:
    return request.match_info["job"], request.match_info["task"]


def _checked_job(request: web.Request) -> tuple[Services, dict]:
    """The services and the addressed job, after the request's If-Match/If-*-Since checks."""
    services = services_of(request)
    job = services.ctx.state.job(request.match_info["job"])
    check_preconditions(request, job)
    return services, job


def _checked_task(request: web.Request) -> tuple[Services, dict]:
    """The services and the addressed task, after the request's If-Match/If-*-Since checks."""
    services = services_of(request)
    task = services.ctx.state.task(*_ids(request))
    check_preconditions(request, task)
    return services, task


async def create_job(request: web.Request) -> web.Response:
    services = services_of(request)
    job = services.jobs.create(await read_body(request))
    return accepted(job, job["url"], 201)


async def list_jobs(request: web.Request) -> web.Response:
    return list_response(request, services_of(request).ctx.state.jobs, "jobs")


async def get_job(request: web.Request) -> web.Response:
    _, job = _checked_job(request)
    return document_response(request, job, "jobs/@Element")


async def update_job(request: web.Request) -> web.Response:
    services, _ = _checked_job(request)
    job = services.jobs.update(request.match_info["job"], await read_body(request), replace=request.method == "PUT")
    return accepted(job, job["url"], 200)


async def delete_job(request: web.Request) -> web.Response:
    services, job = _checked_job(request)
    services.jobs.delete(job["id"])
    return accepted(None, job["url"])


async def terminate_job(request: web.Request) -> web.Response:
    services, job = _checked_job(request)
    body = await read_body(request)
    services.jobs.terminate(job["id"], body.str("terminateReason", max_length=64))
    return accepted(job, job["url"])


async def disable_job(request: web.Request) -> web.Response:
    services, job = _checked_job(request)
    services.jobs.disable(job["id"], await read_body(request))
    return accepted(job, job["url"])


async def enable_job(request: web.Request) -> web.Response:
    services, job = _checked_job(request)
    services.jobs.enable(job["id"])
    return accepted(job, job["url"])


async def task_counts(request: web.Request) -> web.Response:
    counts = services_of(request).jobs.task_counts(request.match_info["job"])
    return document_response(request, counts, "taskcountsresult/@Element")


async def create_task(request: web.Request) -> web.Response:
    task = services_of(request).tasks.create(request.match_info["job"], await read_body(request))
    return accepted(task, task["url"], 201)


async def create_task_collection(request: web.Request) -> web.Response:
    """Add up to 100 tasks; each gets its own result, as in Batch."""
    services = services_of(request)
    job_id = request.match_info["job"]
    body = await read_body(request)
    entries = body.objects("value")
    if not entries or len(entries) > 100:
        raise BatchError(400, "InvalidPropertyValue", "A task collection holds between 1 and 100 tasks.")
    results = []
    for entry in entries:
        try:
            task = services.tasks.create(job_id, entry)
            results.append({"status": "success", "taskId": task["id"], "eTag": task["eTag"], "lastModified": task["lastModified"], "location": task["url"]})
        except BatchError as error:
            if error.code == "JobNotFound":
                raise
            results.append({"status": "clienterror" if error.status < 500 else "servererror", "taskId": _given_id(entry), "error": {"code": error.code, "message": {"lang": "en-US", "value": error.message}}})
    return document_response(request, {"value": results}, "taskaddresult")


def _given_id(entry: Body) -> str | None:
    value = entry.raw("id")
    return value[:64] if isinstance(value, str) else None


async def list_tasks(request: web.Request) -> web.Response:
    services = services_of(request)
    services.ctx.state.job(request.match_info["job"])
    return list_response(request, services.ctx.state.job_tasks(request.match_info["job"]), "tasks")


async def get_task(request: web.Request) -> web.Response:
    _, task = _checked_task(request)
    return document_response(request, task, "tasks/@Element")


async def replace_task(request: web.Request) -> web.Response:
    services, _ = _checked_task(request)
    task = services.tasks.replace(*_ids(request), await read_body(request))
    return accepted(task, task["url"], 200)


async def delete_task(request: web.Request) -> web.Response:
    services, task = _checked_task(request)
    await services.tasks.delete(*_ids(request))
    return accepted(None, task["url"], 200)


async def terminate_task(request: web.Request) -> web.Response:
    services, task = _checked_task(request)
    await services.tasks.terminate(*_ids(request))
    return accepted(task, task["url"], 204)


async def reactivate_task(request: web.Request) -> web.Response:
    services, task = _checked_task(request)
    services.tasks.reactivate(*_ids(request))
    return accepted(task, task["url"], 204)


async def list_subtasks(request: web.Request) -> web.Response:
    services = services_of(request)
    services.ctx.state.task(*_ids(request))
    subtasks = sorted(services.ctx.state.task_subtasks(*_ids(request)).values(), key=lambda s: s["id"])
    return list_response(request, {str(s["id"]): s for s in subtasks}, "subtaskinfo")


async def list_preparation_and_release_status(request: web.Request) -> web.Response:
    """Each node's job preparation and release task status; 409 when the job has neither, as on Batch."""
    job = services_of(request).ctx.state.job(request.match_info["job"])
    if not job.get("jobPreparationTask"):
        raise BatchError(409, "JobPreparationTaskNotSpecified", "The job has no job preparation or job release task.")
    return list_response(request, statuses(job), "jobpreparationandreleasetaskstatuslist")


def add_routes(app: web.Application) -> None:
    app.router.add_post("/jobs", create_job)
    app.router.add_get("/jobs", list_jobs, allow_head=False)
    app.router.add_get("/jobs/{job}", get_job, allow_head=False)
    app.router.add_patch("/jobs/{job}", update_job)
    app.router.add_put("/jobs/{job}", update_job)
    app.router.add_delete("/jobs/{job}", delete_job)
    app.router.add_post("/jobs/{job}/terminate", terminate_job)
    app.router.add_post("/jobs/{job}/disable", disable_job)
    app.router.add_post("/jobs/{job}/enable", enable_job)
    app.router.add_get("/jobs/{job}/taskcounts", task_counts, allow_head=False)
    app.router.add_get("/jobs/{job}/jobpreparationandreleasetaskstatus", list_preparation_and_release_status, allow_head=False)
    app.router.add_post("/jobs/{job}/tasks", create_task)
    app.router.add_post("/jobs/{job}/addtaskcollection", create_task_collection)
    app.router.add_get("/jobs/{job}/tasks", list_tasks, allow_head=False)
    app.router.add_get("/jobs/{job}/tasks/{task}", get_task, allow_head=False)
    app.router.add_put("/jobs/{job}/tasks/{task}", replace_task)
    app.router.add_delete("/jobs/{job}/tasks/{task}", delete_task)
    app.router.add_post("/jobs/{job}/tasks/{task}/terminate", terminate_task)
    app.router.add_post("/jobs/{job}/tasks/{task}/reactivate", reactivate_task)
    app.router.add_get("/jobs/{job}/tasks/{task}/subtasksinfo", list_subtasks, allow_head=False)
