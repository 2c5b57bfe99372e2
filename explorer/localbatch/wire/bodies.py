"""Typed reading of request bodies, raising Batch's 400 errors.

Each accessor names the property by its full JSON path (e.g.
`multiInstanceSettings.numberOfInstances`) so the client sees exactly what to fix.

One deliberate leniency: an integer property also takes a string holding an integer
(`"4"`, `"-1"`), because every `az batch` command given with flags sends its integers so
(`az batch pool resize --target-dedicated-nodes 4` sends `{"targetDedicatedNodes": "4"}`).
"""

from __future__ import annotations

import re
from typing import Any

from explorer.localbatch.wire.durations import BATCH_MAX_DURATION, UNLIMITED, parse_duration
from explorer.localbatch.wire.errors import BatchError, invalid_value, missing_property

_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# Batch's integers are 32-bit unless a property says otherwise.
_INT32 = (-(2**31), 2**31 - 1)
_INTEGER_TEXT = re.compile(r"^-?[0-9]{1,20}$")


class Body:
    def __init__(self, data: Any, path: str = "") -> None:
        if not isinstance(data, dict):
            raise BatchError(
                400,
                "InvalidRequestBody",
                f"The request body{' at ' + path if path else ''} must be a JSON object.",
            )
        self._data = data
        self._path = path

    @property
    def path(self) -> str:
        """This object's place in the request body, e.g. resourceFiles[2]."""
        return self._path

    def _name(self, name: str) -> str:
        return f"{self._path}.{name}" if self._path else name

    def has(self, name: str) -> bool:
        return self._data.get(name) is not None

    def raw(self, name: str) -> Any:
        return self._data.get(name)

    def raw_path(self, dotted: str) -> Any:
        """The value at a dotted path (`startTask.containerSettings`), None where any part is missing."""
        value: Any = self._data
        for part in dotted.split("."):
            if not isinstance(value, dict):
                return None
            value = value.get(part)
        return value

    def _value(self, name: str, required: bool) -> Any:
        value = self._data.get(name)
        if value is None and required:
            raise missing_property(self._name(name))
        return value

    def str(self, name: str, *, required: bool = False, max_length: int | None = None) -> str | None:
        value = self._value(name, required)
        if value is None:
            return None
        if not isinstance(value, str):
            raise invalid_value(self._name(name), value, "The value must be a string.")
        if required and not value.strip():
            raise invalid_value(self._name(name), value, "The value must not be empty.")
        if max_length is not None and len(value) > max_length:
            raise invalid_value(self._name(name), value[:64], f"The value must be at most {max_length} characters.")
        return value

    def id(self, name: str = "id") -> str:
        value = self.str(name, required=True)
        assert value is not None
        if not _ID.match(value):
            raise invalid_value(
                self._name(name),
                value,
                "An id may contain only letters, digits, hyphens and underscores, and at most 64 characters.",
            )
        return value

    def int(
        self, name: str, *, required: bool = False, minimum: int | None = None, maximum: int | None = None
    ) -> int | None:
        value = self._value(name, required)
        if value is None:
            return None
        if isinstance(value, str) and _INTEGER_TEXT.match(value.strip()):
            value = int(value.strip())  # the az CLI's form of an integer, see above
        if isinstance(value, bool) or not isinstance(value, int):
            raise invalid_value(self._name(name), value, "The value must be an integer.")
        minimum = _INT32[0] if minimum is None else minimum
        maximum = _INT32[1] if maximum is None else maximum
        if value < minimum:
            raise invalid_value(self._name(name), value, f"The value must be at least {minimum}.")
        if value > maximum:
            raise invalid_value(self._name(name), value, f"The value must be at most {maximum}.")
        return value

    def bool(self, name: str) -> bool | None:
        value = self._data.get(name)
        if value is None:
            return None
        if not isinstance(value, bool):
            raise invalid_value(self._name(name), value, "The value must be true or false.")
        return value

    def choice(self, name: str, choices: tuple[str, ...], *, required: bool = False) -> str | None:
        value = self.str(name, required=required)
        if value is None:
            return None
        for choice in choices:
            if choice.lower() == value.lower():
                return choice
        raise invalid_value(self._name(name), value, f"The value must be one of: {', '.join(choices)}.")

    def duration(self, name: str) -> str | None:
        value = self.str(name)
        if value is None:
            return None
        try:
            duration = parse_duration(value)
        except ValueError as error:
            raise invalid_value(self._name(name), value, str(error)) from None
        if duration > BATCH_MAX_DURATION:
            raise invalid_value(self._name(name), value, f"The longest duration Batch allows is {UNLIMITED}.")
        return value

    def obj(self, name: str, *, required: bool = False) -> Body | None:
        value = self._value(name, required)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise invalid_value(self._name(name), value, "The value must be a JSON object.")
        return Body(value, self._name(name))

    def list(self, name: str) -> list[Any]:
        value = self._data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            raise invalid_value(self._name(name), value, "The value must be a JSON array.")
        return value

    def objects(self, name: str) -> list[Body]:
        return [Body(item, f"{self._name(name)}[{index}]") for index, item in enumerate(self.list(name))]
