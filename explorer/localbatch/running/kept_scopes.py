"""Process scopes held open after their command ended: what it left running keeps running.

On Azure a start task or a job preparation task may start a service and end (an MPI process
manager, a license server, a metrics agent started with `setsid nohup ... &`): the service
keeps running on the node. Local Batch ends every other task's scope with the task, but these
are held here, by a key of the holder's choosing, until `end` is asked for (the node reboots,
is reimaged or leaves; the job ends) or the service stops (the holder is the service's
background work, cancelled with it, and the scope ends then too).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from explorer.localbatch.context import Context
from explorer.localbatch.running.process_scopes import ProcessScope

K = TypeVar("K", bound=Hashable)


def node_key(pool_id: str, node_id: str) -> str:
    """A node's key among what is held for nodes: ids are case-insensitive on Batch."""
    return f"{pool_id.lower()}/{node_id.lower()}"


class KeptScopes(Generic[K]):
    """Scopes held open by key; several per key (each try of a task keeps its own)."""

    def __init__(self, ctx: Context, what: str) -> None:
        self.ctx = ctx
        self.what = what  # names the holders in the service's background work: "what the start task left"
        self._held: dict[K, list[tuple[asyncio.Event, asyncio.Task]]] = {}

    def keep(self, key: K, owner: str, scope: ProcessScope) -> None:
        """Hold `scope` (recorded in the state as `owner`) open until `end` accepts `key`."""
        ended = asyncio.Event()

        async def hold() -> None:
            try:
                await ended.wait()
            finally:
                await scope.end()
                self.ctx.state.remove_scope(owner)

        holder = self.ctx.spawn(hold(), f"{self.what} ({owner})")
        self._held.setdefault(key, []).append((ended, holder))

    async def end(self, which: Callable[[K], bool]) -> None:
        """End the scopes held under every key `which` accepts, and wait until they have ended."""
        holders = [holder for key in list(self._held) if which(key) for holder in self._held.pop(key)]
        for ended, _ in holders:
            ended.set()
        await asyncio.gather(*(held for _, held in holders), return_exceptions=True)
