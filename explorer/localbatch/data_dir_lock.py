"""One Local Batch per data dir: an `flock` held by the serving process, and where it listens.

Two services on one state would each recover it: the second requeues, and so runs
again, every task the first is still running. So `serve` takes an exclusive,
non-blocking `flock` on `DATA_DIR/localbatch.lock` before it reads any state, and
holds it for as long as the process lives; the kernel releases it however the
process ends (SIGKILL included), so a dead owner never blocks the next start. The
descriptor is not inherited by task processes (Python opens files close-on-exec).

Once listening, the owner writes `DATA_DIR/localbatch.endpoint.json`:
`{"endpoint": "http://127.0.0.1:PORT", "account": "...", "pid": N}` (never the key,
which stays in `DATA_DIR/account.key`). Whoever finds the lock taken can read it to
use that service instead of starting another one. The file is removed on a clean
stop; after a crash it stays, stale, until the next owner rewrites it, so readers
trust it only while the lock is held.
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

LOCK_FILE = "localbatch.lock"
ENDPOINT_FILE = "localbatch.endpoint.json"


class DataDirBusy(RuntimeError):
    """Another process holds the data dir's lock; the message says which, and what to do."""


class DataDirLock:
    """The exclusive lock on one data dir, taken by `acquire` and kept until `release`."""

    def __init__(self, data_dir: Path, descriptor: int) -> None:
        self.data_dir = data_dir
        self._descriptor: int | None = descriptor

    @classmethod
    def acquire(cls, data_dir: Path) -> DataDirLock:
        data_dir.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(data_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            raise DataDirBusy(_busy_message(data_dir)) from None
        # The holder's pid, for the message a second start prints (the lock is what counts).
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        return cls(data_dir, descriptor)

    def publish(self, endpoint: str, account: str) -> None:
        """Say where this service listens (atomically: readers never see half a file)."""
        path = self.data_dir / ENDPOINT_FILE
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_text(json.dumps({"endpoint": endpoint, "account": account, "pid": os.getpid()}) + "\n")
        os.replace(partial, path)

    def release(self) -> None:
        if self._descriptor is None:
            return
        (self.data_dir / ENDPOINT_FILE).unlink(missing_ok=True)
        os.close(self._descriptor)  # closing the only descriptor releases the flock
        self._descriptor = None


def _busy_message(data_dir: Path) -> str:
    pid = (data_dir / LOCK_FILE).read_text(errors="replace").strip() or "unknown"
    owner = read_endpoint(data_dir)
    if owner and str(owner.get("pid")) == pid:
        who = f"another Local Batch (pid {pid}, listening on {owner.get('endpoint')})"
    else:  # no endpoint yet, or a stale one left by an owner that crashed
        who = f"another Local Batch (pid {pid}, still starting)"
    return f"{who} owns the data dir {data_dir}: use that one, stop it first, or choose another --data-dir"


def read_endpoint(data_dir: Path) -> dict | None:
    try:
        data = json.loads((data_dir / ENDPOINT_FILE).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
