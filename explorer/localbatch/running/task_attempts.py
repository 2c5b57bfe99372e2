"""Running one task attempt on its node(s), and what happens to the task afterwards.

`TaskExecution` runs an ordinary task; multi-instance tasks subclass it and replace
`attempt()`. Ending is shared: success, failure with retries, termination by the
user, requeue when a node goes away, deletion.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from explorer.localbatch.context import Context
from explorer.localbatch.files import node_files
from explorer.localbatch.files.resource_files import ResourceFileError, download_resource_files
from explorer.localbatch.running import processes as execution
from explorer.localbatch.running.environment import task_environment
from explorer.localbatch.running.node_accounting import occupy, release
from explorer.localbatch.state.documents import set_state, touch
from explorer.localbatch.wire.clock import now_iso
from explorer.localbatch.wire.durations import duration_seconds

log = logging.getLogger(__name__)


class Ending(enum.Enum):
    """Why an execution is being stopped from outside."""

    TERMINATE = "terminate"  # the user terminated the task or its job
    REQUEUE = "requeue"  # its node is rebooting or leaving: run it again elsewhere
    DELETE = "delete"  # the task or its job is being deleted


@dataclass(frozen=True)
class AttemptResult:
    exit_code: int | None
    failure: dict | None = None  # Batch failureInfo, None when the exit code speaks for itself


def failure_info(code: str, message: str, category: str = "UserError", **details: str) -> dict:
    info: dict = {"category": category, "code": code, "message": message}
    if details:
        info["details"] = [{"name": name, "value": value} for name, value in details.items()]
    return info


def task_root(job_id: str, task_id: str) -> str:
    """A task's directory relative to the node root, as in nodeInfo.taskRootDirectory."""
    return f"workitems/{job_id}/job-1/{task_id}"


class TaskExecution:
    def __init__(self, ctx: Context, job: dict, task: dict, pool: dict, nodes: list[dict]) -> None:
        self.ctx = ctx
        self.job = job
        self.task = task
        self.pool = pool
        self.nodes = nodes
        self.ending: Ending | None = None
        self._runs: list[execution.Run] = []
        self._attempt: asyncio.Task | None = None
        for node in nodes:
            occupy(ctx, pool["id"], node, self.slots)

    @property
    def slots(self) -> int:
        return self.task.get("requiredSlots") or 1

    @property
    def primary(self) -> dict:
        return self.nodes[0]

    def node_root(self, node: dict) -> Path:
        return self.ctx.dirs.node_root(self.pool["id"], node["id"], create=True)

    def task_dir(self, node: dict, relative: str | None = None) -> Path:
        return self.node_root(node) / (relative or task_root(self.job["id"], self.task["id"]))

    def save(self) -> None:
        touch(self.task)
        self.ctx.state.save_task(self.job["id"], self.task)

    # --- the life of one attempt ---------------------------------------------------------
    async def execute(self) -> None:
        self._begin()
        self._attempt = asyncio.ensure_future(self.attempt())
        try:
            result = await self._attempt
        except asyncio.CancelledError:
            if self.ending is None:
                # The service is stopping: leave the task as it is; the next start requeues it.
                await self.kill_runs()
                self._release_nodes()
                raise
            result = AttemptResult(exit_code=None)
        except Exception as error:  # noqa: BLE001 - a task must never be left half-run
            log.exception("task %s/%s failed inside Local Batch", self.job["id"], self.task["id"])
            result = AttemptResult(None, failure_info("LocalBatchError", f"Local Batch failed to run the task: {error}", "ServerError"))
        await self.kill_runs()
        self._finish(result)
        self._release_nodes()  # after _finish: the node's recentTasks record the task's final state

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
        self.task_dir(primary).mkdir(parents=True, exist_ok=True)
        set_state(self.task, "preparing")
        self.save()

    async def attempt(self) -> AttemptResult:
        """Download resource files, then run the command line on the one node."""
        node = self.primary
        task_dir = self.task_dir(node)
        working_dir = task_dir / "wd"
        working_dir.mkdir(parents=True, exist_ok=True)
        try:
            await download_resource_files(self.task.get("resourceFiles") or [], working_dir, self.ctx.settings.auto_storage)
        except ResourceFileError as error:
            return AttemptResult(None, download_failure(error))
        self.mark_running()
        env = task_environment(self.ctx, self.pool, node, self.node_root(node), self.job, self.task, task_dir)
        return await self.run_command(self.task["commandLine"], working_dir, env, task_dir / "stdout.txt", task_dir / "stderr.txt", self.wall_clock_seconds())

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
        **run_options: object,
    ) -> AttemptResult:
        """Run one process to its end; a start failure or timeout becomes a failureInfo."""
        for path in (stdout, stderr):
            # A new file per attempt (a requeued task runs in the same directory), created now:
            # a client learns from its creation time when the command started.
            path.parent.mkdir(parents=True, exist_ok=True)
            path.unlink(missing_ok=True)
            path.write_bytes(b"")
            node_files.note_created(path)
        spec = execution.RunSpec(command_line, cwd, env, stdout, stderr, timeout, **run_options)  # type: ignore[arg-type]
        try:
            run = await execution.start(spec)
        except execution.CommandLineError as error:
            return AttemptResult(None, failure_info(error.code, str(error)))
        self._runs.append(run)
        outcome = await run.wait()
        if outcome.timed_out:
            return AttemptResult(
                outcome.exit_code,
                failure_info("MaxWallClockTimeExpiry", "The task ran longer than its maxWallClockTime and was terminated."),
            )
        return AttemptResult(outcome.exit_code)

    async def kill_runs(self) -> None:
        await asyncio.gather(*(run.kill() for run in self._runs if run.process.returncode is None))

    async def stop(self, ending: Ending) -> None:
        """End this execution from outside (terminate, requeue, delete) and wait for it to wind up."""
        if self.ending is None:
            self.ending = ending
        await self.kill_runs()
        if self._attempt is not None and not self._attempt.done():
            self._attempt.cancel()

    def _release_nodes(self) -> None:
        for node in self.nodes:
            release(self.ctx, self.pool["id"], node["id"], self.slots, self.job["id"], self.task)

    # --- what happens to the task after the attempt ------------------------------------------
    def _finish(self, result: AttemptResult) -> None:
        if self.ending is Ending.DELETE:
            return
        info = self.task["executionInfo"]
        if self.ending is Ending.REQUEUE:
            info["requeueCount"] = info.get("requeueCount", 0) + 1
            info["lastRequeueTime"] = now_iso()
            set_state(self.task, "active")
            self.task.pop("nodeInfo", None)
            self.save()
            return
        info["endTime"] = now_iso()
        if result.exit_code is not None:
            info["exitCode"] = result.exit_code
        failure = result.failure
        if self.ending is Ending.TERMINATE:
            failure = failure_info("TaskEnded", "The task was ended by a terminate request.")
        elif failure is None and result.exit_code != 0:
            failure = failure_info("FailureExitCode", f"The task exited with exit code {result.exit_code}.")
        if failure is None:
            info["result"] = "success"
        else:
            info["result"] = "failure"
            info["failureInfo"] = failure
            if self.ending is None and self._may_retry(info):
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


def download_failure(error: ResourceFileError) -> dict:
    return failure_info(
        "ResourceFileDownloadFailed", str(error), FilePath=error.source, Reason=error.reason
    )


def remove_task_dirs(ctx: Context, pool_id: str, node_ids: list[str], relative: str) -> None:
    for node_id in node_ids:
        shutil.rmtree(ctx.dirs.node_root(pool_id, node_id) / relative, ignore_errors=True)
