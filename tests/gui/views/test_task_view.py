"""The task view against a real Local Batch: a 4-instance MPI task, live, from submission to its end."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from azure.batch import models

from explorer.core.timeline import Phase
from explorer.ui.views.task_view import TaskView
from tests.gui.view_helpers import accept_confirmation, confirm_dialog
from tests.support.batch_scenarios import create_idle_pool, submit_task
from tests.support.qt_scenarios import SCENARIO_TIMEOUT as TIMEOUT
from tests.support.qt_scenarios import next_emission, until
from tests.support.samples import ServedSamples
from tests.support.waiting import wait_until


@pytest.fixture
def run(runner):
    return runner.run_to_end


@pytest.fixture
def open_view(runner, services):
    def open_view(job_id: str, task_id: str) -> TaskView:
        return runner.show(TaskView(services, None, job_id, task_id))

    return open_view


async def submit_sample(client, samples: ServedSamples, job_id: str, duration: float, released: Path) -> None:
    """mpi-progress, shortened to `duration` s: rank 0 prints 3 lines a second. Each coordination
    command first waits for `released` to exist, so that its phase lasts until the test saw it."""
    spec = samples.task_json("mpi-progress")
    spec["commandLine"] = spec["commandLine"].replace("--duration 30", f"--duration {duration:g}")
    settings = spec["multiInstanceSettings"]
    settings["coordinationCommandLine"] = settings["coordinationCommandLine"].replace(
        "-c '", f"-c 'until [ -e {released} ]; do sleep 0.05; done; ", 1)
    await client.create_job(models.BatchJobCreateOptions(id=job_id, pool_info=models.BatchPoolInfo(pool_id="mpi")))
    await client.create_task(job_id, models.BatchTaskCreateOptions(spec))


def showing(viewer, text: str):
    """A condition: a line on `viewer`'s screen contains `text`."""
    return lambda: any(text in line for line in viewer.visible_lines())


def rows_with(view: TaskView, phase: Phase) -> set[int]:
    return {row for row, bar_phase, _start, _end in view.timeline.bars() if bar_phase is phase}


def test_four_instance_mpi_task_live(run, open_view, batch_client, samples, tmp_path):
    async def scenario():
        await create_idle_pool(batch_client, "mpi", 4, inter_node=True)
        released = tmp_path / "coordination-released"
        await submit_sample(batch_client, samples, "job", duration=6, released=released)
        view = open_view("job", "mpi-progress")
        await until(view.updated, lambda: rows_with(view, Phase.COORDINATING) == {0, 1, 2, 3}, TIMEOUT)
        released.touch()

        await until(view.updated, lambda: view.progress.text() == "coordination: 4 of 4 instances ready", TIMEOUT)
        assert view.progress.isVisible()
        # The timeline shows every instance getting ready, then running the application.
        await until(view.updated, lambda: rows_with(view, Phase.RUNNING) == {0, 1, 2, 3}, TIMEOUT)
        assert rows_with(view, Phase.COORDINATING) == {0, 1, 2, 3}
        assert rows_with(view, Phase.DOWNLOADING) >= {1, 2, 3}  # the primary's may be too quick to see
        assert view.model.rowCount() == 4
        nodes = {view.model.instance(row).node_id for row in range(4)}
        assert len(nodes) == 4 and None not in nodes

        # The primary's output while the task runs, following its end.
        stdout = view.output.viewers[0]
        await until(stdout.viewChanged, showing(stdout, "step 3/"), TIMEOUT)
        assert view.task.state != "completed" and stdout.is_following()  # live, while the task runs
        assert stdout.visible_lines()[0].startswith(("pi monte carlo", "step"))

        # Selecting a subtask shows its coordination output, read from its node.
        instance = view.instance_output.viewers[0]
        view.table.setCurrentIndex(view.model.index(2, 0))
        assert view.tabs.currentWidget() is view.instance_tab
        node = view.model.instance(2).node_id
        await until(instance.viewChanged, showing(instance, f"instance on node {node} (master: false)"), TIMEOUT)
        # A timeline row selects too: the primary's coordination output.
        view.timeline.rowClicked.emit(0)
        assert view.table.currentIndex().row() == 0
        await until(instance.viewChanged, showing(instance, "(master: true)"), TIMEOUT)

        view.tabs.setCurrentWidget(view.output)
        await until(view.updated, lambda: view.header["State"].text() == "completed", TIMEOUT)
        await until(stdout.viewChanged, showing(stdout, "done: pi~"), TIMEOUT)
        assert view.header["Exit code"].text() == "0"
        assert [s.phase for s in view.tracker.instances()[0].segments][-1] is Phase.COMPLETED
        await wait_until(lambda: not view.is_polling(), TIMEOUT, "polling to stop after the end")

        # The Files tab browses the primary's task files and every subtask's directory.
        view.tabs.setCurrentWidget(view.files_tab)
        roots = [view.browser.model.index(row, 0).data() for row in range(view.browser.model.rowCount())]
        assert roots[0] == "task mpi-progress (primary)" and len(roots) == 4
        return view

    view = run(scenario())  # and closes the view
    assert not view.is_live() and not view.is_polling() and view.owner.pending == 0


