"""Running a pool's start task on a node as it joins the pool."""

from __future__ import annotations

import asyncio

from explorer.localbatch.context import Context
from explorer.localbatch.files.resource_files import ResourceFileError, download_resource_files
from explorer.localbatch.running import processes as execution
from explorer.localbatch.running.environment import node_environment, settings_environment
from explorer.localbatch.wire.clock import now_iso


async def run_start_task(ctx: Context, pool: dict, node: dict, limiter: asyncio.Semaphore) -> bool:
    """Run the start task (with retries) and record startTaskInfo; True when it succeeded."""
    start_task = pool["startTask"]
    node_root = ctx.dirs.node_root(pool["id"], node["id"], create=True)
    startup = node_root / "startup"
    working_dir = startup / "wd"
    working_dir.mkdir(parents=True, exist_ok=True)
    env = node_environment(ctx, pool, node, node_root)
    env["AZ_BATCH_TASK_WORKING_DIR"] = str(working_dir)
    env["AZ_BATCH_TASK_DIR"] = str(startup)
    env.update(settings_environment(start_task.get("environmentSettings")))
    retries = start_task.get("maxTaskRetryCount", 0)
    attempt = 0
    async with limiter:
        while True:
            info = {"state": "running", "startTime": now_iso(), "retryCount": attempt}
            node["startTaskInfo"] = info
            ctx.state.save_node(pool["id"], node)
            failure = None
            exit_code = None
            try:
                await download_resource_files(start_task.get("resourceFiles") or [], working_dir, ctx.settings.auto_storage)
                run = await execution.start(
                    execution.RunSpec(start_task["commandLine"], working_dir, env, startup / "stdout.txt", startup / "stderr.txt")
                )
                exit_code = (await run.wait()).exit_code
            except (ResourceFileError, execution.CommandLineError) as error:
                failure = {"category": "UserError", "code": getattr(error, "code", "ResourceFileDownloadFailed"), "message": str(error)}
            info.update(state="completed", endTime=now_iso())
            if exit_code is not None:
                info["exitCode"] = exit_code
            if failure is None and exit_code != 0:
                failure = {"category": "UserError", "code": "FailureExitCode", "message": f"The start task exited with exit code {exit_code}."}
            info["result"] = "failure" if failure else "success"
            if failure:
                info["failureInfo"] = failure
            ctx.state.save_node(pool["id"], node)
            if failure is None:
                return True
            if retries != -1 and attempt >= retries:
                return False
            attempt += 1
