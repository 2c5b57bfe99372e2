"""Running one task attempt on its node(s), and what happens to the task afterwards.

`TaskExecution` runs an ordinary task; multi-instance tasks subclass it and replace
`attempt()` and `wind_up()`. Ending is shared: success, failure with retries,
termination by the user, requeue when a node goes away, deletion.

An attempt is over only when every process it started has ended (its process scope,
recorded with the task so a restarted service can end them too), its MPI shared memory
is gone and its subtasks are completed or reset; only then is the task requeued,
retried or completed, so two attempts of one task never run at once.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from explorer.localbatch.context import Context
from explorer.localbatch.files.downloads import redact
from explorer.localbatch.files.output_files import upload_output_files
from explorer.localbatch.files.resource_files import ResourceFileError, download_resource_files
from explorer.localbatch.running import processes as execution
from explorer.localbatch.running.environment import task_environment
from explorer.localbatch.running.job_tasks import JobTasks, required_slots
from explorer.localbatch.running.mpi_launcher import remove_unmapped_mpich_shm
from explorer.localbatch.running.node_accounting import occupy, release
from explorer.localbatch.running.process_scopes import ProcessScope, ProcessTracking
from explorer.localbatch.state.documents import set_state, touch
from explorer.localbatch.wire.clock import now_iso
from explorer.localbatch.wire.durations import duration_seconds
from explorer.localbatch.wire.failures import completion, failure_info

log = logging.getLogger(__name__)

ATTEMPT_RECORD = "_attempt"
"""Where a task keeps the record of what its running attempt started (Local Batch's own: never on the wire)."""

class Ending(enum.Enum):
    """Why an execution is being stopped from outside."""

    TERMINATE = "terminate"  # the user terminated the task or its job
    REQUEUE = "requeue"  # its node is rebooting or leaving: run it again elsewhere
    DELETE = "delete"  # the task or its job is being deleted


@dataclass(frozen=True)
class AttemptResult:
    exit_code: int | None
    failure: dict | None = None  # Batch failureInfo, None when the exit code speaks for itself
    requeue: bool = False  # back to the queue, not run: the job's preparation failed on a node
    retriable: bool = True  # False for file upload errors, which Batch does not retry


def task_root(job_id: str, task_id: str) -> str:
    """A task's directory relative to the node root, as in nodeInfo.taskRootDirectory."""
    return f"workitems/{job_id}/job-1/{task_id}"


class TaskExecution:
    """One attempt of a task, from its placement to what follows it.

    Made by the scheduler in its placement pass: the nodes are occupied and the task is
    `preparing` at once; `execute()` then runs the attempt in the background.
    """

    def __init__(
        self,
        ctx: Context,
        processes: ProcessTracking,
        job: dict,
        task: dict,
        pool: dict,
        nodes: list[dict],
        job_tasks: JobTasks | None = None,
    ) -> None:
        self.ctx = ctx
        self.job_tasks = job_tasks
        self.job = job
        self.task = task
        self.pool = pool
        self.nodes = nodes
        self.ending: Ending | None = None
        self.scope: ProcessScope = processes.scope()
        self._attempt: asyncio.Task | None = None
        for node in nodes:
            occupy(ctx, pool["id"], node, self.slots)
        self._begin()

    @property
    def slots(self) -> int:
        return required_slots(self.task, self.pool)

    @property
    def primary(self) -> dict:
        return self.nodes[0]

    def node_root(self, node: dict) -> Path:
        return self.ctx.dirs.node_root(self.pool["id"], node["id"])

    def task_dir(self, node: dict, relative: str | None = None) -> Path:
        return self.node_root(node) / (relative or task_root(self.job["id"], self.task["id"]))

    def save(self) -> None:
        touch(self.task)
        self.ctx.state.save_task(self.job["id"], self.task)

    def _save_record(self) -> None:
        """Store what the attempt has started so far, for a restarted service to end it by."""
        record = self.scope.record()
        if record != self.task.get(ATTEMPT_RECORD):
            self.task[ATTEMPT_RECORD] = record
            self.ctx.state.save_task(self.job["id"], self.task)  # bookkeeping only: no new ETag

    # --- the life of one attempt ---------------------------------------------------------
    async def execute(self) -> None:
        attempt = self._attempt = asyncio.ensure_future(self._guarded_attempt())
        if self.ending is not None:  # stopped before it could start
            attempt.cancel()
        try:
            await asyncio.wait({attempt})
        except asyncio.CancelledError:
            # The service is stopping: end the processes and leave the task as it is; the
            # next start finds its record and requeues it.
            attempt.cancel()
            await asyncio.gather(attempt, return_exceptions=True)
            await self._end_processes()
            self._release_nodes(ended=False)
            raise
        result = AttemptResult(exit_code=None) if attempt.cancelled() else attempt.result()
        await self._end_processes()
        result = await self._upload_outputs(result)
        await self.wind_up()
        with self.ctx.state.store.transaction():
            self._finish(result)
            self._release_nodes()  # after _finish: the node's recentTasks record the task's final state

    async def _guarded_attempt(self) -> AttemptResult:
        try:
            return await self.attempt()
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - a task must never be left half-run
            log.exception("task %s/%s failed inside Local Batch", self.job["id"], self.task["id"])
            return AttemptResult(None, failure_info("LocalBatchError", f"Local Batch failed to run the task: {error}", "ServerError"))

    def _begin(self) -> None:
        info = self.task.setdefault("executionInfo", {"retryCount": 0, "requeueCount": 0})
        info["startTime"] = now_iso()
        for key in ("endTime", "exitCode", "result", "failureInfo"):
            info.pop(key, None)
        primary = self.primary
        relative = task_root(self.job["id"], self.task["id"])
        self.task["nodeInfo"] = {
            "affinityId": primary.get("affinityId"),
            "nodeUrl": primary.get("url"),
            "poolId": self.pool["id"],
            "nodeId": primary["id"],
            "taskRootDirectory": relative,
            "taskRootDirectoryUrl": f"{primary.get('url')}/files/{relative}",
        }
        # Recorded before anything starts: a crash from here on leaves a record to end it by.
        self.task[ATTEMPT_RECORD] = self.scope.record()
        set_state(self.task, "preparing")
        self.save()

    async def attempt(self) -> AttemptResult:
        """Download resource files, then run the command line on the one node."""
        if not await self.prepared():
            return AttemptResult(None, requeue=True)
        node = self.primary
        task_dir = self.task_dir(node)
        working_dir = task_dir / "wd"
        resource_files = self.task.get("resourceFiles") or []
        if resource_files:
            await asyncio.to_thread(self._make_dirs, node, working_dir)
            try:
                await download_resource_files(resource_files, working_dir, self.ctx.settings.auto_storage)
            except ResourceFileError as error:
                return AttemptResult(None, error.failure())
        self.mark_running()
        env = task_environment(self.ctx, self.pool, node, self.node_root(node), self.job, self.task, task_dir)
        return await self.run_command(
            self.task["commandLine"], working_dir, env, task_dir / "stdout.txt", task_dir / "stderr.txt",
            self.wall_clock_seconds(), prepare=lambda: self._make_dirs(node, working_dir),
        )

    async def prepared(self) -> bool:
        """The job's preparation task on every node of the attempt; False when it failed on one."""
        if self.job_tasks is None:
            return True
        job_tasks = self.job_tasks
        return all(await asyncio.gather(*(job_tasks.prepare(self.job, self.pool, node) for node in self.nodes)))

    def _make_dirs(self, node: dict, *directories: Path) -> None:
        """The node's tree and the given directories on it (blocking: run in a thread)."""
        self.ctx.dirs.make_node(self.pool["id"], node["id"])
        for directory in directories:
            directory.mkdir(parents=True, exist_ok=True)

    def mark_running(self) -> None:
        set_state(self.task, "running")
        self.save()

    def wall_clock_seconds(self) -> float | None:
        return duration_seconds((self.task.get("constraints") or {}).get("maxWallClockTime"))

    async def run_command(
        self,
        command_line: str,
        cwd: Path,
        env: dict[str, str],
        stdout: Path,
        stderr: Path,
        timeout: float | None,
        prepare: Callable[[], None] | None = None,
    ) -> AttemptResult:
        """Run one process of the attempt to its end; a start failure or timeout becomes a failureInfo.

        `prepare` (blocking) runs in the same worker thread just before the start. The output files
        are new ones, made then (see `processes.start`).
        """
        spec = execution.RunSpec(command_line, cwd, env, stdout, stderr, timeout)
        try:
            run = await execution.start(spec, self.scope, prepare)
        except execution.CommandLineError as error:
            return AttemptResult(None, failure_info(error.code, str(error)))
        finally:
            self._save_record()
        outcome = await run.wait()
        if outcome.timed_out:
            return AttemptResult(
                None, failure_info("MaxWallClockTimeExpiry", "The task ran longer than its maxWallClockTime and was terminated.")
            )
        return AttemptResult(outcome.exit_code)

    async def _end_processes(self) -> None:
        """End everything the attempt started, and the shared memory its killed MPI ranks left."""
        await self.scope.end()
        if self.scope.unclean:
            await asyncio.to_thread(remove_unmapped_mpich_shm, self.scope.started_at)

    async def _upload_outputs(self, result: AttemptResult) -> AttemptResult:
        """The task's outputFiles, from the primary's node once its command line has exited (as on Batch)."""
        entries = self.task.get("outputFiles")
        if not entries or self.ending is not None or result.requeue or result.exit_code is None:
            return result
        task_dir = self.task_dir(self.primary)
        try:
            error = await upload_output_files(entries, task_dir / "wd", task_dir, self.output_roots(), result.exit_code)
        except Exception as problem:  # noqa: BLE001 - a task must never be left half-run
            log.exception("output files of %s/%s failed inside Local Batch", self.job["id"], self.task["id"])
            failure = failure_info("FileUploadMiscError", f"Local Batch failed to upload the output files: {redact(str(problem))}", "ServerError")
            return AttemptResult(result.exit_code, failure, retriable=False)
        if error is None:
            return result
        return AttemptResult(result.exit_code, failure_info(error.code, error.message, **error.details), retriable=False)

    def output_roots(self) -> list[Path]:
        """Where output files may come from: the primary's node tree (and what it mounts)."""
        return [self.node_root(self.primary), self.ctx.dirs.pool_mounts(self.pool["id"])]

    async def stop(self, ending: Ending) -> None:
        """End this execution from outside (terminate, requeue, delete); the caller waits for it to wind up."""
        if self.ending is None:
            self.ending = ending
        if self._attempt is not None and not self._attempt.done():
            self._attempt.cancel()

    async def wind_up(self) -> None:
        """After the attempt's processes have ended: what else it leaves (multi-instance: its subtasks)."""

    def _release_nodes(self, *, ended: bool = True) -> None:
        for number, node in enumerate(self.nodes):
            # A node's recent task names the instance it ran (subtask 0 is the primary).
            subtask_id = number if "multiInstanceSettings" in self.task else None
            release(self.ctx, self.pool["id"], node["id"], self.slots, self.job["id"], self.task, subtask_id, ended=ended)

    # --- what happens to the task after the attempt ------------------------------------------
    def _finish(self, result: AttemptResult) -> None:
        if self.ending is Ending.DELETE:
            return
        self.task.pop(ATTEMPT_RECORD, None)  # saved below: its processes have ended
        info = self.task["executionInfo"]
        if self.ending is Ending.REQUEUE or (self.ending is None and result.requeue):
            if self.ending is Ending.REQUEUE:
                info["requeueCount"] = info.get("requeueCount", 0) + 1
                info["lastRequeueTime"] = now_iso()
            set_state(self.task, "active")
            self.task.pop("nodeInfo", None)
            self.save()
            return
        failure = result.failure
        if self.ending is Ending.TERMINATE:
            failure = failure_info("TaskEnded", "The task was ended by a terminate request.")
        info.update(completion(result.exit_code, failure))
        if info["result"] == "failure":
            if self.ending is None and result.retriable and self._may_retry(info):
                info["retryCount"] = info.get("retryCount", 0) + 1
                info["lastRetryTime"] = now_iso()
                set_state(self.task, "active")
                self.save()
                return
        set_state(self.task, "completed")
        self.save()
        self.ctx.on_task_completed(self.job)

    def _may_retry(self, info: dict) -> bool:
        limit = (self.task.get("constraints") or {}).get("maxTaskRetryCount", 0)
        return limit == -1 or info.get("retryCount", 0) < limit


def remove_task_dirs(ctx: Context, pool_id: str, node_ids: list[str], relative: str) -> None:
    """Remove a task's directory from each of its nodes (blocking: run in a thread)."""
    for node_id in node_ids:
        shutil.rmtree(ctx.dirs.node_root(pool_id, node_id) / relative, ignore_errors=True)
