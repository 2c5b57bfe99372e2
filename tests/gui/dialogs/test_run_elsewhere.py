"""Run on another account…, as a user does it: a task rehearsed on one Local Batch (its input uploaded to that
account's Azurite) is run through the dialog on a second Local Batch standing in for an Azure account, with
an Azurite of its own; the input is copied to the second storage and read by the task there; the comparison
then shows both runs side by side."""

from __future__ import annotations

from explorer.client.acting.rerun import RerunSource
from explorer.client.acting.storage import LinkedStorage
from explorer.client.acting.submission import Submission
from explorer.client.connecting.accounts import Accounts
from explorer.client.connecting.credentials import AccountCredentials, MemoryCredentialStore
from explorer.client.connecting.profiles import (
    LocalBatchProfile,
    ProfileSet,
    ProfileStore,
    SharedKeyProfile,
    StorageLink,
)
from explorer.ui.dialogs.run_elsewhere import NEW_POOL, RunElsewhereDialog
from explorer.ui.main_window import MainWindow
from explorer.ui.settings import Settings
from explorer.ui.wizards.task_wizard import TaskWizard
from tests.support.batch_scenarios import create_idle_pool, create_pool, read_task_file, wait_for_completion
from tests.support.local_batch import make_client
from tests.support.qt_scenarios import next_emission, until
from tests.support.rehearsal import APPLICATION, rehearsed_task, second_account, uploaded_task


def far_profile(far, store: ProfileStore, credentials: MemoryCredentialStore) -> SharedKeyProfile:
    endpoint, storage = far.service.endpoint, far.storage.account
    profile = SharedKeyProfile("Far", endpoint.account, endpoint.endpoint, StorageLink(storage.name, storage.url))
    credentials.set_secret(profile.secret_name, endpoint.key)
    credentials.set_secret(profile.storage.secret_name, storage.key)
    store.save(ProfileSet((LocalBatchProfile(data_dir=store.config_dir / "own"), profile)))
    return profile


def accounts_in(tmp_path) -> tuple[ProfileStore, MemoryCredentialStore, Accounts]:
    store, credentials = ProfileStore(tmp_path / "config"), MemoryCredentialStore()
    return store, credentials, Accounts(store, AccountCredentials(credentials, usable=True), environ={})


def test_a_rehearsed_task_runs_on_the_other_account_and_both_runs_show_side_by_side(
    runner, tmp_path, local_batch_service, azurite
):
    store, credentials, accounts = accounts_in(tmp_path)
    source_storage = LinkedStorage(azurite.account)

    async def scenario():
        async with make_client(local_batch_service) as here, second_account(tmp_path / "far") as far:
            job_id, task_id, text = await rehearsed_task(here, source_storage, tmp_path / "files")
            far_profile(far, store, credentials)
            await create_pool(far.client, "small", 1)  # no inter-node communication
            await create_idle_pool(far.client, "mpi-there", 2, inter_node=True)
            dialog = runner.show(RunElsewhereDialog(
                accounts, RerunSource("Local Batch", here, source_storage, job_id, task_id), "Local Batch"))
            await until(dialog.changed, lambda: dialog.profile.count() == 1, what="the other account listed")
            files = [[dialog.files.item(r, c).text() for c in range(2)] for r in range(dialog.files.rowCount())]
            blocked = dialog.run_button.isEnabled()
            dialog.profile.setCurrentIndex(0)
            await until(dialog.changed, lambda: dialog.pool.count() == 3, what="the pools there")
            pools = [dialog.pool.itemData(i) for i in range(dialog.pool.count())]
            note = dialog.pool_note.text()
            dialog.pool.setCurrentIndex(1)  # "small": what keeps it from running the task, with the fix
            refused = dialog.pool_note.text()
            dialog.pool.setCurrentIndex(0)
            dialog.run_button.click()
            await until(dialog.changed, lambda: dialog.result is not None or not dialog.tasks.running("run"), what="run")
            steps = [dialog.steps.item(i).text() for i in range(dialog.steps.count())]
            assert dialog.result is not None, dialog.status.text()
            await wait_for_completion(far.client, job_id, task_id)
            output = (await read_task_file(far.client, job_id, task_id, "stdout.txt")).decode()
            dialog.compare_button.click()
            view = dialog.compare
            await until(view.compared, lambda: view.runs and all(r.finished for r in view.runs), what="both compared")
            return (files, blocked, pools, note, refused, steps, output, text, view.first.texts(), view.second.texts(),
                    view.diff_text(), view.status.text())

    files, blocked, pools, note, refused, steps, output, text, first, second, diff, verdict = runner.run_to_end(scenario())
    assert files == [["shared.txt (every instance)", "copied to its storage"],
                     ["input.txt (the primary)", "copied to its storage"]]
    assert not blocked  # nothing to run before an account is chosen
    assert pools == ["mpi-there", "small", NEW_POOL] and note == "MPI-ready for this task."
    assert refused.startswith("Pool 'small' does not allow inter-node communication, so the task would stay queued "
                              "forever. Choose or create a pool with inter-node communication enabled"), refused
    assert [s.split(":")[0] for s in steps] == ["✓  check", "✓  copy files", "✓  create job", "✓  submit task"]
    assert f"input: {text}" in output and "pool: mpi-there" in output  # read there, from the second storage
    for rows in (first, second):  # instance, node, exit code, then the phases' times
        assert [(row[0], row[2]) for row in rows] == [("0 (primary)", "0"), ("1", "0")]
        assert all(row[1] != "—" and row[-1].endswith(" s") for row in rows)
    assert "-pool: mpi-here" in diff and "+pool: mpi-there" in diff and f" input: {text}" in diff
    assert "Both finished: exit codes 0 and 0 (the same)" in verdict


