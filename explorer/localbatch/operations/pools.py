"""Pools and their nodes: create, resize, remove nodes, reboot, delete, node counts.

Node boot is simulated in two steps of `node_start_seconds / 2` (creating ->
starting -> idle), with the pool's start task, if any, really run on each node.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from explorer.localbatch.context import Context
from explorer.localbatch.files.mounts import MountError, fill_mounts, mount_on_nodes
from explorer.localbatch.operations.images import check_vm_configuration
from explorer.localbatch.operations.nodes import new_node_doc
from explorer.localbatch.running.kept_scopes import KeptScopes, node_key
from explorer.localbatch.running.start_tasks import run_start_task
from explorer.localbatch.running.task_attempts import Ending
from explorer.localbatch.scheduling.scheduler import Scheduler
from explorer.localbatch.state.documents import set_state, touch
from explorer.localbatch.wire.bodies import Body
from explorer.localbatch.wire.clock import now_iso
from explorer.localbatch.wire.durations import parse_duration
from explorer.localbatch.wire.errors import already_exists, conflict, invalid_value, missing_property
from explorer.localbatch.wire.mount_specs import read_mount_configuration
from explorer.localbatch.wire.refusals import refuse_kind, refuse_named
from explorer.localbatch.wire.request_specs import read_metadata, read_start_task

log = logging.getLogger(__name__)

MAX_NODES_PER_POOL = 10_000
MAX_INTER_NODE_POOL = 100
DEALLOCATION_OPTIONS = ("requeue", "terminate", "taskcompletion", "retaineddata")
COMMUNICATION_MODES = ("default", "classic", "simplified")
FILL_TYPES = ("Spread", "Pack")  # as Azure writes them
_COUNT_STATES = {
    "creating": "creating", "idle": "idle", "offline": "offline", "preempted": "preempted",
    "rebooting": "rebooting", "reimaging": "reimaging", "running": "running", "starting": "starting",
    "starttaskfailed": "startTaskFailed", "leavingpool": "leavingPool", "unknown": "unknown",
    "unusable": "unusable", "waitingforstarttask": "waitingForStartTask", "deallocated": "deallocated",
    "deallocating": "deallocating", "upgradingos": "upgradingOS",
}


class Pools:
    def __init__(self, ctx: Context, scheduler: Scheduler) -> None:
        self.ctx = ctx
        self.scheduler = scheduler
        self._start_task_limiter = asyncio.Semaphore(ctx.settings.start_task_concurrency)
        self._start_task_leftovers: KeptScopes[str] = KeptScopes(ctx, "what a start task left running")

    # --- create / update ---------------------------------------------------------------
    def create(self, body: Body) -> dict:
        pool_id = body.id()
        if pool_id.lower() in self.ctx.state.pools:
            raise already_exists("pool", pool_id)
        refuse_kind(body, "pool")
        vm_size = body.str("vmSize", required=True)
        inter_node = bool(body.bool("enableInterNodeCommunication"))
        dedicated, low_priority = self._targets(body, inter_node)
        if body.bool("enableAutoScale"):
            raise invalid_value("enableAutoScale", True, "Local Batch does not evaluate autoscale formulas; set fixed targets.")
        vm_config = body.obj("virtualMachineConfiguration")
        if vm_config is not None:
            check_vm_configuration(vm_config)
        policy = body.obj("taskSchedulingPolicy")
        fill_type = (policy.choice("nodeFillType", FILL_TYPES) if policy is not None else None) or "Spread"
        moment = now_iso()
        pool = {
            "id": pool_id,
            "url": self.ctx.url(f"/pools/{pool_id}"),
            "creationTime": moment,
            "state": "active",
            "stateTransitionTime": moment,
            "allocationState": "steady",
            "allocationStateTransitionTime": moment,
            "vmSize": vm_size,
            "resizeTimeout": _resize_timeout(body) or "PT15M",
            "currentDedicatedNodes": 0,
            "currentLowPriorityNodes": 0,
            "targetDedicatedNodes": dedicated,
            "targetLowPriorityNodes": low_priority,
            "enableAutoScale": False,
            "enableInterNodeCommunication": inter_node,
            "taskSlotsPerNode": body.int("taskSlotsPerNode", minimum=1, maximum=256) or 1,
            "taskSchedulingPolicy": {"nodeFillType": fill_type},
            "targetNodeCommunicationMode": body.choice("targetNodeCommunicationMode", COMMUNICATION_MODES) or "default",
            "_nextNodeIndex": 0,
        }
        if body.has("displayName"):
            pool["displayName"] = body.str("displayName", max_length=1024)
        if vm_config is not None:
            pool["virtualMachineConfiguration"] = body.raw("virtualMachineConfiguration")
        start_task = read_start_task(body.obj("startTask"))
        if start_task:
            pool["startTask"] = start_task
        metadata = read_metadata(body)
        if metadata:
            pool["metadata"] = metadata
        linked = self.ctx.settings.auto_storage
        mounts = read_mount_configuration(body, linked.account if linked else None)
        if mounts:
            pool["mountConfiguration"] = mounts
        touch(pool)
        self.ctx.state.save_pool(pool)
        self._resize(pool, dedicated, low_priority)
        return pool

    def _targets(self, body: Body, inter_node: bool) -> tuple[int, int]:
        dedicated = body.int("targetDedicatedNodes", minimum=0, maximum=MAX_NODES_PER_POOL) or 0
        low_priority = body.int("targetLowPriorityNodes", minimum=0, maximum=MAX_NODES_PER_POOL) or 0
        if dedicated + low_priority > MAX_NODES_PER_POOL:
            raise invalid_value("targetDedicatedNodes", dedicated, f"A pool may have at most {MAX_NODES_PER_POOL} nodes.")
        if inter_node and dedicated + low_priority > MAX_INTER_NODE_POOL:
            raise invalid_value(
                "targetDedicatedNodes",
                dedicated,
                f"A pool with inter-node communication may have at most {MAX_INTER_NODE_POOL} nodes.",
            )
        return dedicated, low_priority

    def update(self, pool_id: str, body: Body) -> dict:
        """PATCH: the whole body is read and checked before anything of it is applied."""
        pool = self.active_pool(pool_id)
        refuse_kind(body, "pool update")
        changes: dict = {}
        if body.has("displayName"):
            changes["displayName"] = body.str("displayName", max_length=1024)
        policy = body.obj("taskSchedulingPolicy")
        if policy is not None:
            changes["taskSchedulingPolicy"] = {"nodeFillType": policy.choice("nodeFillType", FILL_TYPES, required=True)}
        if body.has("targetNodeCommunicationMode"):
            changes["targetNodeCommunicationMode"] = body.choice("targetNodeCommunicationMode", COMMUNICATION_MODES)
        if body.has("startTask"):
            changes["startTask"] = read_start_task(body.obj("startTask"))
        if body.has("metadata"):
            changes["metadata"] = read_metadata(body)
        pool.update(changes)
        touch(pool)
        self.ctx.state.save_pool(pool)
        return pool

    def replace_properties(self, pool_id: str, body: Body) -> dict:
        """updateproperties: startTask, metadata and the communication mode replaced; what is omitted is removed."""
        pool = self.active_pool(pool_id)
        for name in ("applicationPackageReferences", "metadata"):
            if body.raw(name) is None:
                raise missing_property(name)
        refuse_named(body, ("certificateReferences", "applicationPackageReferences", "startTask.containerSettings"), "pool")
        start_task = read_start_task(body.obj("startTask"))
        metadata = read_metadata(body)
        mode = body.choice("targetNodeCommunicationMode", COMMUNICATION_MODES) or "default"
        for key, value in (("startTask", start_task), ("metadata", metadata)):
            if value:
                pool[key] = value
            else:
                pool.pop(key, None)
        pool["targetNodeCommunicationMode"] = mode
        touch(pool)
        self.ctx.state.save_pool(pool)
        return pool

    def active_pool(self, pool_id: str) -> dict:
        pool = self.ctx.state.pool(pool_id)
        if pool["state"] == "deleting":
            raise conflict("PoolBeingDeleted", "The specified pool has been marked for deletion and is being reclaimed.")
        return pool

    # --- resize --------------------------------------------------------------------------
    def resize(self, pool_id: str, body: Body) -> None:
        pool = self.active_pool(pool_id)
        if pool["allocationState"] != "steady":
            raise conflict("PoolNotSteady", "The specified pool is not in a steady state: stop the resize first.")
        dedicated, low_priority = self._targets(body, pool.get("enableInterNodeCommunication", False))
        option = body.choice("nodeDeallocationOption", DEALLOCATION_OPTIONS) or "requeue"
        _resize_timeout(body)
        pool.pop("resizeErrors", None)
        self._resize(pool, dedicated, low_priority, option)

    def stop_resize(self, pool_id: str) -> None:
        """As on Azure: the pool stays at the nodes it has (nodes still being created are not allocated yet and go),
        its targets stay as asked, and `resizeErrors` says the resize was stopped."""
        pool = self.active_pool(pool_id)
        if pool["allocationState"] == "steady":
            return
        creating = [n["id"] for n in self.ctx.state.pool_nodes(pool_id).values() if n["state"] == "creating"]
        for node_id in creating:
            self.ctx.state.remove_node(pool_id, node_id)
        pool["resizeErrors"] = [{
            "code": "ResizeStopped",
            "message": "Desired number of dedicated nodes could not be allocated due to a stop resize operation",
        }]
        self._set_allocation(pool, "steady")

    def _set_allocation(self, pool: dict, allocation: str) -> None:
        if pool["allocationState"] != allocation:
            pool["allocationState"] = allocation
            pool["allocationStateTransitionTime"] = now_iso()
        nodes = [n for n in self.ctx.state.pool_nodes(pool["id"]).values() if n["state"] != "leavingpool"]
        pool["currentDedicatedNodes"] = sum(1 for n in nodes if n.get("isDedicated", True))
        pool["currentLowPriorityNodes"] = len(nodes) - pool["currentDedicatedNodes"]
        touch(pool)
        self.ctx.state.save_pool(pool)

    def _resize(self, pool: dict, dedicated: int, low_priority: int, option: str = "requeue") -> None:
        pool["targetDedicatedNodes"], pool["targetLowPriorityNodes"] = dedicated, low_priority
        nodes = [n for n in self.ctx.state.pool_nodes(pool["id"]).values() if n["state"] != "leavingpool"]
        leaving: list[dict] = []
        added: list[dict] = []
        for is_dedicated, target in ((True, dedicated), (False, low_priority)):
            current = [n for n in nodes if n.get("isDedicated", True) == is_dedicated]
            if target > len(current):
                added += self._new_nodes(pool, target - len(current), is_dedicated)
            elif target < len(current):
                # Idle nodes go first, then the newest.
                ranked = sorted(enumerate(current), key=lambda item: (item[1]["state"] != "idle", -item[0]))
                leaving += [node for _, node in ranked[: len(current) - target]]
        if not added and not leaving:
            self._set_allocation(pool, "steady")
            return
        self._set_allocation(pool, "resizing")
        if added:
            self.ctx.state.save_nodes(pool["id"], added)
            self.ctx.spawn(self.boot_nodes(pool["id"], [n["id"] for n in added]), f"boot nodes of {pool['id']}")
        if leaving:
            self.ctx.spawn(self.drain_and_remove(pool["id"], [n["id"] for n in leaving], option), f"shrink {pool['id']}")

    def _new_nodes(self, pool: dict, count: int, dedicated: bool) -> list[dict]:
        store = self.ctx.state.store
        first_ip = int(store.get_meta("next_ip_index", "0") or 0)
        store.set_meta("next_ip_index", str(first_ip + count))
        first = pool["_nextNodeIndex"]
        pool["_nextNodeIndex"] = first + count
        return [
            new_node_doc(pool, first + i, first_ip + i, dedicated, self.ctx.settings.endpoint) for i in range(count)
        ]

    async def boot_nodes(self, pool_id: str, node_ids: list[str], from_states: tuple[str, ...] = ("creating",)) -> None:
        half = self.ctx.settings.node_start_seconds / 2
        await asyncio.sleep(half)
        nodes = self._nodes_in(pool_id, node_ids, from_states)
        for node in nodes:
            set_state(node, "starting", previous=False)
        self.ctx.state.save_nodes(pool_id, nodes)
        self.settle(pool_id)
        await asyncio.sleep(half)
        nodes = self._nodes_in(pool_id, node_ids, ("starting",))
        pool = self.ctx.state.pools.get(pool_id.lower())
        if pool is None:
            return
        if pool.get("mountConfiguration") and not await self._mount(pool, nodes):  # before anything runs on them
            return
        start_task = pool.get("startTask")
        boot_time = now_iso()
        for node in nodes:
            node["lastBootTime"] = boot_time
            wait = start_task and start_task.get("waitForSuccess", True)
            set_state(node, "waitingforstarttask" if wait else _ready_state(node), previous=False)
        self.ctx.state.save_nodes(pool_id, nodes)
        self.ctx.wake_scheduler()
        if start_task:
            await asyncio.gather(*(self._start_node(pool, node) for node in nodes))

    async def _mount(self, pool: dict, nodes: list[dict]) -> bool:
        """Link the pool's mounts into the nodes (filling new ones); when a mount cannot be filled the nodes are unusable."""
        made = await asyncio.to_thread(mount_on_nodes, self.ctx.dirs, pool, [node["id"] for node in nodes])
        try:
            await fill_mounts(self.ctx.dirs, pool, made, self.ctx.settings.auto_storage)
        except MountError as error:
            log.warning("pool %s: %s", pool["id"], error)
            for node in nodes:
                set_state(node, "unusable", previous=False)
                node["errors"] = [{"code": "MountConfigurationFailed", "message": str(error), "errorDetails": []}]
            self.ctx.state.save_nodes(pool["id"], nodes)
            return False
        for node in nodes:
            node.pop("errors", None)  # of a previous start whose mount failed
        return True

    async def _start_node(self, pool: dict, node: dict) -> None:
        succeeded = await run_start_task(
            self.ctx, self.scheduler.processes, self._start_task_leftovers, pool, node, self._start_task_limiter
        )
        if node["state"] == "waitingforstarttask":
            set_state(node, _ready_state(node) if succeeded else "starttaskfailed", previous=False)
            self.ctx.state.save_node(pool["id"], node)
            self.ctx.wake_scheduler()

    def _nodes_in(self, pool_id: str, node_ids: list[str], states: tuple[str, ...]) -> list[dict]:
        nodes = self.ctx.state.pool_nodes(pool_id)
        return [n for n in (nodes.get(i.lower()) for i in node_ids) if n is not None and n["state"] in states]

    def settle(self, pool_id: str) -> None:
        """Steady once no node is still being created or leaving."""
        pool = self.ctx.state.pools.get(pool_id.lower())
        if pool is None or pool["state"] == "deleting":
            return
        busy = any(n["state"] in ("creating", "leavingpool") for n in self.ctx.state.pool_nodes(pool_id).values())
        self._set_allocation(pool, "resizing" if busy else "steady")

    async def drain_and_remove(self, pool_id: str, node_ids: list[str], option: str) -> None:
        nodes = [n for n in (self.ctx.state.pool_nodes(pool_id).get(i.lower()) for i in node_ids) if n]
        for node in nodes:
            set_state(node, "leavingpool", previous=False)
        self.ctx.state.save_nodes(pool_id, nodes)
        await asyncio.gather(*(self.evict(pool_id, node["id"], option) for node in nodes))
        for node in nodes:
            self.ctx.state.remove_node(pool_id, node["id"])
        if option != "retaineddata":
            await asyncio.to_thread(self.ctx.dirs.remove_nodes, pool_id, [node["id"] for node in nodes])
        self.settle(pool_id)

    async def evict(self, pool_id: str, node_id: str, option: str, going_down: bool = True) -> None:
        """End what runs on a node as the option says; when the node is `going_down` (it leaves, reboots,
        is reimaged or deallocated, not when only its scheduling is disabled), then also what its start
        task and job preparations left running on it."""
        executions = self.scheduler.executions_on_node(pool_id, node_id)
        if option == "taskcompletion":
            # The node is leaving (or rebooting), so nothing new is placed on it meanwhile.
            await self.scheduler.wait_finished(executions)
        else:
            ending = Ending.TERMINATE if option == "terminate" else Ending.REQUEUE
            await self.scheduler.stop_executions(executions, ending)
        if going_down:
            await self.scheduler.job_tasks.node_leaving(pool_id, node_id)
            await self._start_task_leftovers.end(lambda key: key == node_key(pool_id, node_id))

    # --- remove nodes / reboot -----------------------------------------------------------------
    def remove_nodes(self, pool_id: str, body: Body) -> None:
        """As on Batch: only while the pool is steady, up to 100 distinct nodes per request."""
        pool = self.active_pool(pool_id)
        node_ids = body.list("nodeList")
        if not node_ids:
            raise invalid_value("nodeList", node_ids, "Give between 1 and 100 node ids.")
        if len(node_ids) > 100:
            raise invalid_value("nodeList", len(node_ids), "At most 100 nodes can be removed in one request.")
        if not all(isinstance(node_id, str) for node_id in node_ids):
            raise invalid_value("nodeList", node_ids, "Each node id must be a string.")
        seen: set[str] = set()
        for node_id in node_ids:
            if node_id.lower() in seen:
                raise invalid_value("nodeList", node_id, f"The node {node_id} is named more than once.")
            seen.add(node_id.lower())
        option = body.choice("nodeDeallocationOption", DEALLOCATION_OPTIONS) or "requeue"
        _resize_timeout(body)
        nodes = [self.ctx.state.node(pool_id, node_id) for node_id in node_ids]
        if pool["allocationState"] != "steady":
            raise conflict("PoolNotSteady", "The specified pool is not in a steady state: nodes can be removed once it is.")
        for node in nodes:
            key = "targetDedicatedNodes" if node.get("isDedicated", True) else "targetLowPriorityNodes"
            pool[key] = max(0, pool[key] - 1)
        self._set_allocation(pool, "resizing")
        self.ctx.spawn(self.drain_and_remove(pool_id, [n["id"] for n in nodes], option), f"remove nodes of {pool_id}")

    def reboot_node(self, pool_id: str, node_id: str, body: Body) -> None:
        self.active_pool(pool_id)
        node = self.ctx.state.node(pool_id, node_id)
        if node["state"] not in ("idle", "running", "offline", "starttaskfailed", "unusable", "waitingforstarttask"):
            raise conflict("NodeNotReady", f"The node is {node['state']} and cannot be rebooted now.")
        option = body.choice("nodeRebootOption", ("requeue", "terminate", "taskcompletion", "retaineddata")) or "requeue"
        set_state(node, "rebooting", previous=False)
        self.ctx.state.save_node(pool_id, node)

        async def reboot() -> None:
            await self.evict(pool_id, node["id"], option)
            await self.boot_nodes(pool_id, [node["id"]], from_states=("rebooting",))

        self.ctx.spawn(reboot(), f"reboot {pool_id}/{node_id}")

    # --- delete ------------------------------------------------------------------------------
    def delete(self, pool_id: str) -> None:
        pool = self.active_pool(pool_id)
        set_state(pool, "deleting", previous=False)
        touch(pool)
        self.ctx.state.save_pool(pool)
        node_ids = [n["id"] for n in self.ctx.state.pool_nodes(pool_id).values()]

        async def delete() -> None:
            await self.drain_and_remove(pool_id, node_ids, "requeue")
            await asyncio.to_thread(self.ctx.dirs.remove_pool, pool_id)  # its files first, as for a job
            self.ctx.state.remove_pool(pool_id)

        self.ctx.spawn(delete(), f"delete pool {pool_id}")

    # --- node counts ---------------------------------------------------------------------------
    def node_counts(self, pool: dict) -> dict:
        counts = {"dedicated": _zero_counts(), "lowPriority": _zero_counts()}
        for node in self.ctx.state.pool_nodes(pool["id"]).values():
            bucket = counts["dedicated" if node.get("isDedicated", True) else "lowPriority"]
            bucket[_COUNT_STATES.get(node["state"], "unknown")] += 1
            bucket["total"] += 1
        return {"poolId": pool["id"], **counts}


def _ready_state(node: dict) -> str:
    """A booted node's state: idle, or offline while its scheduling is disabled (as Batch shows it)."""
    return "idle" if node.get("schedulingState", "enabled") == "enabled" else "offline"


def _resize_timeout(body: Body) -> str | None:
    """resizeTimeout, which Batch refuses below 5 minutes."""
    text = body.duration("resizeTimeout")
    if text is not None and parse_duration(text) < timedelta(minutes=5):
        raise invalid_value("resizeTimeout", text, "The resize timeout must be at least 5 minutes (PT5M).")
    return text


def _zero_counts() -> dict[str, int]:
    return {name: 0 for name in (*_COUNT_STATES.values(), "total")}
