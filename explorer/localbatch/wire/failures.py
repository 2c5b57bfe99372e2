"""A Batch `failureInfo` (TaskFailureInformation): category, code, message and name/value details.

Azure fills `details` for every failure: with what failed (a resource file's `BlobSource` and
`FilePath`, an output file's container and pattern) or, when nothing more is known, with the
message itself as `Message` (a task that exits with a failure code reads
`[{"name": "Message", "value": "The task exited with an exit code representing a failure"}]`).
"""

from __future__ import annotations


def failure_info(code: str, message: str, category: str = "UserError", **details: str) -> dict:
    """A failureInfo; without named details, `Message` carries the message, as on Azure."""
    pairs = details or {"Message": message}
    return {
        "category": category, "code": code, "message": message,
        "details": [{"name": name, "value": value} for name, value in pairs.items()],
    }
