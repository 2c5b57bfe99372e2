"""The task wizard against a real Local Batch (and Azurite for uploads)."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import timedelta

from azure.batch import models
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from explorer.core.batch_json.task_document import TaskDocument
from explorer.core.durations import BATCH_MAX_DURATION
from explorer.core.specs.environment import EnvironmentSetting
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.task_spec import MultiInstanceTaskSpec, TaskConstraints
from explorer.core.specs.user_identity import AutoUser, AutoUserScope, ElevationLevel, UserIdentity
from explorer.ui.wizards.task_wizard import DEFAULT_JOB_ID, TaskWizard
from tests.gui.wizards.wizard_helpers import finish_enabled, fix_buttons, messages, next_enabled
from tests.support.batch_scenarios import create_idle_pool, read_task_file, wait_for_completion
from tests.support.qt_scenarios import next_emission
from tests.support.samples import SAMPLES

HELLO = "python3 $AZ_BATCH_TASK_SHARED_DIR/hello.py"


def fill_target(wizard: TaskWizard, job_id: str, task_id: str) -> None:
    wizard.target_page.job_combo.setEditText(job_id)
    wizard.target_page.task_id_edit.setText(task_id)


def submit(wizard: TaskWizard, run) -> tuple[str, str]:
    """Press Submit and wait for the task to be accepted."""
    submitted = next_emission(wizard.taskSubmitted)
    assert finish_enabled(wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.submitting and not finish_enabled(wizard)
    return run(submitted)


def test_mpich_hello_from_the_preset_with_an_uploaded_common_file(
    open_wizard, run, settle, batch_client, storage, tmp_path
):
    run(create_idle_pool(batch_client, "mpi", 4, inter_node=True))
    local_file = tmp_path / "hello.py"
    shutil.copy(SAMPLES / "mpi-hello" / "hello.py", local_file)
    wizard = open_wizard(uploader=storage, pool_id="mpi")
    settle(wizard.choicesLoaded, wizard.poolRead)

    fill_target(wizard, "hello-job", "hello-4")
    assert wizard.target_page.creates_job()
    assert next_enabled(wizard)
    wizard.next()
    wizard.instances_page.instances_spin.setValue(4)
    assert next_enabled(wizard)
    wizard.next()
    assert wizard.mpi_page.preset_combo.currentText() == "MPICH"
    assert not next_enabled(wizard)  # no program yet
    assert messages(wizard.mpi_page, "mpi.program") == [
        "The program is empty; enter what each MPI rank runs, e.g. 'python3 hello.py'."
    ]
    wizard.mpi_page.program_edit.setText(HELLO)
    assert (
        wizard.mpi_page.command_edit.toPlainText()
        == f"/bin/bash -c 'mpiexec -prepend-rank -hosts $AZ_BATCH_HOST_LIST -n 4 -ppn 1 {HELLO}'"
    )
    assert "mpiexec -prepend-rank -hosts 10.0.0.4,10.0.0.5,10.0.0.6,10.0.0.7 -n 4" in wizard.mpi_page.command_preview.text()
    assert next_enabled(wizard)
    wizard.next()

    uploaded = next_emission(wizard.uploadFinished)
    wizard.upload_local_files([local_file], common=True)
    assert not next_enabled(wizard)  # uploading
    assert run(uploaded) == (True,)
    [common] = wizard.spec().common_resource_files
    assert common.file_path == "hello.py"
    assert common.http_url.startswith(storage.account.url + "/mpi-explorer-uploads/hello-4/hello.py?")
    assert next_enabled(wizard)
    wizard.next()
    wizard.settings_page.wall_clock_edit.setText("PT10M")
    wizard.next()
    assert wizard.currentPage() is wizard.review_page
    assert json.loads(wizard.review_page.json_view.toPlainText()) == wizard.body()

    assert submit(wizard, run) == ("hello-job", "hello-4")
    task = run(wait_for_completion(batch_client, "hello-job", "hello-4", timeout=120))
    stdout = run(read_task_file(batch_client, "hello-job", "hello-4", "stdout.txt")).decode()
    assert task.execution_info.exit_code == 0, stdout
    assert "hello from 4 ranks, sum of ranks = 6" in stdout
    assert task.multi_instance_settings.number_of_instances == 4


def test_a_pool_without_inter_node_communication_blocks_next_and_offers_a_new_pool(
    open_wizard, run, settle, batch_client
):
    run(create_idle_pool(batch_client, "plain", 4))
    wizard = open_wizard(pool_id="plain")
    settle(wizard.choicesLoaded, wizard.poolRead)
    wizard.next()
    assert wizard.currentPage() is wizard.instances_page
    assert not next_enabled(wizard)
    assert messages(wizard.instances_page, "pool") == [
        "Pool 'plain' does not allow inter-node communication, so the task would stay queued forever. "
        "Choose or create a pool with inter-node communication enabled (it cannot be turned on later)."
    ]
    fix_buttons(wizard.instances_page, "pool")["Create a pool for MPI…"].click()
    pool_wizard = wizard.pool_wizard
    assert pool_wizard.isVisible() and pool_wizard.pool_page.inter_node_check.isChecked()
    pool_wizard.pool_page.id_edit.setText("mpi-new")
    pool_wizard.pool_page.dedicated_spin.setValue(2)
    pool_wizard.next()
    pool_wizard.next()
    pool_wizard.button(QWizard.WizardButton.FinishButton).click()
    assert settle(pool_wizard.poolCreated, wizard.poolRead)[0] == ("mpi-new",)
    assert wizard.target_page.pool_id() == "mpi-new"
    assert wizard.pool_info.enable_inter_node_communication
    assert messages(wizard.instances_page, "pool") == [] and next_enabled(wizard)


def test_too_few_nodes_is_a_warning_that_offers_a_resize_or_fewer_instances(open_wizard, run, settle, batch_client):
    run(create_idle_pool(batch_client, "small", 2, inter_node=True))
    wizard = open_wizard(pool_id="small")
    settle(wizard.choicesLoaded, wizard.poolRead)
    wizard.next()
    wizard.instances_page.instances_spin.setValue(8)
    assert next_enabled(wizard)  # the pool may be resized or autoscale: the task can queue for it
    assert messages(wizard.instances_page, "number_of_instances") == [
        "⚠ The task needs 8 nodes (one per instance) but pool 'small' has 2; it would wait in the queue until the "
        "pool grows. Resize the pool to 8 nodes, or lower the number of instances to 2."
    ]
    buttons = fix_buttons(wizard.instances_page, "number_of_instances")
    assert list(buttons) == ["Resize the pool to 8 nodes", "Use 2 instances"]
    buttons["Use 2 instances"].click()
    assert wizard.spec().number_of_instances == 2 and next_enabled(wizard)

    wizard.instances_page.instances_spin.setValue(8)
    fix_buttons(wizard.instances_page, "number_of_instances")["Resize the pool to 8 nodes"].click()
    settle(wizard.poolRead)
    assert wizard.pool_info.nodes_to_expect == 8
    assert next_enabled(wizard)
    assert wizard.spec().number_of_instances == 8


def test_invalid_values_each_get_their_own_message(open_wizard, run, settle, batch_client):
    run(create_idle_pool(batch_client, "mpi", 2, inter_node=True))
    wizard = open_wizard(pool_id="mpi")
    settle(wizard.choicesLoaded, wizard.poolRead)
    target = wizard.target_page
    target.task_id_edit.setText("hello world!")
    assert messages(target, "task_id") == [
        "The task ID contains characters Batch does not allow: ' ', '!'. "
        "Use only letters, digits, '-' and '_', for example 'hello-world'."
    ]
    assert not next_enabled(wizard)
    target.task_id_edit.setText("t" * 65)
    assert messages(target, "task_id") == [
        "The task ID is 65 characters long; Batch allows at most 64. Shorten it by 1 character."
    ]
    target.job_combo.setEditText("")
    assert messages(target, "job_id") == ["The job ID is empty. Enter 1 to 64 letters, digits, hyphens or underscores."]
    fill_target(wizard, "jobs", "t")
    assert messages(target, "task_id") == [] and next_enabled(wizard)
    wizard.next()

    instances = wizard.instances_page
    instances.instances_spin.setValue(0)
    assert messages(instances, "number_of_instances") == [
        "The number of instances is 0; a task needs at least one node. Use 1 or more instances."
    ]
    assert not next_enabled(wizard)
    instances.instances_spin.setValue(150)
    assert messages(instances, "number_of_instances") == [
        "⚠ 150 instances is more than the 100 nodes Azure Batch lets a pool with inter-node communication have "
        "(80 in user-subscription mode): there the task would never start. "
        "Use at most 100 instances, and more processes per node if you need more ranks."
    ]
    assert next_enabled(wizard)  # Azure's limit, and Azure does not refuse the task: a warning
    instances.instances_spin.setValue(2)
    wizard.next()
    wizard.mpi_page.program_edit.setText("./a.out")
    wizard.next()

    files = wizard.files_page
    files.common_editor.add_files([ResourceFile(http_url="ftp://host/a.out", file_path="a.out")])
    files.primary_editor.add_files([ResourceFile(storage_container_url="input")])
    assert messages(files, "common_resource_files") == [
        "Row 1 (HTTP URL): The HTTP URL uses 'ftp:', but Batch downloads only over http and https. "
        "Use an https:// URL, as in https://ACCOUNT.blob.core.windows.net/CONTAINER/FILE?SAS."
    ]
    assert messages(files, "resource_files") == [
        "Row 1 (Storage container URL): The storage container URL 'input' does not start with a scheme. "
        "Start it with https://, as in https://ACCOUNT.blob.core.windows.net/CONTAINER?SAS."
    ]
    assert not next_enabled(wizard)
    files.common_editor.set_cell(0, "http_url", "https://host/a.out")
    files.primary_editor.set_cell(0, "storage_container_url", "https://acct.blob.core.windows.net/input?sv=x")
    assert next_enabled(wizard)
    wizard.next()

    settings = wizard.settings_page
    settings.environment_editor.add_rows(
        [{"name": "1ST"}, {"name": "MY-VAR"}, {"name": "AZ_BATCH_HOST_LIST", "value": "x"}]
    )
    assert messages(settings, "environment_settings") == [
        "Row 1 (Name): The environment variable name '1ST' starts with a digit. "
        "Start it with a letter or '_', e.g. '_1ST'.",
        "Row 2 (Name): The environment variable name 'MY-VAR' contains characters other than letters, digits and '_'. "
        "Use e.g. 'MY_VAR'.",
        "Row 3 (Name): 'AZ_BATCH_HOST_LIST' is set by Batch itself (AZ_BATCH_* and CCP_NODES describe the nodes "
        "to MPI). Choose another name; read Batch's value in your command instead.",
    ]
    settings.wall_clock_edit.setText("1 hour")
    assert messages(settings, "constraints.max_wall_clock_time")[0].startswith("'1 hour' is not an ISO-8601 duration")
    settings.retries_edit.setText("three")
    assert messages(settings, "constraints.max_task_retry_count") == [
        "'three' is not a whole number. Enter 0 for no retries or -1 to retry forever, "
        "or leave it empty for Batch's default."
    ]
    assert not next_enabled(wizard)


def test_a_refused_submission_returns_to_the_field_with_everything_kept(
    open_wizard, run, settle, batch_client, submission
):
    run(create_idle_pool(batch_client, "mpi", 2, inter_node=True))
    run(submission.create_job("open-job", "mpi"))
    wizard = open_wizard(pool_id="mpi")
    settle(wizard.choicesLoaded, wizard.poolRead)
    fill_target(wizard, "open-job", "taken")
    assert not wizard.target_page.creates_job()
    assert wizard.target_page.job_note.text() == "Open job on pool 'mpi'."
    settle(wizard.idsChecked)
    for _ in range(2):
        wizard.next()
    wizard.mpi_page.program_edit.setText("hostname")
    for _ in range(3):
        wizard.next()
    assert wizard.currentPage() is wizard.review_page
    before = wizard.body()

    run(submission.submit_task("open-job", {**before, "commandLine": "true"}))  # someone else was quicker
    failed = next_emission(wizard.submitFailed)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    (message,) = run(failed)
    assert "already exists" in message
    assert wizard.currentPage() is wizard.target_page
    assert messages(wizard.target_page, "task_id")[0].endswith(
        "Choose another task ID; IDs are unique within a job (case-insensitively)."
    )
    assert not next_enabled(wizard)
    assert wizard.body() == before

    wizard.target_page.task_id_edit.setText("free")
    assert messages(wizard.target_page, "task_id") == [] and next_enabled(wizard)
    for _ in range(5):
        wizard.next()
    assert submit(wizard, run) == ("open-job", "free")


def test_a_taken_task_id_is_flagged_while_typing(open_wizard, run, settle, batch_client, submission):
    run(create_idle_pool(batch_client, "mpi", 1, inter_node=True))
    run(submission.create_job("open-job", "mpi"))
    run(
        submission.submit_task(
            "open-job",
            {
                "id": "run-1",
                "commandLine": "true",
                "multiInstanceSettings": {"numberOfInstances": 1, "coordinationCommandLine": "true"},
            },
        )
    )
    wizard = open_wizard(pool_id="mpi")
    settle(wizard.choicesLoaded)
    fill_target(wizard, "open-job", "RUN-1")
    settle(wizard.idsChecked)
    assert messages(wizard.target_page, "task_id") == [
        "Job 'open-job' already has a task 'RUN-1'. Choose another task ID, such as 'RUN-2'."
    ]
    assert not next_enabled(wizard)


def _submit_remembered_task(wizard, run, file: ResourceFile) -> None:
    """Fill and submit a task on the wizard's pool: Intel MPI, 3 instances × 2, one common file."""
    fill_target(wizard, "remember-job", "first")
    wizard.next()
    wizard.instances_page.instances_spin.setValue(3)
    wizard.next()
    wizard.mpi_page.preset_combo.setCurrentText("Intel MPI")
    wizard.mpi_page.program_edit.setText("./solver --steps 10")
    wizard.mpi_page.processes_spin.setValue(2)
    wizard.next()
    wizard.files_page.common_editor.add_files([file])
    wizard.next()
    wizard.settings_page.environment_editor.add_rows([{"name": "TOKEN", "value": "SECRET"}])
    wizard.settings_page.retries_edit.setText("2")
    wizard.next()
    submit(wizard, run)


