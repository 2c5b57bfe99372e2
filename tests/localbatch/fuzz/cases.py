"""Hypothesis strategies for requests to every Local Batch route: mostly almost right, sometimes wild.

A case is a method and route with ids (the fuzz world's, random or odd), a query string
($filter, $select, $skiptoken, maxresults garbage, api-version missing or twice), headers
(content types and encodings, ranges, conditions), a body (a valid template with one field
broken, an unknown field, a required one dropped; or deep, huge, non-UTF-8, not JSON at
all) and a signature (right, missing, wrong key, made for another request).
"""

from __future__ import annotations

import base64
import copy
import json
import string
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from hypothesis import strategies as st

from tests.localbatch.signed_requests import API

POOL, NODE_PLACEHOLDER, JOB, DONE, WAITING = "fz-pool", "{node}", "fz-job", "fz-done", "fz-wait"


@dataclass(frozen=True)
class Case:
    method: str
    path: str  # raw, percent-encoded; "{node}" (here and in the body) stands for the fuzz pool's node id
    query: str  # raw
    headers: dict[str, str]
    body: bytes | None
    signing: str  # "signed", "unsigned", "wrong key", "other request"
    expect: int | None = None  # the status a hand-written case must get


# --- templates: valid bodies the service would accept ----------------------------------------

