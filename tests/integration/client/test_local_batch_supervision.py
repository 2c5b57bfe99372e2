"""A supervised, single Local Batch: attach instead of a second service, restart after a crash.

Every scenario runs real services (`localbatch serve` child processes) and kills them
for real; nothing is waited for by time, only for what the supervisor or the service
reports.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_asyncio
from azure.batch.aio import BatchClient
from azure.core.credentials import AzureNamedKeyCredential

from explorer.client.connecting.connection_state import Backoff, ConnectionStatus, ConnectionTracker
from explorer.client.files import TaskFiles
from explorer.client.local.local_batch import LocalBatchService
from explorer.client.local.supervisor import LocalBatchSupervisor, ServiceEvent, ServiceEventKind
from explorer.client.watching.file_reader import RemoteFileReader
from tests.support.batch_scenarios import HeldTask, create_idle_pool, create_job, unique, wait_for_completion
from tests.support.local_batch import kill_and_take_its_port
from tests.support.processes import kill_all, processes_under, serve_processes
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio
FAST_NODES = ("--node-start-seconds", "0.05")


def client_for(service: LocalBatchService) -> BatchClient:
    endpoint = service.endpoint
    assert endpoint is not None
    return BatchClient(endpoint.endpoint, AzureNamedKeyCredential(endpoint.account, endpoint.key), retry_total=0)


class Events:
    """What a supervisor reported, awaitable by kind."""

    def __init__(self, supervisor: LocalBatchSupervisor) -> None:
        self.seen: list[ServiceEvent] = []
        self._changed = asyncio.Event()
        supervisor.add_listener(self._on_event)

    def _on_event(self, event: ServiceEvent) -> None:
        self.seen.append(event)
        self._changed.set()

    async def next(self, kind: ServiceEventKind, after: int = 0, timeout: float = 60.0) -> ServiceEvent:
        async def look() -> ServiceEvent:
            while True:
                for event in self.seen[after:]:
                    if event.kind is kind:
                        return event
                self._changed.clear()
                await self._changed.wait()

        return await asyncio.wait_for(look(), timeout)


@pytest_asyncio.fixture
async def supervised(tmp_path):
    """An owned Local Batch under a supervisor; everything under tmp_path is killed afterwards."""
    service = LocalBatchService(tmp_path / "lb", extra_args=FAST_NODES)
    await asyncio.to_thread(service.start)
    supervisor = LocalBatchSupervisor(service, max_restarts=2)
    events = Events(supervisor)
    supervisor.watch()
    yield service, supervisor, events
    await supervisor.close()
    await asyncio.to_thread(service.stop)
    kill_all(processes_under(tmp_path))  # the task processes a killed service left behind


def was_reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)  # would collect a zombie left behind
    except ChildProcessError:
        return True  # no such child any more: it was collected
    return False


async def started(held: HeldTask, times: int) -> None:
    async def check() -> bool:
        return held.runs == times

    await wait_until(check, what=f"the task's run {times}")


async def test_a_killed_service_is_reaped_restarted_on_its_port_and_its_running_task_rerun(tmp_path, supervised):
    service, _, events = supervised
    held = HeldTask(tmp_path / "held")
    async with client_for(service) as client:
        pool = await create_idle_pool(client, unique("pool"), 1)
        job = await create_job(client, pool)
        await client.create_task(job, held.body())
        await started(held, 1)
        endpoint, pid = service.endpoint, service.pid

        os.kill(pid, signal.SIGKILL)
        stopped = await events.next(ServiceEventKind.STOPPED)
        restarted = await events.next(ServiceEventKind.RESTARTED)
        assert str(stopped.how) == "killed by SIGKILL" and "restarting" in str(stopped)
        assert not restarted.endpoint_changed and service.endpoint == endpoint and service.pid != pid
        assert was_reaped(pid)
        assert str(restarted).startswith("Local Batch stopped unexpectedly (killed by SIGKILL) at ")

        # The same client, the same endpoint: the restarted service recovered the task as
        # Batch does for a node that failed under it: requeued (not a retry) and run again.
        await started(held, 2)
        held.release()
        task = await wait_for_completion(client, job, held.id)
    assert task.execution_info.exit_code == 0
    assert task.execution_info.requeue_count == 1 and task.execution_info.retry_count == 0


async def test_a_service_that_keeps_dying_is_reported_failed_until_retry_now(supervised):
    service, supervisor, events = supervised
    for _ in range(2):  # max_restarts=2: two restarts, then it is held back
        pid = service.pid
        os.kill(pid, signal.SIGKILL)
        await events.next(ServiceEventKind.RESTARTED, after=len(events.seen))
    seen = len(events.seen)
    os.kill(service.pid, signal.SIGKILL)
    failed = await events.next(ServiceEventKind.FAILED, after=seen)
    assert "stopped 3 times within 60 s" in str(failed.reason) and str(service.log_path) in str(failed.reason)
    assert not service.is_running()

    seen = len(events.seen)
    supervisor.restart_now()
    await events.next(ServiceEventKind.RESTARTED, after=seen)
    assert service.is_running()


async def test_a_restart_takes_another_port_when_its_own_was_taken_meanwhile(supervised):
    service, _, events = supervised
    old = service.endpoint
    squatter = kill_and_take_its_port(service)
    try:
        restarted = await events.next(ServiceEventKind.RESTARTED)
    finally:
        squatter.close()
    assert restarted.endpoint_changed and service.endpoint.port != old.port
    async with client_for(service) as client:
        assert [pool async for pool in client.list_pools()] == []


def start_shell_serve(data_dir: Path) -> tuple[subprocess.Popen, BatchClient]:
    """`localbatch serve` as a user would start it in a shell, and a client from its ready line."""
    process = subprocess.Popen(
        [sys.executable, "-m", "explorer", "localbatch", "serve", "--data-dir", str(data_dir), *FAST_NODES],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    line = process.stdout.readline()
    assert line, "the shell's Local Batch did not start"
    ready = json.loads(line)
    credential = AzureNamedKeyCredential(ready["account"], ready["key"])
    return process, BatchClient(ready["endpoint"], credential, retry_total=0)


async def test_a_start_on_a_served_data_dir_attaches_and_never_runs_a_task_twice(tmp_path):
    shell, shell_client = start_shell_serve(tmp_path / "lb")
    held = HeldTask(tmp_path / "held")
    service = LocalBatchService(tmp_path / "lb", extra_args=FAST_NODES)
    try:
        async with shell_client as client:
            pool = await create_idle_pool(client, unique("pool"), 1)
            job = await create_job(client, pool)
            await client.create_task(job, held.body())
            await started(held, 1)

            await asyncio.to_thread(service.start)
            assert not service.owned and service.pid == shell.pid
            assert [p.pid for p in serve_processes(tmp_path / "lb")] == [shell.pid]
            async with client_for(service) as attached:  # its endpoint and key, learnt from the data dir
                assert (await attached.get_task(job, held.id)).state == "running"
            await asyncio.to_thread(service.stop)
            assert shell.poll() is None  # not ours to stop: it serves on

            held.release()
            task = await wait_for_completion(client, job, held.id)
        assert held.runs == 1 and task.execution_info.requeue_count == 0 and task.execution_info.exit_code == 0
    finally:
        shell.terminate()
        shell.communicate(timeout=30)
        kill_all(processes_under(tmp_path))


async def test_when_the_service_attached_to_ends_the_supervisor_starts_its_own_on_the_same_port(tmp_path):
    shell, shell_client = start_shell_serve(tmp_path / "lb")
    await shell_client.close()
    service = LocalBatchService(tmp_path / "lb", extra_args=FAST_NODES)
    supervisor = LocalBatchSupervisor(service)
    events = Events(supervisor)
    try:
        before = await asyncio.to_thread(service.start)
        supervisor.watch()
        shell.terminate()
        shell.communicate(timeout=30)
        stopped = await events.next(ServiceEventKind.STOPPED)
        restarted = await events.next(ServiceEventKind.RESTARTED)
        assert str(stopped.how) == f"the process that ran it, pid {shell.pid}, ended"
        assert not restarted.endpoint_changed and service.endpoint == before
        assert service.owned and service.pid != shell.pid
    finally:
        await supervisor.close()
        await asyncio.to_thread(service.stop)
        if shell.poll() is None:
            shell.kill()
            shell.communicate()



async def test_live_reads_back_off_with_the_connection_and_resume_when_told(tmp_path, supervised):
    """Live output goes through the monitor's tracker: its outage shows in the connection
    state, and "Retry now" (or the app, once Local Batch is back) resumes it at once."""
    service, _, events = supervised
    held = HeldTask(tmp_path / "held")
    tracker = ConnectionTracker(Backoff(initial=600, jitter=0))  # only a retry_now() ends this wait in time
    async with client_for(service) as client:
        pool = await create_idle_pool(client, unique("pool"), 1)
        job = await create_job(client, pool)
        await client.create_task(job, held.body())
        await started(held, 1)
        reader = RemoteFileReader(client, TaskFiles(job, held.id), "stdout.txt", tracker)
        os.kill(service.pid, signal.SIGKILL)

        async def read_failed() -> bool:
            try:
                await reader.size()
            except OSError:
                return tracker.state.status is ConnectionStatus.RETRYING
            return False

        await wait_until(read_failed, what="the read's failure in the connection state")
        await events.next(ServiceEventKind.RESTARTED)
        await started(held, 2)
        held.release()
        tracker.retry_now()

        async def delivered() -> bool:
            return b"done" in await reader.read(0, await reader.size())

        await wait_until(delivered, what="the rerun's output")
        assert tracker.state.status is ConnectionStatus.CONNECTED
