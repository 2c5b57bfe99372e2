"""Every data-plane operation of the installed azure-batch SDK, sent to a live Local Batch, answers as the
README's table "Azure Batch feature -> Local Batch" says — and never with a bare 404 `ResourceNotFound`.

The operations come from the SDK itself: each public method of `azure.batch.aio.BatchClient` and the
request builder behind it (`azure.batch._operations._operations.build_batch_*_request`), which gives
its verb and path. A new SDK with a new operation fails here until the table (and Local Batch) say
what it does.
"""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path

import aiohttp
import pytest
from azure.batch._operations import _operations as sdk_operations
from azure.batch.aio import BatchClient
from yarl import URL

from tests.localbatch.signed_requests import request
from tests.support.batch_scenarios import (
    create_idle_pool,
    idle_nodes,
    python_command,
    submit_task,
    unique,
    wait_for_completion,
)

README = Path(__file__).resolve().parents[2] / "README.md"
NOT_OPERATIONS = {"close", "send_request"}
# Client-side helpers over another operation.
HELPERS = {"create_tasks": "create_task_collection"}
# Operations another part of issue 14 brings (its route is not in this branch yet): answered, not checked.
# Never a bare 404 or 405 for an operation of the SDK: those say "no such route", read as "no such resource".
NO_ROUTE = {"ResourceNotFound", "UnsupportedHttpVerb"}
_ROW = re.compile(r"^\|\s*`(?P<operation>[a-z_]+)`\s*\|\s*`(?P<verb>[A-Z]+) (?P<path>[^`]+)`\s*\|\s*(?P<status>[^|]+)\|")


def sdk_operation_names() -> list[str]:
    return sorted(
        name for name, member in inspect.getmembers(BatchClient, inspect.isfunction)
        if not name.startswith("_") and name not in NOT_OPERATIONS
    )


def builder_of(operation: str):  # type: ignore[no-untyped-def]
    name = HELPERS.get(operation, operation.removeprefix("begin_"))
    for candidate in (f"build_batch_{name}_request", f"build_batch_{name}_internal_request"):
        if hasattr(sdk_operations, candidate):
            return getattr(sdk_operations, candidate)
    raise AssertionError(f"no request builder in the SDK for {operation}")


PLACEHOLDERS = {
    "pool_id": "walk-pool", "node_id": "walk-node", "job_id": "walk-job", "task_id": "walk-task",
    "file_path": "stdout.txt", "user_name": "walk-user", "extension_name": "walk-extension",
    "application_id": "walk-app", "job_schedule_id": "walk-schedule",
}
# What changes the world the walk runs in: walked after everything else.
_DESTRUCTIVE = ("delete", "deallocate", "reimage", "remove", "terminate", "reboot", "resize", "disable", "stop")


def built_request(operation: str, values: dict[str, str] = PLACEHOLDERS) -> tuple[str, str, str, bool]:
    """Verb, raw path, raw query and whether it has a body, as the SDK builds the operation's request."""
    builder = builder_of(operation)
    parameters = inspect.signature(builder).parameters
    arguments = {name: values[name] for name, p in parameters.items() if p.default is inspect.Parameter.empty and p.kind != p.VAR_KEYWORD}
    source = inspect.getsource(builder)
    has_body = "content_type" in source
    built = builder(**arguments, **({"content_type": "application/json; odata=minimalmetadata"} if has_body else {}))
    url = URL(built.url)
    return built.method, url.raw_path, url.raw_query_string, has_body


def readme_table() -> dict[str, dict[str, str]]:
    rows = {}
    for line in README.read_text().splitlines():
        match = _ROW.match(line)
        if match:
            rows[match["operation"]] = {"verb": match["verb"], "path": match["path"].strip(), "status": match["status"].strip()}
    return rows


def test_the_readme_table_lists_every_operation_of_the_sdk_with_its_route():
    table = readme_table()
    operations = sdk_operation_names()
    assert len(operations) >= 70
    assert sorted(table) == operations, "the README's table and the SDK's operations differ"
    for operation in operations:
        verb, raw_path, _, _ = built_request(operation)
        route = re.sub(r"walk-[a-z]+|stdout\.txt", lambda m: "{" + m[0].removeprefix("walk-").replace("stdout.txt", "file") + "}", raw_path)
        assert (table[operation]["verb"], table[operation]["path"]) == (verb, route), operation


@pytest.mark.asyncio
async def test_every_operation_answers_as_the_table_says_and_never_with_no_route(local_batch, client):
    """Against a pool with an idle node and a job with a completed task; what destroys them goes last."""
    table = readme_table()
    pool_id = await create_idle_pool(client, unique("walk-pool"), 1)
    job_id, task_id = unique("walk-job"), "walk-task"
    await submit_task(client, pool_id, job_id, task_id, python_command("print('walked')"))
    await wait_for_completion(client, job_id, task_id)
    values = dict(PLACEHOLDERS, pool_id=pool_id, node_id=(await idle_nodes(client, pool_id))[0], job_id=job_id)
    endpoint = local_batch.endpoint
    answers = {}
    walk = sorted(sdk_operation_names(), key=lambda name: (any(word in name for word in _DESTRUCTIVE), name))
    async with aiohttp.ClientSession() as session:
        for operation in walk:
            verb, raw_path, raw_query, has_body = built_request(operation, values)
            answer = await request(session, endpoint, verb, raw_path, raw_query, body=b"{}" if has_body else None)
            is_json = answer.headers.get("Content-Type", "").startswith("application/json")
            code = answer.json().get("code") if answer.body and is_json else None
            answers[operation] = (answer.status, code)
    for operation, (status, code) in answers.items():
        described = f"{operation}: {status} {code}"
        assert status < 500, described
        assert code not in NO_ROUTE, described
        expected = table[operation]["status"]
        refused = re.match(r"refused \(`(\w+)`\)", expected)
        if refused:
            assert (status, code) == (400, refused[1]), f"{described}, the table says {expected}"
        else:
            assert expected.split()[0].rstrip(":") in ("works", "emulated"), f"{operation}: {expected}"
            assert code != "OperationNotSupportedByLocalBatch", f"{described}, the table says {expected}"
            answered = re.match(r"emulated: (\d{3}) `(\w+)`", expected)  # an emulation that always answers one error
            if answered:
                assert (status, code) == (int(answered[1]), answered[2]), f"{described}, the table says {expected}"
    print(json.dumps(answers))