_METADATA = [{"name": "owner", "value": "fuzz"}]
_NODE = "/pools/{pool}/nodes/{node}"
_TASK = {
    "id": "fz-new-task",
    "commandLine": "/bin/true",
    "displayName": "a task",
    "resourceFiles": [{"httpUrl": "http://127.0.0.1:9/input.txt", "filePath": "in/input.txt", "fileMode": "0644"}],
    "environmentSettings": [{"name": "SETTING", "value": "1"}],
    "constraints": {"maxWallClockTime": "PT1H", "retentionTime": "P7D", "maxTaskRetryCount": 0},
    "requiredSlots": 1,
    "userIdentity": {"autoUser": {"scope": "task", "elevationLevel": "nonadmin"}},
}
_MULTI_INSTANCE = {"numberOfInstances": 2, "coordinationCommandLine": "/bin/true", "commonResourceFiles": []}
TEMPLATES: dict[tuple[str, str], dict] = {
    ("POST", "/pools"): {
        "id": "fz-new-pool", "vmSize": "standard_d2s_v3", "displayName": "a pool", "targetDedicatedNodes": 0,
        "targetLowPriorityNodes": 0, "enableInterNodeCommunication": False, "taskSlotsPerNode": 1,
        "resizeTimeout": "PT15M", "metadata": _METADATA, "taskSchedulingPolicy": {"nodeFillType": "spread"},
        "virtualMachineConfiguration": {
            "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts", "sku": "server"}, "nodeAgentSKUId": "batch.node.ubuntu 24.04",
        },
    },
    ("PATCH", "/pools/{pool}"): {"metadata": _METADATA, "startTask": {"commandLine": "/bin/true", "waitForSuccess": True, "maxTaskRetryCount": 0}},
    ("POST", "/pools/{pool}/resize"): {"targetDedicatedNodes": 1, "targetLowPriorityNodes": 0, "resizeTimeout": "PT15M", "nodeDeallocationOption": "requeue"},
    ("POST", "/pools/{pool}/removenodes"): {"nodeList": [NODE_PLACEHOLDER], "nodeDeallocationOption": "requeue", "resizeTimeout": "PT15M"},
    ("POST", "/pools/{pool}/nodes/{node}/reboot"): {"nodeRebootOption": "requeue"},
    ("POST", "/jobs"): {
        "id": "fz-new-job", "poolInfo": {"poolId": POOL}, "priority": 0, "maxParallelTasks": -1, "onAllTasksComplete": "noaction",
        "onTaskFailure": "noaction", "constraints": {"maxWallClockTime": "PT1H", "maxTaskRetryCount": 0},
        "commonEnvironmentSettings": [{"name": "COMMON", "value": "1"}], "metadata": _METADATA,
    },
    ("PATCH", "/jobs/{job}"): {"priority": 1, "onAllTasksComplete": "noaction", "maxParallelTasks": 2, "metadata": _METADATA, "poolInfo": {"poolId": POOL}},
    ("PUT", "/jobs/{job}"): {"priority": 2, "onAllTasksComplete": "noaction", "metadata": _METADATA, "poolInfo": {"poolId": POOL}},
    ("POST", "/jobs/{job}/terminate"): {"terminateReason": "fuzzed"},
    ("POST", "/jobs/{job}/tasks"): {**_TASK, "multiInstanceSettings": _MULTI_INSTANCE},
    ("POST", "/jobs/{job}/addtaskcollection"): {"value": [_TASK, {**_TASK, "id": "fz-new-task-2"}]},
    ("PUT", "/jobs/{job}/tasks/{task}"): {"constraints": {"maxWallClockTime": "PT1H", "retentionTime": "P7D", "maxTaskRetryCount": 1}},
    ("POST", f"{_NODE}/users"): {"name": "fz-user", "isAdmin": False, "password": "P4ss!word", "expiryTime": "2030-01-01T00:00:00Z"},
    ("PUT", f"{_NODE}/users/fz-user"): {"password": "N3w!pass", "expiryTime": "2030-01-01T00:00:00Z", "sshPublicKey": "ssh-rsa AAAA fz"},
    ("POST", f"{_NODE}/disablescheduling"): {"nodeDisableSchedulingOption": "taskcompletion"},
    ("POST", f"{_NODE}/reimage"): {"nodeReimageOption": "requeue"},
    ("POST", f"{_NODE}/deallocate"): {"nodeDeallocateOption": "requeue"},
    ("POST", f"{_NODE}/uploadbatchservicelogs"): {"containerUrl": "http://127.0.0.1:9/logs?sig=x", "startTime": "2025-01-01T00:00:00Z"},
    ("POST", "/pools/{pool}/updateproperties"): {
        "applicationPackageReferences": [], "metadata": _METADATA, "startTask": {"commandLine": "/bin/true", "maxTaskRetryCount": "1"},
    },
    ("POST", "/pools/{pool}/enableautoscale"): {"autoScaleFormula": "$TargetDedicatedNodes = 1;"},
    ("POST", "/jobs/{job}/disable"): {"disableTasks": "requeue"},
    ("POST", "/jobschedules"): {"id": "fz-schedule", "schedule": {}, "jobSpecification": {"poolInfo": {"poolId": POOL}}},
}
ROUTES: list[tuple[str, str]] = [
    ("GET", "/pools"), ("POST", "/pools"), ("GET", "/pools/{pool}"), ("HEAD", "/pools/{pool}"),
    ("PATCH", "/pools/{pool}"), ("DELETE", "/pools/{pool}"), ("POST", "/pools/{pool}/resize"),
    ("POST", "/pools/{pool}/stopresize"), ("POST", "/pools/{pool}/removenodes"), ("GET", "/nodecounts"),
    ("GET", "/pools/{pool}/nodes"), ("GET", "/pools/{pool}/nodes/{node}"), ("POST", "/pools/{pool}/nodes/{node}/reboot"),
    ("GET", "/pools/{pool}/nodes/{node}/files"), ("GET", "/pools/{pool}/nodes/{node}/files/{path}"),
    ("HEAD", "/pools/{pool}/nodes/{node}/files/{path}"), ("DELETE", "/pools/{pool}/nodes/{node}/files/{path}"),
    ("GET", "/jobs"), ("POST", "/jobs"), ("GET", "/jobs/{job}"), ("PATCH", "/jobs/{job}"), ("PUT", "/jobs/{job}"),
    ("DELETE", "/jobs/{job}"), ("POST", "/jobs/{job}/terminate"), ("GET", "/jobs/{job}/taskcounts"),
    ("POST", "/jobs/{job}/tasks"), ("POST", "/jobs/{job}/addtaskcollection"), ("GET", "/jobs/{job}/tasks"),
    ("GET", "/jobs/{job}/tasks/{task}"), ("PUT", "/jobs/{job}/tasks/{task}"), ("DELETE", "/jobs/{job}/tasks/{task}"),
    ("POST", "/jobs/{job}/tasks/{task}/terminate"), ("POST", "/jobs/{job}/tasks/{task}/reactivate"),
    ("GET", "/jobs/{job}/tasks/{task}/subtasksinfo"), ("GET", "/jobs/{job}/tasks/{task}/files"),
    ("GET", "/jobs/{job}/tasks/{task}/files/{path}"), ("HEAD", "/jobs/{job}/tasks/{task}/files/{path}"),
    ("DELETE", "/jobs/{job}/tasks/{task}/files/{path}"),
    ("GET", f"{_NODE}/remoteloginsettings"), ("POST", f"{_NODE}/users"), ("PUT", f"{_NODE}/users/fz-user"),
    ("DELETE", f"{_NODE}/users/fz-user"), ("POST", f"{_NODE}/disablescheduling"), ("POST", f"{_NODE}/enablescheduling"),
    ("POST", f"{_NODE}/reimage"), ("POST", f"{_NODE}/deallocate"), ("POST", f"{_NODE}/start"),
    ("POST", f"{_NODE}/uploadbatchservicelogs"), ("GET", f"{_NODE}/extensions"), ("GET", f"{_NODE}/extensions/fz-extension"),
    ("POST", "/pools/{pool}/updateproperties"), ("POST", "/pools/{pool}/enableautoscale"),
    ("POST", "/pools/{pool}/disableautoscale"), ("POST", "/pools/{pool}/evaluateautoscale"),
    ("POST", "/jobs/{job}/disable"), ("POST", "/jobs/{job}/enable"), ("GET", "/supportedimages"), ("GET", "/poolusagemetrics"),
    ("GET", "/applications"), ("GET", "/applications/fz-app"), ("GET", "/jobschedules"), ("POST", "/jobschedules"),
    ("GET", "/jobschedules/fz-schedule"), ("DELETE", "/jobschedules/fz-schedule"),
    # Not routes of Batch (or not of Local Batch), and verbs a route does not take.
    ("GET", "/certificates"), ("PUT", "/pools"), ("OPTIONS", "/jobs"), ("TRACE", "/pools"),
]

