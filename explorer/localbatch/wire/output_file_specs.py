"""Reading a task's outputFiles into their stored wire shape."""

from __future__ import annotations

from urllib.parse import urlsplit

from explorer.localbatch.wire.bodies import Body
from explorer.localbatch.wire.errors import BatchError, invalid_value

UPLOAD_CONDITIONS = ("tasksuccess", "taskfailure", "taskcompletion")  # as the REST spec writes them
MAX_OUTPUT_FILES = 100


def read_output_files(body: Body) -> list[dict]:
    entries = body.objects("outputFiles")
    if len(entries) > MAX_OUTPUT_FILES:
        raise invalid_value("outputFiles", len(entries), f"A task may have at most {MAX_OUTPUT_FILES} output files.")
    return [_read_output_file(entry) for entry in entries]


def _read_output_file(entry: Body) -> dict:
    pattern = entry.str("filePattern", required=True)
    assert pattern is not None
    destination = entry.obj("destination", required=True)
    assert destination is not None
    container = destination.obj("container", required=True)
    assert container is not None
    url = container.str("containerUrl", required=True)
    assert url is not None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path.strip("/") == "":
        raise invalid_value(f"{container.path}.containerUrl", parts._replace(query="").geturl(), "Give the URL of a blob container, with a SAS that allows writing.")
    if container.has("identityReference"):
        raise BatchError(
            400, "FeatureNotSupported",
            f"{container.path}.identityReference: Local Batch has no managed identities; give a containerUrl with a SAS instead.",
        )
    options = entry.obj("uploadOptions", required=True)
    assert options is not None
    stored_container: dict = {"containerUrl": url}
    path = container.str("path")
    if path:
        stored_container["path"] = path
    headers = [
        {"name": header.str("name", required=True), "value": header.str("value") or ""}
        for header in container.objects("uploadHeaders")
    ]
    if headers:
        stored_container["uploadHeaders"] = headers
    return {
        "filePattern": pattern,
        "destination": {"container": stored_container},
        "uploadOptions": {"uploadCondition": options.choice("uploadCondition", UPLOAD_CONDITIONS, required=True)},
    }
