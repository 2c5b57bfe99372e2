"""Reading Batch JSON with errors that name the JSON path and say how to fix it."""

from __future__ import annotations

import difflib
import json
from datetime import timedelta
from enum import Enum
from typing import Any, Literal, TypeVar, overload

from explorer.core.durations import parse_duration

EnumT = TypeVar("EnumT", bound=Enum)
T = TypeVar("T")


class SpecFormatError(ValueError):
    """The JSON does not describe a spec; ``path`` is where, e.g. "$.constraints.retentionTime"."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def parse_json_text(text: str) -> object:
    """``json.loads`` whose syntax errors say where they are, as SpecFormatErrors."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise SpecFormatError(
            "$", f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None


def _describe(value: object) -> str:
    """How an unexpected JSON value reads in a message, e.g. 'the string "4"'."""
    if isinstance(value, (dict, list)):
        return "an object" if isinstance(value, dict) else "an array"
    if value is None:
        return "null"
    kind = _JSON_TYPE_NAMES.get(type(value), type(value).__name__)
    return f"the {kind} {json.dumps(value, default=repr)[:40]}"


_JSON_TYPE_NAMES = {bool: "value", int: "number", float: "number", str: "string"}


class JsonObject:
    """A JSON object being read.

    Getters take a camelCase key, return None for absent (or null) optional keys
    and raise SpecFormatError for missing required keys and wrong types. ``finish``
    then refuses keys nobody read, so that a typo ("commandline") or an
    unsupported Batch feature is reported instead of silently dropped.
    """

    def __init__(self, data: object, path: str = "$") -> None:
        if not isinstance(data, dict):
            raise SpecFormatError(path, f"expected an object {{...}}, got {_describe(data)}.")
        self._data: dict[str, object] = data
        self._path = path
        self._read: set[str] = set()

    def _child(self, key: str) -> str:
        return f"{self._path}.{key}"

    @overload
    def _value(self, key: str, expected: type[T], description: str, *, required: Literal[True]) -> T: ...

    @overload
    def _value(self, key: str, expected: type[T], description: str, *, required: Literal[False]) -> T | None: ...

    def _value(self, key: str, expected: type[Any], description: str, *, required: bool) -> Any:
        self._read.add(key)
        value = self._data.get(key)
        if value is None:
            if required:
                raise SpecFormatError(self._child(key), self._missing(key, description))
            return None
        # bool is an int in Python, but true is not a number in JSON.
        if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
            raise SpecFormatError(self._child(key), f"expected {description}, got {_describe(value)}.")
        return value

    def _missing(self, key: str, description: str) -> str:
        if key in self._data:
            return f"required field '{key}' is null; set it to {description}."
        near = difflib.get_close_matches(key, list(self._data), n=1)
        spelled = next((name for name in self._data if name.lower() == key.lower()), None)
        if spelled is not None:
            return f"required field '{key}' is missing; '{spelled}' is there, but names are case-sensitive."
        if near:
            return f"required field '{key}' is missing; did you mean to rename '{near[0]}' to '{key}'?"
        return f"required field '{key}' ({description}) is missing; add it."

    def string(self, key: str) -> str:
        return self._value(key, str, "a string", required=True)

    def optional_string(self, key: str) -> str | None:
        return self._value(key, str, "a string", required=False)

    def integer(self, key: str) -> int:
        return self._value(key, int, "a whole number", required=True)

    def optional_integer(self, key: str) -> int | None:
        return self._value(key, int, "a whole number", required=False)

    def optional_boolean(self, key: str) -> bool | None:
        return self._value(key, bool, "true or false", required=False)

    def optional_duration(self, key: str) -> timedelta | None:
        text = self._value(key, str, 'an ISO-8601 duration string such as "PT1H"', required=False)
        if text is None:
            return None
        try:
            return parse_duration(text)
        except ValueError as error:
            raise SpecFormatError(self._child(key), str(error)) from None

    def optional_choice(self, key: str, choices: type[EnumT]) -> EnumT | None:
        """An enum value, matched case-insensitively as Batch does."""
        allowed = ", ".join(f'"{choice.value}"' for choice in choices)
        text = self._value(key, str, f"one of {allowed}", required=False)
        if text is None:
            return None
        by_name = {choice.value.lower(): choice for choice in choices}
        try:
            return by_name[text.lower()]
        except KeyError:
            raise SpecFormatError(self._child(key), f'"{text}" is not one of {allowed}.') from None

    def object(self, key: str, description: str = "an object {...}") -> JsonObject:
        return JsonObject(self._value(key, dict, description, required=True), self._child(key))

    def optional_object(self, key: str) -> JsonObject | None:
        value = self._value(key, dict, "an object {...}", required=False)
        return None if value is None else JsonObject(value, self._child(key))

    def object_list(self, key: str) -> list[JsonObject]:
        """An optional array of objects; absent means empty."""
        items = self._value(key, list, "an array [...]", required=False) or []
        return [JsonObject(item, f"{self._child(key)}[{index}]") for index, item in enumerate(items)]

    def finish(self) -> None:
        """Refuse keys that no getter read."""
        unknown = [key for key in self._data if key not in self._read]
        if not unknown:
            return
        key = unknown[0]
        near = difflib.get_close_matches(key, sorted(self._read), n=1)
        hint = (
            f"did you mean '{near[0]}'?"
            if near
            else f"MPI Explorer reads only {', '.join(sorted(self._read))}; remove it."
        )
        raise SpecFormatError(self._child(key), f"unknown or unsupported field '{key}'; {hint}")


def without_none(values: dict[str, object]) -> dict[str, object]:
    """A JSON object without its unset (None) fields: Batch treats absent as default."""
    return {key: value for key, value in values.items() if value is not None}
