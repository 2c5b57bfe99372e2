"""What every part of the service shares: state, node directories, settings, background work."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.localbatch.files.blob_containers import AutoStorage
from explorer.localbatch.files.node_tree import NodeDirectories
from explorer.localbatch.state.documents import State

log = logging.getLogger(__name__)


@dataclass
class Settings:
    data_dir: Path
    account: str
    endpoint: str = ""
    # Time a new or rebooted node spends creating + starting before it is idle.
    node_start_seconds: float = 1.0
    # How many start tasks run at once (a 5,000-node pool must not fork 5,000 processes).
    start_task_concurrency: int = 8
    # The linked storage autoStorageContainerName resource files come from (none: they fail).
    auto_storage: AutoStorage | None = None
    # Track task processes in cgroups where the service may create them (else by session).
    use_cgroups: bool = True


@dataclass
class Context:
    settings: Settings
    state: State
    dirs: NodeDirectories
    _background: set[asyncio.Task] = field(default_factory=set)
    _wake_scheduler: Callable[[], None] = lambda: None
    # Set by the job logic: called after a task completes (onAllTasksComplete).
    on_task_completed: Callable[[dict], None] = lambda job: None

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task:
        """Run background work owned by the service; errors are logged, never lost."""
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._background.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task) -> None:
        self._background.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background work %s failed", task.get_name(), exc_info=task.exception())

    def wake_scheduler(self) -> None:
        self._wake_scheduler()

    def set_scheduler_wake(self, wake: Callable[[], None]) -> None:
        self._wake_scheduler = wake

    async def cancel_background(self) -> None:
        tasks = list(self._background)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def url(self, path: str) -> str:
        return f"{self.settings.endpoint}{path}"
