"""Shared Key verification against requests signed by the installed azure-batch SDK itself."""

import base64
import dataclasses
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from aiohttp import web
from azure.batch import BatchClient
from azure.batch.aio import BatchClient as AsyncBatchClient
from azure.batch.models import BatchTaskCreateOptions
from azure.core.credentials import AzureNamedKeyCredential
from azure.core.exceptions import HttpResponseError
from azure.core.pipeline import PipelineContext, PipelineRequest
from azure.core.rest import HttpRequest
from multidict import CIMultiDict
from yarl import URL

from explorer.localbatch.api.auth import (
    AuthenticationError,
    generate_key,
    sign,
    string_to_sign,
    verify_request,
)

ACCOUNT = "localbatch"
KEY = generate_key()
ENDPOINT = "http://127.0.0.1:8765"
API_VERSION = "api-version=2025-06-01"
SIGNED_AT = datetime(2025, 3, 4, 5, 6, 7, tzinfo=timezone.utc)


def at(moment: datetime):
    return lambda: moment


AT_SIGNING = at(SIGNED_AT)
"""The server's clock at the moment the SDK signed."""


def sdk_policy(account: str = ACCOUNT, key: str = KEY):
    """The policy the SDK's own client installs for an AzureNamedKeyCredential."""
    client = BatchClient(ENDPOINT, AzureNamedKeyCredential(account, key))
    return client._config.authentication_policy


@dataclasses.dataclass
class Received:
    """A request as the Local Batch server sees it: the arguments of verify_request."""

    method: str
    raw_path: str
    query: list[tuple[str, str]]
    headers: CIMultiDict

    def verify(self, key: str = KEY, account: str = ACCOUNT, now=AT_SIGNING, **options):
        return verify_request(
            self.method, self.raw_path, self.query, self.headers, account, key, now=now, **options
        )

    def replace(self, **changes) -> "Received":
        return dataclasses.replace(self, headers=CIMultiDict(self.headers), **changes)


def signed_by_sdk(method: str, url: str, *, ocp_date: datetime = SIGNED_AT, **request_options) -> Received:
    """Sign with the SDK's policy, then read the URL the way the server will (yarl decodes)."""
    request = HttpRequest(method, url, **request_options)
    request.headers["ocp-date"] = format_datetime(ocp_date, usegmt=True)
    request.headers["client-request-id"] = "0d3e9f6c-0000-4000-8000-000000000001"
    sdk_policy().on_request(PipelineRequest(request, PipelineContext(None)))
    sent = URL(request.url)
    return Received(request.method, sent.raw_path, list(sent.query.items()), CIMultiDict(request.headers))


@pytest.fixture
def listing() -> Received:
    return signed_by_sdk(
        "GET",
        f"{ENDPOINT}/jobs/mpi-job/tasks",
        params={
            "api-version": "2025-06-01",
            "$filter": "state eq 'active' and startswith(id, 'a,b')",
            "$select": "id,state,executionInfo",
            "maxresults": "100",
        },
    )


@pytest.fixture
def creation() -> Received:
    return signed_by_sdk(
        "POST",
        f"{ENDPOINT}/jobs/mpi-job/tasks?{API_VERSION}",
        json={"id": "task-1", "commandLine": "/bin/bash -c 'mpirun -n 2 hostname'"},
        headers={"content-type": "application/json; odata=minimalmetadata"},
    )


@pytest.fixture
def file_head() -> Received:
    return signed_by_sdk("HEAD", f"{ENDPOINT}/jobs/mpi-job/tasks/task-1/files/wd%2Fstd%20out.txt?{API_VERSION}")


# ------------------------------------------------------------------- accepted


def test_the_sdk_client_signs_with_the_policy_these_tests_use():
    assert type(sdk_policy()).__name__ == "BatchSharedKeyAuthPolicy"


