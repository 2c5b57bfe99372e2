"""Run Azurite, the Azure Storage emulator, as a child process (blob service only).

Local Batch has no Azure Storage account behind it, so the app starts Azurite beside
it when `azurite-blob` is installed: uploads and storage-container resource files then
work as on Azure. The tests start one per session.

Azurite is a Node.js program from npm. It is looked for in the AZURITE_BLOB
environment variable, then in this repository's `node_modules/.bin` (where
`scripts/test.sh` installs it), then on PATH; `azurite_executable()` answers None when
it is nowhere, so the app can simply go without storage.

Azurite accepts the well-known development account `devstoreaccount1`, whose key
Microsoft publishes in the Azurite documentation: it is not a secret and opens only
local emulators. It is started with `--skipApiVersionCheck` because azure-storage-blob
releases speak newer REST versions than the latest Azurite knows, and with
`--disableTelemetry` because an emulator on loopback has nothing to report.

One Azurite per location: two would overwrite each other's metadata. The starter
takes an `flock` on `LOCATION/azurite.lock` and hands the locked descriptor to
Azurite, so the lock lives exactly as long as that Azurite does (whoever started
it), and writes `LOCATION/azurite.endpoint.json` (`{"port", "pid"}`). A second
`start()` on the location attaches to the running one instead; `stop()` leaves an
Azurite it did not start alone.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from explorer.client.errors import StorageError
from explorer.client.local.probes import answers, port_free, process_alive
from explorer.client.storage_account import StorageAccount
from explorer.core.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[3]
DEV_ACCOUNT = "devstoreaccount1"
DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
HOST = "127.0.0.1"
LOCK_FILE = "azurite.lock"
ENDPOINT_FILE = "azurite.endpoint.json"


def azurite_executable() -> Path | None:
    """Where `azurite-blob` is: AZURITE_BLOB, else the repo's node_modules, else PATH."""
    given = os.environ.get("AZURITE_BLOB")
    if given:
        return Path(given) if Path(given).is_file() else None
    local = REPO / "node_modules" / ".bin" / "azurite-blob"
    if local.is_file():
        return local
    found = shutil.which("azurite-blob")
    return Path(found) if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _try_lock(path: Path) -> int | None:
    """An inheritable descriptor holding an exclusive flock on `path`, or None if another holds it."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        return None
    return descriptor


def _write_json(path: Path, data: dict) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(json.dumps(data) + "\n")
    os.replace(partial, path)


def _signal_group(pid: int, signum: int) -> None:
    try:
        os.killpg(pid, signum)
    except ProcessLookupError:
        pass  # it exited on its own meanwhile


class AzuriteService:
    """One Azurite blob service on loopback, storing its data under `location`."""

    def __init__(self, location: Path, port: int = 0) -> None:
        self.location = Path(location)
        self.port = port
        self._process: subprocess.Popen[bytes] | None = None
        self._ready = False
        self._attached_pid: int | None = None
        self._lock: int | None = None
        """The location's flock between `reserve` and `launch`."""
        self._executable: Path | None = None

    @property
    def log_path(self) -> Path:
        return self.location / "azurite.log"

    @property
    def account_name(self) -> str:
        return DEV_ACCOUNT

    @property
    def account_key(self) -> str:
        return DEV_KEY

    @property
    def blob_endpoint(self) -> str:
        return f"http://{HOST}:{self.port}/{DEV_ACCOUNT}"

    @property
    def account(self) -> StorageAccount:
        return StorageAccount(self.blob_endpoint, DEV_ACCOUNT, DEV_KEY)

    @property
    def connection_string(self) -> str:
        return f"DefaultEndpointsProtocol=http;AccountName={DEV_ACCOUNT};AccountKey={DEV_KEY};BlobEndpoint={self.blob_endpoint};"

    @property
    def owned(self) -> bool:
        """Started here, as opposed to attached to the Azurite another process started."""
        return self._process is not None

    def is_running(self) -> bool:
        if self._process is not None:
            return self._process.poll() is None
        return self._attached_pid is not None and answers(HOST, self.port)

    def is_expected(self) -> bool:
        """Running, or reserved (`reserve`) to run on a known port."""
        return self._lock is not None or self.is_running()

    def start(self, timeout: float = 30.0) -> AzuriteService:
        """Start Azurite (or attach to the one on this location) and wait until its port answers.

        StorageError says why not (not installed, or it did not answer: see the log)."""
        if self.is_running():
            raise StorageError(Text.of(QT_TRANSLATE_NOOP("Azurite", "Azurite is already running")))
        deadline = time.monotonic() + timeout
        self.launch(timeout)
        return self.wait_until_ready(deadline - time.monotonic())

    def reserve(self, timeout: float = 30.0) -> AzuriteService:
        """Take the location and choose the port (or attach to the Azurite that holds it), not starting anything.

        `account` is known once this returns, so a Local Batch can be started linked to it before
        Azurite runs (Local Batch reaches its storage only when a task downloads from it); `launch`
        then starts Azurite on that port. Should the port be taken meanwhile, Azurite exits and
        `wait_until_ready` says so."""
        self._executable = azurite_executable()
        if self._executable is None:
            raise StorageError(Text.of(QT_TRANSLATE_NOOP(
                "Azurite", "Azurite is not installed: run `npm install --no-save --no-package-lock azurite@3` in "
                "{repository} (or set AZURITE_BLOB to an azurite-blob executable)"), repository=str(REPO)))
        self.location.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + timeout
        while (lock := _try_lock(self.location / LOCK_FILE)) is None:
            if self._attach():
                return self
            if time.monotonic() > deadline:
                raise StorageError(Text.of(
                    QT_TRANSLATE_NOOP("Azurite", "Another Azurite holds {location} and does not answer; see {log}"),
                    location=str(self.location), log=str(self.log_path)))
            time.sleep(0.1)
        self._lock = lock
        if not self.port or not port_free(HOST, self.port):
            self.port = _free_port()
        return self

    def launch(self, timeout: float = 30.0) -> AzuriteService:
        """Start Azurite on the reserved port (reserving it first if need be), without waiting for it to answer
        (`wait_until_ready` does). Nothing to do if it runs already, here or attached to."""
        if self._process is not None or self._attached_pid is not None:
            return self
        if self._lock is None and self.reserve(timeout)._attached_pid is not None:
            return self
        lock, self._lock = self._lock, None
        assert lock is not None and self._executable is not None
        try:
            self._spawn(self._executable, lock)
        finally:
            os.close(lock)  # Azurite holds its own copy: the lock lives as long as it does
        return self

    def wait_until_ready(self, timeout: float = 30.0) -> AzuriteService:
        """Once `launch` (or `start`) returned: wait until the Azurite launched here answers (one
        attached to answers already). If it does not, it is stopped and StorageError says why."""
        process = self._process
        if process is None or self._ready:
            return self
        try:
            self._wait_until_answering(process, timeout)
        except BaseException:
            self.stop()
            raise
        self._ready = True
        _write_json(self.location / ENDPOINT_FILE, {"port": self.port, "pid": process.pid})
        log.info("Azurite ready at %s (pid %s)", self.blob_endpoint, process.pid)
        return self

    def _spawn(self, executable: Path, lock: int) -> None:
        command = [
            str(executable), "--blobHost", HOST, "--blobPort", str(self.port), "--location", str(self.location),
            "--silent", "--skipApiVersionCheck", "--disableTelemetry",
        ]
        with open(self.log_path, "ab") as log_file:
            # Its own session: stop() signals the whole group (node may spawn helpers).
            self._process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log_file, stderr=log_file, start_new_session=True,
                pass_fds=(lock,),
            )

    def _attach(self) -> bool:
        """Use the Azurite that holds the location, once it answers."""
        try:
            info = json.loads((self.location / ENDPOINT_FILE).read_text())
            port, pid = int(info["port"]), int(info["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            return False  # not written yet: its owner is still starting it
        if not (process_alive(pid) and answers(HOST, port)):
            return False  # a stale file (its Azurite died) while a new one starts
        self.port, self._attached_pid = port, pid
        log.info("Azurite at %s (pid %s) holds %s already: using it", self.blob_endpoint, pid, self.location)
        return True

    def _wait_until_answering(self, process: subprocess.Popen[bytes], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not answers(HOST, self.port):
            if process.poll() is not None:
                raise StorageError(Text.of(
                    QT_TRANSLATE_NOOP("Azurite", "Azurite exited with code {code} before it was ready; see {log}"),
                    code=process.returncode, log=str(self.log_path)))
            if time.monotonic() > deadline:
                raise StorageError(Text.of(
                    QT_TRANSLATE_NOOP("Azurite", "Azurite did not answer on port {port} within {seconds} s; see {log}"),
                    port=self.port, seconds=f"{timeout:.0f}", log=str(self.log_path)))
            time.sleep(0.05)

    def stop(self, timeout: float = 10.0) -> None:
        """SIGTERM the process group, wait, then SIGKILL it if it did not stop in time.

        An Azurite attached to is left running: its starter stops it."""
        self._attached_pid, self._ready = None, False
        if self._lock is not None:  # reserved, never launched
            lock, self._lock = self._lock, None
            os.close(lock)
        process, self._process = self._process, None
        if process is None:
            return
        (self.location / ENDPOINT_FILE).unlink(missing_ok=True)
        if process.poll() is not None:
            return
        _signal_group(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            log.warning("Azurite did not stop within %.0f s; killing it", timeout)
            _signal_group(process.pid, signal.SIGKILL)
            process.wait()

    def __enter__(self) -> AzuriteService:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
