"""Fuzzing every route of a live Local Batch with Hypothesis (strategies in `cases`).

Each case is sent signed (so it reaches the handlers) or unsigned / wrongly signed, against a
small world: a pool with one idle node, a job with a completed task (and its files) and a
multi-instance task that can never run. For every case: no 5xx; a refusal carries Batch's
error body; and a refused request changes nothing (the world is read before and after and
compared, field for field, ETags included). After all cases the service's log holds no
traceback and no error. Valid requests may change the world: it is waited for (or repaired)
until it is settled again before the next case.
"""

from __future__ import annotations

import asyncio
import base64
import collections
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import aiohttp
import pytest
from hypothesis import HealthCheck, Phase, example, given, settings

from explorer.client.local.local_batch import LocalBatchEndpoint, LocalBatchService
from tests.localbatch.fuzz.cases import DONE, JOB, POOL, WAITING, Case, cases
from tests.localbatch.fuzz.cases import NODE_PLACEHOLDER as NODE
from tests.localbatch.signed_requests import API, Answer, request, signed_headers
from tests.localbatch.soak import SOAK, scaled

pytestmark = pytest.mark.timeout(3600)

CASES = scaled(200, 6000)
WRONG_KEY = "d3Jvbmcga2V5IHdyb25nIGtleSB3cm9uZyBrZXkgd3Jvbmcga2V5IHdyb25nIGtleQ=="
_SETTLE_SECONDS = 15


_MOVING_JOB_STATES = ("terminating", "deleting", "disabling", "enabling")


@dataclass
class Tally:
    cases: int = 0
    statuses: collections.Counter = field(default_factory=collections.Counter)
    server_errors: list[str] = field(default_factory=list)
    refused_compared: int = 0
    state_changes: list[str] = field(default_factory=list)
    repairs: int = 0

    def report(self) -> str:
        statuses = ", ".join(f"{status}: {count}" for status, count in sorted(self.statuses.items()))
        return (
            f"{self.cases} fuzz cases ({statuses}); 5xx: {len(self.server_errors)}; refused requests compared "
            f"before/after: {self.refused_compared}, state changes: {len(self.state_changes)}; world repairs: {self.repairs}"
        )