def test_accepts_get_with_filter_and_select(listing):
    assert ("$filter", "state eq 'active' and startswith(id, 'a,b')") in listing.query
    result = listing.verify()
    assert result.account == ACCOUNT
    assert result.request_time == SIGNED_AT


def test_accepts_post_with_json_body(creation):
    assert creation.headers["content-length"] != "0"
    creation.verify()


def test_accepts_post_without_body_signed_as_content_length_zero():
    terminate = signed_by_sdk("POST", f"{ENDPOINT}/jobs/mpi-job/tasks/task-1/terminate?{API_VERSION}")
    assert "content-length" not in terminate.headers
    terminate.verify()
    terminate.headers["Content-Length"] = "0"  # what the transport puts on the wire
    terminate.verify()


def test_accepts_delete_without_content_length_signed_with_an_empty_length_line_as_npm_batch_does():
    """npm @azure/batch sends DELETE with no Content-Length and signs an empty line for it, as Azure accepts."""
    headers = CIMultiDict({"ocp-date": format_datetime(SIGNED_AT, usegmt=True)})
    text = string_to_sign("DELETE", "/pools/mpi-pool", [("api-version", "2025-06-01")], headers, ACCOUNT, absent_length="")
    assert text.split("\n")[3] == ""  # verb, content-encoding, content-language, then content-length
    headers["Authorization"] = f"SharedKey {ACCOUNT}:{sign(text, KEY)}"
    received = Received("DELETE", "/pools/mpi-pool", [("api-version", "2025-06-01")], headers)
    received.verify()
    received.headers["Content-Length"] = "0"  # the same request with the transport's explicit zero
    received.verify()
    received.headers["Content-Length"] = "12"  # a length that was not signed is still refused
    with pytest.raises(AuthenticationError):
        received.verify()


def test_accepts_a_colon_the_sdk_signed_quoted_and_the_transport_sent_plain():
    """A job schedule's job SCHEDULE:job-1: signed as %3A, sent as ':' by aiohttp."""
    listing = signed_by_sdk("GET", f"{ENDPOINT}/jobs/nightly%3Ajob-1/tasks?{API_VERSION}")
    listing.replace(raw_path="/jobs/nightly:job-1/tasks").verify()
    with pytest.raises(AuthenticationError):
        listing.replace(raw_path="/jobs/nightly:job-2/tasks").verify()


def test_accepts_head_of_percent_encoded_file_path(file_head):
    assert file_head.raw_path.endswith("/files/wd%2Fstd%20out.txt")
    file_head.verify()


def test_accepts_ocp_range_and_other_api_versions():
    download = signed_by_sdk(
        "GET",
        f"{ENDPOINT}/pools/mpi/nodes/tvm-1/files/workitems%2Fj%2Fjob-1%2Ft%2F1%2Fstdout.txt"
        "?api-version=2024-02-01.19.0",
        headers={"ocp-range": "bytes=100-199"},
    )
    download.verify()


def test_accepts_repeated_query_names_as_the_sdk_signs_them():
    # parse_qs drops empty values before taking the first: "a" is signed as "x".
    received = signed_by_sdk("GET", f"{ENDPOINT}/jobs?a=&a=x&B=2&b=&c=")
    assert received.query == [("a", ""), ("a", "x"), ("B", "2"), ("b", ""), ("c", "")]
    received.verify()
    assert string_to_sign("GET", "/jobs", received.query, {}, ACCOUNT).endswith("/localbatch/jobs\nB:2\na:x")


def test_accepts_account_name_in_another_case(listing):
    listing.verify(account="LocalBatch")


def test_accepts_legacy_clients_that_sign_slashes_for_encoded_separators(file_head):
    legacy = signed_by_sdk("HEAD", f"{ENDPOINT}/jobs/mpi-job/tasks/task-1/files/wd/std%20out.txt?{API_VERSION}")
    legacy.replace(raw_path=file_head.raw_path).verify()


