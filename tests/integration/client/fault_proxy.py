"""A loopback HTTP proxy in front of Local Batch that can answer with faults on demand.

Real HTTP end to end: the client signs requests for Local Batch, the proxy forwards them
byte for byte (raw path and query, headers), unless told to answer the next requests
with an error status (429/503 with Retry-After) or to be unreachable.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import aiohttp
import yarl
from aiohttp import web
from multidict import CIMultiDict

from explorer.client.connecting.client_factory import ClientFactory, Connection
from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.profiles import SharedKeyProfile

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host", "content-encoding"}


@dataclass
class Fault:
    status: int
    code: str
    retry_after: str | None = None


@dataclass(frozen=True)
class Received:
    """A request as it reached the proxy: when (loop time), and whether it was answered with a fault."""

    at: float
    faulted: bool


@dataclass
class FaultProxy:
    upstream: str
    faults: list[Fault] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return len(self.received)

    @property
    def faulted(self) -> int:
        return sum(r.faulted for r in self.received)

    async def start(self) -> str:
        self._session = aiohttp.ClientSession(auto_decompress=False)
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return f"http://127.0.0.1:{port}"

    async def close(self) -> None:
        await self._runner.cleanup()
        await self._session.close()

    def fail_next(self, count: int, status: int, code: str, retry_after: str | None = None) -> None:
        self.faults.extend(Fault(status, code, retry_after) for _ in range(count))

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.received.append(Received(asyncio.get_running_loop().time(), bool(self.faults)))
        if self.faults:
            return self._fault(self.faults.pop(0))
        headers = CIMultiDict((k, v) for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP)
        body = await request.read()
        url = yarl.URL(self.upstream + request.raw_path, encoded=True)
        async with self._session.request(request.method, url, headers=headers, data=body or None) as upstream:
            payload = await upstream.read()
            out_headers = CIMultiDict((k, v) for k, v in upstream.headers.items() if k.lower() not in HOP_BY_HOP)
            return web.Response(status=upstream.status, headers=out_headers, body=payload)

    @staticmethod
    def _fault(fault: Fault) -> web.Response:
        body = {"code": fault.code, "message": {"lang": "en-US", "value": f"Injected {fault.code}"}}
        headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
        return web.Response(
            status=fault.status, headers=headers, body=json.dumps(body), content_type="application/json"
        )


@contextlib.asynccontextmanager
async def proxied_connection(local_batch) -> AsyncIterator[tuple[FaultProxy, Connection]]:
    """A proxy in front of a running `LocalBatchService`, and a connection to Local Batch through it."""
    proxy = FaultProxy(local_batch.endpoint.endpoint)
    url = await proxy.start()
    endpoint = local_batch.endpoint
    profile = SharedKeyProfile("through proxy", endpoint.account, url)
    credentials = MemoryCredentialStore()
    credentials.set_secret(profile.secret_name, endpoint.key)
    connection = await ClientFactory(credentials).connect(profile)
    try:
        yield proxy, connection
    finally:
        await connection.close()
        await proxy.close()
