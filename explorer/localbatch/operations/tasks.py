"""Tasks: create (ordinary and multi-instance), update constraints, terminate, reactivate, delete."""

from __future__ import annotations

import asyncio

from explorer.localbatch.context import Context
from explorer.localbatch.operations.jobs import task_node_ids
from explorer.localbatch.running.task_attempts import Ending, remove_task_dirs
from explorer.localbatch.scheduling.scheduler import Scheduler
from explorer.localbatch.state.documents import set_state, touch
from explorer.localbatch.wire.bodies import Body
from explorer.localbatch.wire.clock import now_iso
from explorer.localbatch.wire.durations import UNLIMITED
from explorer.localbatch.wire.errors import BatchError, already_exists, conflict, invalid_value
from explorer.localbatch.wire.failures import failure_info
from explorer.localbatch.wire.output_file_specs import read_output_files
from explorer.localbatch.wire.refusals import refuse_kind
from explorer.localbatch.wire.request_specs import read_resource_files, read_run_parts

MAX_INSTANCES = 100


class Tasks:
    def __init__(self, ctx: Context, scheduler: Scheduler) -> None:
        self.ctx = ctx
        self.scheduler = scheduler

    def create(self, job_id: str, body: Body) -> dict:
        job = self.ctx.state.job(job_id)
        if job["state"] not in ("active", "disabling", "disabled"):  # a disabled job takes tasks, and places none
            raise conflict("JobNotActive", f"Tasks cannot be added to a job that is {job['state']}.")
        task = self.read_task(body, job)
        if task["id"].lower() in self.ctx.state.job_tasks(job_id):
            raise already_exists("task", task["id"])
        for key, code in (("jobPreparationTask", "TaskIdSameAsJobPreparationTask"), ("jobReleaseTask", "TaskIdSameAsJobReleaseTask")):
            if task["id"].lower() == (job.get(key) or {}).get("id", "").lower():
                raise conflict(code, f"The task id {task['id']} is the id of the job's {key}; choose another.")
        touch(task)
        self.ctx.state.save_task(job_id, task)
        self.ctx.wake_scheduler()
        return task

    def read_task(self, body: Body, job: dict) -> dict:
        """Validate a task body completely before anything is stored."""
        task_id = body.id()
        refuse_kind(body, "task")
        moment = now_iso()
        task = {
            "id": task_id,
            "url": self.ctx.url(f"/jobs/{job['id']}/tasks/{task_id}"),
            "creationTime": moment,
            "state": "active",
            "stateTransitionTime": moment,
            "commandLine": body.str("commandLine", required=True),
            "requiredSlots": body.int("requiredSlots", minimum=1) or 1,
            "constraints": self._constraints(body.obj("constraints")),
            "executionInfo": {"retryCount": 0, "requeueCount": 0},
        }
        if body.has("displayName"):
            task["displayName"] = body.str("displayName", max_length=1024)
        task.update(read_run_parts(body))  # as start, preparation and release tasks read them
        for key, value in (
            ("multiInstanceSettings", self._multi_instance(body.obj("multiInstanceSettings"))),
            ("outputFiles", read_output_files(body)),
            ("affinityInfo", _affinity(body.obj("affinityInfo"))),
        ):
            if value:
                task[key] = value
        if task.get("multiInstanceSettings") and task["requiredSlots"] != 1:
            raise invalid_value("requiredSlots", task["requiredSlots"], "A multi-instance task must have requiredSlots 1.")
        if body.has("dependsOn"):
            raise BatchError(400, "FeatureNotSupported", "Local Batch does not support task dependencies.")
        return task

    def _constraints(self, body: Body | None, defaults: dict | None = None) -> dict:
        constraints = dict(defaults or {"maxWallClockTime": UNLIMITED, "retentionTime": "P7D", "maxTaskRetryCount": 0})
        if body is not None:
            for key in ("maxWallClockTime", "retentionTime"):
                if body.has(key):
                    constraints[key] = body.duration(key)
            if body.has("maxTaskRetryCount"):
                constraints["maxTaskRetryCount"] = body.int("maxTaskRetryCount", minimum=-1)
        return constraints

    def _multi_instance(self, body: Body | None) -> dict | None:
        if body is None:
            return None
        settings = {
            "numberOfInstances": body.int("numberOfInstances", minimum=1, maximum=MAX_INSTANCES) or 1,
            "coordinationCommandLine": body.str("coordinationCommandLine", required=True),
        }
        common = read_resource_files(body, "commonResourceFiles")
        if common:
            settings["commonResourceFiles"] = common
        return settings

    def replace(self, job_id: str, task_id: str, body: Body) -> dict:
        """PUT on a task updates its constraints (the only mutable part in Batch)."""
        task = self.ctx.state.task(job_id, task_id)
        if task["state"] == "completed":
            raise conflict("TaskCompleted", "The specified task is already completed.")
        task["constraints"] = self._constraints(body.obj("constraints"), task.get("constraints"))
        touch(task)
        self.ctx.state.save_task(job_id, task)
        return task

    async def terminate(self, job_id: str, task_id: str) -> None:
        task = self.ctx.state.task(job_id, task_id)
        if task["state"] == "completed":
            return
        if self.scheduler.execution(job_id, task_id):
            await self.scheduler.stop_execution(job_id, task_id, Ending.TERMINATE)
            return
        # Not placed yet: it completes without running.
        info = task.setdefault("executionInfo", {})
        info.update(endTime=now_iso(), result="failure")
        info["failureInfo"] = failure_info("TaskEnded", "The task was ended by a terminate request.")
        set_state(task, "completed")
        touch(task)
        self.ctx.state.save_task(job_id, task)
        self.ctx.on_task_completed(self.ctx.state.job(job_id))

    def reactivate(self, job_id: str, task_id: str) -> None:
        task = self.ctx.state.task(job_id, task_id)
        info = task.get("executionInfo") or {}
        if task["state"] != "completed" or info.get("result") != "failure":
            raise conflict("TaskNotFailed", "Only a completed task that failed can be reactivated.")
        if self.ctx.state.job(job_id)["state"] != "active":
            raise conflict("JobNotActive", "The task's job is not active.")
        task["executionInfo"] = {"retryCount": 0, "requeueCount": info.get("requeueCount", 0)}
        task.pop("nodeInfo", None)
        self.ctx.state.clear_subtasks(job_id, task_id)
        set_state(task, "active")
        touch(task)
        self.ctx.state.save_task(job_id, task)
        self.ctx.wake_scheduler()

    async def delete(self, job_id: str, task_id: str) -> None:
        task = self.ctx.state.task(job_id, task_id)
        await self.scheduler.stop_execution(job_id, task_id, Ending.DELETE)
        info = task.get("nodeInfo")
        node_ids = task_node_ids(self.ctx, job_id, task) if info else []
        self.ctx.state.remove_task(job_id, task_id)
        if info:
            await asyncio.to_thread(remove_task_dirs, self.ctx, info["poolId"], node_ids, info["taskRootDirectory"])
        self.ctx.on_task_completed(self.ctx.state.job(job_id))


def _affinity(body: Body | None) -> dict | None:
    """affinityInfo is a hint, as on Azure: kept and shown, while placement stays free to ignore it."""
    if body is None:
        return None
    return {"affinityId": body.str("affinityId", required=True, max_length=1024)}
