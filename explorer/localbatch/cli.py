"""`mpi-explorer localbatch serve`: run Local Batch until SIGTERM/SIGINT.

When ready it prints exactly one JSON line on stdout:
{"endpoint": "http://127.0.0.1:PORT", "account": "...", "key": "..."}

One service per data dir (`data_dir_lock`): if another process serves DATA_DIR, this
one prints who on stderr and exits with EXIT_DATA_DIR_BUSY (3) before touching any
state; the owner's endpoint is in DATA_DIR/localbatch.endpoint.json.

The account key comes from LOCALBATCH_KEY, from `--key-file`, or from
DATA_DIR/account.key (generated on first start); never from argv, which every user of
the machine can read. Whatever its source, a key that is not base64 is refused at start.
`--auto-storage-url/--auto-storage-account` link a storage account (Azurite for the
app), where autoStorageContainerName resource files come from; its key is read from
LOCALBATCH_AUTO_STORAGE_KEY only.

The data dir holds task definitions (with SAS URLs), the key and every node's files: it
is made readable by the user only (0700, its files 0600), and a key file that others
may read is made private with a warning.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import binascii
import ipaddress
import json
import logging
import os
import signal
import stat
import sys
from pathlib import Path

import platformdirs

from explorer.installation import logfiles
from explorer.installation.platform_support import local_batch_support
from explorer.localbatch.api.auth import generate_key
from explorer.localbatch.context import Settings
from explorer.localbatch.data_dir_lock import DataDirBusy, DataDirLock
from explorer.localbatch.files.blob_containers import AutoStorage
from explorer.localbatch.service import LocalBatch

log = logging.getLogger(__name__)
KEY_FILE = "account.key"
KEY_ENV = "LOCALBATCH_KEY"
AUTO_STORAGE_KEY_ENV = "LOCALBATCH_AUTO_STORAGE_KEY"
EXIT_DATA_DIR_BUSY = 3


class StartError(Exception):
    """Local Batch cannot start as asked; the message says why and what to do."""


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("mpi-explorer")) / "localbatch"


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1; others are warned about)")
    parser.add_argument("--port", type=int, default=0, help="port to bind (default 0: a free port)")
    parser.add_argument("--data-dir", type=Path, default=None, help="state and node directories (default: the user data dir)")
    parser.add_argument("--account", default="localbatch", help="the Batch account name clients sign with")
    parser.add_argument(
        "--key-file", type=Path, default=None,
        help=f"file holding the base64 account key (default: {KEY_ENV}, else DATA_DIR/{KEY_FILE}, generated on first start)",
    )
    parser.add_argument(
        "--node-start-seconds", type=float, default=1.0, help="how long a new or rebooted node takes to become idle"
    )
    parser.add_argument(
        "--no-cgroups", action="store_true",
        help="track task processes by session and process group only (default: in cgroups where the service may make them)",
    )
    parser.add_argument(
        "--auto-storage-url", default=None,
        help=f"blob endpoint of the linked storage (autoStorageContainerName); its key is read from {AUTO_STORAGE_KEY_ENV}",
    )
    parser.add_argument("--auto-storage-account", default=None, help="account name of the linked storage")
    parser.add_argument(
        "--log-file", type=Path, default=None,
        help="write the log to FILE (rotated at 5 MB, 3 kept) and only warnings and errors to stderr",
    )


def checked_key(key: str, source: str) -> str:
    """The key if it is base64 of at least one byte; StartError naming its source otherwise."""
    key = key.strip()
    try:
        if base64.b64decode(key, validate=True):
            return key
    except (binascii.Error, ValueError):
        pass
    raise StartError(f"the account key from {source} is not base64 (an Azure Batch key looks like 88 characters ending in '==')")


def private_data_dir(data_dir: Path) -> None:
    """Make the data dir, readable by the user only."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    mode = stat.S_IMODE(data_dir.stat().st_mode)
    if mode & 0o077:
        log.warning("the data dir %s was readable by others (mode %o): made private (0700)", data_dir, mode)
        data_dir.chmod(0o700)


