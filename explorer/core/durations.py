"""ISO-8601 durations as Batch writes them ("PT1H", "P7D", "PT0.5S"), parsed by isodate.

Batch durations are .NET TimeSpans: days, hours, minutes and seconds (up to seven
fractional digits, 100 ns ticks). Weeks and fractions of any unit ("P1W", "PT1.5H") are
accepted and written back as days, hours, minutes and seconds. Years and months have no
fixed length and are refused, as are negative durations. The wizard, the JSON importer
and Local Batch all read durations here, so they accept and refuse the same texts.
"""

from __future__ import annotations

import re
from datetime import timedelta

import isodate

# The largest .NET TimeSpan: Batch's "unlimited" (e.g. a task's default maxWallClockTime).
UNLIMITED = "P10675199DT2H48M5.4775807S"
# What UNLIMITED reads as, to the microsecond; format_duration writes it back as UNLIMITED.
BATCH_MAX_DURATION = isodate.parse_duration(UNLIMITED)

# A duration is short: refusing long texts first bounds the work (and a 5,000-digit number).
_MAX_LENGTH = 64
_EXAMPLES = "for example PT30M (30 minutes), PT1H30M or P2D (2 days)"


def parse_duration(text: str) -> timedelta:
    """Parse an ISO-8601 duration; raise ValueError saying what is wrong and how to fix it."""
    stripped = text.strip().upper()
    if len(stripped) > _MAX_LENGTH:
        raise ValueError(f"'{text[:20]}...' is too long for a duration ({len(stripped)} characters); {_EXAMPLES}.")
    if stripped.startswith("-"):
        raise ValueError(f"'{text}' is negative; Batch durations cannot be negative ({_EXAMPLES}).")
    if stripped.startswith("P") and re.search(r"\d[YM]", stripped.partition("T")[0]):
        raise ValueError(
            f"'{text}' uses years or months, which have no fixed length; "
            "write the duration in days instead, for example P30D."
        )
    not_a_duration = ValueError(
        f"'{text}' is not an ISO-8601 duration; write it as P[nW][nD][T[nH][nM][nS]], {_EXAMPLES}."
    )
    if stripped in ("P", "PT") or stripped.endswith("T"):  # isodate reads these as zero or ignores the T
        raise not_a_duration
    try:
        value = isodate.parse_duration(stripped)
    except (OverflowError, ArithmeticError):
        raise ValueError(f"'{text}' is longer than Batch's longest duration, {UNLIMITED}.") from None
    except (isodate.ISO8601Error, ValueError):
        raise not_a_duration from None
    if not isinstance(value, timedelta):  # an isodate.Duration: years or months
        raise not_a_duration
    return value


def format_duration(duration: timedelta) -> str:
    """Format a non-negative timedelta the way Batch does: "P1DT2H", "PT1M30.5S", "PT0S"."""
    if duration < timedelta(0):
        raise ValueError(f"Cannot write the negative duration {duration}; Batch durations must be positive.")
    if duration >= BATCH_MAX_DURATION:
        return UNLIMITED
    hours, rest = divmod(duration.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    date_part = f"{duration.days}D" if duration.days else ""
    time_part = ""
    if hours:
        time_part += f"{hours}H"
    if minutes:
        time_part += f"{minutes}M"
    if seconds or duration.microseconds:
        fraction = f".{duration.microseconds:06d}".rstrip("0") if duration.microseconds else ""
        time_part += f"{seconds}{fraction}S"
    if not date_part and not time_part:
        return "PT0S"
    return f"P{date_part}" + (f"T{time_part}" if time_part else "")
