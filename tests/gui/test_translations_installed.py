"""The translation pipeline end to end: the committed German catalogue (compiled by pyside6-lrelease
into the .qm the wheel carries), installed for a German locale as the app installs it, and the texts
of a dialog, a wait reason, an operation error, a wizard field's check and the texts written below
the UI (the run-elsewhere pool list, Local Batch's notices, connection failures, the keyring's remedy,
account kinds) shown in German, Qt's own buttons too."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time
from pathlib import Path

import pytest
from azure.core.exceptions import ServiceRequestError
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QMessageBox, QWidget

from explorer.client.acting.downloads import download_file
from explorer.client.acting.operations import OperationError
from explorer.client.acting.rerun import PoolChoice, PoolTarget, Rerun, RerunError, plan_rerun
from explorer.client.acting.storage import LinkedStorage
from explorer.client.connecting import proxies
from explorer.client.connecting.accounts import Accounts, explain_failure, kind_label
from explorer.client.connecting.client_factory import ClientFactory
from explorer.client.connecting.connection_state import ConnectionState, ConnectionStatus
from explorer.client.connecting.credentials import KEYRING_REMEDY, AccountCredentials, MemoryCredentialStore
from explorer.client.connecting.profiles import LocalBatchProfile, ProfileStore, SharedKeyProfile
from explorer.client.errors import ConnectError, CredentialError, DownloadError, StorageError, describe
from explorer.client.files import TaskFiles
from explorer.client.local.azurite import AzuriteService
from explorer.client.local.local_batch import LocalBatchStartError
from explorer.client.local.supervisor import ServiceEvent, ServiceEventKind
from explorer.client.watching.comparison import ComparisonError, read_run
from explorer.client.watching.snapshots import JobSnapshot, NodeSnapshot, PoolSnapshot, TaskSnapshot
from explorer.client.watching.wait_reasons import why_waiting
from explorer.core.batch_json.json_reader import SpecFormatError
from explorer.core.checks.pool_checks import task_on_pool_problems
from explorer.core.checks.validation import validate_pool, validate_task
from explorer.core.durations import BATCH_MAX_DURATION, parse_duration
from explorer.core.mpi.mpi_presets import MpiPreset, PresetError, build_commands
from explorer.core.specs.os_family import OsFamily
from explorer.core.specs.pool_info import AllocationState, PoolInfo
from explorer.core.specs.pool_spec import PoolSpec, StartTask, VmImage
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.task_spec import MultiInstanceTaskSpec, TaskConstraints
from explorer.core.texts import QT_TRANSLATE_NOOP, Text
from explorer.ui.dialogs.resize_pool import ResizePoolDialog
from explorer.ui.models.node_table_model import NODE_COLUMNS
from explorer.ui.navigator_panel import pool_summary
from explorer.ui.status_bar import ConnectionStatusBar
from explorer.ui.translation import error_text, install_translators, state_text, translated
from explorer.ui.widgets.error_banner import sentence_for
from explorer.ui.wizards.field_feedback import FieldFeedback, problem_text
from explorer.ui.wizards.settings_page import SettingsPage
from explorer.ui.wizards.task_import import read_task_file, show_import_error

GERMANY = QLocale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.fixture
def german(qapp):
    installed = install_translators(qapp, GERMANY)
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
        translator.deleteLater()


def test_a_german_locale_shows_the_window_in_german(german, qtbot):
    assert [Path(t.filePath()).name for t in german][:1] == ["mpi_explorer_de.qm"]
    dialog = ResizePoolDialog("mpi", 2, 0, lambda dedicated, spot: None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Größe von Pool mpi ändern"
    form = dialog.findChild(QFormLayout)
    assert form.labelForField(dialog.dedicated).text() == "Dedizierte Knoten:"
    assert dialog.findChild(QLabel).text() == (
        "Bei Knoten, die den Pool verlassen, werden die laufenden Tasks wieder in die Warteschlange gestellt.")
    if len(german) > 1:  # Qt ships qtbase_de with PySide6: its standard buttons follow
        cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text() == "Abbrechen"

    task = TaskSnapshot("t", None, "active", None, 4, None, None, None, None, None, 0, None)
    pool = PoolSnapshot("p", "deleting", "steady", "vm", 4, 0, 4, 0, True, 1)
    (reason,) = why_waiting(task, JobSnapshot("j", None, "active", "p", None), pool, None)
    assert translated(reason.message) == "Pool p wird gerade gelöscht." and reason.text == "Pool p is being deleted."
    error = OperationError(Text.of(QT_TRANSLATE_NOOP("Operations", "resize pool {pool}"), pool="mpi"), "busy")
    assert sentence_for(error) == "Fehlgeschlagen: Größe von Pool mpi ändern – busy"
    assert str(error) == "Could not resize pool mpi: busy"


def test_english_and_languages_without_a_catalogue_install_nothing(qapp):
    assert install_translators(qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == []
    # Qt has Japanese buttons, but without our catalogue they would make a window of two languages.
    assert install_translators(qapp, QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)) == []


def test_a_wizard_field_shows_its_check_in_german(german, qtbot):
    """A check's message and fix are translated as the field shows them, and the field's name among their
    arguments too; str() of a message is the English, for logs."""
    image = VmImage("Canonical", "ubuntu-24_04-lts", "server", "batch.node.ubuntu 24.04")
    spec = PoolSpec("mpi", "Standard D2s", image, target_dedicated_nodes=2, start_task=StartTask(" "))
    problems = {problem.field: problem for problem in validate_pool(spec)}
    feedback = FieldFeedback()
    qtbot.addWidget(feedback)
    feedback.show_problems([problems["vm_size"]])
    assert feedback.texts() == [
        "Die VM-Größe „Standard D2s“ enthält Leerzeichen. VM-Größen sind einzelne Wörter wie Standard_D2s_v3."
    ]
    assert str(problems["vm_size"].message) == "The VM size 'Standard D2s' contains spaces."
    feedback.show_problems([problems["start_task.command_line"]])
    assert feedback.texts() == [
        "Das Feld „Starttask-Befehl“ ist leer. "
        "Geben Sie den Starttask-Befehl ein, oder wählen Sie eine MPI-Vorlage, die ihn ausfüllt."
    ]


def test_a_duration_beyond_batchs_longest_reads_in_days_in_german(german):
    spec = MultiInstanceTaskSpec("job", "task", "mpiexec ./a", "true", 2,
                                 constraints=TaskConstraints(max_wall_clock_time=BATCH_MAX_DURATION * 2))
    (problem,) = [p for p in validate_task(spec) if p.field == "constraints.max_wall_clock_time"]
    assert translated(problem.message) == (
        "Der Wert im Feld „Maximale Laufzeit“ ist länger als das Maximum von Batch (10675199 Tage).")
    assert translated(problem.fix) == "Lassen Sie das Feld leer (keine Begrenzung)."


def _pool(pool_id: str, nodes: int, *, inter_node: bool = True) -> PoolInfo:
    return PoolInfo(pool_id, inter_node, 1, nodes, 0, nodes, 0, AllocationState.STEADY, OsFamily.LINUX)


def test_the_run_elsewhere_pool_list_in_german(german):
    spec = MultiInstanceTaskSpec("job", "task", "mpiexec ./a", "true", 2)
    assert translated(PoolChoice(_pool("one", 1), ()).summary()) == "one: MPI-bereit, 1 Knoten"
    assert translated(PoolChoice(_pool("mpi", 4), ()).summary()) == "mpi: MPI-bereit, 4 Knoten"
    closed = _pool("closed", 4, inter_node=False)
    choice = PoolChoice(closed, tuple(task_on_pool_problems(spec, closed)))
    assert translated(choice.summary()).startswith("closed: Pool „closed“ erlaubt keine Kommunikation zwischen Knoten")
    assert str(PoolChoice(_pool("mpi", 4), ()).summary()) == "mpi: MPI-ready, 4 nodes"


def test_local_batch_notices_in_german_in_the_status_bar(german, qtbot):
    killed = Text.of(QT_TRANSLATE_NOOP("LocalBatchService", "killed by {signal}"), signal="SIGKILL")
    at = time.mktime((2026, 12, 1, 14, 5, 9, 0, 0, -1))
    stopped = ServiceEvent(ServiceEventKind.STOPPED, killed, at=at)
    restarted = ServiceEvent(ServiceEventKind.RESTARTED, killed, at=at)
    reason = Text.of(QT_TRANSLATE_NOOP("ServiceEvent", "it stopped {count} times within {seconds} s; see {log}"),
                     count=3, seconds=60, log="/tmp/service.log")
    failed = ServiceEvent(ServiceEventKind.FAILED, killed, reason, at=at)
    bar = ConnectionStatusBar(None, "Local Batch")
    qtbot.addWidget(bar)
    bar.show_notice(stopped.text)
    notice = bar._notice
    assert notice.text() == "Local Batch wurde unerwartet beendet (durch SIGKILL beendet); Neustart läuft…"
    bar.show_notice(restarted.text)
    assert notice.text() == "Local Batch wurde um 14:05:09 unerwartet beendet (durch SIGKILL beendet); neu gestartet"
    bar.show_notice(failed.text, failed=True)
    assert notice.text() == ("Local Batch wurde unerwartet beendet (durch SIGKILL beendet) und konnte nicht neu "
                             "gestartet werden: es wurde innerhalb von 60 s 3-mal beendet; siehe /tmp/service.log")
    assert str(stopped) == "Local Batch stopped unexpectedly (killed by SIGKILL); restarting…"


def test_a_timeout_in_the_status_bar_reads_in_german(german, qtbot):
    bar = ConnectionStatusBar(None, "Azure")
    qtbot.addWidget(bar)
    bar._on_state(ConnectionState(ConnectionStatus.FAILED, describe(asyncio.TimeoutError())))
    assert bar._label.text() == "Azure: fehlgeschlagen: Zeitüberschreitung"
    assert str(describe(asyncio.TimeoutError())) == "timed out"


def test_connection_failures_keyring_and_account_kinds_in_german(german):
    endpoint = "https://acct.westeurope.batch.azure.com"
    direct = proxies.ProxySettings(proxies.ProxyMode.NONE)
    unreachable = explain_failure(ServiceRequestError("Cannot connect to host"), endpoint, direct)
    assert translated(unreachable) == f"{endpoint} ist nicht erreichbar: Cannot connect to host"
    manual = proxies.ProxySettings(proxies.ProxyMode.MANUAL, "http://proxy.corp:3128")
    through = explain_failure(asyncio.TimeoutError(), endpoint, manual)
    assert translated(through).startswith(
        f"{endpoint} ist nicht erreichbar: Zeitüberschreitung – die Anfrage ging über den Proxy "
        "http://proxy.corp:3128 (die Proxy-Einstellung unter Verbindung > Konten…).")
    assert error_text(ConnectError(unreachable)) == translated(unreachable)
    assert str(ConnectError(unreachable)) == f"Could not reach {endpoint}: Cannot connect to host"
    assert translated(KEYRING_REMEDY).startswith("Es gibt keinen nutzbaren Systemschlüsselbund")
    assert str(KEYRING_REMEDY).startswith("There is no usable system keyring")
    shared = SharedKeyProfile("prod", "acct", endpoint)
    assert [translated(kind_label(p)) for p in (shared, LocalBatchProfile("local"))] == [
        "Azure Batch, gemeinsam verwendeter Schlüssel", "Local Batch"]


def test_batch_states_and_the_navigators_pool_line_in_german(german):
    """Batch's states read in German wherever the window shows them through state_text; the navigator's
    pool line was translated through a helper lupdate could not see, so it was never in a catalogue."""
    assert [state_text(s) for s in ("running", "idle", "completed", None)] == [
        "läuft", "im Leerlauf", "abgeschlossen", "—"]
    resizing = PoolSnapshot("p", "active", "resizing", "vm", 1, 0, 4, 0, True, 1)
    assert pool_summary(resizing) == "1 → 4 Knoten, Größe wird geändert"
    assert pool_summary(PoolSnapshot("p", "active", "steady", "vm", 1, 0, 1, 0, True, 1)) == "1 Knoten"
    node = NodeSnapshot("n1", "idle", "enabled", "10.0.0.4", None, 0, 0, None)
    assert [column.text(node) for column in NODE_COLUMNS[1:3]] == ["im Leerlauf", "aktiviert"]


def test_the_mpi_pages_program_check_in_german(german):
    with pytest.raises(PresetError) as raised:
        build_commands(MpiPreset.MPICH, " ", 2)
    assert translated(raised.value.text) == (
        "Das Programm fehlt; geben Sie ein, was jeder MPI-Rang ausführt, z. B. „python3 hello.py“.")
    assert str(raised.value) == "The program is empty; enter what each MPI rank runs, e.g. 'python3 hello.py'."


def test_a_disabled_jobs_wait_reason_names_its_state_in_german(german):
    task = TaskSnapshot("t", None, "active", None, 4, None, None, None, None, None, 0, None)
    (reason,) = why_waiting(task, JobSnapshot("j", None, "disabled", "p", None), None, None)
    assert translated(reason.message) == "Job j (deaktiviert): Seine Tasks werden nicht eingeplant."
    assert reason.text == "Job j is disabled: its tasks are not scheduled."


def test_the_settings_pages_duration_messages_in_german(german, qtbot):
    """The durations are read by the code Local Batch shares (its refusals stay English); the window says
    what is wrong in German, with the fix."""
    page = SettingsPage()
    qtbot.addWidget(page)

    def said(wall_clock: str, retention: str) -> list[str]:
        page.wall_clock_edit.setText(wall_clock)
        page.retention_edit.setText(retention)
        return [problem_text(problem) for problem in page.local_problems()]

    assert said("P1Y", "-PT1H") == [
        "„P1Y“ enthält Jahre oder Monate, die keine feste Länge haben. "
        "Geben Sie die Dauer stattdessen in Tagen an, z. B. P30D.",
        "„-PT1H“ ist negativ; Dauern können in Batch nicht negativ sein. "
        "Schreiben Sie sie nach ISO 8601, z. B. PT30M (30 Minuten), PT1H30M oder P2D (2 Tage).",
    ]
    assert said("P99999999999D", "1h") == [
        "„P99999999999D“ ist länger als die längste Dauer, die Batch kennt (10675199 Tage). "
        "Geben Sie eine kürzere Dauer ein, oder lassen Sie das Feld leer.",
        "„1h“ ist keine Dauer nach ISO 8601. "
        "Schreiben Sie sie als P[nW][nD][T[nH][nM][nS]], z. B. PT30M (30 Minuten), PT1H30M oder P2D (2 Tage).",
    ]
    with pytest.raises(ValueError) as refused:  # what Local Batch answers with
        parse_duration("P1Y")
    assert str(refused.value) == ("'P1Y' uses years or months, which have no fixed length; "
                                  "write the duration in days instead, for example P30D.")


def test_a_run_elsewhere_that_stops_says_its_steps_in_german(german, runner, batch_client, tmp_path):
    """Against a real Local Batch with no linked storage: the check stops the run, and the steps, the error
    and the files' notes read in German."""
    local = tmp_path / "input.txt"
    local.write_text("x")
    kept = ResourceFile(auto_storage_container_name="inputs", file_path="in")
    spec = MultiInstanceTaskSpec("job", "task", "mpiexec ./a", "true", 2, common_resource_files=(kept,))
    steps = []
    pool = PoolSpec("mpi-there", "Standard_D2s_v3", VmImage("Canonical", "ubuntu-24_04-lts", "server",
                                                            "batch.node.ubuntu 24.04"), 2)

    async def scenario():
        plan = await plan_rerun(spec, None, [(local, "input.txt", True)])
        with pytest.raises(RerunError) as stopped:
            await Rerun(batch_client, None, steps.append).run(plan, PoolTarget(create=pool), "job", "task")
        return plan, stopped.value

    plan, error = runner.run_to_end(scenario())
    assert error_text(error) == (
        "Die Ausführung auf dem anderen Konto wurde bei „Prüfen“ abgebrochen: Eine Datei muss kopiert werden, "
        "aber das Zielkonto hat keinen verknüpften Speicher: Verknüpfen Sie einen unter Verbindung > Konten…")
    assert str(error).startswith("Running on the other account stopped at “check”: A file must be copied")
    [step] = steps
    assert (step.ok, translated(step.label)) == (False, "Prüfen")
    assert translated(step.detail).startswith("Eine Datei muss kopiert werden")
    keep = plan.transfers[0]
    assert translated(keep.source) == "Container inputs im automatischen Speicherkonto"
    assert translated(keep.note) == "das automatische Speicherkonto des Zielkontos muss diesen Container haben"


