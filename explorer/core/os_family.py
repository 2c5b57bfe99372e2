"""Operating system families, which decide MPI flavour and shell syntax."""

from __future__ import annotations

from enum import Enum


class OsFamily(str, Enum):
    LINUX = "linux"
    WINDOWS = "windows"