class FuzzWorld:
    """The service, the resources cases aim at, and the checks around each case."""

    def __init__(self, service: LocalBatchService, loop: asyncio.AbstractEventLoop) -> None:
        self.service = service
        self.loop = loop
        endpoint = service.endpoint
        assert endpoint is not None
        self.endpoint = endpoint
        self.session = loop.run_until_complete(self._session())
        self.tally = Tally()
        self.node_id = ""
        self._before: dict | None = None

    async def _session(self) -> aiohttp.ClientSession:
        return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120), auto_decompress=False)

    async def call(self, method: str, path: str, query: str = f"api-version={API}", body: object = None) -> Answer:
        data = None if body is None else json.dumps(body).encode()
        return await request(self.session, self.endpoint, method, path, query, body=data)

    # --- the world ------------------------------------------------------------------------
    async def build(self) -> None:
        await self._ensure_pool()
        await self._ensure_job()

    async def _ensure_pool(self) -> None:
        answer = await self.call("GET", f"/pools/{POOL}")
        if answer.status == 200 and answer.json().get("state") == "deleting":
            await self._until(lambda: self._missing(f"/pools/{POOL}"), "the fuzz pool deleted")
            answer = await self.call("GET", f"/pools/{POOL}")
        if answer.status == 404:
            created = await self.call("POST", "/pools", body={"id": POOL, "vmSize": "s", "targetDedicatedNodes": 1, "taskSlotsPerNode": 2})
            assert created.status == 201, created
        pool = (await self.call("GET", f"/pools/{POOL}")).json()
        if pool["targetDedicatedNodes"] != 1 or pool.get("targetLowPriorityNodes"):
            if pool["allocationState"] != "steady":
                await self.call("POST", f"/pools/{POOL}/stopresize")
            await self._until(self._pool_steady, "the fuzz pool steady")
            resized = await self.call("POST", f"/pools/{POOL}/resize", body={"targetDedicatedNodes": 1, "targetLowPriorityNodes": 0})
            assert resized.status == 202, resized
        await self._until(self._node_idle, "the fuzz pool's node idle")

    async def _ensure_job(self) -> None:
        answer = await self.call("GET", f"/jobs/{JOB}")
        if answer.status == 200 and answer.json()["state"] in ("disabling", "disabled"):
            await self._until(lambda: self._job_state_in(("disabled", "active")), "the fuzz job disabled")
            await self.call("POST", f"/jobs/{JOB}/enable")
            answer = await self.call("GET", f"/jobs/{JOB}")
        if answer.status == 200 and (answer.json()["state"] != "active" or answer.json()["poolInfo"].get("poolId") != POOL):
            if answer.json()["state"] == "active":
                await self.call("PATCH", f"/jobs/{JOB}", body={"poolInfo": {"poolId": POOL}})
            else:
                await self._until(lambda: self._job_state_in(("completed", "active")), "the fuzz job at rest")
                await self.call("DELETE", f"/jobs/{JOB}")
                await self._until(lambda: self._missing(f"/jobs/{JOB}"), "the fuzz job deleted")
            answer = await self.call("GET", f"/jobs/{JOB}")
        if answer.status == 404:
            created = await self.call("POST", "/jobs", body={"id": JOB, "poolInfo": {"poolId": POOL}})
            assert created.status == 201, created
        for task in (
            {"id": DONE, "commandLine": "/bin/bash -c 'echo done; echo out > out.txt; mkdir -p sub; echo deep > sub/deep.txt'"},
            {"id": WAITING, "commandLine": "/bin/true", "multiInstanceSettings": {"numberOfInstances": 2, "coordinationCommandLine": "/bin/true"}},
        ):
            if (await self.call("GET", f"/jobs/{JOB}/tasks/{task['id']}")).status == 404:
                assert (await self.call("POST", f"/jobs/{JOB}/tasks", body=task)).status == 201

    async def _until(self, check: Callable[[], Awaitable[bool]], what: str) -> None:
        deadline = time.monotonic() + 120
        while not await check():
            assert time.monotonic() < deadline, f"timed out waiting for {what}"
            await asyncio.sleep(0.05)

    async def _missing(self, path: str) -> bool:
        return (await self.call("GET", path)).status == 404

    async def _pool_steady(self) -> bool:
        answer = await self.call("GET", f"/pools/{POOL}")
        return answer.status == 200 and answer.json()["allocationState"] == "steady"

    async def _node_idle(self) -> bool:
        """Whether the one node is idle and takes tasks; undoes a disabled scheduling or a deallocation meanwhile."""
        nodes = (await self.call("GET", f"/pools/{POOL}/nodes")).json().get("value", [])
        if len(nodes) == 1 and nodes[0].get("schedulingState") == "disabled":
            await self.call("POST", f"/pools/{POOL}/nodes/{nodes[0]['id']}/enablescheduling")
            return False
        if len(nodes) == 1 and nodes[0]["state"] == "deallocated":
            await self.call("POST", f"/pools/{POOL}/nodes/{nodes[0]['id']}/start")
            return False
        if len(nodes) == 1 and nodes[0]["state"] == "idle":
            self.node_id = nodes[0]["id"]
            return await self._pool_steady()
        return False

    async def _job_state_in(self, states: tuple[str, ...]) -> bool:
        answer = await self.call("GET", f"/jobs/{JOB}")
        return answer.status == 404 or answer.json()["state"] in states

    async def snapshot(self) -> dict:
        """Everything a refused request could have touched, as the API shows it."""
        parts = {
            "pools": ("GET", "/pools", f"api-version={API}&%24select=id%2Cstate%2CallocationState%2CeTag"),
            "jobs": ("GET", "/jobs", f"api-version={API}&%24select=id%2Cstate%2CeTag"),
            "pool": ("GET", f"/pools/{POOL}", f"api-version={API}"),
            "nodes": ("GET", f"/pools/{POOL}/nodes", f"api-version={API}"),
            "job": ("GET", f"/jobs/{JOB}", f"api-version={API}"),
            "tasks": ("GET", f"/jobs/{JOB}/tasks", f"api-version={API}"),
            "files": ("GET", f"/jobs/{JOB}/tasks/{DONE}/files", f"api-version={API}&recursive=true"),
        }
        answers = await asyncio.gather(*(self.call(method, path, query) for method, path, query in parts.values()))
        snapshot = {name: (answer.status, answer.json()) for name, answer in zip(parts, answers, strict=True)}
        # Tasks that valid cases added to jobs of their own may run on the fuzz pool's node.
        others = [j["id"] for j in snapshot["jobs"][1].get("value", []) if j["id"].lower() != JOB.lower()]
        counts = await asyncio.gather(*(self.call("GET", f"/jobs/{job_id}/taskcounts") for job_id in others))
        snapshot["other jobs' tasks"] = (200, {job_id: answer.json() for job_id, answer in zip(others, counts, strict=True)})
        return snapshot

    def _other_jobs_at_rest(self, snapshot: dict) -> bool:
        counts = snapshot["other jobs' tasks"][1].values()
        return all(c.get("taskCounts", {}).get("active", 0) == 0 and c.get("taskCounts", {}).get("running", 0) == 0 for c in counts)

    def settled(self, snapshot: dict) -> bool:
        """Nothing in the world moves on its own: no booting node, no resize, no task about to run."""
        pool_status, pool = snapshot["pool"]
        job_status, job = snapshot["job"]
        if pool_status != 200 or job_status != 200 or pool["state"] != "active" or pool["allocationState"] != "steady":
            return False
        nodes = snapshot["nodes"][1].get("value", [])
        if len(nodes) != 1 or nodes[0]["state"] != "idle" or nodes[0].get("schedulingState") != "enabled" or pool["targetDedicatedNodes"] != 1:
            return False
        if job["state"] != "active" or job["poolInfo"].get("poolId") != POOL:
            return False
        tasks = snapshot["tasks"][1].get("value", [])
        if not all(t["state"] == "completed" or (t["state"] == "active" and "multiInstanceSettings" in t) for t in tasks):
            return False
        # Pools and jobs that valid cases made move by themselves too (nodes booting, deletions).
        pools = snapshot["pools"][1].get("value", [])
        jobs = snapshot["jobs"][1].get("value", [])
        return (
            all(p["state"] == "active" and p["allocationState"] == "steady" for p in pools)
            and all(j["state"] not in _MOVING_JOB_STATES for j in jobs)
            and self._other_jobs_at_rest(snapshot)
        )

    def broken(self, snapshot: dict) -> bool:
        """A valid case changed the world in a way that does not go away by itself (deleted, resized, ended)."""
        pool_status, pool = snapshot["pool"]
        job_status, job = snapshot["job"]
        if pool_status != 200 or pool["state"] != "active" or pool["targetDedicatedNodes"] != 1 or pool.get("targetLowPriorityNodes"):
            return True
        if job_status != 200 or job["state"] not in ("active", "terminating") or job["poolInfo"].get("poolId") != POOL:
            return True
        nodes = snapshot["nodes"][1].get("value", [])
        if len(nodes) == 1 and (nodes[0]["state"] in ("offline", "deallocated") or nodes[0].get("schedulingState") == "disabled"):
            return True
        return pool["allocationState"] == "steady" and len(nodes) != 1

    async def settle(self) -> dict:
        """A snapshot of a settled world: waits for what moves by itself, repairs what valid cases broke."""
        deadline = time.monotonic() + _SETTLE_SECONDS
        while True:
            snapshot = await self.snapshot()
            if self.settled(snapshot):
                return snapshot
            if self.broken(snapshot) or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.05)
        self.tally.repairs += 1
        for pool in snapshot["pools"][1].get("value", []):
            if pool["id"] != POOL and pool["allocationState"] == "resizing":
                await self.call("POST", f"/pools/{pool['id']}/stopresize")
        if not self._other_jobs_at_rest(snapshot):
            for job_id in snapshot["other jobs' tasks"][1]:
                await self.call("POST", f"/jobs/{job_id}/terminate")
        tasks = snapshot["tasks"][1].get("value", []) if snapshot["tasks"][0] == 200 else []
        for task in tasks:
            if task["state"] != "completed" and not (task["state"] == "active" and "multiInstanceSettings" in task):
                await self.call("POST", f"/jobs/{JOB}/tasks/{task['id']}/terminate")
        await self.build()
        deadline = time.monotonic() + 120
        while not self.settled(snapshot := await self.snapshot()):
            assert time.monotonic() < deadline, json.dumps(snapshot, indent=1)[:6000]
            await asyncio.sleep(0.05)
        return snapshot

    # --- one case ---------------------------------------------------------------------------
    async def run(self, case: Case) -> None:
        before = self._before or await self.settle()
        self._before = None
        answer = await self._send(case)
        self.tally.cases += 1
        self.tally.statuses[answer.status] += 1
        described = f"{case.method} {case.path}?{case.query[:200]} [{case.signing}] -> {answer.status} {answer.body[:300]!r}"
        if answer.status >= 500:
            self.tally.server_errors.append(described)
            raise AssertionError(f"5xx: {described}")
        assert case.expect in (None, answer.status), f"expected {case.expect}: {described}"
        if answer.status >= 400:
            self._check_error_body(case, answer, described)
            after = await self.snapshot()
            self.tally.refused_compared += 1
            if after != before:
                changed = sorted(name for name in after if after[name] != before[name])
                self.tally.state_changes.append(f"{described}: {changed}")
                raise AssertionError(f"a refused request changed {changed}: {described}")
            self._before = after  # nothing changed: the next case starts from here

    async def _send(self, case: Case) -> Answer:
        try:
            return await self._send_once(case)
        except aiohttp.ClientResponseError as error:
            # aiohttp's HTTP parser refused the request and answered with a body even to a HEAD,
            # which aiohttp's client then refuses to read: an answer all the same.
            return Answer(error.status, b"", {})

    async def _send_once(self, case: Case) -> Answer:
        path = case.path.replace(NODE, self.node_id)
        body = None if case.body is None else case.body.replace(NODE.encode(), self.node_id.encode())
        endpoint = self.endpoint
        if case.signing == "wrong key":
            endpoint = LocalBatchEndpoint(endpoint.endpoint, endpoint.account, WRONG_KEY)
        elif case.signing == "other request":
            return await request(
                self.session, endpoint, case.method, path, case.query, body=body, headers=_signed_for(self, case), signed=False
            )
        return await request(
            self.session, endpoint, case.method, path, case.query, body=body, headers=case.headers,
            signed=case.signing != "unsigned",
        )

    def _check_error_body(self, case: Case, answer: Answer, described: str) -> None:
        if case.method == "HEAD" or not answer.body:
            return
        if answer.headers.get("Content-Type", "").startswith("application/json"):
            error = answer.json()
            assert error.get("code") and error.get("message", {}).get("value"), described
            assert "Traceback" not in error["message"]["value"], described
        else:  # refused by aiohttp's HTTP parser before any handler: a plain 400
            assert answer.status == 400, described


