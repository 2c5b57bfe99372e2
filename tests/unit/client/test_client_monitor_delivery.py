"""The order in which the monitor hands out updates to a callback that joins a running watch."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import pytest

from explorer.client.watching.monitor import Diff, Monitor, Update
from explorer.client.watching.queries import Fetched
from tests.support.waiting import wait_until


@dataclass(frozen=True)
class ScriptedQuery:
    """A query whose answers the test gives, one per poll (no service: what is tested is the monitor's order)."""

    answers: asyncio.Queue = field(default_factory=asyncio.Queue, compare=False, hash=False)
    asking: asyncio.Event = field(default_factory=asyncio.Event, compare=False, hash=False)
    """Set while a poll waits for its answer."""

    async def fetch(self, client, previous: Fetched | None = None) -> Fetched:
        self.asking.set()
        answer = await self.answers.get()
        self.asking.clear()
        return answer

    def is_active(self, fetched: Fetched) -> bool:
        return True


@pytest.mark.asyncio
async def test_a_callback_joining_a_watch_gets_the_latest_whole_after_any_diff_it_was_handed():
    """A poll answered just as a second view subscribes reaches it first (a diff against a snapshot it never
    saw); the whole snapshot it gets next must be that poll's, not the one before, or a view that applies
    diffs would keep showing the older state of what changed in that poll."""
    monitor = Monitor(None, fast_interval=0, slow_interval=0)  # type: ignore[arg-type]  # the query asks nothing
    query = ScriptedQuery()
    first: list[Update] = []
    joined: list[Update] = []
    monitor.subscribe(query, first.append)
    query.answers.put_nowait(Fetched({"node": "idle"}))
    await wait_until(lambda: len(first) == 1 and query.asking.is_set(), what="the first answer, and the next poll")

    query.answers.put_nowait(Fetched({"node": "running"}))  # the poll resumes before the joiner's first update
    monitor.subscribe(query, joined.append)
    await wait_until(lambda: len(joined) == 2, what="both updates to the joiner")
    await monitor.close()

    assert joined[0].diff == Diff(changed=("node",)) and joined[0].items == {"node": "running"}
    assert joined[1].diff == Diff(added=("node",)) and joined[1].items == {"node": "running"}
