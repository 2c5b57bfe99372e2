"""Run Local Batch as a child process and learn its endpoint from its ready line.

The app uses this for the default "Local Batch" profile and the tests use it to get
a real service: `mpi-explorer localbatch serve` prints one JSON line
(`{"endpoint", "account", "key"}`) when it is ready and stops cleanly on SIGTERM.
Given `auto_storage` (e.g. the app's Azurite), the service is linked to that storage
for autoStorageContainerName resource files; its key goes through the environment.
"""

from __future__ import annotations

import json
import logging
import os
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from explorer.client.storage_account import StorageAccount

log = logging.getLogger(__name__)


class LocalBatchStartError(RuntimeError):
    """Local Batch did not start; the message carries the tail of its log."""


@dataclass(frozen=True)
class LocalBatchEndpoint:
    endpoint: str
    account: str
    key: str = field(repr=False)


class LocalBatchService:
    """One Local Batch server process, owned by whoever started it."""

    def __init__(
        self,
        data_dir: Path,
        *,
        port: int = 0,
        account: str | None = None,
        key: str | None = None,
        extra_args: tuple[str, ...] = (),
        auto_storage: StorageAccount | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self._port = port
        self._account = account
        self._key = key
        self._extra_args = extra_args
        self._auto_storage = auto_storage
        self._process: subprocess.Popen[bytes] | None = None
        self.endpoint: LocalBatchEndpoint | None = None

    @property
    def log_path(self) -> Path:
        return self.data_dir / "localbatch.log"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def is_running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout: float = 60.0) -> LocalBatchEndpoint:
        if self.is_running():
            raise LocalBatchStartError("Local Batch is already running")
        # Task definitions (with SAS URLs), the key and every node's files live there: the user's only.
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        command = [
            sys.executable, "-m", "explorer", "localbatch", "serve",
            "--port", str(self._port), "--data-dir", str(self.data_dir),
            *self._extra_args,
        ]
        if self._account:
            command += ["--account", self._account]
        # Keys are passed through the environment, never argv (the service takes no key there):
        # argv is visible to every user of the machine.
        env = dict(os.environ)
        if self._key:
            env["LOCALBATCH_KEY"] = self._key
        if self._auto_storage:
            command += ["--auto-storage-url", self._auto_storage.url, "--auto-storage-account", self._auto_storage.name]
            env["LOCALBATCH_AUTO_STORAGE_KEY"] = self._auto_storage.key
        with os.fdopen(os.open(self.log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600), "ab") as log_file:
            self._process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=log_file, stdin=subprocess.DEVNULL, env=env
            )
        try:
            line = self._read_ready_line(timeout)
        except BaseException:
            self.stop()
            raise
        info = json.loads(line)
        self.endpoint = LocalBatchEndpoint(info["endpoint"], info["account"], info["key"])
        # A later restart on port 0 would pick a new port; keep this one so clients reconnect.
        self._port = int(info["endpoint"].rsplit(":", 1)[1])
        self._account, self._key = info["account"], info["key"]
        log.info("Local Batch ready at %s (pid %s)", self.endpoint.endpoint, self._process.pid)
        return self.endpoint

    def _read_ready_line(self, timeout: float) -> str:
        assert self._process is not None and self._process.stdout is not None
        deadline = time.monotonic() + timeout
        buffer = b""
        fd = self._process.stdout.fileno()
        while b"\n" not in buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise LocalBatchStartError(f"Local Batch gave no ready line in {timeout:.0f} s. {self._log_tail()}")
            readable, _, _ = select.select([fd], [], [], min(remaining, 0.5))
            if readable:
                chunk = os.read(fd, 4096)
                if not chunk:
                    raise LocalBatchStartError(f"Local Batch exited before it was ready. {self._log_tail()}")
                buffer += chunk
        return buffer.split(b"\n", 1)[0].decode()

    def _log_tail(self) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()[-15:]
        except OSError:
            return ""
        return "Its log ends with:\n" + "\n".join(lines)

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM, wait, then SIGKILL if it did not stop in time."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                log.warning("Local Batch did not stop within %.0f s; killing it", timeout)
                process.kill()
                process.wait()
        if process.stdout:
            process.stdout.close()

    def restart(self, timeout: float = 60.0) -> LocalBatchEndpoint:
        self.stop()
        return self.start(timeout)

    def __enter__(self) -> LocalBatchService:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
