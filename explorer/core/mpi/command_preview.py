"""What a command line becomes on a node: the shell wrapper unwrapped and Batch's
variables replaced by example values, as the primary of a task would see them.

The MPI page shows this under the editable command lines, so a user sees the host
list and process counts the launcher gets, and is warned when a command would run
without a shell (Batch then passes ``$AZ_BATCH_HOST_LIST`` to the program literally).
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from explorer.core.specs.os_family import OsFamily
from explorer.core.specs.task_spec import MAX_INSTANCES

_LINUX_SHELLS = ("/bin/bash", "/bin/sh", "bash", "sh")
# ${NAME//pattern/replacement} (bash substitution, as the Open MPI preset uses), ${NAME}, $NAME.
_BASH_SUBSTITUTION = re.compile(r"\$\{(\w+)//([^/}]*)/([^}]*)\}")
_BASH_VARIABLE = re.compile(r"\$\{(\w+)\}|\$(\w+)")
_CMD_VARIABLE = re.compile(r"%(\w+)%")
_CMD_PREFIX = re.compile(r"cmd(?:\.exe)?\s+/c\s+", re.IGNORECASE)


@dataclass(frozen=True)
class CommandPreview:
    """``text`` is what the node's shell runs; ``note`` warns about the command, if needed."""

    text: str
    note: str | None = None


def example_environment(number_of_instances: int, os_family: OsFamily, job_id: str, task_id: str) -> dict[str, str]:
    """Batch's variables on the primary of a task on ``number_of_instances`` nodes (example addresses)."""
    count = min(max(number_of_instances, 1), MAX_INSTANCES)
    addresses = [f"10.0.{index // 250}.{4 + index % 250}" for index in range(count)]
    if os_family is OsFamily.WINDOWS:
        shared = rf"D:\batch\tasks\workitems\{job_id}\job-1\{task_id}"
        working = shared + r"\wd"
    else:
        shared = f"/mnt/batch/tasks/workitems/{job_id}/job-1/{task_id}"
        working = shared + "/wd"
    return {
        "AZ_BATCH_HOST_LIST": ",".join(addresses),
        "AZ_BATCH_NODE_LIST": ";".join(addresses),
        "AZ_BATCH_MASTER_NODE": f"{addresses[0]}:6000",
        "AZ_BATCH_IS_CURRENT_NODE_MASTER": "true",
        "CCP_NODES": " ".join([str(count), *(f"{address} 1" for address in addresses)]),
        "AZ_BATCH_TASK_SHARED_DIR": shared,
        "AZ_BATCH_TASK_WORKING_DIR": working,
        "AZ_BATCH_TASK_DIR": shared,
        "AZ_BATCH_NODE_ID": "tvmps_0123456789abcdef_d",
        "AZ_BATCH_JOB_ID": job_id,
        "AZ_BATCH_TASK_ID": task_id,
    }


def preview_command(
    command_line: str, number_of_instances: int, os_family: OsFamily, *, job_id: str = "JOB", task_id: str = "TASK"
) -> CommandPreview:
    values = example_environment(number_of_instances, os_family, job_id or "JOB", task_id or "TASK")
    stripped = command_line.strip()
    if not stripped:
        return CommandPreview("")
    if os_family is OsFamily.WINDOWS:
        return _windows_preview(stripped, values)
    return _linux_preview(stripped, values)


def _linux_preview(command_line: str, values: dict[str, str]) -> CommandPreview:
    try:
        words = shlex.split(command_line)
    except ValueError:
        return CommandPreview(command_line, "The quotes in this command do not balance; bash would refuse it.")
    if len(words) >= 3 and words[0] in _LINUX_SHELLS and words[1] == "-c":
        return CommandPreview(_expand_bash(words[2], values))
    if "$" in command_line:
        return CommandPreview(
            command_line,
            "Batch runs command lines without a shell, so the $ variables reach the program literally; "
            "wrap the command in /bin/bash -c '...'.",
        )
    return CommandPreview(command_line)


def _expand_bash(inner: str, values: dict[str, str]) -> str:
    def substitute(match: re.Match[str]) -> str:
        name, pattern, replacement = match.groups()
        return values[name].replace(pattern, replacement) if name in values else match.group(0)

    def variable(match: re.Match[str]) -> str:
        return values.get(match.group(1) or match.group(2), match.group(0))

    return _BASH_VARIABLE.sub(variable, _BASH_SUBSTITUTION.sub(substitute, inner))


def _windows_preview(command_line: str, values: dict[str, str]) -> CommandPreview:
    prefix = _CMD_PREFIX.match(command_line)
    if prefix is None:
        note = (
            "Batch runs command lines without a shell, so the % variables reach the program literally; "
            "start the command with cmd /c."
            if "%" in command_line
            else None
        )
        return CommandPreview(command_line, note)
    inner = command_line[prefix.end() :]
    return CommandPreview(_CMD_VARIABLE.sub(lambda match: values.get(match.group(1), match.group(0)), inner))