def test_last_values_are_remembered_per_pool_with_the_files_the_commands_need(
    open_wizard, run, settle, batch_client, settings
):
    run(create_idle_pool(batch_client, "mpi", 3, inter_node=True))
    run(create_idle_pool(batch_client, "other", 3, inter_node=True))
    wizard = open_wizard(pool_id="mpi")
    settle(wizard.choicesLoaded, wizard.poolRead)
    solver = ResourceFile(http_url="https://example.org/solver", file_path="solver", file_mode="0755")
    _submit_remembered_task(wizard, run, solver)
    settings.sync()
    assert b"SECRET" not in settings.path.read_bytes()

    again = open_wizard(pool_id="mpi")
    assert again.target_page.job_id() == "remember-job"
    assert again.instances_page.instances_spin.value() == 3
    assert again.mpi_page.preset_combo.currentText() == "Intel MPI"
    assert again.mpi_page.program_edit.text() == "./solver --steps 10"
    assert (
        again.spec().command_line
        == "/bin/bash -c 'mpiexec -prepend-rank -hosts $AZ_BATCH_HOST_LIST -n 6 -perhost 2 ./solver --steps 10'"
    )
    assert again.spec().common_resource_files == (solver,)  # the file the command runs
    assert again.settings_page.retries_edit.text() == "2"
    assert again.spec().environment_settings == ()
    assert not again.mpi_page.memory_note.isVisibleTo(again.mpi_page)

    elsewhere = open_wizard(pool_id="other")
    assert elsewhere.instances_page.instances_spin.value() == 2
    assert elsewhere.mpi_page.program_edit.text() == ""


