"""Jobs: create, update, disable/enable, terminate, delete, task counts, onAllTasksComplete."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from explorer.localbatch.context import Context
from explorer.localbatch.running.job_tasks import JOB_MANAGER, job_task_dirs
from explorer.localbatch.running.task_attempts import Ending, remove_task_dirs
from explorer.localbatch.scheduling.scheduler import Scheduler
from explorer.localbatch.state.documents import set_state, touch
from explorer.localbatch.wire.bodies import Body
from explorer.localbatch.wire.clock import now_iso
from explorer.localbatch.wire.durations import UNLIMITED
from explorer.localbatch.wire.errors import already_exists, conflict, invalid_value
from explorer.localbatch.wire.job_task_specs import read_preparation_task, read_release_task
from explorer.localbatch.wire.refusals import refuse_kind
from explorer.localbatch.wire.request_specs import read_environment, read_metadata

ON_ALL_TASKS_COMPLETE = ("noaction", "terminatejob")
ON_TASK_FAILURE = ("noaction", "performexitoptionsjobaction")
# What a job's jobManagerTask echoes of the task made from it (besides its three flags).
_MANAGER_ECHOED = (
    "id", "displayName", "commandLine", "resourceFiles", "outputFiles", "environmentSettings", "constraints",
    "requiredSlots", "userIdentity",
)
DISABLE_JOB_OPTIONS = ("requeue", "terminate", "wait")


class Jobs:
    def __init__(self, ctx: Context, scheduler: Scheduler, read_task: Callable[[Body, dict], dict]) -> None:
        self.ctx = ctx
        self.scheduler = scheduler
        self.read_task = read_task  # the tasks' own reader, for a jobManagerTask
        self.ended = asyncio.Condition()  # notified whenever a job completes or is gone
        ctx.on_task_completed = self._task_completed

    def create(self, body: Body, job_id: str | None = None) -> dict:
        """A new job from its body, and the task of its jobManagerTask if it has one.

        `job_id` (a job schedule's `SCHEDULE:job-N`) is used instead of the body's id.
        """
        job, manager = self._read(body, job_id)
        touch(job)
        with self.ctx.state.store.transaction():  # the job and its manager task, or neither
            self.ctx.state.save_job(job)
            if manager is not None:
                self.ctx.state.save_task(job["id"], touch(manager))
        self.ctx.wake_scheduler()
        return job

    def read(self, body: Body, job_id: str | None = None) -> dict:
        """The job a body describes, checked whole; nothing is stored."""
        return self._read(body, job_id)[0]

    def _read(self, body: Body, job_id: str | None) -> tuple[dict, dict | None]:
        job_id = job_id or body.id()
        if job_id.lower() in self.ctx.state.jobs:
            raise already_exists("job", job_id)
        pool_info = body.obj("poolInfo", required=True)
        assert pool_info is not None
        pool_id = pool_info.str("poolId")
        if pool_id is None:
            if pool_info.has("autoPoolSpecification"):
                raise conflict("FeatureNotSupported", "Local Batch does not create auto pools; give poolInfo.poolId.")
            pool_info.str("poolId", required=True)
        refuse_kind(body, "job")
        moment = now_iso()
        constraints = body.obj("constraints")
        job = {
            "id": job_id,
            "url": self.ctx.url(f"/jobs/{job_id}"),
            "creationTime": moment,
            "state": "active",
            "stateTransitionTime": moment,
            "priority": body.int("priority", minimum=-1000, maximum=1000) or 0,
            "maxParallelTasks": body.int("maxParallelTasks", minimum=-1) or -1,
            "allowTaskPreemption": bool(body.bool("allowTaskPreemption")),
            "usesTaskDependencies": bool(body.bool("usesTaskDependencies")),
            "poolInfo": {"poolId": pool_id},
            "onAllTasksComplete": body.choice("onAllTasksComplete", ON_ALL_TASKS_COMPLETE) or "noaction",
            "onTaskFailure": body.choice("onTaskFailure", ON_TASK_FAILURE) or "noaction",
            "executionInfo": {"startTime": moment, "poolId": pool_id},
        }
        if body.has("displayName"):
            job["displayName"] = body.str("displayName", max_length=1024)
        job["constraints"] = _constraints(constraints)
        environment = read_environment(body, "commonEnvironmentSettings")
        if environment:
            job["commonEnvironmentSettings"] = environment
        preparation = read_preparation_task(body.obj("jobPreparationTask"))
        release = read_release_task(body.obj("jobReleaseTask"), preparation)
        for key, spec in (("jobPreparationTask", preparation), ("jobReleaseTask", release)):
            if spec:
                job[key] = spec
        manager = self._manager_task(body.obj("jobManagerTask"), job)
        metadata = read_metadata(body)
        if metadata:
            job["metadata"] = metadata
        return job, manager

    def _manager_task(self, body: Body | None, job: dict) -> dict | None:
        """The job manager task: a task of the job, started first; its settings echoed on the job."""
        if body is None:
            return None
        if body.has("multiInstanceSettings"):
            raise invalid_value("jobManagerTask.multiInstanceSettings", "given", "A job manager task cannot be a multi-instance task.")
        task = self.read_task(body, job)
        for key in ("jobPreparationTask", "jobReleaseTask"):
            if task["id"].lower() == (job.get(key) or {}).get("id", "").lower():
                raise invalid_value("jobManagerTask.id", task["id"], f"The job manager task needs an id other than the {key}'s.")
        settings = {
            flag: True if body.bool(flag) is None else body.bool(flag)
            for flag in ("killJobOnCompletion", "runExclusive", "allowLowPriorityNode")
        }
        task[JOB_MANAGER] = settings
        job["jobManagerTask"] = {
            **{key: value for key, value in task.items() if key in _MANAGER_ECHOED},
            **settings,
        }
        return task

    def update(self, job_id: str, body: Body, *, replace: bool) -> dict:
        """PATCH changes the properties given; PUT (replace) resets the others to defaults.

        The whole body is read and checked before anything of it is applied.
        """
        job = self._changeable(job_id)
        refuse_kind(body, "job")
        changes: dict = {}
        if body.has("constraints") or replace:
            changes["constraints"] = _constraints(body.obj("constraints"))
        if body.has("allowTaskPreemption") or replace:
            changes["allowTaskPreemption"] = bool(body.bool("allowTaskPreemption"))
        if body.has("priority") or replace:
            changes["priority"] = body.int("priority", minimum=-1000, maximum=1000) or 0
        if body.has("onAllTasksComplete") or replace:
            changes["onAllTasksComplete"] = body.choice("onAllTasksComplete", ON_ALL_TASKS_COMPLETE) or "noaction"
        if body.has("maxParallelTasks") or replace:
            changes["maxParallelTasks"] = body.int("maxParallelTasks", minimum=-1) or -1
        if body.has("metadata") or replace:
            changes["metadata"] = read_metadata(body)
        pool_info = body.obj("poolInfo")
        if pool_info is not None:
            changes["poolInfo"] = {"poolId": pool_info.str("poolId", required=True)}
        job.update(changes)
        touch(job)
        self.ctx.state.save_job(job)
        self._task_completed(job)
        self.ctx.wake_scheduler()
        return job

    def _changeable(self, job_id: str) -> dict:
        job = self.ctx.state.job(job_id)
        if job["state"] in ("completed", "terminating"):
            raise conflict("JobCompleted", "The specified job is already in a completed state.")
        if job["state"] == "deleting":
            raise conflict("JobBeingDeleted", "The specified job has been marked for deletion and is being reclaimed.")
        return job

    def terminate(self, job_id: str, reason: str | None) -> None:
        job = self._changeable(job_id)
        self.end_job(job, reason or "UserTerminate")

    def disable(self, job_id: str, body: Body) -> dict:
        """No task of the job is placed until it is enabled; its running tasks end as `disableTasks` says."""
        job = self._changeable(job_id)
        option = body.choice("disableTasks", DISABLE_JOB_OPTIONS, required=True)
        if job["state"] != "active":
            raise conflict("JobNotActive", f"The specified job is {job['state']}: only an active job can be disabled.")
        set_state(job, "disabling")
        touch(job)
        self.ctx.state.save_job(job)

        async def finish() -> None:
            executions = self.scheduler.executions_of_job(job["id"])
            if option == "wait":
                await self.scheduler.wait_finished(executions)
            else:
                await self.scheduler.stop_executions(executions, Ending.REQUEUE if option == "requeue" else Ending.TERMINATE)
            if job["state"] == "disabling":
                set_state(job, "disabled")
                touch(job)
                self.ctx.state.save_job(job)

        self.ctx.spawn(finish(), f"disable job {job['id']}")
        return job

    def enable(self, job_id: str) -> dict:
        job = self._changeable(job_id)
        if job["state"] not in ("disabled", "disabling"):
            raise conflict("JobNotDisabled", f"The specified job is {job['state']}: only a disabled job can be enabled.")
        set_state(job, "active")
        touch(job)
        self.ctx.state.save_job(job)
        self.ctx.wake_scheduler()
        return job

    def end_job(self, job: dict, reason: str) -> None:
        set_state(job, "terminating")
        job["executionInfo"]["terminateReason"] = reason
        touch(job)
        self.ctx.state.save_job(job)

        async def finish() -> None:
            await self.scheduler.stop_executions(self.scheduler.executions_of_job(job["id"]), Ending.TERMINATE)
            for task in self.ctx.state.job_tasks(job["id"]).values():
                if task["state"] != "completed":
                    set_state(task, "completed")
                    touch(task)
                    self.ctx.state.save_task(job["id"], task)
            await self.scheduler.job_tasks.release(job)  # the job completes once every release task has
            set_state(job, "completed")
            job["executionInfo"]["endTime"] = now_iso()
            touch(job)
            self.ctx.state.save_job(job)
            await self._notify_ended()

        self.ctx.spawn(finish(), f"terminate job {job['id']}")

    async def _notify_ended(self) -> None:
        async with self.ended:
            self.ended.notify_all()

    def delete(self, job_id: str) -> None:
        job = self.ctx.state.job(job_id)
        if job["state"] == "deleting":
            return
        was_active = job["state"] == "active"
        set_state(job, "deleting")
        touch(job)
        self.ctx.state.save_job(job)

        async def finish() -> None:
            await self.scheduler.stop_executions(self.scheduler.executions_of_job(job_id), Ending.DELETE)
            if was_active:  # as on Batch: deleting a job still active runs its release tasks
                await self.scheduler.job_tasks.release(job)
            else:
                await self.scheduler.job_tasks.job_gone(job_id)
            placed = [
                (info["poolId"], task_node_ids(self.ctx, job_id, task), info["taskRootDirectory"])
                for task in self.ctx.state.job_tasks(job_id).values()
                if (info := task.get("nodeInfo"))
            ]
            placed += job_task_dirs(job)  # the preparation and release tasks' directories

            def remove_dirs() -> None:
                for where in placed:
                    remove_task_dirs(self.ctx, *where)

            # Its files go first: once the job is gone (a client's delete poller is done), so are they.
            await asyncio.to_thread(remove_dirs)
            self.ctx.state.remove_job(job_id)
            await self._notify_ended()

        self.ctx.spawn(finish(), f"delete job {job_id}")

    def task_counts(self, job_id: str) -> dict:
        self.ctx.state.job(job_id)
        counts, slots = self.ctx.state.task_counts(job_id)
        return {"taskCounts": counts, "taskSlotCounts": slots}

    def _task_completed(self, job: dict) -> None:
        if job["state"] != "active":
            return
        manager = job.get("jobManagerTask")
        if manager and manager["killJobOnCompletion"]:
            task = self.ctx.state.job_tasks(job["id"]).get(manager["id"].lower())
            if task is not None and task["state"] == "completed":
                self.end_job(job, "JMComplete")  # Batch's reason: the job manager completed
                return
        if job.get("onAllTasksComplete") == "terminatejob" and self.ctx.state.all_tasks_completed(job["id"]):
            self.end_job(job, "AllTasksComplete")


def _constraints(body: Body | None) -> dict:
    """A job's constraints with the defaults Azure fills in for what is not given."""
    constraints = {"maxWallClockTime": UNLIMITED, "maxTaskRetryCount": 0}
    if body is not None:
        wall_clock = body.duration("maxWallClockTime")
        retries = body.int("maxTaskRetryCount", minimum=-1)
        if wall_clock is not None:
            constraints["maxWallClockTime"] = wall_clock
        if retries is not None:
            constraints["maxTaskRetryCount"] = retries
    return constraints


def task_node_ids(ctx: Context, job_id: str, task: dict) -> list[str]:
    """Every node a task's instances ran on: the primary and, for multi-instance tasks, the subtasks'."""
    ids = [task["nodeInfo"]["nodeId"]] if task.get("nodeInfo") else []
    for subtask in ctx.state.task_subtasks(job_id, task["id"]).values():
        node_id = (subtask.get("nodeInfo") or {}).get("nodeId")
        if node_id and node_id not in ids:
            ids.append(node_id)
    return ids