# --- pieces ------------------------------------------------------------------------------------

_ID_ALPHABET = string.ascii_letters + string.digits + "-_"
_ODD_IDS = ["", ".", "..", "%2e%2e", "a%2Fb", "a%00b", "%ff%fe", "x" * 65, "x" * 5000, "%E2%98%83", "fz-pool%20", "FZ-POOL", "%25", "a+b"]
_FILE_PATHS = [
    "stdout.txt", "stderr.txt", "wd", "wd/out.txt", "wd/sub/deep.txt", "wd%2Fout.txt", "shared", "startup",
    "workitems", "../account.key", "..%2F..%2F..%2Faccount.key", "%2e%2e/%2e%2e/etc/passwd", "/etc/passwd",
    "wd/../../../../../../etc/hostname", "wd/%00", "wd/%ff", "." , "./", "wd//out.txt", "x" * 300, "%" ,
]
_FILTERS = [
    "state eq 'active'", "id eq 'fz-done'", "startswith(id,'fz')", "executionInfo/exitCode eq 0", "(((((id ne null)))))",
    "state eq", "state == 'active'", "id eq 'unterminated", "not", "x" * 9000, "1" * 5000 + " eq id", "id eq " + "9" * 4400,
    "creationTime gt datetime'2025-13-45T99:99:99Z'", "(" * 60 + "id ne null" + ")" * 60, "contains(id)", "nosuch(id,'x')",
]
_SELECTS = ["id", "id,state", "id,,state", "id/x", "-id", "*", "id state", "executionInfo/exitCode", "é", "a" * 9000]


