"""ISO-8601 durations as Batch writes them ("PT1H", "P7D", "PT0.5S").

Batch durations are .NET TimeSpans: days, hours, minutes and seconds with up to
seven fractional digits. Years and months have no fixed length and are refused;
weeks are accepted on input and written back as days.
"""

from __future__ import annotations

import re
from datetime import timedelta

# The largest .NET TimeSpan, which Batch uses for "unlimited"; truncated to microseconds.
BATCH_MAX_DURATION = timedelta(days=10675199, hours=2, minutes=48, seconds=5, microseconds=477580)

_DURATION = re.compile(
    r"P(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+(?:[.,]\d+)?)S)?)?"
)
_EXAMPLES = "for example PT30M (30 minutes), PT1H30M or P2D (2 days)"


def parse_duration(text: str) -> timedelta:
    """Parse an ISO-8601 duration; raise ValueError saying what is wrong and how to fix it."""
    stripped = text.strip().upper()
    if stripped.startswith("-"):
        raise ValueError(f"'{text}' is negative; Batch durations cannot be negative ({_EXAMPLES}).")
    date_part = stripped.partition("T")[0]
    if stripped.startswith("P") and re.search(r"\d[YM]", date_part):
        raise ValueError(
            f"'{text}' uses years or months, which have no fixed length; "
            "write the duration in days instead, for example P30D."
        )
    match = _DURATION.fullmatch(stripped)
    if match is None or not any(match.groupdict().values()) or stripped.endswith("T"):
        raise ValueError(
            f"'{text}' is not an ISO-8601 duration; write it as P[nD][T[nH][nM][nS]] "
            f"(only seconds may have a fraction), {_EXAMPLES}."
        )
    parts = {name: value for name, value in match.groupdict().items() if value}
    whole_seconds, _, fraction = parts.pop("seconds", "0").replace(",", ".").partition(".")
    # Batch writes up to 7 fractional digits (100 ns ticks); keep the microseconds exactly.
    microseconds = int(fraction[:6].ljust(6, "0"))
    return timedelta(
        seconds=int(whole_seconds),
        microseconds=microseconds,
        **{name: int(value) for name, value in parts.items()},
    )


def format_duration(duration: timedelta) -> str:
    """Format a non-negative timedelta the way Batch does: "P1DT2H", "PT1M30.5S", "PT0S"."""
    if duration < timedelta(0):
        raise ValueError(f"Cannot write the negative duration {duration}; Batch durations must be positive.")
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