def test_files_with_access_tokens_are_forgotten_with_the_commands_that_need_them(
    open_wizard, run, settle, batch_client, settings
):
    run(create_idle_pool(batch_client, "mpi", 3, inter_node=True))
    wizard = open_wizard(pool_id="mpi")
    settle(wizard.choicesLoaded, wizard.poolRead)
    _submit_remembered_task(wizard, run, ResourceFile(http_url="https://h/solver?sig=SECRET", file_path="solver"))
    settings.sync()
    assert b"SECRET" not in settings.path.read_bytes()

    again = open_wizard(pool_id="mpi")
    assert again.instances_page.instances_spin.value() == 3  # what needs no file is kept
    assert again.settings_page.retries_edit.text() == "2"
    assert again.spec().common_resource_files == ()
    assert again.mpi_page.program_edit.text() == ""  # no command left that runs a missing file
    assert "./solver" not in again.spec().command_line
    assert again.mpi_page.memory_note.isVisibleTo(again.mpi_page)
    assert "access tokens" in again.mpi_page.memory_note.text()


def test_upload_needs_linked_storage(open_wizard):
    wizard = open_wizard()
    for button in wizard.files_page.upload_buttons.values():
        assert not button.isEnabled()
        assert "storage account" in button.toolTip()
    assert "storage account" in wizard.files_page.upload_status.text()


