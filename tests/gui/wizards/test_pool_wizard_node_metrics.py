"""The pool wizard's "Collect node metrics": the sampler uploaded to the linked storage (Azurite), its
start task added or put before an existing one, and really run by Local Batch's nodes."""

from __future__ import annotations

import shlex
import subprocess

from PySide6.QtWidgets import QWizard

from explorer.core.specs.node_sampler_start import SAMPLER_FILE, sampler_command, with_sampler, without_sampler
from explorer.core.specs.pool_spec import StartTask
from explorer.core.specs.resource_files import ResourceFile
from explorer.ui.wizards.node_metrics_option import sampler_path
from explorer.ui.wizards.pool_wizard import PoolWizard
from tests.gui.wizards.wizard_helpers import next_enabled
from tests.support.batch_scenarios import read_node_file, wait_for_idle_nodes
from tests.support.qt_scenarios import next_emission
from tests.support.waiting import wait_until_sync


def test_the_checkbox_adds_the_sampler_and_the_nodes_run_it(shown, submission, settings, run, batch_client, storage):
    wizard = shown(PoolWizard(submission, settings, storage=storage))
    wizard.pool_page.id_edit.setText("sampled")
    wizard.pool_page.dedicated_spin.setValue(1)
    wizard.next()
    wizard.start_task_page.enabled_check.setChecked(True)
    wizard.start_task_page.command_edit.setPlainText("/bin/sh -c 'echo \"user start task\" > mine.txt'")
    page = wizard.metrics  # on the start task page
    assert page.collect_check.isEnabled() and not page.collect_check.isChecked()
    uploaded = next_emission(wizard.samplerUploaded)
    page.collect_check.setChecked(True)
    assert not next_enabled(wizard)  # uploading
    assert run(uploaded) == (True,)
    start_task = wizard.spec().start_task
    sampler = next(f for f in start_task.resource_files if f.file_path == SAMPLER_FILE)
    assert sampler.http_url.startswith(storage.account.url + "/mpi-explorer-uploads/node-sampler/")
    assert start_task.command_line.endswith("exec /bin/sh -c '\"'\"'echo \"user start task\" > mine.txt'\"'\"''")
    wizard.next()
    assert "mpi_explorer_sampler.py" in wizard.review_page.json_view.toPlainText()

    created = next_emission(wizard.poolCreated)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert run(created) == ("sampled",)
    [node_id] = run(wait_for_idle_nodes(batch_client, "sampled", 1))
    node = run(batch_client.get_node("sampled", node_id))
    assert node.start_task_info.exit_code == 0
    # The user's own command ran after the launch, in the start task's directory...
    assert run(read_node_file(batch_client, "sampled", node_id, "startup/wd/mine.txt")) == b"user start task\n"
    # ... after the sampler was copied to the shared directory, to be started there. (Local Batch samples
    # its nodes itself and ends what a start task leaves running: the next test runs the command alone.)
    copied = run(read_node_file(batch_client, "sampled", node_id, "shared/mpi-explorer/" + SAMPLER_FILE))
    assert copied == sampler_path().read_bytes()

    again = shown(PoolWizard(submission, settings, storage=storage))  # remembered: ticked, the start task apart
    assert again.start_task_page.command_edit.toPlainText() == "/bin/sh -c 'echo \"user start task\" > mine.txt'"
    assert again.metrics.collect_check.isChecked()


def test_without_linked_storage_the_box_says_how_to_do_it_by_hand(shown, submission, settings):
    wizard = shown(PoolWizard(submission, settings, storage=None))
    page = wizard.metrics
    assert not page.collect_check.isEnabled()
    assert "no linked storage" in page.status.text() and "Node metrics" in page.status.text()
    assert wizard.spec().start_task is None or SAMPLER_FILE not in wizard.spec().start_task.command_line


def test_the_start_task_command_starts_the_sampler_in_the_background_and_ends(tmp_path):
    """The README's command, run by /bin/sh as a Batch node would: it returns at once, the sampler runs
    from the shared directory (not the start task's, which Batch must be able to run again)."""
    startup, shared = tmp_path / "startup" / "wd", tmp_path / "shared"
    startup.mkdir(parents=True)
    shared.mkdir()
    (startup / SAMPLER_FILE).write_bytes(sampler_path().read_bytes())
    env = {"PATH": "/usr/bin:/bin", "AZ_BATCH_NODE_SHARED_DIR": str(shared), "AZ_BATCH_NODE_ROOT_DIR": str(tmp_path)}
    done = subprocess.run(shlex.split(sampler_command("echo after")), cwd=startup, env=env, capture_output=True,
                          timeout=30, check=True)
    assert done.stdout == b"after\n"
    metrics = shared / "mpi-explorer" / "metrics.jsonl"
    wait_until_sync(lambda: metrics.exists() and metrics.read_text().count("\n") >= 1, what="the first sample")
    pid = int((shared / "mpi-explorer" / "metrics.jsonl.lock").read_text())
    subprocess.run(["kill", str(pid)], check=True)
    wait_until_sync(lambda: not _alive(pid), what="the sampler to end on SIGTERM")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_prefixing_is_undone_exactly():
    file = ResourceFile(http_url="https://x/y?sig=1")
    mine = StartTask("/bin/bash -c 'apt-get install -y mpich'", (ResourceFile(http_url="https://a/b", file_path="b"),))
    both = with_sampler(mine, file)
    assert with_sampler(both, file) == both  # never twice
    assert without_sampler(both) == (mine, True)
    alone = with_sampler(None, file)
    assert alone.user_identity.auto_user.elevation_level == "admin" and not alone.wait_for_success
    assert without_sampler(alone) == (None, True)
    assert without_sampler(mine) == (mine, False)
