"""The store commits the writes of one event-loop iteration together, at once on flush(), and every
write at once without a loop; a second connection (another process) sees only what is committed."""

from __future__ import annotations

import asyncio
import sqlite3

from explorer.localbatch.state.store import Store


def _committed(path) -> int:
    with sqlite3.connect(path) as other:
        return other.execute("SELECT COUNT(*) FROM documents").fetchone()[0]


def test_without_a_loop_every_write_is_committed_at_once(tmp_path):
    store = Store(tmp_path / "s.db")
    store.put("task", "j/a", {"id": "a"})
    assert _committed(tmp_path / "s.db") == 1
    with store.transaction():
        store.put("task", "j/b", {"id": "b"})
        assert _committed(tmp_path / "s.db") == 1
    assert _committed(tmp_path / "s.db") == 2
    store.close()


def test_under_a_loop_one_iteration_is_one_commit_and_flush_commits_at_once(tmp_path):
    path = tmp_path / "s.db"
    store = Store(path)
    commits = []
    store._db.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)

    async def service() -> None:
        for i in range(50):
            store.put("task", f"j/t{i}", {"id": f"t{i}"})
        with store.transaction():
            store.delete("task", "j/t0")
        assert _committed(path) == 0  # not yet: the iteration goes on
        await asyncio.sleep(0)
        assert _committed(path) == 49 and len(commits) == 1
        store.put("task", "j/late", {"id": "late"})
        store.flush()  # what the service does before it answers a request
        assert _committed(path) == 50 and len(commits) == 2

    asyncio.run(service())
    store.close()
    assert _committed(path) == 50


def test_a_block_still_open_after_the_iteration_commits_when_it_ends(tmp_path):
    path = tmp_path / "s.db"
    store = Store(path)

    async def service() -> None:
        with store.transaction():
            store.put("task", "j/a", {"id": "a"})
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            assert _committed(path) == 0
        await asyncio.sleep(0)
        assert _committed(path) == 1

    asyncio.run(service())
    store.close()
