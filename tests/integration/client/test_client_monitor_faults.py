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
        updates, states = [], []
        monitor.subscribe(PoolsQuery(), updates.append)
        monitor.add_state_listener(states.append)
        try:
            await wait_until(lambda: updates, what="a first snapshot")
            proxy.fail_next(2, status, code, retry_after="1")
            await wait_until(lambda: proxy.faulted == 2 and monitor.state.status is ConnectionStatus.CONNECTED,
                             what="two faults, then recovery")
        finally:
            await monitor.close()
    # Judged on what was recorded as it happened (when the proxy received each request, every state
    # the monitor announced), not on when this test got to look: a busy machine delays only the latter.
    retrying = [s for s in states if s.status is ConnectionStatus.RETRYING]
    assert [(s.attempt, s.retry_in, s.reason) for s in retrying] == [(1, 1.0, f"HTTP {status} {code}"),
                                                                     (2, 1.0, f"HTTP {status} {code}")]
    assert states[-1].status is ConnectionStatus.CONNECTED
    first = next(i for i, r in enumerate(proxy.received) if r.faulted)
    fault_1, fault_2, recovered = proxy.received[first:first + 3]
    assert fault_2.faulted and not recovered.faulted, "one request per attempt: the SDK did not retry on its own"
    assert fault_2.at - fault_1.at >= 0.95 and recovered.at - fault_2.at >= 0.95, "Retry-After was not honoured"


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
