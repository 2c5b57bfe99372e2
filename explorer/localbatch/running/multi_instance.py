"""Multi-instance tasks: a primary and subtasks on N nodes, coordination, then the application.

Every instance downloads the common resource files into its task root directory
(AZ_BATCH_TASK_SHARED_DIR) and runs the coordination command in its wd; the primary
also gets the task's resource files. Once every coordination command has exited 0,
the primary alone runs the application command. When it exits, everything any
instance started ends: all of it runs in the attempt's one process scope.

Where output goes (relative to each instance's task root directory on its node):
- subtask i: `stdout.txt` / `stderr.txt` of its coordination command, under
  `workitems/{job}/job-1/{task}/{i}`;
- the primary: `coordination-stdout.txt` / `coordination-stderr.txt` for its
  coordination command, `stdout.txt` / `stderr.txt` for the application command.
"""

from __future__ import annotations

import asyncio
import socket
from dataclasses import dataclass
from pathlib import Path

from explorer.localbatch.files.resource_files import ResourceFileError, download_resource_files
from explorer.localbatch.running.environment import task_environment
from explorer.localbatch.running.mpi_launcher import (
    NodeContext,
    host_maps_dir,
    launcher_environment,
    launcher_path,
    remove_host_map,
    write_host_map,
)
from explorer.localbatch.running.task_attempts import (
    AttemptResult,
    Ending,
    TaskExecution,
    task_root,
)
from explorer.localbatch.state.documents import set_state
from explorer.localbatch.wire.clock import now_iso
from explorer.localbatch.wire.failures import failure_info


@dataclass
class Instance:
    number: int  # 0 is the primary, 1..N-1 the subtasks
    node: dict
    task_dir: Path
    env: dict[str, str]
    subtask: dict | None

    @property
    def working_dir(self) -> Path:
        return self.task_dir / "wd"

    def describe(self) -> str:
        role = "the primary" if self.number == 0 else f"subtask {self.number}"
        return f"instance {self.number} ({role} on node {self.node['id']})"


