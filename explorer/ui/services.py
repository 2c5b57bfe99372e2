"""What the composition root hands every view (design.md: no globals, no signal bus).

Views get a `ViewServices` in their constructor: the monitor to watch with, the
operations facade to act with (never the SDK itself), the settings, and where the
user downloads to. A view that opens another view asks its `Navigator` (main window).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from explorer.client.acting.operations import BatchOperations
from explorer.client.watching.monitor import Monitor
from explorer.ui.settings import Settings


class Navigator(Protocol):
    """Opening views by what they show; the main window implements it."""

    def open_pool(self, pool_id: str) -> None: ...

    def open_node(self, pool_id: str, node_id: str) -> None: ...

    def open_job(self, job_id: str) -> None: ...

    def open_task(self, job_id: str, task_id: str) -> None: ...


@dataclass(frozen=True)
class ViewServices:
    monitor: Monitor
    operations: BatchOperations
    settings: Settings
