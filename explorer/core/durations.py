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
from enum import Enum

import isodate

# The largest .NET TimeSpan: Batch's "unlimited" (e.g. a task's default maxWallClockTime).
UNLIMITED = "P10675199DT2H48M5.4775807S"
# What UNLIMITED reads as, to the microsecond; format_duration writes it back as UNLIMITED.
BATCH_MAX_DURATION = isodate.parse_duration(UNLIMITED)

# A duration is short: refusing long texts first bounds the work (and a 5,000-digit number).
_MAX_LENGTH = 64
_EXAMPLES = "for example PT30M (30 minutes), PT1H30M or P2D (2 days)"


class DurationProblem(str, Enum):
    """What is wrong with a duration's text; the value is the English message's template (fields: `text`,
    `length`), which Local Batch answers with. The window shows `explorer.core.duration_texts`' German."""

    TOO_LONG_TEXT = "'{text}...' is too long for a duration ({length} characters); " + _EXAMPLES + "."
    NEGATIVE = "'{text}' is negative; Batch durations cannot be negative (" + _EXAMPLES + ")."
    YEARS_OR_MONTHS = ("'{text}' uses years or months, which have no fixed length; "
                       "write the duration in days instead, for example P30D.")
    NOT_A_DURATION = "'{text}' is not an ISO-8601 duration; write it as P[nW][nD][T[nH][nM][nS]], " + _EXAMPLES + "."
    BEYOND_LONGEST = "'{text}' is longer than Batch's longest duration, " + UNLIMITED + "."


class DurationError(ValueError):
    """A text that is not a Batch duration: `problem` says what is wrong, `fields` fill its message in;
    `str()` is the English."""

    def __init__(self, problem: DurationProblem, text: str, length: int | None = None) -> None:
        self.problem = problem
        self.fields: dict[str, str | int] = {"text": text} if length is None else {"text": text, "length": length}
        super().__init__(problem.value.format(**self.fields))


def parse_duration(text: str) -> timedelta:
    """Parse an ISO-8601 duration; raise DurationError saying what is wrong and how to fix it."""
    stripped = text.strip().upper()
    if len(stripped) > _MAX_LENGTH:
        raise DurationError(DurationProblem.TOO_LONG_TEXT, text[:20], len(stripped))
    if stripped.startswith("-"):
        raise DurationError(DurationProblem.NEGATIVE, text)
    if stripped.startswith("P") and re.search(r"\d[YM]", stripped.partition("T")[0]):
        raise DurationError(DurationProblem.YEARS_OR_MONTHS, text)
    not_a_duration = DurationError(DurationProblem.NOT_A_DURATION, text)
    if stripped in ("P", "PT") or stripped.endswith("T"):  # isodate reads these as zero or ignores the T
        raise not_a_duration
    try:
        value = isodate.parse_duration(stripped)
    except (OverflowError, ArithmeticError):
        raise DurationError(DurationProblem.BEYOND_LONGEST, text) from None
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