class MultiInstanceExecution(TaskExecution):
    _instances: list[Instance] | None = None

    @property
    def _host_map(self) -> Path:
        return host_maps_dir(self.ctx.settings.data_dir) / f"{self.scope.run_id}.json"

    async def attempt(self) -> AttemptResult:
        if not await self.prepared():  # the job's preparation, on every instance's node
            return AttemptResult(None, requeue=True)
        instances = await self._set_up()
        failure = await self._coordinate(instances)
        if failure is not None:
            return AttemptResult(None, failure)
        self.mark_running()
        primary = instances[0]
        return await self.run_command(
            self.task["commandLine"],
            primary.working_dir,
            primary.env,
            primary.task_dir / "stdout.txt",
            primary.task_dir / "stderr.txt",
            self.wall_clock_seconds(),
        )

    async def wind_up(self) -> None:
        """Subtasks end with the attempt: completed, or reset when the task goes back to the queue (or
        nothing, when the task or its job is deleted); the host map goes in every case."""
        if self._instances is None:
            return
        if self.ending is Ending.REQUEUE:
            self.ctx.state.clear_subtasks(self.job["id"], self.task["id"])
        elif self.ending is not Ending.DELETE:  # (a deleted task's subtasks go with it)
            with self.ctx.state.store.transaction():  # every subtask's end in one commit
                for instance in self._instances[1:]:
                    code = instance.subtask.get("exitCode") if instance.subtask else None
                    self._end_subtask(instance, code, "success" if code == 0 else "failure")
        await asyncio.to_thread(remove_host_map, self._host_map)

    # --- setting up the instances ---------------------------------------------------------
    async def _set_up(self) -> list[Instance]:
        job_id, task_id = self.job["id"], self.task["id"]
        self.ctx.state.clear_subtasks(job_id, task_id)
        primary_root = task_root(job_id, task_id)
        ips = [node["ipAddress"] for node in self.nodes]
        shared = {
            "AZ_BATCH_HOST_LIST": ",".join(ips),
            "AZ_BATCH_NODE_LIST": ";".join(ips),
            "AZ_BATCH_MASTER_NODE": f"{ips[0]}:{_reserved_port(ips[0])}",
            "CCP_NODES": " ".join([str(len(ips)), *(f"{ip} 1" for ip in ips)]),
        }
        instances = []
        for number, node in enumerate(self.nodes):
            relative = primary_root if number == 0 else f"{primary_root}/{number}"
            task_dir = self.task_dir(node, relative)
            env = task_environment(self.ctx, self.pool, node, self.node_root(node), self.job, self.task, task_dir)
            env.update(shared, AZ_BATCH_TASK_SHARED_DIR=str(task_dir), AZ_BATCH_IS_CURRENT_NODE_MASTER=str(number == 0).lower())
            instances.append(Instance(number, node, task_dir, env, None))
        # Every instance's directories at once (a node's tree is made on its first task), then the host map.
        await asyncio.gather(*(asyncio.to_thread(self._make_dirs, i.node, i.working_dir) for i in instances))
        await asyncio.to_thread(self._add_launcher, instances)
        with self.ctx.state.store.transaction():  # every subtask in one commit
            for instance in instances[1:]:
                relative = f"{primary_root}/{instance.number}"
                instance.subtask = self._new_subtask(instance.number, instance.node, relative)
        self._instances = instances
        return instances

    def _add_launcher(self, instances: list[Instance]) -> None:
        """Let an unchanged `mpiexec -hosts $AZ_BATCH_HOST_LIST` start each rank in its node (blocking: in a thread)."""
        host_map = write_host_map(
            self._host_map,
            [
                NodeContext(
                    ip=instance.node["ipAddress"],
                    node_id=instance.node["id"],
                    cwd=instance.working_dir,
                    env={k: v for k, v in instance.env.items() if k.startswith(("AZ_BATCH_", "CCP_"))},
                )
                for instance in instances
            ],
        )
        shared = launcher_environment(host_map, bin_dir=self.ctx.settings.data_dir / "mpi" / "bin")
        for instance in instances:
            launcher = {**shared, "PATH": launcher_path(instance.env["PATH"])}
            # The task's own settings win, except for the variables that make Hydra use the shim.
            own = {k: v for k, v in instance.env.items() if k not in launcher or not k.startswith("HYDRA_")}
            instance.env = {**launcher, **own}

    def _new_subtask(self, number: int, node: dict, relative: str) -> dict:
        moment = now_iso()
        subtask = {
            "id": number,
            "nodeInfo": {
                "affinityId": node.get("affinityId"),
                "nodeUrl": node.get("url"),
                "poolId": self.pool["id"],
                "nodeId": node["id"],
                "taskRootDirectory": relative,
                "taskRootDirectoryUrl": f"{node.get('url')}/files/{relative}",
            },
            "startTime": moment,
            "state": "preparing",
            "stateTransitionTime": moment,
        }
        self.ctx.state.save_subtask(self.job["id"], self.task["id"], subtask)
        return subtask

    def _save_subtask(self, instance: Instance) -> None:
        if instance.subtask is not None:
            self.ctx.state.save_subtask(self.job["id"], self.task["id"], instance.subtask)

    # --- coordination ---------------------------------------------------------------------------
    async def _coordinate(self, instances: list[Instance]) -> dict | None:
        """Prepare and coordinate every instance at once; the first failure stops the others."""
        jobs = [asyncio.ensure_future(self._prepare_and_coordinate(instance)) for instance in instances]
        try:
            for finished in asyncio.as_completed(jobs):
                failure = await finished
                if failure is not None:
                    return failure
            return None
        finally:
            for job in jobs:
                job.cancel()
            await asyncio.gather(*jobs, return_exceptions=True)

    async def _prepare_and_coordinate(self, instance: Instance) -> dict | None:
        settings = self.task["multiInstanceSettings"]
        try:
            await download_resource_files(settings.get("commonResourceFiles") or [], instance.task_dir, self.ctx.settings.auto_storage)
            if instance.number == 0:
                await download_resource_files(self.task.get("resourceFiles") or [], instance.working_dir, self.ctx.settings.auto_storage)
        except ResourceFileError as error:
            self._end_subtask(instance, None, "failure", error.failure())  # the instance's own failure
            failure = error.failure()
            failure["message"] = f"{instance.describe()}: {failure['message']}"
            return failure
        if instance.subtask is not None:
            set_state(instance.subtask, "running")
            self._save_subtask(instance)
        prefix = "" if instance.number else "coordination-"
        result = await self.run_command(
            settings["coordinationCommandLine"],
            instance.working_dir,
            instance.env,
            instance.task_dir / f"{prefix}stdout.txt",
            instance.task_dir / f"{prefix}stderr.txt",
            self.wall_clock_seconds(),
        )
        if instance.subtask is not None and result.exit_code is not None:
            # Known as soon as coordination ends: a UI can count instances ready.
            instance.subtask["exitCode"] = result.exit_code
            self._save_subtask(instance)
        if result.failure is None and result.exit_code == 0:
            return None
        self._end_subtask(instance, result.exit_code, "failure")
        reason = result.failure["message"] if result.failure else f"the coordination command exited with code {result.exit_code}"
        return failure_info(
            "CoordinationCommandFailed",
            f"{instance.describe()}: {reason}. The application command was not run.",
            InstanceNumber=str(instance.number),
            NodeId=instance.node["id"],
        )

    # --- ending -----------------------------------------------------------------------------------
    def _end_subtask(self, instance: Instance, exit_code: int | None, result: str, failure: dict | None = None) -> None:
        """End the instance's subtask (the primary has none); a failure without its own `failure` info is
        told by its exit code, or as cut short."""
        subtask = instance.subtask
        if subtask is None or subtask.get("state") == "completed":
            return
        subtask["endTime"] = now_iso()
        if exit_code is not None:
            subtask["exitCode"] = exit_code
        subtask["result"] = result
        if failure is not None:
            subtask["failureInfo"] = failure
        elif result == "failure" and "failureInfo" not in subtask:
            code = subtask.get("exitCode")
            subtask["failureInfo"] = failure_info(
                "FailureExitCode", f"The coordination command exited with code {code}." if code is not None else "The instance did not run to its end."
            )
        set_state(subtask, "completed")
        self._save_subtask(instance)


def _reserved_port(ip: str) -> int:
    """A port free on the primary's address, named in AZ_BATCH_MASTER_NODE (MPI must not use it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((ip, 0))
        return probe.getsockname()[1]