def test_storage_download_and_comparison_errors_in_german(german, runner, batch_client, azurite, tmp_path):
    """Errors of the client's storage, downloads and comparison, as their banners and dialogs show them (a HEAD
    answers without a body: no code)."""
    missing = tmp_path / "missing.dat"

    async def scenario():
        with pytest.raises(StorageError) as unread:
            await LinkedStorage(azurite.account).upload_files("inputs", [missing])
        with pytest.raises(StorageError) as misnamed:
            await LinkedStorage(azurite.account).upload_files("In_Puts", [missing])
        with pytest.raises(DownloadError) as undownloaded:
            await download_file(batch_client, TaskFiles("nojob", "notask"), "stdout.txt", tmp_path / "out.txt")
        with pytest.raises(ComparisonError) as unread_run:
            await read_run(batch_client, "Local Batch", "nojob", "notask")
        return unread.value, misnamed.value, undownloaded.value, unread_run.value

    unread, misnamed, undownloaded, unread_run = runner.run_to_end(scenario())
    assert error_text(unread) == f"{missing} kann nicht gelesen werden: No such file or directory"
    assert error_text(misnamed) == ("„In_Puts“ ist kein Containername: Verwenden Sie 3 bis 63 Kleinbuchstaben, "
                                    "Ziffern und einzelne Bindestriche.")
    assert error_text(undownloaded) == "stdout.txt kann nicht heruntergeladen werden: HTTP 404 Not Found"
    assert str(undownloaded) == "Cannot download stdout.txt: HTTP 404 Not Found"
    assert error_text(unread_run) == (
        "Der Lauf von notask auf Local Batch konnte nicht gelesen werden: HTTP 404 JobNotFound")


