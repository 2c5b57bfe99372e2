"""What the task wizard knows about an existing pool, for pool-aware validation."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from explorer.core.specs.os_family import OsFamily


class AllocationState(str, Enum):
    STEADY = "steady"
    RESIZING = "resizing"
    STOPPING = "stopping"


@dataclass(frozen=True)
class PoolInfo:
    """A snapshot of the pool fields that decide whether a multi-instance task can run."""

    id: str
    enable_inter_node_communication: bool
    task_slots_per_node: int
    current_dedicated_nodes: int
    current_low_priority_nodes: int
    target_dedicated_nodes: int
    target_low_priority_nodes: int
    allocation_state: AllocationState
    os_family: OsFamily

    @property
    def current_nodes(self) -> int:
        return self.current_dedicated_nodes + self.current_low_priority_nodes

    @property
    def target_nodes(self) -> int:
        return self.target_dedicated_nodes + self.target_low_priority_nodes

    @property
    def nodes_to_expect(self) -> int:
        """The nodes the pool will have: its target while resizing, else what it has now
        (a steady pool can fall short of its target after an allocation error)."""
        if self.allocation_state is AllocationState.RESIZING:
            return self.target_nodes
        return self.current_nodes
