"""Batch id rules for pools, jobs and tasks.

Batch accepts 1 to 64 ASCII letters, digits, hyphens and underscores; ids are
case-preserving but compared case-insensitively by the service.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from explorer.core.texts import QT_TRANSLATE_NOOP, Text

MAX_ID_LENGTH = 64

_VALID_ID = re.compile(r"[A-Za-z0-9_-]+")
_INVALID_CHARACTER = re.compile(r"[^A-Za-z0-9_-]")


class IdIssue(NamedTuple):
    """What is wrong with an id, and how to fix it."""

    message: Text
    fix: Text


def check_id(value: str, kind: str | Text = "ID") -> IdIssue | None:
    """Return what is wrong with ``value`` as a Batch id, or None if it is valid.

    ``kind`` names the id in messages, e.g. "task ID" or "pool ID" (a Text to have it translated).
    """
    if not value:
        return IdIssue(
            Text.of(QT_TRANSLATE_NOOP("IdChecks", "The {kind} is empty."), kind=kind),
            Text.of(QT_TRANSLATE_NOOP("IdChecks", "Enter 1 to {most} letters, digits, hyphens or underscores."),
                    most=MAX_ID_LENGTH),
        )
    if len(value) > MAX_ID_LENGTH:
        excess = len(value) - MAX_ID_LENGTH
        return IdIssue(
            Text.of(QT_TRANSLATE_NOOP(
                "IdChecks", "The {kind} is {length} characters long; Batch allows at most {most}."),
                    kind=kind, length=len(value), most=MAX_ID_LENGTH),
            Text.of(QT_TRANSLATE_NOOP("IdChecks", "Shorten it by {excess} characters.") if excess > 1
                    else QT_TRANSLATE_NOOP("IdChecks", "Shorten it by {excess} character."), excess=excess),
        )
    if not _VALID_ID.fullmatch(value):
        bad = sorted(set(_INVALID_CHARACTER.findall(value)))
        shown = ", ".join(repr(character) for character in bad)
        return IdIssue(
            Text.of(QT_TRANSLATE_NOOP("IdChecks", "The {kind} contains characters Batch does not allow: {shown}."),
                    kind=kind, shown=shown),
            Text.of(QT_TRANSLATE_NOOP("IdChecks", "Use only letters, digits, '-' and '_', for example '{example}'."),
                    example=suggest_id(value)),
        )
    return None


def id_error(value: str, kind: str = "ID") -> str | None:
    """Return one sentence pair (what is wrong, how to fix it), or None if valid."""
    issue = check_id(value, kind)
    return None if issue is None else f"{issue.message} {issue.fix}"


def suggest_id(text: str) -> str:
    """Turn free text into a valid id: invalid characters become '-', then trim.

    Runs of replaced characters collapse into one hyphen so that "My task (v2)"
    becomes "My-task-v2" rather than "My-task--v2-".
    """
    replaced = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")
    return replaced[:MAX_ID_LENGTH] or "id"


def next_id(value: str) -> str:
    """The id to suggest when ``value`` is taken: "run-7" -> "run-8", "hello" -> "hello-2"."""
    match = re.fullmatch(r"(.*?)(\d+)", value)
    if match and match.group(1).endswith(("-", "_")):
        candidate = f"{match.group(1)}{int(match.group(2)) + 1}"
    else:
        candidate = f"{value}-2"
    return candidate if len(candidate) <= MAX_ID_LENGTH else suggest_id(candidate[-MAX_ID_LENGTH:])
