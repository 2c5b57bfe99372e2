"""Run Local Batch as a child process and learn its endpoint from its ready line.

The app uses this for the default "Local Batch" profile and the tests use it to get
a real service: `mpi-explorer localbatch serve` prints one JSON line
(`{"endpoint", "account", "key"}`) when it is ready and stops cleanly on SIGTERM.
Given `auto_storage` (e.g. the app's Azurite), the service is linked to that storage
for autoStorageContainerName resource files; its key goes through the environment.

One service per data dir: the service itself holds a lock on it and exits with
EXIT_DATA_DIR_BUSY if another one owns it. `start()` then *attaches* to that owner,
learnt from the `localbatch.endpoint.json` it wrote beside the lock and the key in
`account.key`: it never starts a second service on the same state, and `stop()`
leaves a service it did not start alone. A restart asks for the port it had before,
so clients keep their endpoint (another port only if that one is taken meanwhile).
"""

from __future__ import annotations

import json
import logging
import os
import select
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from explorer.client.local.probes import answers, port_free, process_alive
from explorer.core.texts import QT_TRANSLATE_NOOP, Text, TextError
from explorer.installation.frozen import localbatch_serve_command

if TYPE_CHECKING:
    from explorer.client.storage_account import StorageAccount

log = logging.getLogger(__name__)

# The service's side of these is explorer.localbatch.cli / data_dir_lock (the client may not import it).
EXIT_DATA_DIR_BUSY = 3
LOCK_FILE = "localbatch.lock"
ENDPOINT_FILE = "localbatch.endpoint.json"
KEY_FILE = "account.key"


class LocalBatchStartError(TextError, RuntimeError):
    """Local Batch did not start; the message carries the tail of its log (`TextError`)."""


@dataclass(frozen=True)
class LocalBatchEndpoint:
    endpoint: str
    account: str
    key: str = field(repr=False)

    @property
    def port(self) -> int:
        return urlsplit(self.endpoint).port or 0


