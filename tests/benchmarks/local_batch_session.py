"""What the client-side benchmarks share: a throw-away Local Batch and a pool to wait for.

Imported as a sibling module (the benchmarks run as scripts from this folder).
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from explorer.client.connecting.client_factory import ClientFactory, Connection
from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.profiles import LocalBatchProfile
from explorer.client.local.local_batch import LocalBatchService


@contextlib.asynccontextmanager
async def local_batch_connection(**client_options: Any) -> AsyncIterator[Connection]:
    """A connection to a Local Batch of its own (temp data dir, nodes boot in 0.05 s)."""
    with tempfile.TemporaryDirectory() as tmp:
        service = LocalBatchService(Path(tmp) / "lb", extra_args=("--node-start-seconds", "0.05"))
        service.start()
        try:
            factory = ClientFactory(MemoryCredentialStore(), local_service=service, client_options=client_options)
            async with await factory.connect(LocalBatchProfile(data_dir=service.data_dir)) as connection:
                yield connection
        finally:
            service.stop()


async def wait_for_idle_nodes(client, pool_id: str, count: int) -> None:
    """Until `count` nodes of the pool are idle, showing the progress on one line."""
    started = time.monotonic()
    while True:
        idle = 0
        async for node in client.list_nodes(pool_id, max_results=1000, select=["id", "state"]):
            idle += node.state == "idle"
        print(f"\r  {idle}/{count} nodes idle ({time.monotonic() - started:.0f} s)", end="", flush=True)
        if idle == count:
            print()
            return
        await asyncio.sleep(1)
