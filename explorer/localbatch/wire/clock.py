"""Times and ETags in the forms Batch puts on the wire."""

from __future__ import annotations

import itertools
import time
from datetime import datetime, timezone
from email.utils import format_datetime

_etag_counter = itertools.count()


def now() -> datetime:
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    """Batch's JSON time form: 2025-06-01T12:00:00.123456Z."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def now_iso() -> str:
    return iso(now())


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def http_date(moment: datetime) -> str:
    """RFC 1123, as in Last-Modified."""
    return format_datetime(moment.astimezone(timezone.utc), usegmt=True)


def http_date_from_iso(text: str) -> str:
    return http_date(parse_iso(text))


def new_etag() -> str:
    """An opaque, strictly increasing ETag in Batch's 0x... style."""
    return "0x%X" % (time.time_ns() * 16 + next(_etag_counter) % 16)
