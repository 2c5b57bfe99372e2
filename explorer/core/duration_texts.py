"""What is wrong with a duration's text, as the window says it: a message and its fix, both `Text`s.

`explorer.core.durations` is shared with Local Batch, which answers in English and takes nothing
else from core; its `DurationError` carries a `DurationProblem` and the fields, and this maps them
to texts marked for translation.
"""

from __future__ import annotations

from explorer.core.durations import BATCH_MAX_DURATION, DurationError, DurationProblem
from explorer.core.texts import QT_TRANSLATE_NOOP, Template, Text

_EXAMPLES = QT_TRANSLATE_NOOP("Durations", "for example PT30M (30 minutes), PT1H30M or P2D (2 days)")
_MESSAGES: dict[DurationProblem, tuple[Template, Template]] = {
    DurationProblem.TOO_LONG_TEXT: (
        QT_TRANSLATE_NOOP("Durations", "'{text}…' is too long for a duration ({length} characters)."),
        QT_TRANSLATE_NOOP("Durations", "Write it in ISO 8601, {examples}."),
    ),
    DurationProblem.NEGATIVE: (
        QT_TRANSLATE_NOOP("Durations", "'{text}' is negative; Batch durations cannot be negative."),
        QT_TRANSLATE_NOOP("Durations", "Write it in ISO 8601, {examples}."),
    ),
    DurationProblem.YEARS_OR_MONTHS: (
        QT_TRANSLATE_NOOP("Durations", "'{text}' uses years or months, which have no fixed length."),
        QT_TRANSLATE_NOOP("Durations", "Write the duration in days instead, for example P30D."),
    ),
    DurationProblem.NOT_A_DURATION: (
        QT_TRANSLATE_NOOP("Durations", "'{text}' is not an ISO-8601 duration."),
        QT_TRANSLATE_NOOP("Durations", "Write it as P[nW][nD][T[nH][nM][nS]], {examples}."),
    ),
    DurationProblem.BEYOND_LONGEST: (
        QT_TRANSLATE_NOOP("Durations", "'{text}' is longer than Batch's longest duration, {longest}."),
        QT_TRANSLATE_NOOP("Durations", "Enter a shorter duration, or leave the field empty."),
    ),
}


def duration_problem(error: DurationError) -> tuple[Text, Text]:
    """The message and the fix of a duration the user wrote, for the window to show in the user's language."""
    message, fix = _MESSAGES[error.problem]
    longest = Text.of(QT_TRANSLATE_NOOP("Durations", "{days} days"), days=BATCH_MAX_DURATION.days)
    return (Text.of(message, **error.fields, longest=longest),
            Text.of(fix, examples=Text.of(_EXAMPLES)))
