"""Throttling, server errors and refused credentials, injected by a loopback proxy."""

from __future__ import annotations

import pytest
import pytest_asyncio

from explorer.client.connecting.client_factory import ClientFactory
from explorer.client.connecting.connection_state import Backoff, ConnectionStatus
from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.profiles import SharedKeyProfile
from explorer.client.watching.monitor import Monitor
from explorer.client.watching.queries import PoolsQuery
from tests.integration.client.fault_proxy import FaultProxy
from tests.support.batch_scenarios import create_pool
from tests.support.waiting import wait_until


@pytest_asyncio.fixture
async def proxy(local_batch):
    proxy = FaultProxy(local_batch.endpoint.endpoint)
    proxy.url = await proxy.start()
    yield proxy
    await proxy.close()


async def connect(url: str, account: str, key: str):
    profile = SharedKeyProfile("through proxy", account, url)
    credentials = MemoryCredentialStore()
    credentials.set_secret(profile.secret_name, key)
    return await ClientFactory(credentials).connect(profile)


@pytest.mark.asyncio
@pytest.mark.parametrize(("status", "code"), [(503, "ServerBusy"), (429, "TooManyRequests")])
async def test_retry_after_is_honoured_and_the_sdk_does_not_retry_on_its_own(local_batch, proxy, status, code, loop_errors):
    endpoint = local_batch.endpoint
    async with await connect(proxy.url, endpoint.account, endpoint.key) as connection:
        await create_pool(connection.client, "p", 0)
        monitor = Monitor(connection.client, fast_interval=0.05, slow_interval=0.05, backoff=Backoff(initial=0.05, jitter=0))
        updates = []
        monitor.subscribe(PoolsQuery(), updates.append)
        try:
            await wait_until(lambda: updates, what="a first snapshot")
            proxy.fail_next(2, status, code, retry_after="1")
            await wait_until(lambda: monitor.state.status is ConnectionStatus.RETRYING, what="retrying")
            failed_at = monitor._tracker.now()
            assert monitor.state.retry_in == 1.0
            assert monitor.state.reason == f"HTTP {status} {code}"
            requests_at_failure = proxy.requests

            await wait_until(lambda: proxy.faulted == 2, what="the second fault")
            assert monitor._tracker.now() - failed_at >= 0.95, "the monitor waited less than Retry-After"
            assert proxy.requests == requests_at_failure + 1, "one request per attempt: the SDK did not retry"
            assert monitor.state.attempt == 2
            await wait_until(lambda: monitor.state.status is ConnectionStatus.CONNECTED, what="recovery")
            assert monitor._tracker.now() - failed_at >= 1.9
        finally:
            await monitor.close()


@pytest.mark.asyncio
async def test_a_refused_key_fails_visibly_and_stays_failed(local_batch, loop_errors):
    endpoint = local_batch.endpoint
    async with await connect(endpoint.endpoint, endpoint.account, "d3Jvbmcta2V5LXdyb25nLWtleQ==") as connection:
        monitor = Monitor(connection.client, fast_interval=0.05, slow_interval=0.05, backoff=Backoff(initial=0.05))
        states = []
        monitor.add_state_listener(states.append)
        monitor.subscribe(PoolsQuery(), lambda update: None)
        try:
            await wait_until(lambda: monitor.state.status is ConnectionStatus.FAILED, what="failed state")
            assert str(monitor.state).startswith("failed: HTTP 403")
            polls = monitor.poll_count
            monitor.retry_now()
            await wait_until(lambda: monitor.poll_count > polls and monitor.state.status is ConnectionStatus.FAILED,
                             what="the retry to fail again")
            assert "d3Jvbmcta2V5" not in "".join(str(s) for s in states)
        finally:
            await monitor.close()