def test_a_missing_shared_key_reads_in_german(german, runner, tmp_path):
    accounts = Accounts(ProfileStore(tmp_path / "config"), AccountCredentials(MemoryCredentialStore(), usable=True),
                        environ={})
    profile = SharedKeyProfile("Lab", "lab", "https://lab.westeurope.batch.azure.com")

    async def scenario():
        with pytest.raises(CredentialError) as refused:
            await accounts.factory().connect(profile)
        return refused.value

    error = runner.run_to_end(scenario())
    assert error_text(error) == (
        "für das Konto „lab“ ist kein gemeinsam verwendeter Schlüssel gespeichert: Geben Sie ihn unter "
        "Verbindung > Konten… ein (oder setzen Sie AZURE_BATCH_ACCESS_KEY für diesen Start)")
    assert str(error).startswith("no shared key stored for account 'lab': enter it in Connection > Accounts…")


def test_the_output_panes_rank_field_and_read_failures_in_german(german, qtbot, tmp_path):
    from azure.core.exceptions import ServiceRequestError

    from explorer.client.files import TaskFiles
    from explorer.client.watching.file_reader import RemoteFileReader
    from explorer.ui.widgets.output_pane import OutputPane

    pane = OutputPane()
    qtbot.addWidget(pane)
    pane.set_rank_filter("2-x")
    assert pane.ranks_edit.toolTip() == "„2-x“ ist kein Rang: geben Sie Rangnummern ein, z. B. 0, 2-5"
    reader = RemoteFileReader(None, TaskFiles("job", "task"), "stdout.txt", None)
    unanswered = reader._failure(ServiceRequestError("Cannot connect to host"))
    assert isinstance(unanswered, ConnectionError)
    assert error_text(unanswered) == "stdout.txt: keine Antwort vom Dienst; erneut lesen, sobald er antwortet"
    assert str(unanswered) == "stdout.txt: no answer from the service; read again once it answers"


