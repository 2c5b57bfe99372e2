"""Operating system families, which decide MPI flavour and shell syntax."""

from __future__ import annotations

from enum import Enum


class OsFamily(str, Enum):
    LINUX = "linux"
    WINDOWS = "windows"


def os_family_of_agent(node_agent_sku_id: str | None) -> OsFamily:
    """Windows node agents are named "batch.node.windows ..."; every other agent (or none,
    as on Local Batch pools without a virtualMachineConfiguration) is Linux."""
    is_windows = "windows" in (node_agent_sku_id or "").lower()
    return OsFamily.WINDOWS if is_windows else OsFamily.LINUX
