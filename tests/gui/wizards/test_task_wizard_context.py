"""The task wizard starts where the user is and checks what the task asks of its pool:
the job's own pool, the view it was opened from, and a launcher process count that fits."""

from __future__ import annotations

from pathlib import Path

from explorer.app import ExplorerApp
from explorer.client.acting.submission import Submission
from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.profiles import ProfileStore
from explorer.ui.settings import Settings
from explorer.ui.wizards.task_wizard import MEMORY_KEY
from tests.gui.wizards.wizard_helpers import fix_buttons, messages, next_enabled
from tests.support.batch_scenarios import create_idle_pool, create_pool
from tests.support.qt_scenarios import next_emission, until

FOUR_RANKS = "/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n 4 -ppn 1 ./a.out'"


def test_an_open_job_shows_its_own_pool(open_wizard, run, settle, batch_client, submission, settings):
    run(create_pool(batch_client, "pool-a", 0, inter_node=True))
    run(create_pool(batch_client, "pool-b", 0, inter_node=True))
    run(submission.create_job("job-b", "pool-b"))
    settings.set_wizard_values(MEMORY_KEY, None, {"job_id": "job-b", "pool_id": "pool-a"})  # last used elsewhere
    wizard = open_wizard()
    settle(wizard.choicesLoaded)
    target = wizard.target_page
    assert target.job_id() == "job-b" and not target.creates_job()
    assert target.pool_combo.currentText() == "pool-b"  # not the remembered pool-a
    assert not target.pool_combo.isEnabled()
    # The job's pool may have been read while the choices loaded: wait on what was read, not on a signal.
    run(until(wizard.poolRead, lambda: wizard.pool_info is not None and wizard.pool_info.id == "pool-b", what="pool-b read"))
    target.job_combo.setEditText("brand-new-job")  # a new job: back to the pool the user chose
    assert target.pool_combo.isEnabled() and target.pool_combo.currentText() == "pool-a"


def test_opened_for_a_pool_a_job_on_another_pool_gives_way(open_wizard, run, settle, batch_client, submission, settings):
    run(create_pool(batch_client, "pool-a", 0, inter_node=True))
    run(create_pool(batch_client, "pool-b", 0, inter_node=True))
    run(submission.create_job("job-a", "pool-a"))
    settings.set_wizard_values(MEMORY_KEY, None, {"job_id": "job-a", "pool_id": "pool-a"})
    wizard = open_wizard(pool_id="pool-b")
    settle(wizard.choicesLoaded)
    assert wizard.target_page.job_id() == "pool-b-jobs" and wizard.target_page.creates_job()
    assert wizard.target_page.pool_id() == "pool-b"

    run(submission.create_job("job-b", "pool-b"))
    again = open_wizard(pool_id="pool-b")
    settle(again.choicesLoaded)
    assert again.target_page.job_id() == "job-b"  # an open job on the pool, rather than a new one


def test_a_launcher_count_that_does_not_fit_the_instances_is_flagged_with_fixes(
    open_wizard, run, settle, batch_client
):
    run(create_idle_pool(batch_client, "mpi", 3, inter_node=True))
    wizard = open_wizard(pool_id="mpi")
    settle(wizard.choicesLoaded, wizard.poolRead)
    wizard.next()
    wizard.instances_page.instances_spin.setValue(3)
    wizard.next()
    page = wizard.mpi_page
    page.command_edit.setPlainText(FOUR_RANKS)  # by hand: the preset gives way ("As written")
    page.coordination_edit.setPlainText("/bin/bash -c 'hostname'")
    assert page.preset() is None
    assert messages(page, "command_line") == [
        "The application command starts 4 MPI processes (-n 4), but 3 instances × 1 process per node make 3: "
        "Open MPI refuses to start, MPICH and Intel MPI put more processes on a node than asked for. "
        "Start 3 processes, or use 4 instances."
    ]
    assert not next_enabled(wizard)
    buttons = fix_buttons(page, "command_line")
    assert list(buttons) == ["Start 3 processes", "Use 4 instances"]
    buttons["Start 3 processes"].click()
    assert wizard.spec().command_line == "/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n 3 -ppn 1 ./a.out'"
    assert messages(page, "command_line") == [] and next_enabled(wizard)


def test_new_task_starts_from_the_view_the_window_shows(runner, qtbot, tmp_path: Path):
    app = ExplorerApp(Settings(tmp_path / "settings.ini"), ProfileStore(tmp_path / "config"), MemoryCredentialStore())

    async def scenario():
        try:
            window = await app.start()
            qtbot.addWidget(window)
            client = app.connection.client
            await create_pool(client, "pool-a", 0, inter_node=True)
            await create_pool(client, "pool-b", 0, inter_node=True)
            await Submission(client).create_job("job-a", "pool-a")
            found = {}
            for opened, key in ((lambda: window.open_job("job-a"), "job"), (lambda: window.open_pool("pool-b"), "pool")):
                opened()
                wizard = app.new_task_wizard()
                qtbot.addWidget(wizard)
                await next_emission(wizard.choicesLoaded)
                found[key] = (wizard.target_page.job_id(), wizard.target_page.pool_id(), wizard.target_page.creates_job())
            return found
        finally:
            await app.shutdown()

    found = runner.run(scenario())
    assert found["job"] == ("job-a", "pool-a", False)
    assert found["pool"][1:] == ("pool-b", True)