def test_an_account_without_linked_storage_is_refused_before_anything_is_sent_and_the_files_say_why(
    runner, tmp_path, local_batch_service, azurite
):
    store, credentials, accounts = accounts_in(tmp_path)
    source_storage = LinkedStorage(azurite.account)
    endpoint = local_batch_service.endpoint
    bare = SharedKeyProfile("Bare", endpoint.account, endpoint.endpoint)  # the same service, no storage linked
    credentials.set_secret(bare.secret_name, endpoint.key)
    store.save(ProfileSet((LocalBatchProfile(data_dir=store.config_dir / "own"), bare)))

    async def scenario():
        async with make_client(local_batch_service) as here:
            job_id, task_id, _text = await rehearsed_task(here, source_storage, tmp_path / "files")
            dialog = runner.show(RunElsewhereDialog(
                accounts, RerunSource("Local Batch", here, source_storage, job_id, task_id), "Local Batch"))
            await until(dialog.changed, lambda: dialog.profile.count() == 1, what="the other account listed")
            dialog.profile.setCurrentIndex(0)
            await until(dialog.changed, lambda: dialog.target is not None and dialog.pool.count() > 0,
                        what="the pools there")
            files = [dialog.files.item(r, 1).text() for r in range(dialog.files.rowCount())]
            return files, dialog.run_button.isEnabled(), dialog.run_button.toolTip(), dialog.status.text()

    files, enabled, why, status = runner.run_to_end(scenario())
    assert files == ["cannot be copied: that account has no linked storage"] * 2
    assert not enabled
    assert why == ("2 files must be copied, but the target account has no linked storage: "
                   "link one in Connection > Accounts…")
    assert status == "Connected to Bare: 1 pool. " + why


def test_the_windows_action_asks_to_run_the_task_shown_on_another_account(runner, services):
    async def scenario():
        window = runner.show(MainWindow(services, ["Local Batch", "Far"], "Local Batch"), size=None)
        window.run_elsewhere_action.trigger()  # no task shown yet
        said = window.status.currentMessage()
        window.open_task("rehearsal", "mpi-run")
        asked = next_emission(window.runElsewhereRequested)
        window.run_elsewhere_action.trigger()
        return said, await asked

    said, asked = runner.run_to_end(scenario())
    assert said.startswith("Open a task first") and asked == ("rehearsal", "mpi-run")


def test_the_wizards_task_runs_on_the_other_account_from_its_review_page_without_being_submitted_here(
    runner, tmp_path, local_batch_service, azurite
):
    # The wizard's Run on another account… hands over the task as Submit would send it (its input uploaded
    # to this account's storage, as the wizard uploads it); the dialog sends that task, not one read back.
    store, credentials, accounts = accounts_in(tmp_path)
    source_storage = LinkedStorage(azurite.account)

    async def scenario():
        async with make_client(local_batch_service) as here, second_account(tmp_path / "far") as far:
            spec, text = await uploaded_task(source_storage, tmp_path / "files", "wizard-job", "wizard-run",
                                             "from the wizard")
            far_profile(far, store, credentials)
            await create_idle_pool(far.client, "mpi-there", 2, inter_node=True)
            wizard = runner.show(TaskWizard(Submission(here), Settings(tmp_path / "settings.ini"), source_storage,
                                            initial_spec=spec), size=None)
            wizard.set_other_accounts(1)
            while wizard.currentPage() is not wizard.review_page:
                wizard.next()
            asked = next_emission(wizard.runElsewhereRequested)
            assert wizard.run_elsewhere_button.isVisible() and wizard.run_elsewhere_button.isEnabled()
            wizard.run_elsewhere_button.click()
            (handed,) = await asked
            dialog = runner.show(RunElsewhereDialog(
                accounts, RerunSource("Local Batch", here, source_storage, handed.job_id, handed.task_id, handed),
                "Local Batch"))
            await until(dialog.changed, lambda: dialog.profile.count() == 1, what="the other account listed")
            files = [[dialog.files.item(r, c).text() for c in range(2)] for r in range(dialog.files.rowCount())]
            dialog.profile.setCurrentIndex(0)
            await until(dialog.changed, lambda: dialog.pool.count() == 2, what="the pools there")
            dialog.run_button.click()
            await until(dialog.changed, lambda: dialog.result is not None or not dialog.tasks.running("run"), what="run")
            assert dialog.result is not None, dialog.status.text()
            task = await wait_for_completion(far.client, spec.job_id, spec.task_id)
            output = (await read_task_file(far.client, spec.job_id, spec.task_id, "stdout.txt")).decode()
            jobs_here = [job.id async for job in here.list_jobs()]
            comparable = dialog.compare_button.isVisible() or dialog.compare_button.isEnabled()
            return handed, files, task.execution_info.exit_code, output, text, jobs_here, comparable

    handed, files, exit_code, output, text, jobs_here, comparable = runner.run_to_end(scenario())
    assert handed.task_id == "wizard-run" and handed.command_line == APPLICATION
    assert files == [["shared.txt (every instance)", "copied to its storage"],
                     ["input.txt (the primary)", "copied to its storage"]]
    assert exit_code == 0 and f"input: {text}" in output and "pool: mpi-there" in output
    assert jobs_here == []  # sent there instead of being submitted here
    assert not comparable  # no run here to compare with

