"""Reading the shared parts of pool, job and task bodies into their stored wire shape."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from explorer.localbatch.wire.bodies import Body
from explorer.localbatch.wire.errors import invalid_value

_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_FILE_MODE = re.compile(r"^0?[0-7]{3,4}$")
_SOURCES = ("httpUrl", "storageContainerUrl", "autoStorageContainerName")


def read_resource_files(body: Body, name: str) -> list[dict]:
    files = []
    for entry in body.objects(name):
        given = [source for source in _SOURCES if entry.has(source)]
        if len(given) != 1:
            raise invalid_value(
                f"{entry.path}", ", ".join(given) or "none",
                "Give exactly one of httpUrl, storageContainerUrl or autoStorageContainerName.",
            )
        source = given[0]
        value = entry.str(source, required=True)
        if source != "autoStorageContainerName":
            parts = urlsplit(value)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise invalid_value(f"{entry.path}.{source}", value, "The value must be an http or https URL.")
        item = {source: value}
        for optional in ("filePath", "blobPrefix", "fileMode"):
            text = entry.str(optional)
            if text is not None:
                item[optional] = text
        if "blobPrefix" in item and source == "httpUrl":
            raise invalid_value(
                f"{entry.path}.blobPrefix", item["blobPrefix"], "blobPrefix applies to storageContainerUrl and autoStorageContainerName only."
            )
        if "fileMode" in item and not _FILE_MODE.match(item["fileMode"]):
            raise invalid_value(f"{entry.path}.fileMode", item["fileMode"], "Use an octal mode such as 0755.")
        file_path = item.get("filePath", "")
        if file_path.startswith("/") or ".." in file_path.replace("\\", "/").split("/"):
            raise invalid_value(f"{entry.path}.filePath", file_path, "filePath must be relative and stay inside the task directory.")
        files.append(item)
    return files


def read_environment(body: Body, name: str) -> list[dict]:
    settings, seen = [], set()
    for entry in body.objects(name):
        env_name = entry.str("name", required=True)
        if not _ENV_NAME.match(env_name):
            raise invalid_value(f"{entry.path}.name", env_name, "Use letters, digits and underscores, not starting with a digit.")
        if env_name in seen:
            raise invalid_value(f"{entry.path}.name", env_name, "Each environment variable may be set once.")
        seen.add(env_name)
        settings.append({"name": env_name, "value": entry.str("value") or ""})
    return settings


def default_user_identity() -> dict:
    """What Azure fills in for a task or start task that names no user."""
    return {"autoUser": {"scope": "pool", "elevationLevel": "nonadmin"}}


def read_user_identity(body: Body | None) -> dict | None:
    if body is None:
        return None
    auto = body.obj("autoUser")
    if auto is not None:
        return {
            "autoUser": {
                "scope": auto.choice("scope", ("task", "pool")) or "pool",
                "elevationLevel": auto.choice("elevationLevel", ("nonadmin", "admin")) or "nonadmin",
            }
        }
    user = body.str("username")
    return {"username": user} if user else None


def read_start_task(body: Body | None) -> dict | None:
    if body is None:
        return None
    return {
        "commandLine": body.str("commandLine", required=True),
        "waitForSuccess": True if body.bool("waitForSuccess") is None else body.bool("waitForSuccess"),
        "maxTaskRetryCount": body.int("maxTaskRetryCount", minimum=-1) or 0,
        **read_run_parts(body),
    }


def read_run_parts(body: Body) -> dict:
    """What every kind of task runs with: resourceFiles, environmentSettings, userIdentity (Azure's default when not given)."""
    parts = {
        "resourceFiles": read_resource_files(body, "resourceFiles"),
        "environmentSettings": read_environment(body, "environmentSettings"),
        "userIdentity": read_user_identity(body.obj("userIdentity")) or default_user_identity(),
    }
    return {key: value for key, value in parts.items() if value}


def read_metadata(body: Body) -> list[dict]:
    return [{"name": item.str("name", required=True), "value": item.str("value") or ""} for item in body.objects("metadata")]
