"""SQLite persistence for Local Batch state (WAL mode).

The service keeps its resources in memory as Batch JSON documents and writes every
change through to this store, so the state survives a restart. One table holds
every kind of document; documents are small and always read or written whole.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sqlite3
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE TABLE IF NOT EXISTS meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

def _private(path: Path) -> None:
    """The database and its -wal/-shm files readable by the user only: they hold task definitions
    with SAS URLs. SQLite creates -wal and -shm with the database file's permissions."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    except OSError:
        return  # sqlite3.connect reports the problem
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if stat.S_IMODE(candidate.stat().st_mode) & 0o077:
                candidate.chmod(0o600)
        except FileNotFoundError:
            continue


# An upsert that keeps the row (and so its rowid, which orders listings by creation).
_UPSERT = (
    "INSERT INTO documents (kind, key, doc) VALUES (?, ?, ?) "
    "ON CONFLICT (kind, key) DO UPDATE SET doc = excluded.doc"
)


class Store:
    """Documents in one SQLite file, written from one thread.

    Under a running event loop (the service) the writes of one loop iteration are committed
    together, right after it (group commit: a task's state changes used to cost a commit each,
    a fifth of the service's time at a few hundred tasks a second); `flush()` commits at once,
    and the service calls it before it answers a request, so what a client was told is stored.
    Without a loop every write outside a `transaction()` block is committed at once.
    """

    def __init__(self, path: Path) -> None:
        _private(path)
        self._depth = 0  # of transaction() blocks
        self._open = False  # a transaction is open
        self._deferred = False  # ... and it is committed after this loop iteration
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # Durable enough for a local service: WAL + NORMAL survives a process crash.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._depth = 0
        self.flush()
        self._db.close()

    def integrity_problems(self) -> list[str]:
        """What SQLite's integrity check reports; empty when the file is sound."""
        rows = [row[0] for row in self._db.execute("PRAGMA integrity_check")]
        return [] if rows == ["ok"] else rows

    def flush(self) -> None:
        """Commit what is written (outside a transaction block: inside one, its end commits)."""
        if self._open and self._depth == 0:
            self._open = False
            self._db.execute("COMMIT")

    def _begin(self) -> None:
        if self._open:
            return
        self._db.execute("BEGIN")
        self._open = True
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._deferred = False
        else:
            self._deferred = True
            loop.call_soon(self._flush_after_iteration)

    def _flush_after_iteration(self) -> None:
        if self._depth:  # a block still open (it awaits inside): commit after it
            asyncio.get_running_loop().call_soon(self._flush_after_iteration)
        else:
            self.flush()

    def _written(self) -> None:
        if not self._deferred:
            self.flush()

    def put(self, kind: str, key: str, doc: dict) -> None:
        self._begin()
        self._db.execute(_UPSERT, (kind, key, json.dumps(doc, separators=(",", ":"))))
        self._written()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Every write inside is committed together, in one transaction (nested ones join it).

        What is written is committed even when the block raises: the documents in memory
        already hold those changes, and the store must not fall behind them.
        """
        self._begin()
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            self._written()

    def put_many(self, kind: str, items: Iterable[tuple[str, dict]]) -> None:
        rows = [(kind, key, json.dumps(doc, separators=(",", ":"))) for key, doc in items]
        with self.transaction():
            self._db.executemany(_UPSERT, rows)

    def delete(self, kind: str, key: str) -> None:
        self._begin()
        self._db.execute("DELETE FROM documents WHERE kind = ? AND key = ?", (kind, key))
        self._written()

    def delete_prefix(self, kind: str, prefix: str) -> None:
        """Delete every document of a kind whose key starts with prefix (e.g. a pool's nodes)."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        self._begin()
        self._db.execute(
            "DELETE FROM documents WHERE kind = ? AND key LIKE ? ESCAPE '\\'", (kind, escaped + "%")
        )
        self._written()

    def load(self, kind: str) -> Iterator[tuple[str, dict]]:
        for key, doc in self._db.execute(
            "SELECT key, doc FROM documents WHERE kind = ? ORDER BY rowid", (kind,)
        ):
            yield key, json.loads(doc)

    def get_meta(self, name: str, default: str | None = None) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else default

    def set_meta(self, name: str, value: str) -> None:
        self._begin()
        self._db.execute("INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)", (name, value))
        self._written()