def _import_error(path: Path, qtbot) -> QMessageBox:
    """The message box the task wizard's import shows for `path` (it refuses the file)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    with pytest.raises(SpecFormatError) as refused:
        read_task_file(path, "job")
    return show_import_error(parent, path.name, refused.value)


def test_a_task_files_mistakes_read_in_german_as_the_import_shows_them(german, qtbot, tmp_path):
    """What is wrong with a task file, in German; the JSON paths, field names and the parser's own words stay."""
    task = {"id": "t", "commandLine": "mpiexec ./a",
            "multiInstanceSettings": {"numberOfInstances": 2, "coordinationCommandLine": "true"}}

    def refused(content: str | object) -> str:
        path = tmp_path / "task.json"
        path.write_text(content if isinstance(content, str) else json.dumps(content))
        return _import_error(path, qtbot).informativeText()

    box = _import_error(tmp_path / "missing.json", qtbot)
    assert (box.windowTitle(), box.text()) == (
        "Der Task kann nicht importiert werden",
        "missing.json ist kein Task mit mehreren Instanzen, den MPI Explorer öffnen kann.")
    assert box.informativeText() == "$: Die Datei kann nicht gelesen werden: No such file or directory."
    assert refused('{"id": "t", ') == (
        "$: Kein gültiges JSON: Expecting property name enclosed in double quotes in Zeile 1, Spalte 13.")
    assert refused([task]) == "$: Erwartet wird ein Task-Objekt {...}, wie es `az batch task create --json-file` annimmt."
    assert refused({"id": "t", "multiInstanceSettings": task["multiInstanceSettings"]}) == (
        "$.commandLine: Das Pflichtfeld „commandLine“ (eine Zeichenkette) fehlt; fügen Sie es hinzu.")
    assert refused({"id": "t", "commandLine": "x"}) == (
        "$.multiInstanceSettings: Das Pflichtfeld „multiInstanceSettings“ ({numberOfInstances, "
        "coordinationCommandLine}, ohne das dies kein Task mit mehreren Instanzen ist) fehlt; fügen Sie es hinzu.")
    assert refused({**task, "CommandLine": "x", "commandLine": None}) == (
        "$.commandLine: Das Pflichtfeld „commandLine“ ist null; geben Sie eine Zeichenkette an.")
    settings = {"numberOfInstances": "4", "coordinationCommandLine": "true"}
    assert refused({**task, "multiInstanceSettings": settings}) == (
        '$.multiInstanceSettings.numberOfInstances: Erwartet wird eine ganze Zahl, gefunden wurde die Zeichenkette "4".')
    assert refused({**task, "constraints": {"maxWallClockTme": "PT1H"}}) == (
        "$.constraints.maxWallClockTme: Unbekanntes oder nicht unterstütztes Feld „maxWallClockTme“; "
        "meinten Sie „maxWallClockTime“?")
    assert refused({**task, "constraints": {"retentionTime": "1h"}}) == (
        "$.constraints.retentionTime: „1h“ ist keine Dauer nach ISO 8601. "
        "Schreiben Sie sie als P[nW][nD][T[nH][nM][nS]], z. B. PT30M (30 Minuten), PT1H30M oder P2D (2 Tage).")
    assert refused({**task, "userIdentity": {"autoUser": {"scope": "node"}}}) == (
        '$.userIdentity.autoUser.scope: „node“ ist keiner der Werte "task", "pool".')
    with pytest.raises(SpecFormatError) as english:
        read_task_file(tmp_path / "task.json", "job")
    assert str(english.value) == '$.userIdentity.autoUser.scope: "node" is not one of "task", "pool".'


