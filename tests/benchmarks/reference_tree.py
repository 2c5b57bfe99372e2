"""Before/after in one benchmark run: Local Batch served from the code of a git ref (e.g. main).

`serving(ref)` exports the ref's `explorer` package into a temp dir and, inside the block, makes every
`LocalBatchService` started by this process run that code (``python -S``: this venv's editable install
would shadow the export; its site-packages come after it). `serving(None)` serves this tree.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

from explorer.client.local import local_batch

REPO = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def exported(ref: str) -> Iterator[list[str]]:
    """The argv prefix that runs `mpi-explorer` as it is at `ref`, for the length of the block."""
    with tempfile.TemporaryDirectory() as place:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", ref, "explorer"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", place], input=archive, check=True)
        site = next(p for p in sys.path if p.endswith("site-packages"))
        code = f"import sys; sys.path[:0] = [{place!r}, {site!r}]; from explorer.__main__ import main; sys.exit(main())"
        yield [sys.executable, "-S", "-c", code]


@contextlib.contextmanager
def serving(prefix: list[str] | None) -> Iterator[None]:
    """Every Local Batch started in the block runs `prefix` (from `exported`), or this tree when None."""
    if prefix is None:
        yield
        return
    with mock.patch.object(local_batch, "localbatch_serve_command", lambda *args: [*prefix, "localbatch", "serve", *args]):
        yield
