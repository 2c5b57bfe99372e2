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
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from explorer.client.errors import StorageError
from explorer.client.storage_account import StorageAccount

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[3]
DEV_ACCOUNT = "devstoreaccount1"
DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
HOST = "127.0.0.1"


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


def _answers(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


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

    def is_running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout: float = 30.0) -> AzuriteService:
        """Start Azurite and wait until its port answers; StorageError names the log if not."""
        if self.is_running():
            raise StorageError("Azurite is already running")
        executable = azurite_executable()
        if executable is None:
            raise StorageError(
                f"Azurite is not installed: run `npm install --no-save --no-package-lock azurite@3` in {REPO} "
                "(or set AZURITE_BLOB to an azurite-blob executable)"
            )
        self.location.mkdir(parents=True, exist_ok=True)
        if not self.port:
            self.port = _free_port()
        command = [
            str(executable), "--blobHost", HOST, "--blobPort", str(self.port), "--location", str(self.location),
            "--silent", "--skipApiVersionCheck", "--disableTelemetry",
        ]
        with open(self.log_path, "ab") as log_file:
            # Its own session: stop() signals the whole group (node may spawn helpers).
            self._process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log_file, stderr=log_file, start_new_session=True
            )
        try:
            self._wait_until_answering(timeout)
        except BaseException:
            self.stop()
            raise
        log.info("Azurite ready at %s (pid %s)", self.blob_endpoint, self._process.pid)
        return self

    def _wait_until_answering(self, timeout: float) -> None:
        assert self._process is not None
        deadline = time.monotonic() + timeout
        while not _answers(self.port):
            if self._process.poll() is not None:
                raise StorageError(f"Azurite exited with code {self._process.returncode} before it was ready; see {self.log_path}")
            if time.monotonic() > deadline:
                raise StorageError(f"Azurite did not answer on port {self.port} within {timeout:.0f} s; see {self.log_path}")
            time.sleep(0.05)

    def stop(self, timeout: float = 10.0) -> None:
        """SIGTERM the process group, wait, then SIGKILL it if it did not stop in time."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
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