def _executable(path: Path, script: str) -> Path:
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(0o755)
    return path


def test_local_batch_and_azurite_start_errors_in_german(german, runner, qtbot, tmp_path, monkeypatch):
    """Real starts that fail: a Local Batch started twice, an Azurite that never answers, and the notice of a
    Local Batch that could not come back because its linked Azurite would not start (the script given as
    Azurite exits at once)."""
    monkeypatch.setenv("AZURITE_BLOB", str(_executable(tmp_path / "silent-azurite", "exec sleep 60")))
    silent = AzuriteService(tmp_path / "silent").launch()
    with pytest.raises(StorageError) as unanswered:
        silent.wait_until_ready(timeout=1)
    assert error_text(unanswered.value) == (
        f"Azurite hat auf Port {silent.port} nicht innerhalb von 1 s geantwortet; siehe {silent.log_path}")
    assert not silent.is_running()

    monkeypatch.setenv("AZURITE_BLOB", str(_executable(tmp_path / "failing-azurite", "exit 3")))
    azurite = AzuriteService(tmp_path / "azurite")
    factory = ClientFactory(MemoryCredentialStore(), local_extra_args=("--node-start-seconds", "0.05"),
                            local_azurite=azurite)

    async def scenario():
        failed: asyncio.Future[ServiceEvent] = asyncio.get_running_loop().create_future()

        def on_event(event: ServiceEvent) -> None:
            if event.kind is ServiceEventKind.FAILED and not failed.done():
                failed.set_result(event)

        async with await factory.connect(LocalBatchProfile(data_dir=tmp_path / "lb")) as connection:
            service, supervisor = connection.local_service, connection.supervisor
            with pytest.raises(LocalBatchStartError) as twice:
                service.start()
            supervisor.add_listener(on_event)
            os.kill(service.pid, signal.SIGKILL)
            return twice.value, await failed

    twice, event = runner.run_to_end(scenario())
    assert (error_text(twice), str(twice)) == ("Local Batch läuft bereits", "Local Batch is already running")
    bar = ConnectionStatusBar(None, "Local Batch")
    qtbot.addWidget(bar)
    bar.show_notice(event.text, failed=True)
    assert bar._notice.text() == (
        "Local Batch wurde unerwartet beendet (durch SIGKILL beendet) und konnte nicht neu gestartet werden: "
        f"Azurite wurde mit Code 3 beendet, bevor es bereit war; siehe {azurite.log_path}")
    assert str(event.reason) == f"Azurite exited with code 3 before it was ready; see {azurite.log_path}"


def test_a_local_batch_that_exits_before_it_is_ready_says_so_in_german(german, runner, tmp_path):
    """The connection's failure, as the window shows it: ours in German, the service's own log as it wrote it."""
    factory = ClientFactory(MemoryCredentialStore(), local_extra_args=("--node-start-seconds", "soon"))

    async def scenario():
        with pytest.raises(ConnectError) as refused:
            await factory.connect(LocalBatchProfile(data_dir=tmp_path / "lb"))
        return refused.value

    error = runner.run_to_end(scenario())
    said = error_text(error)
    assert said.startswith("Local Batch wurde beendet, bevor es bereit war. Sein Protokoll endet mit:\nusage: ")
    assert said.endswith("argument --node-start-seconds: invalid float value: 'soon'")
    assert str(error).startswith("Local Batch exited before it was ready. Its log ends with:\nusage: ")
