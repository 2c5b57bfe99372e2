"""A job's preparation and release tasks on the nodes its tasks run on, as Batch runs them.

Preparation runs on a node before the job's first task there (and again after a reboot when
`rerunOnNodeRebootAfterSuccess`); with `waitForSuccess` the task waits for it, and when it
fails (retries spent) the node takes no task of that job: the task goes back to the queue,
as on Batch. Release runs, when the job ends, on every node where preparation completed.

Each node's status is the job's `_preparation` record (Local Batch's own key: never on the
wire as such), keyed by pool and node and listed as Batch's
jobpreparationandreleasetaskstatus. Directories, relative to the node root:
`workitems/{job}/job-1/jobpreparation` and `.../jobrelease`, each with its `wd`.

Each run is its own process scope, recorded with the service's scopes (owner `jobprep/...`,
`jobrelease/...`). A release task's scope ends with its process. A preparation task's scope
outlives it, as on Azure, whose release task exists to "shut down services that were started as
part of job preparation": what a preparation leaves running (an MPI daemon, a license server)
keeps running for the job's tasks on that node, and ends after the job's release task has run
there (or when the job ends, without one), or when the node reboots, is reimaged or leaves.
A preparation that runs past its maxWallClockTime is ended whole.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from explorer.localbatch.context import Context
from explorer.localbatch.files.resource_files import ResourceFileError, download_resource_files
from explorer.localbatch.running import processes as execution
from explorer.localbatch.running.environment import job_task_root, task_environment
from explorer.localbatch.running.kept_scopes import KeptScopes, node_key
from explorer.localbatch.running.process_scopes import ProcessTracking
from explorer.localbatch.state.documents import scope_owner
from explorer.localbatch.wire.clock import now_iso
from explorer.localbatch.wire.durations import duration_seconds
from explorer.localbatch.wire.failures import completion, failure_info

log = logging.getLogger(__name__)

PREPARATION_RECORD = "_preparation"
JOB_MANAGER = "_jobManager"  # on the job manager task: its killJobOnCompletion, runExclusive, ... settings
_BOOT = "_bootTime"  # the node boot the preparation ran in (a reboot may call for a rerun)


def blocked_nodes(job: dict) -> set[str]:
    """Keys (`node_key`) of the nodes where the job's preparation failed: they take no task of the job."""
    spec = job.get("jobPreparationTask")
    if not spec or not spec.get("waitForSuccess", True):
        return set()
    return {
        key
        for key, entry in (job.get(PREPARATION_RECORD) or {}).items()
        if _failed(entry.get("jobPreparationTaskExecutionInfo"))
    }


def required_slots(task: dict, pool: dict) -> int:
    """The slots a task takes on its node: a job manager that runs exclusive takes them all."""
    if (task.get(JOB_MANAGER) or {}).get("runExclusive"):
        return pool.get("taskSlotsPerNode", 1)
    return task.get("requiredSlots") or 1


def eligible_nodes(job: dict, pool_id: str, nodes: dict[str, dict]) -> dict[str, dict]:
    """The pool's nodes that may take the job's tasks: all but those where its preparation failed."""
    blocked = blocked_nodes(job)
    if not blocked:
        return nodes
    return {key: node for key, node in nodes.items() if node_key(pool_id, node["id"]) not in blocked}


def statuses(job: dict) -> list[dict]:
    """The job's per-node status entries, as Batch lists them (bookkeeping keys stripped by the list)."""
    return sorted((job.get(PREPARATION_RECORD) or {}).values(), key=lambda entry: (entry["poolId"], entry["nodeId"]))


def job_task_dirs(job: dict) -> list[tuple[str, list[str], str]]:
    """(pool, nodes, directory) of every preparation and release task the job ran: what its deletion removes."""
    return [
        (entry["poolId"], [entry["nodeId"]], info["taskRootDirectory"])
        for entry in (job.get(PREPARATION_RECORD) or {}).values()
        for info in (entry.get("jobPreparationTaskExecutionInfo"), entry.get("jobReleaseTaskExecutionInfo"))
        if info
    ]


def _failed(info: dict | None) -> bool:
    return bool(info) and info.get("state") == "completed" and info.get("result") == "failure"


