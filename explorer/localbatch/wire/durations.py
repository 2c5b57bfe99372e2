"""Durations as the service acts on them: seconds, with Batch's unlimited as no limit.

Parsing is `explorer.core.durations`, the one ISO-8601 reader the client side uses too.
"""

from __future__ import annotations

from explorer.core.durations import BATCH_MAX_DURATION, UNLIMITED, parse_duration

__all__ = ["BATCH_MAX_DURATION", "UNLIMITED", "duration_seconds", "parse_duration"]


def duration_seconds(text: str | None) -> float | None:
    """Seconds of a stored (already validated) duration, or None for absent or unlimited."""
    if not text:
        return None
    duration = parse_duration(text)
    return None if duration >= BATCH_MAX_DURATION else duration.total_seconds()
