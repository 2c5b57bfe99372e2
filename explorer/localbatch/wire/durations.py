"""ISO 8601 durations as Batch writes them (PT1H, P7D, P10675199DT2H48M5.4775807S)."""

from __future__ import annotations

import re
from datetime import timedelta

_DURATION = re.compile(
    r"^P(?:(?P<days>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<hours>\d+(?:\.\d+)?)H)?(?:(?P<minutes>\d+(?:\.\d+)?)M)?(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?$"
)

# Batch's "no limit": the largest .NET TimeSpan.
UNLIMITED = "P10675199DT2H48M5.4775807S"


def parse_duration(text: str) -> timedelta:
    """Parse an ISO 8601 duration; ValueError names what is wrong."""
    match = _DURATION.match(text or "")
    if not match or text in ("P", "PT") or text.endswith("T"):
        raise ValueError(f"'{text}' is not an ISO 8601 duration such as PT30M or P1DT2H")
    parts = {name: float(value) for name, value in match.groupdict().items() if value}
    try:
        return timedelta(**parts)
    except OverflowError:
        return timedelta.max


def duration_seconds(text: str | None) -> float | None:
    """Seconds of a duration, or None for absent or Batch's unlimited value."""
    if not text or text == UNLIMITED:
        return None
    seconds = parse_duration(text).total_seconds()
    return seconds if seconds < 10**9 else None
