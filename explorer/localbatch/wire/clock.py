"""Times and ETags in the forms Batch puts on the wire."""

from __future__ import annotations

import itertools
import time
from datetime import datetime, timezone
from email.utils import format_datetime

import isodate

_etag_counter = itertools.count()


def now() -> datetime:
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    """Batch's JSON time form: 2025-06-01T12:00:00.123456Z."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def now_iso() -> str:
    return iso(now())


def parse_iso(text: str) -> datetime:
    """An ISO 8601 time as Batch and its clients write them, in UTC; ValueError if it is not one.

    'Z' or an offset, up to 7 fraction digits (.NET ticks), UTC when no offset is given: on
    every Python the package supports (3.10's `fromisoformat` knows neither 'Z' nor 7 digits).
    """
    try:
        instant = isodate.parse_datetime(text)
    except (isodate.ISO8601Error, ValueError, OverflowError) as error:
        raise ValueError(f"'{text}' is not an ISO 8601 time: {error}") from None
    return instant.replace(tzinfo=timezone.utc) if instant.tzinfo is None else instant.astimezone(timezone.utc)


def http_date(moment: datetime) -> str:
    """RFC 1123, as in Last-Modified."""
    return format_datetime(moment.astimezone(timezone.utc), usegmt=True)


def http_date_from_iso(text: str) -> str:
    return http_date(parse_iso(text))


def new_etag() -> str:
    """An opaque, strictly increasing ETag in Batch's 0x... style."""
    return "0x%X" % (time.time_ns() * 16 + next(_etag_counter) % 16)
