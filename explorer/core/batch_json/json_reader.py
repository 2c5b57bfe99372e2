"""Reading Batch JSON with errors that name the JSON path and say how to fix it.

The messages are `Text`s (`explorer.core.texts`), so the window shows them in the user's language; the
JSON paths and field names in them are the file's and read the same in every language.
"""

from __future__ import annotations

import difflib
import json
from datetime import timedelta
from enum import Enum
from typing import Any, Literal, TypeVar, overload

from explorer.core.duration_texts import duration_problem
from explorer.core.durations import DurationError, parse_duration
from explorer.core.texts import QT_TRANSLATE_NOOP, Text, TextError

EnumT = TypeVar("EnumT", bound=Enum)
T = TypeVar("T")


class SpecFormatError(TextError, ValueError):
    """The JSON does not describe a spec; ``path`` is where, e.g. "$.constraints.retentionTime", and
    ``problem`` what is wrong there (`TextError`: ``str()`` is "path: problem" in English)."""

    def __init__(self, path: str, problem: Text) -> None:
        super().__init__(Text.joined([path, problem], ": "))
        self.path = path
        self.problem = problem


def parse_json_text(text: str) -> object:
    """``json.loads`` whose syntax errors say where they are, as SpecFormatErrors."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise SpecFormatError("$", Text.of(
            QT_TRANSLATE_NOOP("BatchJson", "not valid JSON: {reason} at line {line}, column {column}."),
            reason=error.msg, line=error.lineno, column=error.colno)) from None


def _describe(value: object) -> Text:
    """How an unexpected JSON value reads in a message, e.g. 'the string "4"'."""
    if isinstance(value, dict):
        return Text.of(QT_TRANSLATE_NOOP("BatchJson", "an object"))
    if isinstance(value, list):
        return Text.of(QT_TRANSLATE_NOOP("BatchJson", "an array"))
    if value is None:
        return Text.of(QT_TRANSLATE_NOOP("BatchJson", "null"))
    written = json.dumps(value, default=repr)[:40]
    if isinstance(value, bool):
        return Text.of(QT_TRANSLATE_NOOP("BatchJson", "the value {value}"), value=written)
    if isinstance(value, (int, float)):
        return Text.of(QT_TRANSLATE_NOOP("BatchJson", "the number {value}"), value=written)
    if isinstance(value, str):
        return Text.of(QT_TRANSLATE_NOOP("BatchJson", "the string {value}"), value=written)
    return Text.of(QT_TRANSLATE_NOOP("BatchJson", "the {kind} {value}"), kind=type(value).__name__, value=written)


# What a getter expects, as its messages say it.
_A_STRING = QT_TRANSLATE_NOOP("BatchJson", "a string")
_A_WHOLE_NUMBER = QT_TRANSLATE_NOOP("BatchJson", "a whole number")
_TRUE_OR_FALSE = QT_TRANSLATE_NOOP("BatchJson", "true or false")
_A_DURATION = QT_TRANSLATE_NOOP("BatchJson", 'an ISO-8601 duration string such as "PT1H"')
_ONE_OF = QT_TRANSLATE_NOOP("BatchJson", "one of {allowed}")
_AN_OBJECT = QT_TRANSLATE_NOOP("BatchJson", "an object {{...}}")
_AN_ARRAY = QT_TRANSLATE_NOOP("BatchJson", "an array [...]")


class JsonObject:
    """A JSON object being read.

    Getters take a camelCase key, return None for absent (or null) optional keys
    and raise SpecFormatError for missing required keys and wrong types. ``finish``
    then refuses keys nobody read, so that a typo ("commandline") or an
    unsupported Batch feature is reported instead of silently dropped.
    """

    def __init__(self, data: object, path: str = "$") -> None:
        if not isinstance(data, dict):
            raise SpecFormatError(path, Text.of(QT_TRANSLATE_NOOP("BatchJson", "expected an object {{...}}, got {value}."),
                                                value=_describe(data)))
        self._data: dict[str, object] = data
        self._path = path
        self._read: set[str] = set()

    def _child(self, key: str) -> str:
        return f"{self._path}.{key}"

    @overload
    def _value(self, key: str, expected: type[T], description: Text, *, required: Literal[True]) -> T: ...

    @overload
    def _value(self, key: str, expected: type[T], description: Text, *, required: Literal[False]) -> T | None: ...

    def _value(self, key: str, expected: type[Any], description: Text, *, required: bool) -> Any:
        self._read.add(key)
        value = self._data.get(key)
        if value is None:
            if required:
                raise SpecFormatError(self._child(key), self._missing(key, description))
            return None
        # bool is an int in Python, but true is not a number in JSON.
        if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
            raise SpecFormatError(self._child(key), Text.of(
                QT_TRANSLATE_NOOP("BatchJson", "expected {description}, got {value}."),
                description=description, value=_describe(value)))
        return value

    def _missing(self, key: str, description: Text) -> Text:
        if key in self._data:
            return Text.of(QT_TRANSLATE_NOOP("BatchJson", "required field '{key}' is null; set it to {description}."),
                           key=key, description=description)
        near = difflib.get_close_matches(key, list(self._data), n=1)
        spelled = next((name for name in self._data if name.lower() == key.lower()), None)
        if spelled is not None:
            return Text.of(QT_TRANSLATE_NOOP(
                "BatchJson", "required field '{key}' is missing; '{spelled}' is there, but names are case-sensitive."),
                key=key, spelled=spelled)
        if near:
            return Text.of(QT_TRANSLATE_NOOP(
                "BatchJson", "required field '{key}' is missing; did you mean to rename '{near}' to '{key}'?"),
                key=key, near=near[0])
        return Text.of(QT_TRANSLATE_NOOP("BatchJson", "required field '{key}' ({description}) is missing; add it."),
                       key=key, description=description)

    def string(self, key: str) -> str:
        return self._value(key, str, Text.of(_A_STRING), required=True)

    def optional_string(self, key: str) -> str | None:
        return self._value(key, str, Text.of(_A_STRING), required=False)

    def integer(self, key: str) -> int:
        return self._value(key, int, Text.of(_A_WHOLE_NUMBER), required=True)

    def optional_integer(self, key: str) -> int | None:
        return self._value(key, int, Text.of(_A_WHOLE_NUMBER), required=False)

    def optional_boolean(self, key: str) -> bool | None:
        return self._value(key, bool, Text.of(_TRUE_OR_FALSE), required=False)

    def optional_duration(self, key: str) -> timedelta | None:
        """A duration, refused with the message and fix the wizard's duration fields give."""
        text = self._value(key, str, Text.of(_A_DURATION), required=False)
        if text is None:
            return None
        try:
            return parse_duration(text)
        except DurationError as error:
            raise SpecFormatError(self._child(key), Text.joined(duration_problem(error))) from None

    def optional_choice(self, key: str, choices: type[EnumT]) -> EnumT | None:
        """An enum value, matched case-insensitively as Batch does."""
        allowed = ", ".join(f'"{choice.value}"' for choice in choices)
        text = self._value(key, str, Text.of(_ONE_OF, allowed=allowed), required=False)
        if text is None:
            return None
        by_name = {choice.value.lower(): choice for choice in choices}
        try:
            return by_name[text.lower()]
        except KeyError:
            raise SpecFormatError(self._child(key), Text.of(
                QT_TRANSLATE_NOOP("BatchJson", '"{text}" is not one of {allowed}.'), text=text, allowed=allowed)) from None

    def object(self, key: str, description: Text | None = None) -> JsonObject:
        value = self._value(key, dict, description or Text.of(_AN_OBJECT), required=True)
        return JsonObject(value, self._child(key))

    def optional_object(self, key: str) -> JsonObject | None:
        value = self._value(key, dict, Text.of(_AN_OBJECT), required=False)
        return None if value is None else JsonObject(value, self._child(key))

    def object_list(self, key: str) -> list[JsonObject]:
        """An optional array of objects; absent means empty."""
        items = self._value(key, list, Text.of(_AN_ARRAY), required=False) or []
        return [JsonObject(item, f"{self._child(key)}[{index}]") for index, item in enumerate(items)]

    def finish(self) -> None:
        """Refuse keys that no getter read."""
        unknown = [key for key in self._data if key not in self._read]
        if not unknown:
            return
        key = unknown[0]
        near = difflib.get_close_matches(key, sorted(self._read), n=1)
        if near:
            problem = Text.of(QT_TRANSLATE_NOOP("BatchJson", "unknown or unsupported field '{key}'; did you mean '{near}'?"),
                              key=key, near=near[0])
        else:
            problem = Text.of(QT_TRANSLATE_NOOP(
                "BatchJson", "unknown or unsupported field '{key}'; MPI Explorer reads only {fields}; remove it."),
                key=key, fields=", ".join(sorted(self._read)))
        raise SpecFormatError(self._child(key), problem)


def without_none(values: dict[str, object]) -> dict[str, object]:
    """A JSON object without its unset (None) fields: Batch treats absent as default."""
    return {key: value for key, value in values.items() if value is not None}
