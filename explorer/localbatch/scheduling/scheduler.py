"""Placing active tasks on nodes and owning their executions.

The scheduler is woken whenever something may let a task run (a task added, a node
idle, a pool resized). Placement and the node bookkeeping happen in one synchronous
pass, so two tasks can never be given the same slot and a multi-instance task gets
all of its nodes at once or none.
"""

from __future__ import annotations

import asyncio
import logging

from explorer.localbatch.context import Context
from explorer.localbatch.running.job_tasks import JobTasks, eligible_nodes, required_slots
from explorer.localbatch.running.process_scopes import ProcessTracking
from explorer.localbatch.running.task_attempts import Ending, TaskExecution
from explorer.localbatch.scheduling.placement import pick_gang, pick_node

log = logging.getLogger(__name__)

TaskKey = tuple[str, str]


class Scheduler:
    def __init__(
        self, ctx: Context, processes: ProcessTracking, multi_instance_execution: type[TaskExecution] | None = None
    ) -> None:
        self.ctx = ctx
        self.processes = processes
        self.job_tasks = JobTasks(ctx, processes)
        self._wake = asyncio.Event()
        self._executions: dict[TaskKey, TaskExecution] = {}
        # The background task running each execution, until it has ended and let go of its nodes.
        self._runners: dict[TaskKey, asyncio.Task] = {}
        self._multi_instance_execution = multi_instance_execution
        ctx.set_scheduler_wake(self._wake.set)

    def execution(self, job_id: str, task_id: str) -> TaskExecution | None:
        return self._executions.get((job_id.lower(), task_id.lower()))

    def executions_on_node(self, pool_id: str, node_id: str) -> list[TaskExecution]:
        return [
            ex
            for ex in self._executions.values()
            if ex.pool["id"].lower() == pool_id.lower() and any(n["id"].lower() == node_id.lower() for n in ex.nodes)
        ]

    def executions_of_job(self, job_id: str) -> list[TaskExecution]:
        return [ex for key, ex in self._executions.items() if key[0] == job_id.lower()]

    async def stop_execution(self, job_id: str, task_id: str, ending: Ending) -> None:
        execution = self.execution(job_id, task_id)
        if execution is not None:
            await self.stop_executions([execution], ending)

    async def stop_executions(self, executions: list[TaskExecution], ending: Ending) -> None:
        await asyncio.gather(*(ex.stop(ending) for ex in executions))
        await self.wait_finished(executions)

    async def wait_finished(self, executions: list[TaskExecution]) -> None:
        """Until each execution has ended and let go of its nodes."""
        runners = [self._runners.get(_key(ex.job, ex.task)) for ex in executions]
        pending = {runner for runner in runners if runner is not None and not runner.done()}
        if pending:
            await asyncio.wait(pending)

    async def run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            try:
                self.schedule()
            except Exception:  # noqa: BLE001 - the loop must survive a bad document
                log.exception("scheduling pass failed")

    def schedule(self) -> None:
        """One placement pass over the waiting tasks only (the state keeps them indexed by job)."""
        state = self.ctx.state
        jobs = sorted(
            (state.jobs[key] for key in state.jobs_with_waiting_tasks() if state.jobs[key].get("state") == "active"),
            key=lambda job: (-job.get("priority", 0), job.get("creationTime", "")),
        )
        with state.store.transaction():  # every placement of the pass committed at once
            for job in jobs:
                pool = state.pools.get(((job.get("poolInfo") or {}).get("poolId") or "").lower())
                if pool is not None and pool.get("state") == "active":
                    self._schedule_job(job, pool)

    def _schedule_job(self, job: dict, pool: dict) -> None:
        nodes = eligible_nodes(job, pool["id"], self.ctx.state.pool_nodes(pool["id"]))
        skipped: set[str] = set()  # tasks that do not fit now
        while True:
            # One at a time: starting a task takes it out of the waiting tasks.
            task = next(
                (
                    task
                    for task in self.ctx.state.waiting_tasks(job["id"])
                    if _key(job, task) not in self._executions and task["id"].lower() not in skipped
                ),
                None,
            )
            if task is None:
                return
            placed = self._place(pool, nodes, task)
            if placed:
                self._start(_key(job, task), job, task, pool, placed)
            elif not task.get("multiInstanceSettings") and required_slots(task, pool) == 1:
                return  # not one slot free in the pool: nothing else of this job fits either
            else:
                skipped.add(task["id"].lower())

    def _place(self, pool: dict, nodes: dict[str, dict], task: dict) -> list[dict] | None:
        settings = task.get("multiInstanceSettings")
        slots_per_node = pool.get("taskSlotsPerNode", 1)
        if settings:
            # Batch leaves such a task queued: no inter-node communication, or several slots per node.
            if not pool.get("enableInterNodeCommunication") or slots_per_node != 1 or self._multi_instance_execution is None:
                return None
            return pick_gang(nodes, settings.get("numberOfInstances", 1))
        pack = (pool.get("taskSchedulingPolicy") or {}).get("nodeFillType", "").lower() == "pack"
        node = pick_node(nodes, slots_per_node, required_slots(task, pool), pack=pack)
        return [node] if node else None

    def _start(self, key: TaskKey, job: dict, task: dict, pool: dict, nodes: list[dict]) -> None:
        kind = self._multi_instance_execution if task.get("multiInstanceSettings") else TaskExecution
        assert kind is not None
        execution = kind(self.ctx, self.processes, job, task, pool, nodes, self.job_tasks)
        self._executions[key] = execution

        async def run() -> None:
            try:
                await execution.execute()
            finally:
                self._executions.pop(key, None)
                self._runners.pop(key, None)
                self._wake.set()

        self._runners[key] = self.ctx.spawn(run(), name=f"task {job['id']}/{task['id']}")


def _key(job: dict, task: dict) -> TaskKey:
    return (job["id"].lower(), task["id"].lower())
