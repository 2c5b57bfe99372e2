"""The live file reader against a real Local Batch: only the bytes asked for, through the connection's backoff."""

from __future__ import annotations

import pytest
import pytest_asyncio
from azure.core.pipeline.policies import SansIOHTTPPolicy

from explorer.client.connecting.connection_state import Backoff, ConnectionStatus
from explorer.client.files import TaskFiles
from explorer.client.watching.monitor import Monitor
from explorer.ui.widgets.log_document import LogDocument
from tests.integration.client.fault_proxy import proxied_connection
from tests.support.batch_scenarios import create_idle_pool, python_command, submit_task, task_state
from tests.support.local_batch import connect
from tests.support.waiting import wait_until

WRITE = "import sys; sys.stdout.write(''.join(f'line {i}\\n' for i in range(100000)))"


@pytest_asyncio.fixture
async def monitor(connection):
    monitor = Monitor(connection.client)
    yield monitor
    await monitor.close()


@pytest_asyncio.fixture
async def proxied(local_batch):
    """Through a proxy that counts requests (it answers a HEAD without the file's Content-Length:
    sizes are checked without it)."""
    async with proxied_connection(local_batch) as (proxy, connection):
        monitor = Monitor(connection.client, backoff=Backoff(initial=0.5, factor=2.0, jitter=0))
        yield proxy, connection, monitor
        await monitor.close()


async def completed_task(client) -> None:
    await create_idle_pool(client, "p", 1)
    await submit_task(client, "p", "job", "writer", python_command(WRITE))

    async def done() -> bool:
        return await task_state(client, "job", "writer") == "completed"

    await wait_until(done, what="the task to complete")


@pytest.mark.asyncio
async def test_only_the_ranges_asked_for_are_fetched(connection, monitor, loop_errors):
    await completed_task(connection.client)
    reader = monitor.file_reader(TaskFiles("job", "writer"), "stdout.txt")
    expected = "".join(f"line {i}\n" for i in range(100000)).encode()
    assert await reader.size() == len(expected)
    assert await reader.read(0, 10) == expected[:10]
    tail = len(expected) - 100
    assert await reader.read(tail, 1000) == expected[tail:]  # short at the end of the file
    assert reader.bytes_fetched == 10 + 100, "nothing beyond the ranges asked for"


@pytest.mark.asyncio
async def test_a_missing_file_is_an_answer_not_an_outage(connection, monitor, loop_errors):
    await completed_task(connection.client)
    reader = monitor.file_reader(TaskFiles("job", "writer"), "never.txt")
    with pytest.raises(OSError, match="never.txt: HTTP 404"):
        await reader.size()
    assert monitor.state.status is ConnectionStatus.CONNECTED


@pytest.mark.asyncio
async def test_reads_wait_out_the_backoff_of_an_outage(proxied, loop_errors):
    proxy, connection, monitor = proxied
    await completed_task(connection.client)
    reader = monitor.file_reader(TaskFiles("job", "writer"), "stdout.txt")
    tracker = monitor.connection
    proxy.fail_next(2, 503, "ServerBusy")
    with pytest.raises(OSError, match="HTTP 503"):
        await reader.size()
    assert monitor.state.status is ConnectionStatus.RETRYING and monitor.state.retry_in == 0.5
    failed_at, sent = tracker.now(), proxy.requests

    with pytest.raises(OSError, match="HTTP 503"):
        await reader.size()  # asked at once: sent only once the backoff is over
    assert tracker.now() - failed_at >= 0.45 and proxy.requests == sent + 1
    assert monitor.state.attempt == 2 and monitor.state.retry_in == 1.0

    retried_at = tracker.now()
    await reader.size()
    assert tracker.now() - retried_at >= 0.95, "the second backoff was followed too"
    assert monitor.state.status is ConnectionStatus.CONNECTED and tracker.last_contact is not None


@pytest.mark.asyncio
async def test_file_errors_are_decoded_and_log_no_tracebacks(connection, caplog):
    """A download's error body is read before the SDK's error policy decodes it (its code is known), and a HEAD's
    missing body is no warning: nothing the SDK logs for either, and the errors still raised."""
    import logging

    from azure.core.exceptions import ResourceNotFoundError

    await completed_task(connection.client)
    files = TaskFiles("job", "writer")
    caplog.set_level(logging.WARNING)
    with pytest.raises(ResourceNotFoundError) as download:
        await files.read(connection.client, "never.txt", "bytes=0-9")
    assert download.value.error.code == "FileNotFound"  # the body was read and decoded
    with pytest.raises(ResourceNotFoundError) as head:
        await files.properties(connection.client, "never.txt")
    assert head.value.status_code == 404
    assert [record.getMessage() for record in caplog.records if record.name.startswith("azure")] == []


class Methods(SansIOHTTPPolicy):
    """The HTTP methods of the requests a client sent, in order."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    def on_request(self, request) -> None:
        self.sent.append(request.http_request.method)


STEPS = (
    "import pathlib, sys, time\n"
    "for step in range(4):\n"
    "    while not pathlib.Path(sys.argv[1], str(step)).exists(): time.sleep(0.02)\n"
    "    print(f'[0] step {step}', flush=True)\n"
)


@pytest.mark.asyncio
async def test_a_slowly_growing_output_is_followed_with_one_request_a_poll(local_batch, connection, tmp_path, loop_errors):
    """What a log viewer's document asks of a real Local Batch while a task writes a line at a time: the
    first poll the size and the page; then, the file grown a little each time, one GET a poll (the last
    page, which says the size too) and nothing more to show the new line."""
    client = connection.client
    await create_idle_pool(client, "p", 1)
    await submit_task(client, "p", "job", "steps", python_command(STEPS, str(tmp_path)))
    methods = Methods()
    async with await connect(local_batch, per_call_policies=[methods]) as counted:
        monitor, looking = Monitor(counted.client), Monitor(client)  # the test looks through a connection of its own
        try:
            doc = LogDocument(monitor.file_reader(TaskFiles("job", "steps"), "stdout.txt"))
            outside = looking.file_reader(TaskFiles("job", "steps"), "stdout.txt")

            async def grown_to(step: int) -> None:
                (tmp_path / str(step)).touch()
                expected = sum(len(f"[0] step {i}\n") for i in range(step + 1))
                await wait_until(lambda: _size_is(outside, expected), what=f"step {step} written")

            async def last_row() -> bytes:
                return (await doc.rows(await doc.end_top(1), 1))[0].data

            await grown_to(0)
            methods.sent.clear()
            assert await doc.refresh_size() and await last_row() == b"[0] step 0"
            assert methods.sent == ["HEAD", "GET"]
            for step in range(1, 4):
                await grown_to(step)
                methods.sent.clear()
                assert await doc.refresh_size() and await last_row() == f"[0] step {step}".encode()
                assert methods.sent == ["GET"], f"step {step}"
        finally:
            await monitor.close()
            await looking.close()


async def _size_is(reader, expected: int) -> bool:
    try:
        return await reader.size() == expected
    except OSError:
        return False  # not there yet