def _token(state: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(state).encode()).decode().rstrip("=")


_TOKENS = [
    _token({"o": 0, "f": None, "s": None, "m": 1}), _token({"o": 1, "f": {"not": "a string"}}), _token({"o": 0, "s": ["id"]}),
    _token({"o": -5}), _token({"o": True}), _token({"o": 10**100}), _token({"o": 0, "m": 0}), _token({"o": 0, "m": "1000"}),
    _token([1, 2]), _token("text"), "!!!not-base64!!!", "", "e30", "=" * 9, _token({"o": 0, "f": "state eq"}),
    base64.urlsafe_b64encode(b"[" * 3000).decode(), _token({"o": 0, "f": "1" * 5000 + " eq id"}),
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)


def _encode(text: str) -> str:
    return quote(text, safe="")


@st.composite
def ids(draw: st.DrawFn, known: list[str]) -> str:
    """A percent-encoded id for a URL: one of the world's (often), a random valid one, or an odd one."""
    choice = draw(st.integers(0, 9))
    if choice < 6:
        return _encode(draw(st.sampled_from(known)))
    if choice < 8:
        return _encode(draw(st.text(_ID_ALPHABET, min_size=1, max_size=64)))
    return draw(st.sampled_from(_ODD_IDS) | st.text(max_size=20).map(_encode))


@st.composite
def file_paths(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return draw(st.sampled_from(_FILE_PATHS))
    return "/".join(_encode(part) for part in draw(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=4)))


@st.composite
def queries(draw: st.DrawFn) -> str:
    pairs: list[tuple[str, str]] = []
    version = draw(st.integers(0, 9))
    if version < 8:
        pairs.append(("api-version", API))
    elif version == 8:
        pairs.append(("api-version", draw(st.sampled_from(["", "2025-06-01.20.0", "latest", "2025-06-01\x00", "9" * 30]))))
    options = {
        "$filter": st.sampled_from(_FILTERS) | st.text(max_size=60),
        "$select": st.sampled_from(_SELECTS) | st.text(max_size=30),
        "$skiptoken": st.sampled_from(_TOKENS) | st.text(max_size=30),
        "maxresults": st.sampled_from(["1", "0", "1001", "-1", "1e3", "²", "9" * 5000, " 5 "]) | st.text(max_size=6),
        "recursive": st.sampled_from(["true", "false", "TRUE", "yes"]),
        "timeout": st.sampled_from(["30", "-1", "x"]),
        "$expand": st.sampled_from(["stats", "x"]),
    }
    for name in draw(st.lists(st.sampled_from(sorted(options)), max_size=3)):
        pairs.append((name, draw(options[name])))
    if pairs and draw(st.integers(0, 15)) == 0:  # a parameter given twice: the replayed-signature hole
        name, _ = draw(st.sampled_from(pairs))
        pairs.insert(draw(st.integers(0, len(pairs))), (name, draw(st.sampled_from(["", "id", API]))))
    return "&".join(f"{_encode(name)}={_encode(value)}" for name, value in pairs)


_HEADER_VALUE = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40)


