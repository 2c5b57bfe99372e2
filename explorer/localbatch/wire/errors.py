"""Batch errors as the service returns them: status, code, message and detail values."""

from __future__ import annotations


class BatchError(Exception):
    """An error answered with Batch's JSON error body (never a traceback)."""

    def __init__(self, status: int, code: str, message: str, values: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.values = values or {}

    def body(self, metadata_url: str) -> dict:
        body: dict = {
            "odata.metadata": metadata_url,
            "code": self.code,
            "message": {"lang": "en-US", "value": self.message},
        }
        if self.values:
            body["values"] = [{"key": key, "value": value} for key, value in self.values.items()]
        return body


_NOT_FOUND = {
    "pool": ("PoolNotFound", "The specified pool does not exist."),
    "job": ("JobNotFound", "The specified job does not exist."),
    "task": ("TaskNotFound", "The specified task does not exist."),
    "node": ("NodeNotFound", "The specified node does not exist."),
    "file": ("FileNotFound", "The specified file does not exist."),
}

_EXISTS = {
    "pool": ("PoolExists", "The specified pool already exists."),
    "job": ("JobExists", "The specified job already exists."),
    "task": ("TaskExists", "The specified task already exists."),
}


def not_found(kind: str, ident: str) -> BatchError:
    code, message = _NOT_FOUND[kind]
    return BatchError(404, code, message, {f"{kind.capitalize()}Id" if kind != "file" else "FilePath": ident})


def already_exists(kind: str, ident: str) -> BatchError:
    code, message = _EXISTS[kind]
    return BatchError(409, code, message, {f"{kind.capitalize()}Id": ident})


def invalid_value(name: str, value: object, reason: str) -> BatchError:
    return BatchError(
        400,
        "InvalidPropertyValue",
        f"The value provided for one of the properties in the request body is invalid: {name}. {reason}",
        {"PropertyName": name, "PropertyValue": str(value)[:200], "Reason": reason},
    )


def missing_property(name: str) -> BatchError:
    return BatchError(
        400,
        "MissingRequiredProperty",
        f"A required property was not specified in the request body: {name}.",
        {"PropertyName": name},
    )


def conflict(code: str, message: str, **values: str) -> BatchError:
    return BatchError(409, code, message, values)