def test_accepts_date_header_when_there_is_no_ocp_date():
    headers = CIMultiDict({"Date": format_datetime(SIGNED_AT, usegmt=True)})
    text = string_to_sign("GET", "/jobs", [], headers, ACCOUNT)
    headers["Authorization"] = f"SharedKey {ACCOUNT}:{sign(text, KEY)}"
    assert Received("GET", "/jobs", [], headers).verify().request_time == SIGNED_AT


def test_accepts_clock_within_fifteen_minutes(listing):
    listing.verify(now=at(SIGNED_AT + timedelta(minutes=14, seconds=59)))
    listing.verify(now=at(SIGNED_AT - timedelta(minutes=15)))


# ------------------------------------------------------------------- rejected


def rejection(received: Received, **options) -> str:
    with pytest.raises(AuthenticationError) as caught:
        received.verify(**options)
    reason = caught.value.reason
    server_key = options.get("key", KEY)
    text = string_to_sign(received.method, received.raw_path, received.query, received.headers, ACCOUNT)
    expected = sign(text, server_key)
    assert server_key not in reason
    assert expected not in reason
    return reason


def test_rejects_wrong_key(listing):
    assert "signature does not match" in rejection(listing, key=generate_key())


def test_rejects_tampered_path(listing, file_head):
    assert "signature" in rejection(listing.replace(raw_path="/jobs/other-job/tasks"))
    assert "signature" in rejection(file_head.replace(raw_path=file_head.raw_path.replace("%2F", "%2f")))


def test_rejects_tampered_query(listing):
    changed = [(name, "state eq 'completed'" if name == "$filter" else value) for name, value in listing.query]
    assert "signature" in rejection(listing.replace(query=changed))
    assert "signature" in rejection(listing.replace(query=[*listing.query, ("timeOut", "30")]))
    assert "signature" in rejection(listing.replace(query=[q for q in listing.query if q[0] != "$select"]))


def test_rejects_tampered_body_length_and_content_type(creation):
    longer = creation.replace()
    longer.headers["Content-Length"] = str(int(creation.headers["Content-Length"]) + 1)
    assert "signature" in rejection(longer)
    retyped = creation.replace()
    retyped.headers["Content-Type"] = "text/plain"
    assert "signature" in rejection(retyped)


def test_rejects_tampered_or_added_ocp_headers(listing):
    redated = listing.replace()
    redated.headers["ocp-date"] = format_datetime(SIGNED_AT + timedelta(seconds=1), usegmt=True)
    assert "signature" in rejection(redated)
    ranged = listing.replace()
    ranged.headers["ocp-range"] = "bytes=0-10"
    assert "signature" in rejection(ranged)


def test_rejects_other_method(listing):
    assert "signature" in rejection(listing.replace(method="DELETE"))


def test_rejects_missing_authorization(listing):
    anonymous = listing.replace()
    del anonymous.headers["Authorization"]
    assert rejection(anonymous) == "The request has no Authorization header."


def test_rejects_other_scheme(listing):
    bearer = listing.replace()
    bearer.headers["Authorization"] = "Bearer eyJ0eXAi"
    assert "must be SharedKey, not 'Bearer'" in rejection(bearer)


def test_rejects_other_account(listing):
    assert "signed for account 'localbatch', this is 'otheraccount'" in rejection(listing, account="otheraccount")


@pytest.mark.parametrize("skew", [timedelta(minutes=15, seconds=1), -timedelta(hours=2)])
def test_rejects_request_dated_too_far_from_the_clock(listing, skew):
    assert "more than 15 minutes from the server's clock" in rejection(listing, now=at(SIGNED_AT + skew))


def test_clock_check_can_be_turned_off(listing):
    listing.verify(now=at(SIGNED_AT + timedelta(days=3)), max_clock_skew=None)


def test_rejects_missing_date(listing):
    undated = listing.replace()
    del undated.headers["ocp-date"]
    assert "neither an ocp-date nor a Date header" in rejection(undated)