class LocalBatchService:
    """One Local Batch server process: started here and owned, or found running and attached to."""

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
        self.auto_storage = auto_storage
        """The storage a service started here is linked to (read at each start)."""
        self._process: subprocess.Popen[bytes] | None = None
        self._attached_pid: int | None = None
        self.endpoint: LocalBatchEndpoint | None = None

    @property
    def log_path(self) -> Path:
        return self.data_dir / "localbatch.log"

    @property
    def stderr_path(self) -> Path:
        return self.data_dir / "localbatch-stderr.log"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else self._attached_pid

    @property
    def owned(self) -> bool:
        """Started here (a child process), as opposed to attached to another's service."""
        return self._process is not None

    def is_running(self) -> bool:
        if self._process is not None:
            return self._process.poll() is None
        return self._attached_pid is not None and process_alive(self._attached_pid)

    def start(self, timeout: float = 60.0) -> LocalBatchEndpoint:
        """Start the service, or attach to the one that owns the data dir already."""
        if self.is_running():
            raise LocalBatchStartError(Text.of(QT_TRANSLATE_NOOP("LocalBatchService", "Local Batch is already running")))
        self._attached_pid = None
        deadline = time.monotonic() + timeout
        while True:
            started = self._spawn(deadline)
            if started is not None:
                return started
            attached = self._attach(deadline)
            if attached is not None:
                return attached
            # The owner ended before saying where it listens: the data dir is free again.

    def _spawn(self, deadline: float) -> LocalBatchEndpoint | None:
        """A started service's endpoint, or None if another one owns the data dir."""
        # Task definitions (with SAS URLs), the key and every node's files live there: the user's only.
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        port = self._port if self._port and port_free("127.0.0.1", self._port) else 0
        command = localbatch_serve_command(
            "--port", str(port), "--data-dir", str(self.data_dir), "--log-file", str(self.log_path),
            *self._extra_args,
        )
        if self._account:
            command += ["--account", self._account]
        # Keys are passed through the environment, never argv (the service takes no key there):
        # argv is visible to every user of the machine.
        env = dict(os.environ)
        if self._key:
            env["LOCALBATCH_KEY"] = self._key
        if self.auto_storage:
            command += ["--auto-storage-url", self.auto_storage.url, "--auto-storage-account", self.auto_storage.name]
            env["LOCALBATCH_AUTO_STORAGE_KEY"] = self.auto_storage.key or ""
        # The log rotates itself; stderr keeps this start's warnings and anything a crash prints.
        with os.fdopen(os.open(self.stderr_path, os.O_WRONLY | os.O_TRUNC | os.O_CREAT, 0o600), "wb") as stderr_file:
            # Its own session: a Ctrl+C in the app's terminal is the app's to handle, and the
            # app stops the service in its own time (its tasks' processes end with it).
            self._process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=stderr_file, stdin=subprocess.DEVNULL, env=env,
                start_new_session=True,
            )
        try:
            line = self._read_ready_line(deadline)
            if line is None and self._process.wait() == EXIT_DATA_DIR_BUSY:  # it closed its stdout: ending
                self._forget_process()
                return None
        except BaseException:
            self.stop()
            raise
        if line is None:
            self.stop()
            raise LocalBatchStartError(Text.of(
                QT_TRANSLATE_NOOP("LocalBatchService", "Local Batch exited before it was ready. {log}"),
                log=self._log_tail()))
        info = json.loads(line)
        self.endpoint = LocalBatchEndpoint(info["endpoint"], info["account"], info["key"])
        self._remember(self.endpoint)
        log.info("Local Batch ready at %s (pid %s)", self.endpoint.endpoint, self._process.pid)
        return self.endpoint

    def _attach(self, deadline: float) -> LocalBatchEndpoint | None:
        """The owner's endpoint once it is listening; None if it ended meanwhile."""
        while True:
            owner_pid = _read_pid(self.data_dir / LOCK_FILE)
            if owner_pid is None or not process_alive(owner_pid):
                return None
            info = _read_json(self.data_dir / ENDPOINT_FILE)
            if info.get("pid") == owner_pid and _answers(info.get("endpoint", "")):
                break
            if time.monotonic() > deadline:
                raise LocalBatchStartError(Text.of(QT_TRANSLATE_NOOP(
                    "LocalBatchService", "Another Local Batch (pid {pid}) owns {data_dir} but does not answer. "
                    "Stop it (kill {pid}) or choose another data dir."), pid=owner_pid, data_dir=str(self.data_dir)))
            time.sleep(0.1)
        key = self._key or _read_text(self.data_dir / KEY_FILE)
        if not key:
            raise LocalBatchStartError(Text.of(QT_TRANSLATE_NOOP(
                "LocalBatchService", "Another Local Batch (pid {pid}, {endpoint}) owns {data_dir}, and its key is not "
                "in {key_file}: it was started with its own key. Stop it or choose another data dir."),
                pid=owner_pid, endpoint=str(info["endpoint"]), data_dir=str(self.data_dir),
                key_file=str(self.data_dir / KEY_FILE)))
        self._attached_pid = owner_pid
        self.endpoint = LocalBatchEndpoint(info["endpoint"], info.get("account") or "localbatch", key)
        self._remember(self.endpoint)
        log.info("Local Batch at %s (pid %s) owns %s already: using it", self.endpoint.endpoint, owner_pid, self.data_dir)
        return self.endpoint

    def _remember(self, endpoint: LocalBatchEndpoint) -> None:
        # A restart asks for the same port and account, so clients keep their endpoint.
        self._port, self._account, self._key = endpoint.port, endpoint.account, endpoint.key

    def _read_ready_line(self, deadline: float) -> str | None:
        """The ready line, or None if the service closed its stdout (exited) before printing it."""
        assert self._process is not None and self._process.stdout is not None
        buffer = b""
        fd = self._process.stdout.fileno()
        while b"\n" not in buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise LocalBatchStartError(Text.of(
                    QT_TRANSLATE_NOOP("LocalBatchService", "Local Batch gave no ready line in time. {log}"),
                    log=self._log_tail()))
            readable, _, _ = select.select([fd], [], [], min(remaining, 0.5))
            if readable:
                chunk = os.read(fd, 4096)
                if not chunk:
                    return None
                buffer += chunk
        return buffer.split(b"\n", 1)[0].decode()

    def _log_tail(self) -> Text | str:
        """The end of this start's stderr (as the service wrote it), introduced; "" if there is none."""
        try:
            lines = self.stderr_path.read_text(errors="replace").splitlines()[-15:]
        except OSError:
            return ""
        return Text.of(QT_TRANSLATE_NOOP("LocalBatchService", "Its log ends with:\n{lines}"), lines="\n".join(lines))

    def exit_status(self) -> Text:
        """How the service process ended, in words (after it ended)."""
        if self._process is None:
            if self._attached_pid is not None:
                return Text.of(QT_TRANSLATE_NOOP("LocalBatchService", "the process that ran it, pid {pid}, ended"),
                               pid=self._attached_pid)
            return Text.of(QT_TRANSLATE_NOOP("LocalBatchService", "it was not running"))
        code = self._process.poll()
        if code is None:
            return Text.of(QT_TRANSLATE_NOOP("LocalBatchService", "it is still running"))
        if code < 0:
            try:
                return Text.of(QT_TRANSLATE_NOOP("LocalBatchService", "killed by {signal}"),
                               signal=signal.Signals(-code).name)
            except ValueError:
                return Text.of(QT_TRANSLATE_NOOP("LocalBatchService", "killed by signal {number}"), number=-code)
        return Text.of(QT_TRANSLATE_NOOP("LocalBatchService", "exit code {code}"), code=code)

    def reap(self) -> None:
        """Collect an ended child (no zombie) and forget an ended service; keeps the endpoint to restart on."""
        if self._process is not None and self._process.poll() is not None:
            self._forget_process()
        if self._attached_pid is not None and not process_alive(self._attached_pid):
            self._attached_pid = None

    def _forget_process(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.stdout:
            process.stdout.close()

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM, wait, then SIGKILL if it did not stop in time. A service attached to is left running."""
        self._attached_pid = None
        process = self._process
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
        self._forget_process()

    def restart(self, timeout: float = 60.0) -> LocalBatchEndpoint:
        self.stop()
        return self.start(timeout)

    def __enter__(self) -> LocalBatchService:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _answers(endpoint: str) -> bool:
    parts = urlsplit(endpoint)
    if parts.hostname is None or parts.port is None:
        return False
    return answers(parts.hostname, parts.port)


def _read_text(path: Path) -> str:
    try:
        return path.read_text().strip()
    except OSError:
        return ""


def _read_pid(path: Path) -> int | None:
    text = _read_text(path)
    return int(text) if text.isdigit() else None


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
