"""How hard the hardening suites push: a quick pass in the normal test run, the full runs on demand.

    LOCALBATCH_SOAK=1 pytest tests/localbatch/fuzz tests/localbatch/faults tests/localbatch/races

runs every fuzz case, fault scenario (in both process-tracking modes) and race iteration
the issue asks for; without it each suite runs a small, fast share of the same cases.
"""

from __future__ import annotations

import os

import pytest

SOAK = os.environ.get("LOCALBATCH_SOAK", "") not in ("", "0")

soak_only = pytest.mark.skipif(not SOAK, reason="a full run only: set LOCALBATCH_SOAK=1")


def scaled(fast: int, full: int) -> int:
    """`full` in a soak run, else `fast`."""
    return full if SOAK else fast