def _signed_for(world: FuzzWorld, case: Case) -> dict[str, str]:
    """Headers signed for a different request (GET /jobs), sent with this one."""
    headers = dict(case.headers)
    if case.body is not None:
        headers.setdefault("Content-Type", "application/json; odata=minimalmetadata")
    return signed_headers(world.endpoint, "GET", "/jobs", f"api-version={API}", headers)


@pytest.fixture(scope="module")
def fuzz_world(tmp_path_factory):
    service = LocalBatchService(tmp_path_factory.mktemp("fuzz") / "lb", extra_args=("--node-start-seconds", "0.05"))
    service.start()
    loop = asyncio.new_event_loop()
    world = FuzzWorld(service, loop)
    try:
        loop.run_until_complete(world.build())
        yield world
    finally:
        print(f"\n{world.tally.report()}")
        loop.run_until_complete(world.session.close())
        loop.close()
        service.stop()
    log = service.log_path.read_text(errors="replace")
    assert "Traceback" not in log and " ERROR " not in log, log[-5000:]


def _example(method: str, path: str, body: object = None, query: str = f"api-version={API}", **headers: str) -> Case:
    """A finding of the issue as a case: each must be refused with a 400."""
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    return Case(method, path, query, headers, data, "signed", expect=400)


# What the issue found, sent in every run before the generated cases.
FOUND = [
    _example("PATCH", f"/jobs/{JOB}", {"priority": 500, "onAllTasksComplete": "bogus"}),
    _example("PUT", f"/jobs/{JOB}", {"priority": 7, "metadata": [{"name": "a", "value": "b"}], "poolInfo": {"poolId": 5}}),
    _example("PATCH", f"/pools/{POOL}", {"metadata": [{"name": "a", "value": "b"}], "startTask": {"commandLine": 5}}),
    _example("POST", f"/pools/{POOL}/removenodes", {"nodeList": [NODE, NODE]}),
    _example("POST", "/pools", b"[" * 100_000 + b"]" * 100_000),
    _example("POST", "/jobs", b'{"id": "fz-int", "poolInfo": {"poolId": "fz-pool"}, "priority": ' + b"1" * 4400 + b"}"),
    _example("GET", f"/jobs/{JOB}/tasks", query=f"api-version={API}&%24filter=id%20eq%20{'9' * 4400}"),
    _example("GET", "/pools", query=f"api-version={API}&%24skiptoken=" + base64.urlsafe_b64encode(b'{"o":0,"f":{"x":1},"s":[1]}').decode().rstrip("=")),
    _example("POST", "/jobs", b'{"id": "fz-gzip", "poolInfo": {"poolId": "fz-pool"}}', **{"Content-Encoding": "gzip"}),
    _example("POST", f"/jobs/{JOB}/tasks", b'{"id": "fz-deflate", "commandLine": "x"}', **{"Content-Encoding": "deflate"}),
    _example("GET", f"/pools/{POOL}", query=f"api-version={API}&%24select=&%24select=id"),
]


def _with_examples(test):  # type: ignore[no-untyped-def]
    for case in FOUND:
        test = example(case=case)(test)
    return test


@settings(
    max_examples=CASES,
    deadline=None,
    database=None,
    derandomize=not SOAK,  # the quick run sends the same cases every time
    phases=(Phase.explicit, Phase.generate),  # no shrinking: the service's state moves on between cases
    suppress_health_check=list(HealthCheck),
)
@given(case=cases([POOL, "fz-new-pool"], [JOB, "fz-new-job"], [DONE, WAITING, "fz-new-task"]))
@_with_examples
def test_no_request_gets_a_5xx_or_changes_state_when_refused(fuzz_world, case):
    fuzz_world.loop.run_until_complete(fuzz_world.run(case))
