"""Local Batch's one ISO 8601 time reader: what Batch and its clients write, on every supported Python."""

from datetime import datetime, timedelta, timezone

import pytest

from explorer.localbatch.wire.clock import iso, parse_iso

UTC = timezone.utc


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("2025-06-01T12:00:00Z", datetime(2025, 6, 1, 12, tzinfo=UTC)),
        ("2025-06-01T12:00:00.1234567Z", datetime(2025, 6, 1, 12, 0, 0, 123456, tzinfo=UTC)),  # .NET ticks
        ("2025-06-01T12:00:00", datetime(2025, 6, 1, 12, tzinfo=UTC)),  # no offset: UTC
        ("2025-06-01T14:00:00.5+02:00", datetime(2025, 6, 1, 12, 0, 0, 500000, tzinfo=UTC)),
        ("2025-06-01T12:00Z", datetime(2025, 6, 1, 12, tzinfo=UTC)),
    ],
)
def test_times_as_batch_and_its_clients_write_them(text, instant):
    parsed = parse_iso(text)
    assert parsed == instant and parsed.utcoffset() == timedelta(0)


def test_what_the_service_writes_reads_back():
    moment = datetime(2026, 12, 1, 9, 30, 5, 250000, tzinfo=UTC)
    assert parse_iso(iso(moment)) == moment


@pytest.mark.parametrize("text", ["", "yesterday", "2025-13-01T00:00:00Z", "2025-06-01", "2025-06-01 12:00:00Z"])
def test_other_texts_are_refused_with_a_value_error(text):
    with pytest.raises(ValueError, match="is not an ISO 8601 time"):
        parse_iso(text)
