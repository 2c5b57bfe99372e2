"""Pool and job history against a real Local Batch: a resize and its events, a failed task, the past rebuilt
from the tasks' own times, and the export of the chart (CSV rows equal to the series, a PNG Qt reads back)."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta

from azure.batch import models
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from explorer.client.watching.history import NODE_STATES, TASK_STATES, EventKind, Source
from explorer.ui.views.job_view import JobView
from explorer.ui.views.pool_view import PoolView
from tests.gui.view_helpers import RecordingNavigator
from tests.support.batch_scenarios import (
    create_idle_pool,
    create_job,
    python_command,
    wait_for_completion,
    wait_for_idle_nodes,
)
from tests.support.qt_scenarios import next_emission, until


def last_counts(history) -> dict[str, int]:
    known = [p for p in history.series.points if p.counts is not None]
    return dict(zip(history.series.states, known[-1].counts, strict=True)) if known else {}


def kinds(history) -> list[EventKind]:
    return [event.kind for event in history.events]


async def add_tasks(client, job_id: str, exit_codes: list[int]) -> list[str]:
    ids = [f"t{i}" for i in range(len(exit_codes))]
    for task_id, code in zip(ids, exit_codes, strict=True):
        command = python_command(f"import sys, time; time.sleep(0.3); sys.exit({code})")
        await client.create_task(job_id, models.BatchTaskCreateOptions(id=task_id, command_line=command))
    return ids


def test_a_resize_shows_in_the_nodes_series_and_as_events(runner, services, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "hp", 2)
        view = runner.show(PoolView(services, RecordingNavigator(), "hp"))
        history = view.history
        await until(view.history_tab.changed, lambda: last_counts(history).get("idle") == 2 and history.past,
                    what="2 idle nodes")
        # The nodes' own times came too: each counted from when it joined the pool.
        service = [p for p in history.series.points if p.source is Source.SERVICE]
        assert service and sum(service[-1].counts) == 2
        # The pool's last resize (to 2, at creation) is dated by the pool itself.
        assert EventKind.RESIZE_ENDED in kinds(history)
        before = len(history.events)

        await batch_client.begin_resize_pool("hp", models.BatchPoolResizeOptions(target_dedicated_nodes=3))
        await until(view.history_tab.changed, lambda: last_counts(history).get("idle") == 3
                    and EventKind.RESIZE_ENDED in kinds(history)[before:], what="3 idle nodes and the resize's end")
        new = list(history.events)[before:]
        resize = next(e for e in new if e.kind is EventKind.RESIZE)
        assert resize.text == "Resize to 3 dedicated, 0 spot nodes (from 2, 0)"
        ended = next(e for e in new if e.kind is EventKind.RESIZE_ENDED)
        pool = await batch_client.get_pool("hp", select=["allocationStateTransitionTime"])
        assert ended.reported and ended.at == pool.allocation_state_transition_time
        assert resize.at <= ended.at
        # Observed points after the resize: 2 nodes, then 3 (some of them first creating or starting).
        observed = [p for p in history.series.points if p.source is Source.OBSERVED and p.counts is not None]
        totals = [sum(p.counts) for p in observed]
        assert totals[0] == 2 and totals[-1] == 3
        assert all(a.at < b.at for a, b in zip(history.series.points, history.series.points[1:], strict=False))

        # The chart draws the stack up to 3 nodes and a line at each event.
        chart = view.history_tab.chart
        view.tabs.setCurrentWidget(view.history_tab)
        await until(view.history_tab.changed, lambda: chart.counts_now().get("idle") == 3, what="the chart at 3 idle")
        tops = [top[-1] for state, _, top in chart.areas() if state == "idle"]
        assert tops[-1] == 3
        assert {event.kind for _, event in chart.event_lines()} >= {EventKind.RESIZE, EventKind.RESIZE_ENDED}
        assert chart.event_at(resize.at.timestamp(), 0.001) == resize
        assert "Resize to 3 dedicated" in chart.event_text(resize)

        # Hidden, the view watches nothing: that span is not known, and nothing is drawn there.
        view.hide()
        assert not history.active and history.series.points[-1].counts is None
        hidden_at = history.series.points[-1].at
        view.show()
        await until(view.history_tab.changed, lambda: history.series.points[-1].counts is not None,
                    what="counts again once shown")
        assert history.series.points[-1].at > hidden_at and last_counts(history).get("idle") == 3
        assert not any(xs[0] < hidden_at.timestamp() < xs[-1] for _, xs, _ in chart.areas())

    runner.run_to_end(scenario())


def test_a_failed_task_is_an_event_and_the_counts_are_right(runner, services, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "jp", 2)
        job_id = await create_job(batch_client, "jp", "hj")
        view = runner.show(JobView(services, RecordingNavigator(), job_id))
        history = view.history
        await until(view.history_tab.changed, lambda: history.past is not None, what="the job's past (no tasks yet)")
        await add_tasks(batch_client, job_id, [0, 3, 0])
        await until(view.history_tab.changed, lambda: last_counts(history).get("succeeded") == 2
                    and last_counts(history).get("failed") == 1, what="2 succeeded, 1 failed")
        assert last_counts(history) == {"active": 0, "preparing": 0, "running": 0, "succeeded": 2, "failed": 1}
        failures = [e for e in history.events if e.kind is EventKind.TASK_FAILURE]
        assert [e.text for e in failures] == ["Task t1 failed (exit code 3)"]
        task = await wait_for_completion(batch_client, job_id, "t1")
        assert failures[0].reported and failures[0].at == task.execution_info.end_time
        # Tasks were seen active or running before they completed.
        seen = {state for p in history.series.points if p.counts for state, n in zip(TASK_STATES, p.counts,
                                                                                        strict=True) if n}
        assert {"active", "running"} & seen

    runner.run_to_end(scenario())


def test_the_past_is_rebuilt_from_the_tasks_own_times(runner, services, batch_client):
    """Tasks run one after another on one node before the view opens; the chart still starts at the job's
    creation, and at each task's run the counts are what happened."""

    async def scenario():
        await create_idle_pool(batch_client, "rp", 1)
        job_id = await create_job(batch_client, "rp", "rj")
        ids = await add_tasks(batch_client, job_id, [0, 5, 0])
        tasks = [await wait_for_completion(batch_client, job_id, task_id) for task_id in ids]
        job = await batch_client.get_job(job_id)

        view = runner.show(JobView(services, RecordingNavigator(), job_id))
        history = view.history
        await until(view.history_tab.changed, lambda: history.past is not None and history.created is not None
                    and history.series.points and history.series.points[0].at == history.created, what="the past")
        assert history.series.points[0].at == job.creation_time
        assert history.series.points[0].counts == (0,) * len(TASK_STATES)
        ended = sorted(tasks, key=lambda t: t.execution_info.start_time)
        for done, task in enumerate(ended):
            info = task.execution_info
            during = history.series.value_at(info.start_time + (info.end_time - info.start_time) / 2)
            assert during.source is Source.SERVICE
            counts = dict(zip(TASK_STATES, during.counts, strict=True))
            failed_before = sum(1 for t in ended[:done] if t.execution_info.exit_code != 0)
            assert counts == {"active": len(ended) - done - 1, "preparing": 0, "running": 1,
                              "succeeded": done - failed_before, "failed": failed_before}
        just_created = history.series.value_at(max(t.creation_time for t in tasks) + timedelta(microseconds=1))
        assert just_created.counts[TASK_STATES.index("active")] + just_created.counts[TASK_STATES.index("running")] == 3
        failures = [e for e in history.events if e.kind is EventKind.TASK_FAILURE]
        ended_at = tasks[1].execution_info.end_time
        assert [(e.text, e.at) for e in failures] == [("Task t1 failed (exit code 5)", ended_at)]

    runner.run_to_end(scenario())


