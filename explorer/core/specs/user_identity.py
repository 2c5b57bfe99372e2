"""The account a task runs as on the node."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class AutoUserScope(str, Enum):
    """``pool`` shares one account (and, on Linux, its SSH keys) across the pool's nodes,
    which is what MPI launchers that start ranks over SSH need; ``task`` gets a fresh one."""

    TASK = "task"
    POOL = "pool"


class ElevationLevel(str, Enum):
    # REST api-version 2025-06-01 spells it "nonadmin" (older samples: "nonAdmin");
    # Batch and the JSON reader match case-insensitively.
    NON_ADMIN = "nonadmin"
    ADMIN = "admin"


@dataclass(frozen=True)
class AutoUser:
    """A Batch-managed account; None fields take Batch's defaults (pool scope, non-admin)."""

    scope: AutoUserScope | None = None
    elevation_level: ElevationLevel | None = None


@dataclass(frozen=True)
class UserIdentity:
    """Either a named user account of the pool or an auto-user; Batch needs exactly one."""

    user_name: str | None = None
    auto_user: AutoUser | None = None
