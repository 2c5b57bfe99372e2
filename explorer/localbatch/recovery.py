"""Bringing state back in step after a restart: nothing was running while the service was down.

Tasks that were preparing or running are requeued (their processes ended with the
service), nodes that were busy become idle, and unfinished pool, job and node
operations are carried on.
"""

from __future__ import annotations

import logging

from explorer.localbatch.api.services import Services
from explorer.localbatch.state.documents import set_state, touch
from explorer.localbatch.wire.clock import now_iso

log = logging.getLogger(__name__)


def recover(services: Services) -> None:
    state = services.ctx.state
    for job in list(state.jobs.values()):
        for task in state.job_tasks(job["id"]).values():
            if task["state"] in ("preparing", "running"):
                info = task.setdefault("executionInfo", {})
                info["requeueCount"] = info.get("requeueCount", 0) + 1
                info["lastRequeueTime"] = now_iso()
                task.pop("nodeInfo", None)
                set_state(task, "active")
                touch(task)
                state.save_task(job["id"], task)
                state.clear_subtasks(job["id"], task["id"])
        if job["state"] == "terminating":
            services.jobs.end_job(job, job.get("executionInfo", {}).get("terminateReason", "UserTerminate"))
        elif job["state"] == "deleting":
            set_state(job, "active")
            services.jobs.delete(job["id"])
    for pool in list(state.pools.values()):
        _recover_nodes(services, pool)
        if pool["state"] == "deleting":
            set_state(pool, "active", previous=False)
            services.pools.delete(pool["id"])


def _recover_nodes(services: Services, pool: dict) -> None:
    state = services.ctx.state
    booting, leaving, changed = [], [], []
    for node in state.pool_nodes(pool["id"]).values():
        if node.get("runningTasksCount") or node.get("runningTaskSlotsCount"):
            node["runningTasksCount"] = node["runningTaskSlotsCount"] = 0
            changed.append(node)
        if node["state"] == "running":
            set_state(node, "idle", previous=False)
            changed.append(node)
        elif node["state"] in ("creating", "starting", "rebooting", "waitingforstarttask"):
            set_state(node, "creating", previous=False)
            booting.append(node["id"])
            changed.append(node)
        elif node["state"] == "leavingpool":
            leaving.append(node["id"])
    if changed:
        state.save_nodes(pool["id"], changed)
    if booting:
        services.ctx.spawn(services.pools.boot_nodes(pool["id"], booting), f"boot nodes of {pool['id']}")
    if leaving:
        services.ctx.spawn(services.pools.drain_and_remove(pool["id"], leaving, "requeue"), f"shrink {pool['id']}")
    if pool["allocationState"] != "steady" and not booting and not leaving:
        services.pools.settle(pool["id"])