def test_export_writes_the_series_as_csv_and_the_chart_as_png(runner, services, batch_client, tmp_path):
    async def scenario():
        await create_idle_pool(batch_client, "ep", 2)
        await wait_for_idle_nodes(batch_client, "ep", 2)
        view = runner.show(PoolView(services, RecordingNavigator(), "ep"))
        view.tabs.setCurrentWidget(view.history_tab)
        tab = view.history_tab
        await until(view.history_tab.changed, lambda: last_counts(view.history).get("idle") == 2 and view.history.past,
                    what="2 idle nodes")

        target = tmp_path / "pool-history.csv"
        tab.csv_action.trigger()
        dialog = next(d for d in tab.findChildren(QFileDialog) if d.isVisible())
        assert dialog.isModal() and "pool-ep-history.csv" in dialog.selectedFiles()[0]
        dialog.selectFile(str(target))
        written = next_emission(tab.exported)
        dialog.accept()
        assert (await written) == (target,)
        points = view.history.series.points

        png = tmp_path / "pool-history.png"
        written = next_emission(tab.exported)
        tab.save_png(png)
        assert (await written) == (png,)
        return points, tab.chart.size()

    points, size = runner.run_to_end(scenario())
    rows = list(csv.reader((tmp_path / "pool-history.csv").read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["time (UTC)", "source", *NODE_STATES, "event"]
    series_rows = [row for row in rows[1:] if not row[1].startswith("event")]
    assert len(series_rows) == len(points)
    for row, point in zip(series_rows, points, strict=True):
        assert datetime.fromisoformat(row[0].replace("Z", "+00:00")) == point.at.replace(
            microsecond=point.at.microsecond // 1000 * 1000)
        assert row[1] == (point.source.value if point.counts is not None else "not known")
        assert row[2:-1] == ([str(n) for n in point.counts] if point.counts is not None else [""] * len(NODE_STATES))
    assert any(row[1] == "event: resize ended" for row in rows)
    assert not list(tmp_path.glob(".*.part"))
    image = QImage(str(tmp_path / "pool-history.png"))
    assert not image.isNull() and image.width() == size.width() and image.height() == size.height()


def test_a_span_the_view_was_hidden_is_filled_from_the_tasks_times(runner, services, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "gp", 1)
        job_id = await create_job(batch_client, "gp", "gj")
        view = runner.show(JobView(services, RecordingNavigator(), job_id))
        history = view.history
        await until(view.history_tab.changed, lambda: history.past is not None, what="the job's past")
        view.hide()
        hidden_at = history.series.points[-1].at
        assert history.series.points[-1].counts is None
        ids = await add_tasks(batch_client, job_id, [0, 4])
        tasks = [await wait_for_completion(batch_client, job_id, task_id) for task_id in ids]
        view.show()
        await until(view.history_tab.changed, lambda: not history.series.has_unknown
                    and last_counts(history).get("failed") == 1, what="the hidden span filled")
        for task in tasks:
            info = task.execution_info
            during = history.series.value_at(info.start_time + (info.end_time - info.start_time) / 2)
            assert during.at >= hidden_at and during.source is Source.SERVICE
            assert during.counts[TASK_STATES.index("running")] == 1
        failures = [e for e in history.events if e.kind is EventKind.TASK_FAILURE]
        assert [(e.text, e.at) for e in failures] == [("Task t1 failed (exit code 4)", info.end_time)]
        view.tabs.setCurrentWidget(view.history_tab)  # the chart draws when shown
        assert any(start <= tasks[0].execution_info.start_time.timestamp() < end
                   for start, end in view.history_tab.chart.service_spans())

    runner.run_to_end(scenario())