@st.composite
def headers(draw: st.DrawFn) -> dict[str, str]:
    choices = {
        "Content-Type": st.sampled_from(
            ["application/json; odata=minimalmetadata", "application/json", "text/plain", "application/json; charset=latin-1", "multipart/form-data; boundary=x"]
        ),
        "Content-Encoding": st.sampled_from(["gzip", "deflate", "br", "identity", "zstd", "x-unknown"]),
        "ocp-range": st.sampled_from(["bytes=0-10", "bytes=5-", "bytes=-3", "bytes=10-2", "bytes=0-1,3-4", "lines=1-2", "bytes=" + "9" * 40, "bytes=-"]) | _HEADER_VALUE,
        "Range": st.sampled_from(["bytes=0-0", "bytes=99999999999-"]),
        "If-Match": st.sampled_from(['"0x1"', "*", '"', ""]) | _HEADER_VALUE,
        "If-None-Match": st.sampled_from(["*", '"0x1"']),
        "If-Modified-Since": st.sampled_from(["Mon, 01 Jan 2001 00:00:00 GMT", "yesterday"]),
        "client-request-id": _HEADER_VALUE,
        "ocp-date-extra": _HEADER_VALUE,
        "X-Unknown": st.sampled_from(["x" * 9000, "y"]),
    }
    return {name: draw(choices[name]) for name in draw(st.lists(st.sampled_from(sorted(choices)), max_size=3, unique=True))}


def _break(template: dict, draw: st.DrawFn) -> dict:
    """The template with one thing wrong (or none): a field's value, an unknown field, a missing one."""
    body = copy.deepcopy(template)
    target = body
    while isinstance(target, dict) and target and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(target)))
        child = target[key]
        if isinstance(child, list) and child and isinstance(child[0], dict):
            child = child[0]
        if not isinstance(child, dict) or not child:
            break
        target = child
    if not isinstance(target, dict) or not target:
        return body
    how = draw(st.sampled_from(["value", "value", "value", "unknown", "drop", "none"]))
    key = draw(st.sampled_from(sorted(target)))
    if how == "value":
        target[key] = draw(json_values | st.sampled_from([10**30, -(2**31) - 1, 2**31, "", "x" * 70000, [], {}, True, 1.5]))
    elif how == "unknown":
        target[draw(st.text(min_size=1, max_size=15))] = draw(json_values)
    elif how == "drop":
        del target[key]
    return body


@st.composite
def bodies(draw: st.DrawFn, method: str, route: str) -> bytes | None:
    template = TEMPLATES.get((method, route))
    kind = draw(st.integers(0, 19))
    if method in ("GET", "HEAD", "DELETE") and kind < 17:
        return None
    if template is not None and kind < 13:
        body = _break(template, draw)
        return json.dumps(body).encode()
    wild = [
        lambda: b"",
        lambda: b"{not json",
        lambda: b"[" * 100_000 + b"]" * 100_000,
        lambda: b'{"a":' * 5000 + b"1" + b"}" * 5000,
        lambda: b'{"priority": ' + b"1" * 5000 + b"}",
        lambda: b'{"targetDedicatedNodes": 1e400}',
        lambda: b'{"priority": NaN}',
        lambda: b"\xff\xfe\x00{",
        lambda: json.dumps(draw(json_values)).encode(),
        lambda: b'{"id": "fz-big", "vmSize": "s", "pad": "' + b"x" * (5 * 1024 * 1024) + b'"}',
        lambda: json.dumps({"value": [{"id": f"t{i}", "commandLine": "/bin/true"} for i in range(101)]}).encode(),
        lambda: draw(st.binary(max_size=64)),
    ]
    return draw(st.sampled_from(wild))()


@st.composite
def cases(draw: st.DrawFn, pools: list[str], jobs: list[str], tasks: list[str]) -> Case:
    method, route = draw(st.sampled_from(ROUTES))
    path = route
    for placeholder, known in (("{pool}", pools), ("{node}", [NODE_PLACEHOLDER]), ("{job}", jobs), ("{task}", tasks)):
        if placeholder in path:
            path = path.replace(placeholder, draw(ids(known)))
    if "{path}" in path:
        path = path.replace("{path}", draw(file_paths()))
    signing = draw(st.sampled_from(["signed"] * 17 + ["unsigned", "wrong key", "other request"]))
    return Case(method, path.replace(quote(NODE_PLACEHOLDER, safe=""), NODE_PLACEHOLDER), draw(queries()), draw(headers()), draw(bodies(method, route)), signing)
