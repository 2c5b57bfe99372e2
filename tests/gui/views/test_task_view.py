"""The task view against a real Local Batch: a 4-instance MPI task, live, from submission to its end."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pyqtgraph as pg
import pytest
from azure.batch import models

from explorer.core.timeline import Phase
from explorer.ui.models.subtask_model import HEADERS
from explorer.ui.views.task_view import TaskView
from tests.gui.view_helpers import accept_confirmation, confirm_dialog
from tests.support.batch_scenarios import create_idle_pool, python_command, submit_task, task_state
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
        await submit_sample(batch_client, samples, "job", duration=10, released=released)
        view = open_view("job", "mpi-progress")
        await until(view.updated, lambda: rows_with(view, Phase.COORDINATING) == {0, 1, 2, 3}, TIMEOUT)
        released.touch()

        await until(view.updated, lambda: view.progress.full_text == "application running: all 4 instances were ready",
                    TIMEOUT)
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
        assert all(re.match(r"\[[0-3]\] ", line) for line in stdout.visible_lines() if line)  # labelled by rank
        assert stdout.labelled and view.output.ranks_edit.isVisible()

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
        assert [s.phase for s in view.snapshot.instances[0].segments][-1] is Phase.COMPLETED
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
        assert failed and all(view.model.index(row, HEADERS.index("Failure")).data().startswith("FailureExitCode") for row in failed)
        ends = [instance.segments[-1].phase for instance in view.snapshot.instances]
        assert ends[0] is Phase.FAILED and Phase.FAILED in ends[1:]
        assert view.snapshot.ready < 3 and view.progress.full_text.startswith("failed: CoordinationCommandFailed")
        assert view.progress.full_text.endswith("of 3 instances reported ready)")

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


# -- the truth, right away (issue 17, items 1 and 2) ------------------------------------------------

WAIT_FOR = (
    "import pathlib, sys, time\n"
    "print('application started', flush=True)\n"
    "while not pathlib.Path(sys.argv[1]).exists(): time.sleep(0.02)\n"
)
SLOW_COORDINATION = "/bin/bash -c 'echo coordinating on $AZ_BATCH_NODE_ID; sleep 1'"


def phases_drawn(view: TaskView) -> set[Phase]:
    return {bar_phase for _row, bar_phase, _start, _end in view.timeline.bars()}


def test_right_after_submit_nothing_is_drawn_or_counted_before_the_service_reported_it(run, open_view, batch_client):
    """Issue 17: the primary was drawn "running" from t=0 and the bar said "4 of 4 ready" while preparing."""
    seen: list[tuple[str, str, set[Phase]]] = []

    async def scenario():
        await create_idle_pool(batch_client, "mpi", 3, inter_node=True)
        await submit_task(batch_client, "mpi", "job", "fresh", "/bin/bash -c 'echo application; sleep 1'",
                          instances=3, coordination=SLOW_COORDINATION)
        view = open_view("job", "fresh")
        view.updated.connect(lambda: seen.append((view.header["State"].text(), view.progress.full_text,
                                                  phases_drawn(view))))
        await until(view.updated, lambda: view.header["State"].text() == "completed", TIMEOUT)
        await until(view.updated, lambda: Phase.RUNNING in phases_drawn(view), TIMEOUT)

    run(scenario())
    states = [state for state, _text, _phases in seen]
    assert "preparing" in states or "running" in states
    for state, text, drawn in seen:
        if state == "active":
            assert drawn <= {Phase.WAITING_FOR_NODE}, (state, text, drawn)
        if state == "preparing":
            assert "3 of 3" not in text and "all 3" not in text, (state, text)
            assert Phase.RUNNING not in drawn, (state, text, drawn)
    assert seen[-1][1] == "completed: exit code 0"


def test_a_sub_second_task_shows_every_phase_on_an_axis_in_seconds(run, open_view, batch_client):
    """Issue 17: a sub-second task was drawn all "downloading" then all "running", on an axis "(x0.001)"."""

    async def scenario():
        await create_idle_pool(batch_client, "mpi", 3, inter_node=True)
        await submit_task(batch_client, "mpi", "job", "quick", "/bin/true", instances=3, coordination="/bin/true")
        await wait_until(lambda: task_state(batch_client, "job", "quick"), TIMEOUT, "the task to be created")
        view = open_view("job", "quick")
        await until(view.updated, lambda: view.header["State"].text() == "completed", TIMEOUT)
        await until(view.updated, lambda: rows_with(view, Phase.RUNNING) == {0, 1, 2}, TIMEOUT)
        assert rows_with(view, Phase.COORDINATING) == {0, 1, 2}
        axis = view.timeline.findChild(pg.PlotWidget).getAxis("bottom")
        assert "x0.001" not in axis.labelString() and "seconds since task creation" in axis.labelString()

    run(scenario())


def test_the_primary_coordination_output_shows_though_the_view_opened_while_queued(run, open_view, batch_client):
    """Issue 17: opened while queued, the primary's coordination output stayed at "HTTP 409 Conflict"."""

    async def scenario():
        await create_idle_pool(batch_client, "small", 1, inter_node=True)
        await submit_task(batch_client, "small", "job", "queued", "/bin/echo application", instances=2,
                          coordination=SLOW_COORDINATION)
        view = open_view("job", "queued")
        await until(view.updated, lambda: view.header["State"].text() == "active", TIMEOUT)
        await batch_client.begin_resize_pool("small", models.BatchPoolResizeOptions(target_dedicated_nodes=2))
        await until(view.updated, lambda: view.header["State"].text() == "completed", TIMEOUT)
        # Only now does the user look at the primary's coordination output.
        view.select_instance(0)
        instance = view.instance_output.viewers[0]
        await until(instance.viewChanged, showing(instance, "coordinating on"), 30, "the primary's coordination output")
        assert "409" not in view.instance_output.status.text()

    run(scenario())