class JobTasks:
    """Runs preparation and release tasks; one preparation per job and node at a time."""

    def __init__(self, ctx: Context, processes: ProcessTracking) -> None:
        self.ctx = ctx
        self.processes = processes
        self._preparing: dict[tuple[str, str], asyncio.Task] = {}
        # By (job, node key): what each try of the job's preparation on the node left running.
        self._daemons: KeptScopes[tuple[str, str]] = KeptScopes(ctx, "what a job preparation left running")

    # --- preparation ------------------------------------------------------------------------
    async def prepare(self, job: dict, pool: dict, node: dict) -> bool:
        """Until the job may run tasks on the node: False when its preparation failed there."""
        spec = job.get("jobPreparationTask")
        if not spec:
            return True
        key = (job["id"].lower(), node_key(pool["id"], node["id"]))
        running = self._preparing.get(key)
        if running is None:
            entry = (job.get(PREPARATION_RECORD) or {}).get(key[1])
            if self._done(spec, entry, node):
                return not _failed(entry["jobPreparationTaskExecutionInfo"]) or not spec.get("waitForSuccess", True)
            running = self._preparing[key] = self.ctx.spawn(self._prepare(job, pool, node), f"prepare {job['id']} on {node['id']}")
            running.add_done_callback(lambda _: self._preparing.pop(key, None))
        if not spec.get("waitForSuccess", True):
            return True
        # Shielded: a task that stops waiting (terminated, requeued) leaves the preparation to finish.
        return await asyncio.shield(running)

    @staticmethod
    def _done(spec: dict, entry: dict | None, node: dict) -> bool:
        info = (entry or {}).get("jobPreparationTaskExecutionInfo")
        if not info or info.get("state") != "completed":
            return False  # never ran, or a previous service stopped while it ran: run it (again)
        rebooted = entry.get(_BOOT) != node.get("lastBootTime")
        return not (rebooted and spec.get("rerunOnNodeRebootAfterSuccess", True) and info.get("result") == "success")

    async def _prepare(self, job: dict, pool: dict, node: dict) -> bool:
        spec = job["jobPreparationTask"]
        entry = self._entry(job, pool, node)
        entry[_BOOT] = node.get("lastBootTime")
        retries = spec["constraints"].get("maxTaskRetryCount", 0)
        attempt = 0
        while True:
            info = {"startTime": now_iso(), "state": "running", "retryCount": attempt, **self._where(job, node, "jobpreparation")}
            if attempt:
                info["lastRetryTime"] = info["startTime"]
            entry["jobPreparationTaskExecutionInfo"] = info
            self._save(job)
            timeout = duration_seconds(spec["constraints"].get("maxWallClockTime"))
            info.update(await self._run(job, pool, node, spec, "jobpreparation", timeout, keep=True))
            self._save(job)
            if info["result"] == "success":
                return True
            log.info("job %s: the preparation task failed on node %s (try %d)", job["id"], node["id"], attempt + 1)
            if info.get("failureInfo", {}).get("code") != "FailureExitCode" or (retries != -1 and attempt >= retries):
                return False  # pre-processing errors are not retried, as on Batch
            attempt += 1

    # --- release ----------------------------------------------------------------------------------
    async def release(self, job: dict) -> None:
        """When the job ends: the release task on every node where preparation completed."""
        for running in [task for key, task in self._preparing.items() if key[0] == job["id"].lower()]:
            running.cancel()
            await asyncio.gather(running, return_exceptions=True)
        if job.get("jobReleaseTask"):
            await asyncio.gather(*self._releases(job))
        await self.job_gone(job["id"])

    async def job_gone(self, job_id: str) -> None:
        """The job ended (after its release) or is deleted: what its preparations left running ends."""
        await self.end_daemons(lambda key: key[0] == job_id.lower())

    def _releases(self, job: dict) -> list[Coroutine[Any, Any, None]]:
        runs = []
        for entry in (job.get(PREPARATION_RECORD) or {}).values():
            pool = self.ctx.state.pools.get(entry["poolId"].lower())
            node = self.ctx.state.pool_nodes(entry["poolId"]).get(entry["nodeId"].lower()) if pool else None
            prepared = (entry.get("jobPreparationTaskExecutionInfo") or {}).get("state") == "completed"
            if pool is not None and node is not None and prepared and node.get("state") not in ("leavingpool", "rebooting"):
                runs.append(self._release(job, pool, node, entry))
        return runs

    async def _release(self, job: dict, pool: dict, node: dict, entry: dict) -> None:
        spec = job["jobReleaseTask"]
        info = {"startTime": now_iso(), "state": "running", **self._where(job, node, "jobrelease")}
        entry["jobReleaseTaskExecutionInfo"] = info
        self._save(job)
        info.update(await self._run(job, pool, node, spec, "jobrelease", duration_seconds(spec.get("maxWallClockTime"))))
        self._save(job)

    async def end_daemons(self, which: Callable[[tuple[str, str]], bool]) -> None:
        """End the preparations' leftover processes whose (job, node key) `which` accepts."""
        await self._daemons.end(which)

    async def node_leaving(self, pool_id: str, node_id: str) -> None:
        """The node reboots, is reimaged or leaves: what preparations left running on it ends."""
        await self.end_daemons(lambda key: key[1] == node_key(pool_id, node_id))

    def forget_node(self, pool_id: str, node_id: str) -> None:
        """A reimaged node starts clean: no job's preparation (done or failed) is remembered for it."""
        key = node_key(pool_id, node_id)
        for job in self.ctx.state.jobs.values():
            if (job.get(PREPARATION_RECORD) or {}).pop(key, None) is not None:
                self._save(job)

    # --- what both share ----------------------------------------------------------------------------
    def _entry(self, job: dict, pool: dict, node: dict) -> dict:
        record = job.setdefault(PREPARATION_RECORD, {})
        return record.setdefault(
            node_key(pool["id"], node["id"]), {"poolId": pool["id"], "nodeId": node["id"], "nodeUrl": node.get("url")}
        )

    def _where(self, job: dict, node: dict, kind: str) -> dict:
        relative = job_task_root(job["id"], kind)
        return {"taskRootDirectory": relative, "taskRootDirectoryUrl": f"{node.get('url')}/files/{relative}"}

    def _save(self, job: dict) -> None:
        if job["id"].lower() in self.ctx.state.jobs:  # not once the job is deleted
            self.ctx.state.save_job(job)  # bookkeeping: the job's own ETag does not change

    async def _run(
        self, job: dict, pool: dict, node: dict, spec: dict, kind: str, timeout: float | None, keep: bool = False
    ) -> dict:
        """One run of a preparation or release task: what its execution info gets at the end.

        With `keep`, what the command leaves running stays (until `end_daemons`), unless it timed out.
        """
        node_root = await asyncio.to_thread(self.ctx.dirs.make_node, pool["id"], node["id"])
        task_dir = node_root / job_task_root(job["id"], kind)
        working_dir = task_dir / "wd"
        await asyncio.to_thread(working_dir.mkdir, parents=True, exist_ok=True)
        env = task_environment(self.ctx, pool, node, node_root, job, spec, task_dir)  # as a task of the job
        scope = self.processes.scope()
        # One record per try: the scopes of a preparation's tries may all outlive them.
        owner = scope_owner("jobprep" if kind == "jobpreparation" else "jobrelease", job["id"], f"{node_key(pool['id'], node['id'])}/{scope.run_id}")
        self.ctx.state.save_scope(owner, scope.record())
        exit_code = None
        failure = None
        timed_out = False
        try:
            await download_resource_files(spec.get("resourceFiles") or [], working_dir, self.ctx.settings.auto_storage)
            run_spec = execution.RunSpec(spec["commandLine"], working_dir, env, task_dir / "stdout.txt", task_dir / "stderr.txt", timeout)
            try:
                run = await execution.start(run_spec, scope)
            finally:
                self.ctx.state.save_scope(owner, scope.record())
            outcome = await run.wait()
            exit_code, timed_out = outcome.exit_code, outcome.timed_out
            if timed_out:
                failure = failure_info("MaxWallClockTimeExpiry", "The task ran longer than its maximum wall clock time and was terminated.")
        except ResourceFileError as error:
            failure = error.failure()
        except execution.CommandLineError as error:
            failure = failure_info(error.code, str(error))
        finally:
            if keep and not timed_out:
                self._daemons.keep((job["id"].lower(), node_key(pool["id"], node["id"])), owner, scope)
            else:
                await scope.end()
                self.ctx.state.remove_scope(owner)
        return {"state": "completed", **completion(exit_code, failure)}
