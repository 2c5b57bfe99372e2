"""CPU per instance beside the task view's timeline, from a real MPI run on Local Batch: the rank that
burns CPU shows busy, the primary's rank that sleeps shows idle."""

from __future__ import annotations

import shlex
import sys

import pytest

from explorer.localbatch.running.node_sampling import INTERVAL_VARIABLE
from explorer.ui.views.task_view import TaskView
from explorer.ui.widgets.instance_cpu import IDLE_BELOW
from tests.support.batch_scenarios import create_idle_pool, create_job, multi_instance, python_command
from tests.support.qt_scenarios import until

RANK = (
    "import os, time\nend = time.time() + 120\n"
    "if os.environ.get('PMI_RANK') == '1':\n    while time.time() < end: pass\nelse:\n    time.sleep(120)\n"
)
APPLICATION = "/bin/bash -c " + shlex.quote(
    "mpiexec -hosts $AZ_BATCH_HOST_LIST -n 2 -ppn 1 " + shlex.join([sys.executable, "-c", RANK]))


@pytest.fixture(autouse=True)
def fast_sampling(monkeypatch):
    monkeypatch.setenv(INTERVAL_VARIABLE, "0.5")


@pytest.mark.timeout(180)
def test_the_idle_rank_shows_beside_the_busy_one(runner, services, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "mpi", 2, inter_node=True)
        await create_job(batch_client, "mpi", "j")
        await batch_client.create_task("j", multi_instance("ranks", 2, python_command("pass"), APPLICATION))
        view = TaskView(services, None, "j", "ranks")
        view.instance_cpu.watch.interval = 0.3
        runner.show(view)

        def apart():
            values = view.instance_cpu.values
            return (values.get(1) or 0) > IDLE_BELOW and values.get(0) is not None and values[0] < IDLE_BELOW

        await until(view.instance_cpu.updated, apart, what="rank 1 busy and the primary's rank idle")
        await batch_client.terminate_task("j", "ranks")
        return view

    view = runner.run(scenario())
    assert set(view.instance_cpu.watch.readers) == {("mpi", row.node_id) for row in view.snapshot.instances}
    assert view.instance_cpu.caption.text().startswith("idle (under 10 % of a core): the primary")
