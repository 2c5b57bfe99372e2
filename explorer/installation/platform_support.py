"""Where Local Batch runs: Linux only (process sessions, POSIX signals, MPICH from PyPI).

On Windows and macOS the app works with Azure Batch accounts; Local Batch refuses to
start there with this message rather than failing half-way into a task.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class LocalBatchSupport:
    available: bool
    description: str


def local_batch_support(platform: str = sys.platform) -> LocalBatchSupport:
    if platform.startswith("linux"):
        return LocalBatchSupport(True, "runs here (Linux)")
    return LocalBatchSupport(
        False,
        f"not available on {platform}: Local Batch runs MPI tasks on Linux only; use an Azure Batch account here",
    )
