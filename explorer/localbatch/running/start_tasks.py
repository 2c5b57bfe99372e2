"""Running a pool's start task on a node as it joins the pool (and after it reboots or is reimaged).

What a try leaves running keeps running, as on Azure, where start tasks commonly start a service in
the background and end: it ends when the node reboots, is reimaged or leaves (`node_key` names the
node in the `KeptScopes` the pool operations hold), or when the service stops.
"""

from __future__ import annotations

import asyncio

from explorer.localbatch.context import Context
from explorer.localbatch.files.resource_files import ResourceFileError, download_resource_files
from explorer.localbatch.running import processes as execution
from explorer.localbatch.running.environment import node_environment, settings_environment
from explorer.localbatch.running.kept_scopes import KeptScopes, node_key
from explorer.localbatch.running.process_scopes import ProcessTracking
from explorer.localbatch.state.documents import scope_owner
from explorer.localbatch.wire.clock import now_iso
from explorer.localbatch.wire.failures import completion, failure_info


async def run_start_task(
    ctx: Context, processes: ProcessTracking, kept: KeptScopes[str], pool: dict, node: dict, limiter: asyncio.Semaphore
) -> bool:
    """Run the start task (with retries) and record startTaskInfo; True when it succeeded.

    What a try leaves running is kept in `kept` under the node's `node_key`.
    """
    start_task = pool["startTask"]
    node_root = await asyncio.to_thread(ctx.dirs.make_node, pool["id"], node["id"])
    startup = node_root / "startup"
    working_dir = startup / "wd"
    await asyncio.to_thread(working_dir.mkdir, parents=True, exist_ok=True)
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
            scope = processes.scope()
            # One record per try: the scopes of every try outlive it.
            owner = scope_owner("starttask", pool["id"], f"{node['id']}/{scope.run_id}")
            ctx.state.save_scope(owner, scope.record())
            ctx.state.save_node(pool["id"], node)
            failure = None
            exit_code = None
            ran = False  # to its end: not stopped with the service, and not refused before it started
            try:
                await download_resource_files(start_task.get("resourceFiles") or [], working_dir, ctx.settings.auto_storage)
                spec = execution.RunSpec(
                    start_task["commandLine"], working_dir, env, startup / "stdout.txt", startup / "stderr.txt", truncate=False
                )
                try:
                    run = await execution.start(spec, scope)
                finally:
                    ctx.state.save_scope(owner, scope.record())
                exit_code = (await run.wait()).exit_code
                ran = True
            except ResourceFileError as error:
                failure = error.failure()
            except execution.CommandLineError as error:
                failure = failure_info(error.code, str(error))
            finally:
                if ran:
                    kept.keep(node_key(pool["id"], node["id"]), owner, scope)
                else:
                    await scope.end()
                    ctx.state.remove_scope(owner)
            info.update(state="completed", **completion(exit_code, failure, "start task"))
            ctx.state.save_node(pool["id"], node)
            if info["result"] == "success":
                return True
            if retries != -1 and attempt >= retries:
                return False
            attempt += 1
