"""The side-by-side comparison of two real runs of a multi-instance task on Local Batch: every column of the
per-instance table says something for some instance (no column that Batch never fills)."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton

from explorer.client.watching.comparison import read_run
from explorer.ui.views.compare_view import CompareView
from tests.support.batch_scenarios import create_idle_pool, create_job, multi_instance, python_command
from tests.support.qt_scenarios import until

COORDINATION = python_command("import time; time.sleep(0.3); print('coordinated')")
APPLICATION = python_command("print('hello')")


def test_every_column_of_a_finished_comparison_says_something(runner, batch_client):
    async def read_both():
        return (await read_run(batch_client, "Rehearsal", "job", "first"),
                await read_run(batch_client, "Again", "job", "second"))

    async def scenario():
        await create_idle_pool(batch_client, "mpi", 2, inter_node=True)
        await create_job(batch_client, "mpi", "job")
        for task_id in ("first", "second"):
            await batch_client.create_task("job", multi_instance(task_id, 2, COORDINATION, APPLICATION))
        view = runner.show(CompareView(read_both), size=(1400, 800))
        view.refresh()
        await until(view.compared, lambda: view.runs and all(run.finished for run in view.runs), what="both ended")
        table = view.first.table
        legend = [button.objectName() for button in view.first.legend.findChildren(QToolButton) if button.isVisible()]
        return ([table.horizontalHeaderItem(c).text() for c in range(table.columnCount())],
                view.first.texts(), view.second.texts(), legend)

    headers, first, second, legend = runner.run_to_end(scenario())
    assert "legend-ready" not in legend and "legend-coordinating" in legend  # no phase the comparison never draws
    # No "Ready": Batch does not report when a coordination command ended (it was "—" in every row).
    assert headers == ["Instance", "Node", "Exit code", "Waiting for node", "Downloading", "Coordinating", "Running",
                       "Total"]
    for rows in (first, second):
        assert [row[2] for row in rows] == ["0", "0"]
        empty = [headers[c] for c in range(len(headers)) if all(row[c] == "—" for row in rows)]
        assert empty == [], (empty, rows)
        assert all(row[headers.index("Coordinating")].endswith(" s") for row in rows), rows  # 0.3 s at least each