def test_a_bad_file_is_explained_and_nothing_is_lost(qtbot, open_wizard, submission, settings, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": "t", ')
    assert TaskWizard.from_json_file(broken, submission, settings, parent=parent) is None
    [box] = parent.findChildren(QMessageBox)
    assert box.text() == "broken.json is not a multi-instance task that MPI Explorer can open."
    assert (
        box.informativeText()
        == "$: not valid JSON: Expecting property name enclosed in double quotes at line 1, column 13."
    )

    wizard = open_wizard()
    wizard.target_page.task_id_edit.setText("typed")
    before = wizard.body()
    typo = tmp_path / "typo.json"
    template = json.loads((SAMPLES / "mpi-hello" / "task.json").read_text())
    template["commandline"] = template.pop("commandLine")
    typo.write_text(json.dumps(template))
    assert not wizard.load_json_file(typo)
    [box] = wizard.findChildren(QMessageBox)
    assert box.informativeText() == (
        "$.commandLine: required field 'commandLine' is missing; 'commandline' is there, but names are case-sensitive."
    )
    assert wizard.body() == before


def test_the_sample_imports_exports_unchanged_and_runs(
    shown, run, settle, batch_client, submission, settings, samples, tmp_path
):
    run(create_idle_pool(batch_client, "mpi", 4, inter_node=True))
    data = samples.task_json("mpi-hello")
    wizard = shown(TaskWizard.from_task_json(data, submission, settings, pool_id="mpi"))
    settle(wizard.choicesLoaded, wizard.poolRead)
    assert wizard.mpi_page.preset_combo.currentText() == "As written (no preset)"
    exported = tmp_path / "exported.json"
    wizard.export_json(exported)
    body = json.loads(exported.read_text())
    assert body == {key: value for key, value in data.items() if value != []}
    assert models.BatchTaskCreateOptions(body).as_dict() == body

    for _ in range(5):
        assert next_enabled(wizard), wizard.problems()
        wizard.next()
    assert submit(wizard, run) == (DEFAULT_JOB_ID, "mpi-hello")
    task = run(wait_for_completion(batch_client, DEFAULT_JOB_ID, "mpi-hello", timeout=120))
    assert task.execution_info.exit_code == 0


def test_imported_files_keep_properties_the_wizard_does_not_edit(open_wizard, submission, settings, tmp_path, qtbot):
    template = json.loads((SAMPLES / "mpi-hello" / "task.json").read_text())
    output_files = [
        {
            "filePattern": "*.log",
            "destination": {"container": {"containerUrl": "https://a/c"}},
            "uploadOptions": {"uploadCondition": "taskcompletion"},
        }
    ]
    path = tmp_path / "task.json"
    path.write_text(json.dumps({**template, "outputFiles": output_files}))
    wizard = TaskWizard.from_json_file(path, submission, settings)
    qtbot.addWidget(wizard)
    assert wizard.body()["outputFiles"] == output_files
    assert replace(wizard.spec(), job_id="x").task_id == "mpi-hello"


# --- export -> import round trip over the spec's fields --------------------------------------

# What a user can type into one-line fields: no control characters or line/paragraph separators.
typed = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=10)
optional = st.none() | typed
durations = st.timedeltas(min_value=timedelta(0), max_value=BATCH_MAX_DURATION)
resource_files = st.builds(
    ResourceFile,
    http_url=optional,
    storage_container_url=optional,
    auto_storage_container_name=optional,
    blob_prefix=optional,
    file_path=optional,
    file_mode=optional,
)
identities = st.one_of(
    st.none(),
    st.builds(
        lambda scope, level: UserIdentity(auto_user=AutoUser(scope, level)),
        st.none() | st.sampled_from(AutoUserScope),
        st.none() | st.sampled_from(ElevationLevel),
    ),
    st.builds(lambda name: UserIdentity(user_name=name), st.just("") | typed),
)
constraints = st.none() | st.builds(
    TaskConstraints, st.none() | durations, st.none() | durations, st.none() | st.integers()
).filter(lambda value: value != TaskConstraints())
task_specs = st.builds(
    MultiInstanceTaskSpec,
    job_id=st.just(DEFAULT_JOB_ID),
    task_id=typed,
    command_line=typed,
    coordination_command_line=typed,
    number_of_instances=st.integers(0, 10_000),
    display_name=optional,
    common_resource_files=st.lists(resource_files, max_size=2).map(tuple),
    resource_files=st.lists(resource_files, max_size=2).map(tuple),
    environment_settings=st.lists(st.builds(EnvironmentSetting, typed, optional), max_size=2).map(tuple),
    user_identity=identities,
    constraints=constraints,
)
extra_fields = st.sampled_from([{}, {"requiredSlots": 1}, {"outputFiles": [{"filePattern": "*.log"}]}])


@examples(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=task_specs, extra=extra_fields)
def test_exported_json_reimports_to_the_same_spec(qtbot, loop, submission, settings, tmp_path, spec, extra):
    wizard = TaskWizard(submission, settings, initial_spec=spec, extra_fields=extra)
    qtbot.addWidget(wizard)
    assert wizard.spec() == spec  # the pages hold every field losslessly
    path = tmp_path / "task.json"
    wizard.export_json(path)
    again = TaskWizard.from_json_file(path, submission, settings)
    qtbot.addWidget(again)
    assert again.document() == TaskDocument(spec, extra)


def test_run_on_another_account_waits_for_another_account(open_wizard):
    wizard = open_wizard()
    button = wizard.run_elsewhere_button
    assert not button.isEnabled() and button.toolTip() == "There is no other account: add one in Connection > Accounts…"
    wizard.set_other_accounts(2)
    assert button.isEnabled() and button.toolTip().startswith("Send this task, as it stands, to another account")
