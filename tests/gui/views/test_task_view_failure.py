"""A failed multi-instance task explains itself, against a real Local Batch: the banner names the
instance that failed, its node and the phase, shows the end of its stderr and opens its files."""

from __future__ import annotations

from azure.batch import models

from explorer.ui.views.task_view import TaskView
from tests.support.batch_scenarios import create_idle_pool, create_job, submit_task
from tests.support.qt_scenarios import SCENARIO_TIMEOUT as TIMEOUT
from tests.support.qt_scenarios import until
from tests.support.samples import served_samples
from tests.support.waiting import wait_until


def test_a_failed_coordination_names_the_instance_its_node_and_phase_with_its_stderr(runner, services, batch_client,
                                                                                     tmp_path):
    lock = tmp_path / "one-fails"
    # The first subtask to take the lock fails (exactly one); the others and the primary succeed.
    coordination = (
        "/bin/bash -c 'echo coordinating; for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo \"noise $i\" >&2; done; "
        f"[ \"$AZ_BATCH_IS_CURRENT_NODE_MASTER\" = true ] || ! mkdir {lock} "
        "|| { echo \"cannot reach the license server from $AZ_BATCH_NODE_ID\" >&2; exit 4; }'"
    )

    async def scenario():
        await create_idle_pool(batch_client, "mpi", 3, inter_node=True)
        await submit_task(batch_client, "mpi", "job", "bad", "/bin/echo never", instances=3, coordination=coordination)
        view = runner.show(TaskView(services, None, "job", "bad"))
        await until(view.updated, lambda: view.snapshot is not None and view.snapshot.failure is not None, TIMEOUT)
        failed = [view.model.instance(row) for row in range(view.model.rowCount())
                  if view.model.instance(row).exit_code == 4]
        assert len(failed) == 1 and failed[0].number != 0
        instance = failed[0]
        banner = view.banner
        assert banner.isVisible()
        assert banner.sentence() == (
            f"Instance {instance.number} (subtask {instance.number}) failed in its coordination command on node "
            f"{instance.node_id}, exit code 4: FailureExitCode: The coordination command exited with code 4."
        )
        await wait_until(lambda: banner.tail(), TIMEOUT, "the end of its stderr")
        lines = banner.tail().splitlines()
        assert lines[-1] == f"cannot reach the license server from {instance.node_id}"
        assert len(lines) == 8 and lines[0] == "noise 6"  # the last lines only
        assert banner.action_text() == "Open its files"

        banner.trigger_action()
        assert view.tabs.currentWidget() is view.files_tab
        tree = view.browser.tree
        assert tree.currentIndex().data() == f"subtask {instance.number} on {instance.node_id}"

        view.refresh()  # F5 hides the banner; the failure is said again
        assert banner.isVisible() and banner.sentence().startswith(f"Instance {instance.number} ")

    runner.run_to_end(scenario())


def test_a_failed_application_names_the_primary(runner, services, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "mpi", 2, inter_node=True)
        await submit_task(batch_client, "mpi", "job", "app", "/bin/bash -c 'echo segfault in rank 0 >&2; exit 3'",
                          instances=2)
        view = runner.show(TaskView(services, None, "job", "app"))
        await until(view.updated, lambda: view.snapshot is not None and view.snapshot.failure is not None, TIMEOUT)
        node = view.task.node_id
        assert view.banner.sentence() == (
            f"The primary (instance 0) failed in the application command on node {node}, exit code 3: "
            "FailureExitCode: The task exited with exit code 3."
        )
        await wait_until(lambda: view.banner.tail() == "segfault in rank 0", TIMEOUT, "its stderr")

    runner.run_to_end(scenario())


def test_a_missing_resource_file_is_told_as_a_download_failure_by_its_code(runner, services, batch_client):
    """The failure's code (`BlobNotFound`) travels in the snapshots and decides: the primary's own file is missing,
    the subtask stopped with it (its code FailureExitCode, after its coordination command ran) is not the cause."""
    async def scenario():
        async with served_samples() as samples:
            await create_idle_pool(batch_client, "mpi", 2, inter_node=True)
            await create_job(batch_client, "mpi", "job")
            missing = models.ResourceFile(http_url=f"{samples.base_url}/no-such-input.dat", file_path="input.dat")
            await batch_client.create_task("job", models.BatchTaskCreateOptions(
                id="nofile", command_line="/bin/echo never", resource_files=[missing],
                multi_instance_settings=models.MultiInstanceSettings(
                    number_of_instances=2, coordination_command_line="/bin/true")))
            view = runner.show(TaskView(services, None, "job", "nofile"))
            await until(view.updated, lambda: view.snapshot is not None and view.snapshot.failure is not None, TIMEOUT)
        task = view.snapshot.task
        assert task.failure_code == "BlobNotFound" and task.failure.startswith("BlobNotFound: ")
        assert view.banner.sentence().startswith(
            f"The primary (instance 0) failed while downloading its resource files on node {task.node_id}: "
            "BlobNotFound: ")

    runner.run_to_end(scenario())
