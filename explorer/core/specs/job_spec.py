"""The job a task wizard creates when the user asks for a new one: an id on a pool."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JobSpec:
    id: str
    pool_id: str
