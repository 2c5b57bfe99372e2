"""A real Local Batch for a test: started as the app starts it, stopped with every process it left.

Nodes boot in `NODE_START_SECONDS` unless told otherwise: tests that must see a node in a
given state hold it there with a condition (a start task or a task waiting for a file),
never with a slow boot.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import psutil
from azure.batch.aio import BatchClient
from azure.core.credentials import AzureNamedKeyCredential

from explorer.client.connecting.client_factory import ClientFactory, Connection
from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.profiles import LocalBatchProfile
from explorer.client.local.local_batch import LocalBatchService

NODE_START_SECONDS = 0.05


@contextlib.contextmanager
def running_local_batch(
    data_dir: Path, *, node_start_seconds: float = NODE_START_SECONDS, **options: Any
) -> Iterator[LocalBatchService]:
    """Local Batch in `data_dir` (`options` as for `LocalBatchService`), stopped on exit."""
    service = LocalBatchService(data_dir, extra_args=("--node-start-seconds", str(node_start_seconds)), **options)
    service.start()
    try:
        yield service
    finally:
        stop_service_tree(service)


def stop_service_tree(service: LocalBatchService) -> None:
    """Stop Local Batch and any task process it left (tests also kill it with SIGKILL)."""
    pid = service.pid
    children = _descendants(pid) if pid else []
    service.stop()
    for child in children:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)


def _descendants(pid: int) -> list[int]:
    try:
        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def make_client(service: LocalBatchService, **options: Any) -> BatchClient:
    """An unmodified azure-batch async client for `service` (close it, e.g. `async with`)."""
    endpoint = service.endpoint
    assert endpoint is not None, "Local Batch is not running"
    return BatchClient(endpoint.endpoint, AzureNamedKeyCredential(endpoint.account, endpoint.key), **options)


async def connect(service: LocalBatchService, **client_options: Any) -> Connection:
    """A `Connection` to `service` as the app opens one for its Local Batch profile."""
    factory = ClientFactory(MemoryCredentialStore(), local_service=service, client_options=client_options)
    return await factory.connect(LocalBatchProfile(data_dir=service.data_dir))


@contextlib.asynccontextmanager
async def local_batch_connection(**client_options: Any) -> AsyncIterator[Connection]:
    """A connection to a Local Batch of its own in a temp dir (for the benchmarks)."""
    with tempfile.TemporaryDirectory() as tmp, running_local_batch(Path(tmp) / "lb") as service:
        async with await connect(service, **client_options) as connection:
            yield connection


def kill_and_take_its_port(service: LocalBatchService) -> socket.socket:
    """SIGKILL the service and take its port as soon as it is free (without yielding to the loop, where the
    supervisor waits): its restart must come back on another one. Close the socket returned when done."""
    port = service.endpoint.port
    os.kill(service.pid, signal.SIGKILL)
    squatter = socket.socket()
    squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    while True:
        try:
            squatter.bind(("127.0.0.1", port))
            break
        except OSError:
            os.sched_yield()
    squatter.listen()
    return squatter