def test_rejects_unreadable_date(listing):
    garbled = listing.replace()
    garbled.headers["ocp-date"] = "yesterday at noon"
    assert "ocp-date header 'yesterday at noon' is not an RFC 1123 date" in rejection(garbled)


# -------------------------------------------------------------- string to sign


def test_string_to_sign_layout():
    headers = {
        "Content-Type": "application/json",
        "ocp-date": "Tue, 04 Mar 2025 05:06:07 GMT",
        "OCP-Range": "bytes=0-9",
        "If-Match": '"0x8D"',
        "client-request-id": "abc",
        "ocp-empty": "",
    }
    query = [("api-version", "2025-06-01"), ("$filter", "id eq 'a b'"), ("empty", "")]
    assert string_to_sign("post", "/jobs/j%2Fk", query, headers, "acct") == (
        "POST\n\n\n0\n\napplication/json\n\n\n\"0x8D\"\n\n\n\n"
        "ocp-date:Tue, 04 Mar 2025 05:06:07 GMT\nocp-range:bytes=0-9\n"
        "/acct/jobs/j%2Fk\n$filter:id eq 'a b'\napi-version:2025-06-01"
    )


def test_get_without_content_length_signs_it_empty():
    assert string_to_sign("GET", "/jobs", [], {}, "acct") == "GET\n" + "\n" * 11 + "/acct/jobs"


def test_sign_is_base64_hmac_sha256():
    # RFC 4231 test case 2.
    key = base64.b64encode(b"Jefe").decode()
    digest = bytes.fromhex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    assert sign("what do ya want for nothing?", key) == base64.b64encode(digest).decode()


def test_generate_key_is_64_random_bytes():
    first, second = generate_key(), generate_key()
    assert len(base64.b64decode(first)) == 64
    assert first != second


# ------------------------------------------------------------------ on the wire


@pytest.mark.asyncio
async def test_requests_from_the_async_client_verify_as_received_over_http():
    """The whole path: SDK client -> aiohttp transport -> an aiohttp server's view of it."""
    received: list[tuple[Received, bytes]] = []

    async def capture(request: web.Request) -> web.Response:
        seen = Received(
            request.method, request.rel_url.raw_path, list(request.query.items()), CIMultiDict(request.headers)
        )
        received.append((seen, await request.read()))
        return web.json_response({"code": "JobNotFound", "message": {"lang": "en-US", "value": "x"}}, status=404)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", capture)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    client = AsyncBatchClient(f"http://127.0.0.1:{port}", AzureNamedKeyCredential(ACCOUNT, KEY), retry_total=0)
    try:
        with pytest.raises(HttpResponseError):
            async for _ in client.list_tasks("mpi-job", filter="state eq 'active'", select=["id", "state"]):
                pass
        with pytest.raises(HttpResponseError):
            await client.create_task("mpi-job", BatchTaskCreateOptions(id="t1", command_line="echo 'a, b' \"c\""))
        with pytest.raises(HttpResponseError):
            await client.get_task_file_properties("mpi-job", "t1", "wd/std out.txt")
        with pytest.raises(HttpResponseError):
            await client.terminate_task("mpi-job", "t1")
        with pytest.raises(HttpResponseError):
            await client.download_task_file("mpi-job", "t1", "stdout.txt", ocp_range="bytes=5-9")
    finally:
        await client.close()
        await runner.cleanup()

    assert [seen.method for seen, _ in received] == ["GET", "POST", "HEAD", "POST", "GET"]
    assert received[2][0].raw_path == "/jobs/mpi-job/tasks/t1/files/wd%2Fstd%20out.txt"
    assert ("$select", "id,state") in received[0][0].query
    assert received[1][1].startswith(b"{")
    for seen, _ in received:
        assert seen.verify(now=lambda: datetime.now(timezone.utc)).account == ACCOUNT
