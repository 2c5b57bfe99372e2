from datetime import timedelta

import pytest

from explorer.core.duration_texts import duration_problem
from explorer.core.durations import (
    BATCH_MAX_DURATION,
    UNLIMITED,
    DurationError,
    DurationProblem,
    format_duration,
    parse_duration,
)


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("PT1H", timedelta(hours=1)),
        ("P7D", timedelta(days=7)),
        ("PT1H30M", timedelta(hours=1, minutes=30)),
        ("P1DT2H3M4S", timedelta(days=1, hours=2, minutes=3, seconds=4)),
        ("PT0.5S", timedelta(milliseconds=500)),
        ("PT0S", timedelta(0)),
    ],
)
def test_parse_and_format_are_inverse(text, duration):
    assert parse_duration(text) == duration
    assert format_duration(duration) == text


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("pt1h", timedelta(hours=1)),
        ("P1W", timedelta(days=7)),
        ("PT01H00M00S", timedelta(hours=1)),  # as the azure-batch SDK writes it
        ("PT1,5S", timedelta(seconds=1.5)),
        (" PT2M ", timedelta(minutes=2)),
        ("PT1.5H", timedelta(minutes=90)),  # a fraction of any unit, as .NET and Local Batch read it
        ("P0.5D", timedelta(hours=12)),
        ("P2W3D", timedelta(days=17)),
    ],
)
def test_parse_accepts_other_spellings(text, duration):
    assert parse_duration(text) == duration


def test_batch_maximum_reads_and_writes_back_unchanged():
    assert parse_duration("P10675199DT2H48M5.4775807S") == BATCH_MAX_DURATION
    assert format_duration(BATCH_MAX_DURATION) == UNLIMITED == "P10675199DT2H48M5.4775807S"
    assert format_duration(timedelta.max) == UNLIMITED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("P1Y", "uses years or months"),
        ("P2M", "uses years or months"),
        ("-PT1H", "is negative"),
        ("1h", "is not an ISO-8601 duration"),
        ("PT", "is not an ISO-8601 duration"),
        ("P", "is not an ISO-8601 duration"),
        ("P1DT", "is not an ISO-8601 duration"),
        ("", "is not an ISO-8601 duration"),
        ("P99999999999D", "longer than Batch's longest duration"),
        ("P" + "9" * 5000 + "D", "is too long for a duration"),
    ],
)
def test_parse_errors_say_what_is_wrong(text, expected):
    with pytest.raises(ValueError, match=expected):
        parse_duration(text)


def test_format_refuses_negative_durations():
    with pytest.raises(ValueError, match="negative"):
        format_duration(timedelta(seconds=-1))


def test_every_refusal_carries_its_problem_and_the_window_has_a_message_and_fix_for_it():
    seen = set()
    for text in ("P" + "9" * 70 + "D", "-PT1H", "P1Y", "1h", "P99999999999D"):
        with pytest.raises(DurationError) as refused:
            parse_duration(text)
        message, fix = duration_problem(refused.value)
        assert str(message).startswith(f"'{refused.value.fields['text']}") and str(fix)
        seen.add(refused.value.problem)
    assert seen == set(DurationProblem)
    assert str(duration_problem(DurationError(DurationProblem.BEYOND_LONGEST, "P1E9D"))[0]) == (
        "'P1E9D' is longer than Batch's longest duration, 10675199 days.")
