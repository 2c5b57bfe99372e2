"""The pool a creation wizard fills in: sized and configured for multi-instance tasks."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core.specs.environment import EnvironmentSetting
from explorer.core.specs.os_family import OsFamily, os_family_of_agent
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.user_identity import UserIdentity


@dataclass(frozen=True)
class VmImage:
    """A Marketplace image and the node agent matching it, as free text.

    Example: Canonical / ubuntu-24_04-lts / server / latest with agent
    "batch.node.ubuntu 24.04".
    """

    publisher: str
    offer: str
    sku: str
    node_agent_sku_id: str
    version: str = "latest"

    @property
    def os_family(self) -> OsFamily:
        return os_family_of_agent(self.node_agent_sku_id)


@dataclass(frozen=True)
class StartTask:
    """Runs on each node as it joins the pool, e.g. to install an MPI library."""

    command_line: str
    resource_files: tuple[ResourceFile, ...] = ()
    environment_settings: tuple[EnvironmentSetting, ...] = ()
    user_identity: UserIdentity | None = None
    wait_for_success: bool = True


@dataclass(frozen=True)
class PoolSpec:
    """A pool; the defaults are what multi-instance tasks need (inter-node
    communication on, one task slot per node)."""

    id: str
    vm_size: str
    image: VmImage
    target_dedicated_nodes: int = 0
    target_low_priority_nodes: int = 0
    enable_inter_node_communication: bool = True
    task_slots_per_node: int = 1
    start_task: StartTask | None = None

    @property
    def target_nodes(self) -> int:
        return self.target_dedicated_nodes + self.target_low_priority_nodes
