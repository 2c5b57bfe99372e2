"""A word when a task ends, through the notification layer's seam, against a real Local Batch and the
real main window: on for the tasks opened in this session, off for the others, off by the setting."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from azure.batch import models

from explorer.ui.main_window import MainWindow
from explorer.ui.notifications import TrayNotifier
from explorer.ui.views.task_view import TaskView
from tests.support.batch_scenarios import (
    create_idle_pool,
    python_command,
    submit_task,
    task_state,
    wait_for_completion,
    waiting_for_file,
)
from tests.support.qt_scenarios import SCENARIO_TIMEOUT as TIMEOUT
from tests.support.waiting import wait_until


@dataclass
class Word:
    title: str
    message: str
    failed: bool
    click: object


@dataclass
class RecordingNotifier:
    words: list[Word] = field(default_factory=list)

    def notify(self, title, message, failed, on_click) -> None:
        self.words.append(Word(title, message, failed, on_click))


async def create_task(client, job_id: str, task_id: str, command_line: str) -> None:
    await client.create_task(job_id, models.BatchTaskCreateOptions(id=task_id, command_line=command_line))


def failing_when(released: Path) -> str:
    return python_command("import pathlib, sys, time\nwhile not pathlib.Path(sys.argv[1]).exists(): time.sleep(0.02)\n"
                          "sys.exit(3)", str(released))


async def running(client, task_id: str) -> bool:
    return await task_state(client, "job", task_id) == "running"


def make_window(runner, services) -> tuple[MainWindow, RecordingNotifier]:
    window = runner.show(MainWindow(services, ["Local Batch"], "Local Batch"), size=None)
    assert isinstance(window.task_notifications.notifier, TrayNotifier)  # what the app uses
    window.task_notifications.notifier = recorder = RecordingNotifier()
    return window, recorder


def test_a_task_opened_says_when_it_ends_and_the_word_opens_it(runner, services, batch_client, tmp_path):
    async def scenario():
        await create_idle_pool(batch_client, "p", 2)
        released = tmp_path / "released"
        await submit_task(batch_client, "p", "job", "watched", waiting_for_file(released))
        await create_task(batch_client, "job", "unopened", waiting_for_file(released))
        window, recorder = make_window(runner, services)
        assert window.task_notifications.enabled
        view = window.open_task("job", "watched")
        await wait_until(lambda: view.task is not None and view.task.state == "running", TIMEOUT, "running")
        window.close_view(window.tabs.indexOf(view))  # closed: the word comes all the same
        assert window.task_notifications.following() == [("job", "watched")]

        released.touch()
        await wait_until(lambda: recorder.words, TIMEOUT, "the word that the task ended")
        word = recorder.words[0]
        assert word.title == "Task watched completed" and not word.failed
        assert word.message == "exit code 0, in job job"
        assert window.task_notifications.following() == []

        word.click()
        reopened = window.current_view()
        assert isinstance(reopened, TaskView) and (reopened.job_id, reopened.task_id) == ("job", "watched")
        # The task nobody opened ended too, unsaid; so does the one just reopened (it had ended already).
        await wait_until(lambda: reopened.task is not None and reopened.task.state == "completed", TIMEOUT)
        assert len(recorder.words) == 1

    runner.run_to_end(scenario())


def test_a_failure_is_said_with_its_exit_code_unless_turned_off(runner, services, batch_client, tmp_path):
    async def scenario():
        await create_idle_pool(batch_client, "p", 2)
        first, second = tmp_path / "first", tmp_path / "second"
        await submit_task(batch_client, "p", "job", "fails", failing_when(first))
        await create_task(batch_client, "job", "later", failing_when(second))
        window, recorder = make_window(runner, services)
        window.open_task("job", "fails")
        window.open_task("job", "later")
        notifications = window.task_notifications
        for task_id in ("fails", "later"):
            await wait_until(lambda t=task_id: running(batch_client, t), TIMEOUT, f"{task_id} running")

        first.touch()
        await wait_until(lambda: recorder.words, TIMEOUT, "the word that the task failed")
        word = recorder.words[0]
        assert word.title == "Task fails failed" and word.failed
        assert word.message.startswith("exit code 3, in job job\nFailureExitCode")

        notifications.toggle_action(window).setChecked(False)  # the setting, as the View menu sets it
        assert not services.settings.notify_task_end
        second.touch()
        await wait_for_completion(batch_client, "job", "later")
        await wait_until(lambda: notifications.following() == [], TIMEOUT, "no task followed")
        assert len(recorder.words) == 1

    runner.run_to_end(scenario())
