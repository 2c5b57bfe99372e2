"""Environment variables set for a task on every node it runs on."""

from __future__ import annotations

from dataclasses import dataclass

# Batch sets these on every node; a task setting them would break MPI host discovery.
RESERVED_PREFIX = "AZ_BATCH_"
RESERVED_NAMES = frozenset({"CCP_NODES"})


@dataclass(frozen=True)
class EnvironmentSetting:
    """``name=value`` in the task's environment; a None value sets the variable empty."""

    name: str
    value: str | None = None


def is_reserved(name: str) -> bool:
    """True for variables Batch itself sets (AZ_BATCH_*, CCP_NODES), compared case-insensitively."""
    upper = name.upper()
    return upper.startswith(RESERVED_PREFIX) or upper in RESERVED_NAMES
