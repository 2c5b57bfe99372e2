"""Reaching and steering one node: remote login, users, scheduling, reimage, deallocate/start, logs.

A local node has no SSH server: its remote login settings are its loopback address and
the port Azure's NAT rule would give it (50000 + the node's index in the pool), and the
way in is `mpi-explorer localbatch shell POOL NODE`. Node users are kept (in the store,
without their passwords) so that adding one twice, or deleting one never added, is
answered as Azure answers it.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from explorer.localbatch.context import Context
from explorer.localbatch.files.log_uploads import upload_node_logs
from explorer.localbatch.operations.nodes import frontend_port
from explorer.localbatch.operations.pools import Pools
from explorer.localbatch.state.documents import set_state
from explorer.localbatch.wire.bodies import Body
from explorer.localbatch.wire.clock import now_iso
from explorer.localbatch.wire.errors import BatchError, conflict, invalid_value

log = logging.getLogger(__name__)

_USER_KIND = "nodeuser"
# What each option of Batch's node operations does to the tasks on the node, as `_evict` names it.
_SCHEDULING_OPTIONS = ("requeue", "terminate", "taskcompletion")
_REIMAGE_OPTIONS = ("requeue", "terminate", "taskcompletion", "retaineddata")
_DEALLOCATE_OPTIONS = ("requeue", "terminate", "taskcompletion", "retaineddata")
# States from which a node can be told to reboot, reimage or deallocate.
_STEERABLE = ("idle", "running", "offline", "starttaskfailed", "unusable", "waitingforstarttask")


class NodeAccess:
    def __init__(self, ctx: Context, pools: Pools) -> None:
        self.ctx = ctx
        self.pools = pools

    def _node(self, pool_id: str, node_id: str) -> dict:
        self.pools.active_pool(pool_id)
        return self.ctx.state.node(pool_id, node_id)

    # --- remote login ----------------------------------------------------------------------
    def remote_login_settings(self, pool_id: str, node_id: str) -> dict:
        node = self.ctx.state.node(pool_id, node_id)
        return {"remoteLoginIPAddress": node["ipAddress"], "remoteLoginPort": frontend_port(node["id"])}

    # --- users --------------------------------------------------------------------------------
    def users(self, pool_id: str, node_id: str) -> list[dict]:
        """The users added to a node, by name (no passwords: they are never kept)."""
        self.ctx.state.node(pool_id, node_id)
        prefix = _user_prefix(pool_id, node_id)
        return sorted((doc for key, doc in self.ctx.state.store.load(_USER_KIND) if key.startswith(prefix)), key=lambda u: u["name"])

    def add_user(self, pool_id: str, node_id: str, body: Body) -> dict:
        node = self._node(pool_id, node_id)
        name = body.str("name", required=True, max_length=256)
        assert name is not None
        user = {"name": name, **_user_settings(body)}
        if any(existing["name"].lower() == name.lower() for existing in self.users(pool_id, node["id"])):
            raise conflict("NodeUserExists", "The specified node user already exists.", NodeUserName=name)
        self.ctx.state.store.put(_USER_KIND, _user_prefix(pool_id, node["id"]) + name.lower(), user)
        return user

    def replace_user(self, pool_id: str, node_id: str, name: str, body: Body) -> dict:
        node = self._node(pool_id, node_id)
        self._user(pool_id, node["id"], name)
        user = {"name": name, **_user_settings(body, replacing=True)}
        self.ctx.state.store.put(_USER_KIND, _user_prefix(pool_id, node["id"]) + name.lower(), user)
        return user

    def delete_user(self, pool_id: str, node_id: str, name: str) -> None:
        node = self._node(pool_id, node_id)
        self._user(pool_id, node["id"], name)
        self.ctx.state.store.delete(_USER_KIND, _user_prefix(pool_id, node["id"]) + name.lower())

    def _user(self, pool_id: str, node_id: str, name: str) -> dict:
        for user in self.users(pool_id, node_id):
            if user["name"].lower() == name.lower():
                return user
        raise BatchError(404, "NodeUserNotFound", "The specified node user does not exist.", {"NodeUserName": name[:64]})

    # --- scheduling ---------------------------------------------------------------------------
    def disable_scheduling(self, pool_id: str, node_id: str, body: Body) -> dict:
        node = self._node(pool_id, node_id)
        option = body.choice("nodeDisableSchedulingOption", _SCHEDULING_OPTIONS) or "requeue"
        if node["state"] not in ("idle", "running", "offline"):
            raise conflict("NodeNotReady", f"The node is {node['state']}: scheduling can be disabled on an idle or running node.")
        node["schedulingState"] = "disabled"
        if node["state"] == "idle":
            set_state(node, "offline", previous=False)  # Batch shows a node that takes no tasks and runs none as offline
        self.ctx.state.save_node(pool_id, node)
        if option != "taskcompletion":
            stopping = self.pools.evict(pool_id, node["id"], option, going_down=False)  # its services keep running
            self.ctx.spawn(stopping, f"disable scheduling on {pool_id}/{node_id}")
        return node

    def enable_scheduling(self, pool_id: str, node_id: str) -> dict:
        node = self._node(pool_id, node_id)
        node["schedulingState"] = "enabled"
        if node["state"] == "offline":
            set_state(node, "running" if node.get("runningTasksCount") else "idle", previous=False)
        self.ctx.state.save_node(pool_id, node)
        self.ctx.wake_scheduler()
        return node

    # --- reimage / deallocate / start -------------------------------------------------------
    def reimage(self, pool_id: str, node_id: str, body: Body) -> dict:
        """The node's tasks ended as the option says, its directory tree and users removed, then it boots."""
        node, option = self._steer(pool_id, node_id, body.choice("nodeReimageOption", _REIMAGE_OPTIONS), "reimaging")

        async def reimage() -> None:
            await self.pools.evict(pool_id, node["id"], option)
            await asyncio.to_thread(self.ctx.dirs.remove_nodes, pool_id, [node["id"]])
            self.ctx.state.store.delete_prefix(_USER_KIND, _user_prefix(pool_id, node["id"]))
            self.pools.scheduler.job_tasks.forget_node(pool_id, node["id"])
            await self.pools.boot_nodes(pool_id, [node["id"]], from_states=("reimaging",))

        self.ctx.spawn(reimage(), f"reimage {pool_id}/{node_id}")
        return node

    def deallocate(self, pool_id: str, node_id: str, body: Body) -> dict:
        node, option = self._steer(pool_id, node_id, body.choice("nodeDeallocateOption", _DEALLOCATE_OPTIONS), "deallocating")

        async def deallocate() -> None:
            await self.pools.evict(pool_id, node["id"], option)
            current = self.ctx.state.pool_nodes(pool_id).get(node["id"].lower())
            if current is not None and current["state"] == "deallocating":
                set_state(current, "deallocated", previous=False)
                self.ctx.state.save_node(pool_id, current)

        self.ctx.spawn(deallocate(), f"deallocate {pool_id}/{node_id}")
        return node

    def start(self, pool_id: str, node_id: str) -> dict:
        node = self._node(pool_id, node_id)
        if node["state"] != "deallocated":
            raise conflict("NodeNotDeallocated", f"The node is {node['state']}: only a deallocated node can be started.")
        set_state(node, "starting", previous=False)
        self.ctx.state.save_node(pool_id, node)
        self.ctx.spawn(self.pools.boot_nodes(pool_id, [node["id"]], from_states=("starting",)), f"start {pool_id}/{node_id}")
        return node

    def _steer(self, pool_id: str, node_id: str, option: str | None, state: str) -> tuple[dict, str]:
        """The node moved to `state` (reimaging, deallocating) if it may be now, and the option for its tasks."""
        node = self._node(pool_id, node_id)
        if node["state"] not in _STEERABLE:
            raise conflict("NodeNotReady", f"The node is {node['state']}: it cannot go {state} now.")
        set_state(node, state, previous=False)
        self.ctx.state.save_node(pool_id, node)
        return node, option or "requeue"

    # --- logs ----------------------------------------------------------------------------------
    async def upload_logs(self, pool_id: str, node_id: str, body: Body) -> dict:
        node = self.ctx.state.node(pool_id, node_id)
        container_url = body.str("containerUrl", required=True)
        assert container_url is not None
        start = _time(body, "startTime", required=True)
        end = _time(body, "endTime")
        if body.has("identityReference"):
            raise BatchError(
                400, "PropertyNotSupportedByLocalBatch",
                "Local Batch has no managed identities: give containerUrl with a SAS that allows writing, without identityReference.",
                {"PropertyName": "identityReference"},
            )
        directory = f"{pool_id}/{node['id']}/{now_iso().replace(':', '')}"
        node_root = self.ctx.dirs.node_root(pool_id, node["id"])
        count = await upload_node_logs(node_root, container_url, directory, start, end)
        return {"virtualDirectoryName": directory, "numberOfFilesUploaded": count}


def _user_prefix(pool_id: str, node_id: str) -> str:
    return f"{pool_id.lower()}/{node_id.lower()}/"


def _user_settings(body: Body, *, replacing: bool = False) -> dict:
    """What is kept of a node user: admin, expiry and SSH key (never the password)."""
    settings: dict = {"isAdmin": bool(body.bool("isAdmin"))}
    expiry = body.str("expiryTime")
    if expiry is not None:
        _parse_time(expiry, "expiryTime")
        settings["expiryTime"] = expiry
    key = body.str("sshPublicKey", max_length=8192)
    password = body.str("password", max_length=256)
    if key:
        settings["sshPublicKey"] = key
    if not replacing and not key and not password:
        raise invalid_value("password", "", "Give a password or an sshPublicKey for the user.")
    settings["hasPassword"] = bool(password)
    return settings


def _time(body: Body, name: str, *, required: bool = False) -> datetime | None:
    text = body.str(name, required=required)
    return None if text is None else _parse_time(text, name)


def _parse_time(text: str, name: str) -> datetime:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise invalid_value(name, text, "Give an ISO 8601 time such as 2025-06-01T12:00:00Z.") from None

