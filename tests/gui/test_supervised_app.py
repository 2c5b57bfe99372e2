"""The app over a supervised, single Local Batch: a crash is survived and shown, a data dir is shared, never doubled.

The app is the real composition root (`ExplorerApp`) on a real Local Batch child
process; the crash is a real SIGKILL. Waits are for what the window shows.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.app import ExplorerApp
from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.profiles import LocalBatchProfile, ProfileSet, ProfileStore, SharedKeyProfile
from explorer.ui.settings import Settings
from tests.gui.test_profile_switch import switch
from tests.gui.test_task_notifications import RecordingNotifier
from tests.support.batch_scenarios import HeldTask, create_idle_pool, create_job, unique, wait_for_completion
from tests.support.local_batch import kill_and_take_its_port, running_local_batch
from tests.support.processes import kill_all, processes_under, serve_processes
from tests.support.waiting import wait_until


@pytest.fixture
def cleanup(tmp_path):
    yield
    kill_all(processes_under(tmp_path))  # what a killed service left running, if anything


def make_app(tmp_path: Path, name: str) -> ExplorerApp:
    """An app whose Local Batch profile keeps its state in tmp_path/lb (shared by every app made here)."""
    store = ProfileStore(tmp_path / f"config-{name}")
    store.save(ProfileSet((LocalBatchProfile(data_dir=tmp_path / "lb"),)))
    return ExplorerApp(Settings(tmp_path / f"settings-{name}.ini"), store, MemoryCredentialStore())


async def held_task_running(app: ExplorerApp, held: HeldTask) -> str:
    client = app.connection.client
    pool = await create_idle_pool(client, unique("pool"), 1)
    job = await create_job(client, pool)
    await client.create_task(job, held.body())
    await wait_until(lambda: held.runs == 1, what="the task running")
    return job


def test_a_killed_local_batch_is_restarted_the_window_says_so_and_the_task_is_requeued_and_rerun(
    loop, qtbot, tmp_path, cleanup
):
    app = make_app(tmp_path, "a")
    held = HeldTask(tmp_path / "held")

    async def scenario():
        try:
            window = await app.start()
            qtbot.addWidget(window)
            job = await held_task_running(app, held)
            view = window.open_task(job, held.id)
            await wait_until(lambda: view.task and view.task.state == "running", what="the view showing it running")
            first_start = view.task.start_time
            service = app.connection.local_service
            pid, endpoint = service.pid, service.endpoint

            os.kill(pid, signal.SIGKILL)
            await wait_until(lambda: held.runs == 2, what="the task running again, on a restarted Local Batch")
            # Every view resumes without waiting out a backoff, on the same window and client.
            await wait_until(lambda: window.status.connection_text() == "Local Batch: connected", what="connected again")
            notice = window.status.notice_text()
            assert notice.startswith("Local Batch stopped unexpectedly (killed by SIGKILL) at ")
            assert notice.endswith("; restarted")
            assert service.pid != pid and service.endpoint == endpoint and app.window is window
            await wait_until(lambda: view.task.state == "running" and view.task.start_time != first_start, what="the view showing the second run")
            held.release()
            await wait_until(lambda: view.task.state == "completed", what="the view showing the task completed")
            task = await app.connection.client.get_task(job, held.id)
            return task, view.header["State"].text()
        finally:
            await app.shutdown()

    task, shown = loop.run_until_complete(asyncio.wait_for(scenario(), 180))
    assert shown.startswith("completed")
    # As Batch reports a task whose node failed under it: requeued (not retried) and run to its end.
    assert task.execution_info.requeue_count == 1 and task.execution_info.retry_count == 0
    assert task.execution_info.exit_code == 0 and held.runs == 2


def test_two_apps_on_one_data_dir_share_one_local_batch_and_never_run_a_task_twice(loop, qtbot, tmp_path, cleanup):
    first, second = make_app(tmp_path, "first"), make_app(tmp_path, "second")
    held = HeldTask(tmp_path / "held")

    async def scenario():
        try:
            qtbot.addWidget(await first.start())
            job = await held_task_running(first, held)
            qtbot.addWidget(await second.start())
            shared = second.connection.local_service
            assert shared.pid == first.connection.local_service.pid and not shared.owned
            assert len(serve_processes(tmp_path / "lb")) == 1
            task = await second.connection.client.get_task(job, held.id)
            assert task.state == "running"
            held.release()
            return await wait_for_completion(second.connection.client, job, held.id)
        finally:
            await second.shutdown()
            await first.shutdown()

    task = loop.run_until_complete(asyncio.wait_for(scenario(), 180))
    assert held.runs == 1 and task.execution_info.requeue_count == 0 and task.execution_info.exit_code == 0


def test_an_app_on_a_shell_served_data_dir_uses_it_and_takes_over_when_it_stops(loop, qtbot, tmp_path, cleanup):
    shell = subprocess.Popen(
        [sys.executable, "-m", "explorer", "localbatch", "serve", "--data-dir", str(tmp_path / "lb")],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert shell.stdout.readline(), "the shell's Local Batch did not start"
    app = make_app(tmp_path, "a")

    async def scenario():
        try:
            window = await app.start()
            qtbot.addWidget(window)
            service = app.connection.local_service
            assert service.pid == shell.pid and not service.owned
            await create_idle_pool(app.connection.client, "shared", 1)
            await wait_until(lambda: window.navigator_panel.ids("pool") == ["shared"], what="the pool listed")
            shell.terminate()
            notice = await wait_until(lambda: "restarted" in window.status.notice_text() and window.status.notice_text(), what="the status bar to say it restarted")
            assert f"the process that ran it, pid {shell.pid}, ended" in notice
            assert service.owned and service.pid != shell.pid
            await create_idle_pool(app.connection.client, "after", 1)  # the same client works on
            await wait_until(lambda: window.navigator_panel.ids("pool") == ["after", "shared"], what="both pools listed")
        finally:
            await app.shutdown()

    try:
        loop.run_until_complete(asyncio.wait_for(scenario(), 180))
    finally:
        if shell.poll() is None:
            shell.kill()
        shell.communicate(timeout=30)



def test_local_batch_back_on_another_port_is_followed_on_also_from_another_profile(loop, qtbot, tmp_path, cleanup):
    """Local Batch killed while its port is taken comes back on another one: the window's connection goes over
    to it; and so does the connection kept for a task followed there while the window shows another account,
    whose word still comes."""
    held = HeldTask(tmp_path / "held")
    with running_local_batch(tmp_path / "other") as other:
        credentials = MemoryCredentialStore()
        account = SharedKeyProfile("Other", other.endpoint.account, other.endpoint.endpoint)
        credentials.set_secret(account.secret_name, other.endpoint.key)
        store = ProfileStore(tmp_path / "config")
        store.save(ProfileSet((LocalBatchProfile(data_dir=tmp_path / "lb"), account)))
        app = ExplorerApp(Settings(tmp_path / "settings.ini"), store, credentials)

        async def back_on_another_port(service) -> None:
            port = service.endpoint.port
            squatter = kill_and_take_its_port(service)
            try:
                await wait_until(lambda: service.is_running() and service.endpoint.port != port, what="a new port")
            finally:
                squatter.close()

        async def scenario():
            try:
                window = await app.start()
                qtbot.addWidget(window)
                window.task_notifications.notifier = recorder = RecordingNotifier()
                job = await held_task_running(app, held)
                service = app.connection.local_service
                await back_on_another_port(service)  # the window's own connection
                # Meanwhile the old connection is released before its successor is attached: none for a moment.
                await wait_until(lambda: app.connection is not None and app.connection.endpoint == service.endpoint.endpoint,
                                 what="reconnected")
                await wait_until(lambda: window.navigator_panel.ids("job") == [job], what="the job listed again")
                view = window.open_task(job, held.id)
                await wait_until(lambda: view.task is not None and view.task.state == "running", what="it running")

                await switch(app, "Other")
                assert window.task_notifications.following("Local Batch") == [(job, held.id)]
                kept = app._parked["Local Batch"][0]
                await back_on_another_port(service)  # the kept connection's
                await wait_until(lambda: app._parked["Local Batch"][0] is not kept, what="the kept one replaced")
                assert kept._closed and app._parked["Local Batch"][0].endpoint == service.endpoint.endpoint
                await wait_until(lambda: held.runs == 3, what="the task run again (requeued by each restart)")
                held.release()
                await wait_until(lambda: recorder.words, what="the word that the task ended")
                assert recorder.words[0].title == f"Task {held.id} completed"
                assert recorder.words[0].message.endswith("on Local Batch")
            finally:
                await app.shutdown()

        loop.run_until_complete(asyncio.wait_for(scenario(), 240))
