"""How this installation runs itself: from a venv (`python -m explorer`) or frozen (PyInstaller).

A frozen bundle has no Python interpreter to pass `-m explorer` to: its executable is
the `mpi-explorer` command itself, and it also answers `mpi-explorer python ...` so
that task command lines (`python3 hello.py`) and the MPI launcher find an interpreter
with mpi4py inside the bundle (see explorer/installation/python_command.py and installer/README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def explorer_command(*args: str) -> list[str]:
    """The argv that runs `mpi-explorer ARGS` with this very installation."""
    if is_frozen():
        return [sys.executable, *args]
    return [sys.executable, "-m", "explorer", *args]


def localbatch_serve_command(*serve_args: str) -> list[str]:
    """The argv that starts Local Batch (`mpi-explorer localbatch serve SERVE_ARGS`) as a child process."""
    return explorer_command("localbatch", "serve", *serve_args)


def python_executable() -> Path:
    """A Python interpreter that has this installation's packages (mpi4py among them).

    In a bundle that is `bin/python3`, a script that runs `mpi-explorer python` with
    mpi4py pointed at the bundle's MPICH.
    """
    return tools_bin_dir() / "python3" if is_frozen() else Path(sys.executable)


def tools_bin_dir() -> Path:
    """Where `mpiexec`, `hydra_pmi_proxy` and `python3` of this installation are.

    A venv's bin directory; in a bundle the `bin/` folder of its contents that the spec
    fills (MPICH's programs and small `python3`/`python` scripts that call
    `mpi-explorer python`), see installer/mpi-explorer.spec.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if is_frozen() and bundle is not None:
        return Path(bundle) / "bin"
    return Path(sys.executable).parent
