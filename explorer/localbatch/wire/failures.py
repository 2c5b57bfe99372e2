"""A Batch `failureInfo` (TaskFailureInformation): category, code, message and name/value details.

Azure fills `details` for every failure: with what failed (a resource file's `BlobSource` and
`FilePath`, an output file's container and pattern) or, when nothing more is known, with the
message itself as `Message` (a task that exits with a failure code reads
`[{"name": "Message", "value": "The task exited with an exit code representing a failure"}]`).
"""

from __future__ import annotations

from explorer.localbatch.wire.clock import now_iso


def failure_info(code: str, message: str, category: str = "UserError", **details: str) -> dict:
    """A failureInfo; without named details, `Message` carries the message, as on Azure."""
    pairs = details or {"Message": message}
    return {
        "category": category, "code": code, "message": message,
        "details": [{"name": name, "value": value} for name, value in pairs.items()],
    }


def completion(exit_code: int | None, failure: dict | None, who: str = "task") -> dict:
    """What a finished run's execution info gets: its end, exit code, result and failure (an exit code
    other than 0 is a `FailureExitCode` unless something failed before). `who` names it in the message."""
    done: dict = {"endTime": now_iso()}
    if exit_code is not None:
        done["exitCode"] = exit_code
        if failure is None and exit_code != 0:
            failure = failure_info("FailureExitCode", f"The {who} exited with exit code {exit_code}.")
    done["result"] = "failure" if failure else "success"
    if failure:
        done["failureInfo"] = failure
    return done