def test_a_failed_application_says_so_in_the_bar(run, open_view, batch_client):
    """Issue 17: after a failure the bar still said "4 of 4 ready"."""

    async def scenario():
        await create_idle_pool(batch_client, "mpi", 2, inter_node=True)
        await submit_task(batch_client, "mpi", "job", "fails", "/bin/bash -c 'exit 3'", instances=2)
        view = open_view("job", "fails")
        await until(view.updated, lambda: view.header["State"].text() == "completed", TIMEOUT)
        await until(view.updated, lambda: view.progress.full_text.startswith("failed:"), 30, "the bar to say it failed")
        assert "FailureExitCode" in view.progress.full_text and "ready" not in view.progress.full_text

    run(scenario())


def test_after_a_requeue_the_instances_follow_the_new_attempt(run, open_view, batch_client, services, tmp_path):
    """Issue 17: after a requeue, instances showed "downloading" for 13 s while the application ran."""
    trigger = tmp_path / "go"

    async def requeued_and_running() -> bool:
        task = await batch_client.get_task("job", "again", select=["id", "state", "executionInfo"])
        return task.state == "running" and task.execution_info.requeue_count == 1

    def every_instance_running_again() -> bool:
        if view.snapshot is None or view.snapshot.attempt != 2:  # the first attempt's bars look alike
            return False
        bars = view.timeline.bars()
        waiting = {row: start for row, phase, start, _end in bars if phase is Phase.WAITING_FOR_NODE}
        running = {row: start for row, phase, start, _end in bars if phase is Phase.RUNNING}
        return set(running) == {0, 1, 2} and all(running[row] > waiting.get(row, 0) for row in running)

    async def scenario():
        nonlocal view
        await create_idle_pool(batch_client, "mpi", 3, inter_node=True)
        await submit_task(batch_client, "mpi", "job", "again", python_command(WAIT_FOR, str(trigger)), instances=3)
        view = open_view("job", "again")
        stdout = view.output.viewers[0]
        await until(stdout.viewChanged, showing(stdout, "application started"), TIMEOUT)
        node = view.model.instance(1).node_id
        await services.operations.reboot_nodes("mpi", [node])  # requeues the task
        await wait_until(requeued_and_running, TIMEOUT, "the second attempt's application")
        # Within a few polls of the service saying so, every instance of the new attempt runs.
        await until(view.updated, every_instance_running_again, 8, "every instance running again")
        assert view.progress.full_text == "attempt 2, application running: all 3 instances were ready"
        trigger.touch()
        await until(view.updated, lambda: view.header["State"].text() == "completed", TIMEOUT)

    view = None
    run(scenario())
