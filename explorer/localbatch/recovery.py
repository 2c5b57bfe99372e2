"""Bringing state back in step after a restart, before the service answers anyone.

First every process the previous run of the service left running is ended: a crash
(`kill -9`) ends the service but not what its tasks started, and the state records, for
each attempt and start task that was running, what it had started (`process_scopes`).
Only then are the tasks that were preparing or running requeued (a task whose processes
cannot be ended fails instead: two attempts of one task never run at once), busy nodes
become idle, nodes of pools with a start task reboot (what it left running has ended, so it
runs again), and unfinished pool, job and node operations are carried on.
"""

from __future__ import annotations

import asyncio
import logging

from explorer.localbatch.api.services import Services
from explorer.localbatch.running.mpi_launcher import remove_host_maps, remove_unmapped_mpich_shm
from explorer.localbatch.running.task_attempts import ATTEMPT_RECORD
from explorer.localbatch.state.documents import scope_owner, set_state, touch
from explorer.localbatch.wire.clock import now_iso
from explorer.localbatch.wire.failures import failure_info

log = logging.getLogger(__name__)

_READY = ("idle", "offline", "starttaskfailed")  # a node running tasks is idle by now: they were requeued


async def recover(services: Services) -> None:
    stuck = await _end_previous_processes(services)
    if stale := await asyncio.to_thread(remove_host_maps, services.ctx.settings.data_dir):
        log.info("removed %d host maps of multi-instance attempts the previous run left", stale)
    state = services.ctx.state
    for job in list(state.jobs.values()):
        for task in list(state.job_tasks(job["id"]).values()):
            if task["state"] in ("preparing", "running"):
                if scope_owner("task", job["id"], task["id"]) in stuck:
                    _fail(services, job, task)
                else:
                    _requeue(services, job, task)
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


async def _end_previous_processes(services: Services) -> set[str]:
    """End what the previous run left; the owners of records whose processes would not end."""
    state = services.ctx.state
    records = dict(state.scopes)
    for job in state.jobs.values():
        for task in state.job_tasks(job["id"]).values():
            if task.get(ATTEMPT_RECORD) and task["state"] in ("preparing", "running"):
                records[scope_owner("task", job["id"], task["id"])] = task[ATTEMPT_RECORD]
    if not records:
        return set()
    log.info("ending the processes of %d attempts the previous run of the service left", len(records))
    failed = await services.scheduler.processes.end_recorded(records.values())
    stuck = {owner for owner, record in records.items() if record in failed}
    for owner in state.scopes.keys() - stuck:
        state.remove_scope(owner)
    since = min(record.get("startedAt", 0.0) for record in records.values())
    await asyncio.to_thread(remove_unmapped_mpich_shm, since)
    return stuck


def _requeue(services: Services, job: dict, task: dict) -> None:
    info = task.setdefault("executionInfo", {})
    info["requeueCount"] = info.get("requeueCount", 0) + 1
    info["lastRequeueTime"] = now_iso()
    task.pop("nodeInfo", None)
    task.pop(ATTEMPT_RECORD, None)
    set_state(task, "active")
    touch(task)
    services.ctx.state.save_task(job["id"], task)
    services.ctx.state.clear_subtasks(job["id"], task["id"])


def _fail(services: Services, job: dict, task: dict) -> None:
    log.error("task %s/%s fails: processes of its previous attempt could not be ended", job["id"], task["id"])
    info = task.setdefault("executionInfo", {})
    info.update(endTime=now_iso(), result="failure")
    info["failureInfo"] = failure_info(
        "LocalBatchError",
        "Local Batch restarted and could not end the processes of the task's previous attempt, so it was not run again.",
        "ServerError",
    )
    set_state(task, "completed")
    touch(task)
    services.ctx.state.save_task(job["id"], task)
    services.ctx.on_task_completed(job)


def _recover_nodes(services: Services, pool: dict) -> None:
    state = services.ctx.state
    booting, rebooting, leaving = [], [], []
    changed: dict[str, dict] = {}  # by id: a node changed twice is saved once
    for node in state.pool_nodes(pool["id"]).values():
        if node.get("runningTasksCount") or node.get("runningTaskSlotsCount"):
            node["runningTasksCount"] = node["runningTaskSlotsCount"] = 0
            changed[node["id"]] = node
        if node["state"] == "running":
            set_state(node, "idle", previous=False)
            changed[node["id"]] = node
        if node["state"] in ("creating", "starting", "rebooting", "waitingforstarttask"):
            set_state(node, "creating", previous=False)
            booting.append(node["id"])
            changed[node["id"]] = node
        elif pool.get("startTask") and pool["state"] != "deleting" and node["state"] in _READY:
            # What its start task left running (a daemon, a process manager) ended with the previous run of
            # the service: the node reboots, so the start task runs again, as it would after any reboot.
            set_state(node, "rebooting", previous=False)
            rebooting.append(node["id"])
            changed[node["id"]] = node
        elif node["state"] == "leavingpool":
            leaving.append(node["id"])
    if changed:
        state.save_nodes(pool["id"], list(changed.values()))
    if booting:
        services.ctx.spawn(services.pools.boot_nodes(pool["id"], booting), f"boot nodes of {pool['id']}")
    if rebooting:
        log.info("pool %s: %d nodes reboot to run their start task again", pool["id"], len(rebooting))
        reboot = services.pools.boot_nodes(pool["id"], rebooting, from_states=("rebooting",))
        services.ctx.spawn(reboot, f"reboot nodes of {pool['id']}")
    if leaving:
        services.ctx.spawn(services.pools.drain_and_remove(pool["id"], leaving, "requeue"), f"shrink {pool['id']}")
    if pool["allocationState"] != "steady" and not booting and not leaving:
        services.pools.settle(pool["id"])