def test_terminate_and_delete_ask_first_and_show_the_outcome(run, open_view, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "mpi", 2, inter_node=True)
        await submit_task(batch_client, "mpi", "job", "long", "sleep 300", instances=2)
        view = open_view("job", "long")
        await until(view.updated, lambda: view.header["State"].text() == "running", TIMEOUT)

        view.terminate_button.click()
        confirm_dialog(view).reject()  # cancelled: nothing happens
        view.terminate_button.click()
        assert "Terminate task long" in accept_confirmation(view)
        await until(view.updated, lambda: view.header["State"].text() == "completed", TIMEOUT)
        assert view.header["Failure"].text().startswith("TaskEnded")
        assert not view.terminate_button.isEnabled()

        view.delete_button.click()
        accept_confirmation(view)
        await until(view.updated, lambda: view.gone, TIMEOUT)
        assert view.banner.isVisible() and "does not exist" in view.banner.sentence()
        assert not view.delete_button.isEnabled()

    run(scenario())


def test_a_failed_coordination_fails_its_instance_and_the_application_never_runs(run, open_view, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "mpi", 3, inter_node=True)
        coordination = "/bin/bash -c 'echo coordinating; test \"$AZ_BATCH_IS_CURRENT_NODE_MASTER\" = true || exit 4'"
        await submit_task(batch_client, "mpi", "job", "bad", "/bin/echo never", instances=3, coordination=coordination)
        view = open_view("job", "bad")
        await until(view.updated, lambda: view.header["State"].text() == "completed", TIMEOUT)
        assert view.header["Failure"].text().startswith("CoordinationCommandFailed")
        await until(view.updated, lambda: view.output.status.text() == "The application command did not run.", TIMEOUT)
        failed = [row for row in range(view.model.rowCount()) if view.model.instance(row).exit_code == 4]
        assert failed and all(view.model.index(row, 4).data().startswith("FailureExitCode") for row in failed)
        ends = [instance.segments[-1].phase for instance in view.tracker.instances()]
        assert ends[0] is Phase.FAILED and Phase.FAILED in ends[1:]
        assert view.tracker.ready_count() < 3 and view.progress.text().endswith("of 3 instances ready")

        # The failed subtask's coordination output says what it did.
        view.select_instance(view.model.instance(failed[0]).number)
        instance = view.instance_output.viewers[0]
        await until(instance.viewChanged, showing(instance, "coordinating"), TIMEOUT)

    run(scenario())


def test_ordinary_task_shows_output_without_instances(run, open_view, batch_client, services):
    async def scenario():
        await create_idle_pool(batch_client, "plain", 1)
        command = "/bin/bash -c 'for i in 1 2 3; do echo line $i; done; echo oops >&2'"
        await submit_task(batch_client, "plain", "job", "one", command)
        view = open_view("job", "one")
        await until(view.updated, lambda: view.header["State"].text() == "completed", TIMEOUT)
        assert not view.progress.isVisible() and not view.table.isVisible()
        assert not view.tabs.isTabVisible(view.tabs.indexOf(view.instance_tab))
        stdout, stderr = view.output.viewers
        await until(stdout.viewChanged, lambda: stdout.visible_lines() == ["line 1", "line 2", "line 3"], TIMEOUT)
        view.output.tabs.setCurrentWidget(stderr)
        await until(stderr.viewChanged, lambda: stderr.visible_lines() == ["oops"], TIMEOUT)

        # Hidden, the view watches and polls nothing; shown again, it catches up.
        view.hide()
        assert not view.is_live() and not view.is_polling()
        view.show()
        assert view.is_live()
        await next_emission(view.updated, TIMEOUT)

        # Details load when the view is shown; F5 loads them again.
        view.refresh()
        await until(view.refreshed, lambda: view.details.value("Exit code") == "0", TIMEOUT)

    run(scenario())


def test_a_task_that_does_not_exist_says_so(run, open_view):
    async def scenario():
        view = open_view("nojob", "notask")
        await until(view.updated, lambda: view.gone, TIMEOUT)
        # Said by the monitor or by the details read, whichever answered last.
        assert view.banner.isVisible() and "does not exist" in view.banner.sentence()
        assert view.header["State"].text() == "does not exist"
        assert not view.terminate_button.isEnabled() and not view.delete_button.isEnabled()

    run(scenario())


def test_find_and_follow_act_on_the_output_on_screen(run, open_view, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "plain", 1)
        await submit_task(batch_client, "plain", "job", "one", "/bin/bash -c 'seq 1 500'")
        view = open_view("job", "one")
        stdout = view.output.viewers[0]
        await until(stdout.viewChanged, lambda: "500" in stdout.visible_lines(), TIMEOUT)
        view.toggle_follow()
        assert not view.output.is_following()
        view.find()
        assert view.output.find_bar.isVisible()
        found = asyncio.get_running_loop().create_future()
        stdout.findFinished.connect(lambda offset: found.done() or found.set_result(offset))
        view.output.find_bar.text.setText("250")
        view.output.find_bar.find_previous()  # the view is at the end
        assert await found == len("".join(f"{i}\n" for i in range(1, 250)))
        assert "250" in stdout.visible_lines()  # the view moved to the match before telling

    run(scenario())
