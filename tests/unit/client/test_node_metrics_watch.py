"""The node metrics watch paces its reads: a big pool coloured by CPU costs no more requests a second
than a small one, whatever the poll interval."""

from __future__ import annotations

import asyncio

from explorer.client.watching import node_metrics
from explorer.client.watching.node_metrics import MAX_NODE_POLLS_PER_SECOND, NodeMetricsWatch


class InstantReader:
    """A node whose figures come back at once (what a fast service does), counting its reads."""

    missing = False
    error: str | None = None

    def __init__(self) -> None:
        self.polls = 0

    async def poll(self) -> None:
        self.polls += 1


def test_reads_are_paced_to_the_cap_and_every_node_is_still_read(monkeypatch):
    asked: list[float] = []
    real_sleep = asyncio.sleep

    async def recorded_sleep(delay: float) -> None:
        asked.append(delay)
        await real_sleep(0)

    monkeypatch.setattr(node_metrics.asyncio, "sleep", recorded_sleep)
    readers = {("pool", f"node-{i}"): InstantReader() for i in range(50)}
    updates: list[tuple[str, str]] = []

    async def scenario() -> None:
        watch = NodeMetricsWatch(readers.__getitem__, lambda key, _reader: updates.append(key), interval=0.01)
        watch.set_nodes(readers)
        watch.start()
        while len(updates) < len(readers):
            await real_sleep(0)
        watch.stop()

    asyncio.run(scenario())
    assert all(reader.polls >= 1 for reader in readers.values())
    gap = 1 / MAX_NODE_POLLS_PER_SECOND
    # One pause after every read, each the rest of the read's share of a second (an instant read
    # leaves almost all of it; how much exactly depends on the machine's load, so only the bounds).
    assert len(asked) >= len(readers) - 1
    assert all(0 <= delay <= gap for delay in asked) and max(asked) > gap / 2
