"""Log files: where they are, and one rotating handler with a size cap for the app and Local Batch.

`--debug` (or MPI_EXPLORER_DEBUG=1 in the environment, which `--debug` sets so that the
Local Batch child inherits it) turns on DEBUG records.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

APP_NAME = "mpi-explorer"
DEBUG_ENV = "MPI_EXPLORER_DEBUG"
MAX_BYTES = 5 * 1024 * 1024
"""A log file is rotated when it reaches this size ..."""
BACKUP_COUNT = 3
"""... and this many older ones are kept (explorer.log.1 ... .3): at most 20 MB per log."""
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def user_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME))


def debug_requested() -> bool:
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Log files readable by the user only: they name jobs, pools and paths of the user's."""

    def _open(self):  # the base class's signature
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        return open(descriptor, self.mode, encoding=self.encoding, errors=self.errors)  # noqa: SIM115 - the handler closes it


def rotating_file_handler(path: Path) -> logging.Handler:
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    return handler


def stream_handler(level: int) -> logging.Handler:
    handler = logging.StreamHandler()  # stderr
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(FORMAT))
    return handler