def _read_private_key(path: Path) -> str:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        log.warning("the key file %s was readable by others (mode %o): made private (0600)", path, mode)
        path.chmod(0o600)
    return path.read_text()


def account_key(data_dir: Path, key_file: Path | None, from_environment: str | None) -> str:
    """The account key from the environment, the given file, or the data dir (made on first start)."""
    if from_environment:
        return checked_key(from_environment, KEY_ENV)
    if key_file is not None:
        try:
            return checked_key(_read_private_key(key_file), str(key_file))
        except OSError as error:
            raise StartError(f"cannot read the key file {key_file}: {error.strerror}") from None
    path = data_dir / KEY_FILE
    if path.exists():
        return checked_key(_read_private_key(path), str(path))
    key = generate_key()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as out:
        out.write(key)
    return key


def auto_storage(args: argparse.Namespace) -> AutoStorage | None:
    """The linked storage asked for on the command line; StartError says what is missing."""
    if not (args.auto_storage_url or args.auto_storage_account):
        return None
    key = os.environ.get(AUTO_STORAGE_KEY_ENV)
    if not (args.auto_storage_url and args.auto_storage_account and key):
        raise StartError(f"linked storage needs --auto-storage-url, --auto-storage-account and the key in {AUTO_STORAGE_KEY_ENV}")
    return AutoStorage(args.auto_storage_url, args.auto_storage_account, key)


def configure_logging(log_file: Path | None, debug: bool) -> None:
    """Records to stderr; with `log_file`, to that rotating file and only warnings and up to stderr.

    The app gives a log file and keeps stderr for what a start failure or a crash
    prints, so neither grows without bound.
    """
    level = logging.DEBUG if debug else logging.INFO
    root = logging.getLogger()
    root.setLevel(level)
    if log_file is None:
        root.addHandler(logfiles.stream_handler(level))
        return
    root.addHandler(logfiles.rotating_file_handler(log_file))
    root.addHandler(logfiles.stream_handler(logging.WARNING))


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(args: argparse.Namespace) -> int:
    configure_logging(args.log_file, getattr(args, "debug", False) or logfiles.debug_requested())
    support = local_batch_support()
    if not support.available:
        print(f"Local Batch is {support.description}.", file=sys.stderr)
        return 2
    data_dir = args.data_dir or default_data_dir()
    try:
        storage = auto_storage(args)
        private_data_dir(data_dir)
    except (StartError, OSError) as error:
        print(f"Local Batch cannot start: {error}", file=sys.stderr)
        return 2
    try:
        lock = DataDirLock.acquire(data_dir)
    except DataDirBusy as busy:
        print(f"Local Batch: {busy}", file=sys.stderr)
        return EXIT_DATA_DIR_BUSY
    try:
        try:
            key = account_key(data_dir, args.key_file, os.environ.get(KEY_ENV))
        except (StartError, OSError) as error:
            print(f"Local Batch cannot start: {error}", file=sys.stderr)
            return 2
        settings = Settings(
            data_dir=data_dir,
            account=args.account,
            node_start_seconds=args.node_start_seconds,
            auto_storage=storage,
            use_cgroups=not args.no_cgroups,
        )
        if storage:
            log.info("linked storage: account %s at %s", storage.account, storage.url)
        if not is_loopback(args.host):
            log.warning(
                "listening on %s, not on loopback: other machines can reach Local Batch, and whoever has the key "
                "runs commands as this user (the traffic is plain HTTP)", args.host,
            )
        return asyncio.run(_serve(settings, key, args.host, args.port, lock))
    finally:
        lock.release()


async def _serve(settings: Settings, key: str, host: str, port: int, lock: DataDirLock) -> int:
    service = LocalBatch(settings, key)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        endpoint = await service.start(host, port)
    except OSError as error:
        print(f"Local Batch cannot listen on {host}:{port}: {error}", file=sys.stderr)
        await service.stop()
        return 2
    lock.publish(endpoint, settings.account)
    print(json.dumps({"endpoint": endpoint, "account": settings.account, "key": key}), flush=True)
    await stop.wait()
    log.info("stopping")
    await service.stop()
    return 0
