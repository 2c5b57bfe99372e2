"""Per-rank output against a real Local Batch and the real MPICH: the MPICH preset's -prepend-rank
labels each line, the output pane filters to a rank, colours ranks, and flags a rank that stays silent."""

from __future__ import annotations

import pytest

from explorer.core.mpi.mpi_presets import MpiPreset, build_commands
from explorer.ui.views.task_view import TaskView
from tests.support.batch_scenarios import create_idle_pool, submit_task
from tests.support.qt_scenarios import SCENARIO_TIMEOUT as TIMEOUT
from tests.support.qt_scenarios import until
from tests.support.waiting import wait_until

# Ranks 0 and 2 print a line every 0.1 s; rank 1 prints once, then nothing until `released` exists.
# Each line is one write (print with flush, not python -u, which writes the newline apart: Hydra
# labels every piece it reads, so a line written in two pieces reads "[1] text[1] ").
RANKS_SCRIPT = """\
import os, pathlib, sys, time
rank, released = int(os.environ["PMI_RANK"]), pathlib.Path(sys.argv[1])
print(f"rank {rank} starts", flush=True)
i = 0
while not released.exists():
    if rank != 1:
        print(f"rank {rank} step {i}", flush=True)
        i += 1
    time.sleep(0.1)
print(f"rank {rank} done", flush=True)
"""


@pytest.fixture
def run(runner):
    return runner.run_to_end


def test_a_real_mpi_run_filtered_to_one_rank_and_a_silent_rank_flagged(run, runner, services, batch_client, tmp_path):
    script, released = tmp_path / "ranks.py", tmp_path / "released"
    script.write_text(RANKS_SCRIPT)
    # A real MPI run through several phases, each wait bounded by TIMEOUT: the whole scenario, which
    # took over one TIMEOUT on a loaded 2-core machine (CI), is bounded by a few of them.
    runner.timeout = 4 * TIMEOUT

    async def scenario():
        await create_idle_pool(batch_client, "mpi", 3, inter_node=True)
        commands = build_commands(MpiPreset.MPICH, f"python3 {script} {released}", 3)
        assert "-prepend-rank" in commands.command_line
        await submit_task(batch_client, "mpi", "job", "ranks", commands.command_line, instances=3,
                          coordination=commands.coordination_command_line)
        view = runner.show(TaskView(services, None, "job", "ranks"))
        pane, stdout = view.output, view.output.viewers[0]
        pane.silent_after = 2.0
        await until(stdout.viewChanged, lambda: any("rank 2 step 3" in line for line in stdout.visible_lines()),
                    TIMEOUT)
        assert all(line.startswith(("[0] ", "[1] ", "[2] ")) for line in stdout.visible_lines() if line)
        assert pane.ranks_edit.isVisible()

        # Filtered to rank 2: only its lines, live, as it goes on writing.
        pane.set_rank_filter("2")
        await until(stdout.viewChanged, lambda: set(stdout.visible_ranks()) == {2} and stdout.visible_lines(), TIMEOUT)
        await until(stdout.viewChanged, lambda: any("rank 2 step 20" in line for line in stdout.visible_lines()),
                    TIMEOUT)
        assert set(stdout.visible_ranks()) == {2}

        # Rank 1 wrote once and is silent since; ranks 0 and 2 write on and are not flagged.
        await wait_until(lambda: [rank for rank, _ in pane.silent_ranks()] == [1], TIMEOUT, "rank 1 alone silent")
        await wait_until(lambda: pane.silence_label.text().startswith("rank 1 silent for "), TIMEOUT,
                         "the silence said")
        assert pane.silence_label.isVisible()

        released.touch()
        await until(view.updated, lambda: view.header["State"].text() == "completed", TIMEOUT)
        assert view.header["Exit code"].text() == "0"
        # Finished: no silent clock, but the filter (and colours) still work, on the whole file.
        await wait_until(lambda: not pane.silence_label.isVisible(), TIMEOUT, "the silence clock gone")
        assert pane.silent_ranks() == []
        pane.set_rank_filter("1")
        # At once: the last poll may still run (it reads what the end wrote), and it serves the filtered view too.
        await until(stdout.viewChanged, lambda: [line for line in stdout.visible_lines() if line]
                    == ["[1] rank 1 starts", "[1] rank 1 done"], TIMEOUT)
        pane.set_rank_filter("")
        await until(stdout.viewChanged, lambda: set(stdout.visible_ranks()) > {2}, TIMEOUT)

    run(scenario())


def test_unlabelled_output_shows_no_rank_tools(run, runner, services, batch_client):
    async def scenario():
        await create_idle_pool(batch_client, "mpi", 2, inter_node=True)
        await submit_task(batch_client, "mpi", "job", "plain", "/bin/bash -c 'echo plain; echo [x] not a rank'",
                          instances=2)
        view = runner.show(TaskView(services, None, "job", "plain"))
        stdout = view.output.viewers[0]
        await until(stdout.viewChanged, lambda: "plain" in stdout.visible_lines(), TIMEOUT)
        assert not stdout.labelled and not view.output.ranks_edit.isVisible()
        assert not view.output.silence_label.isVisible()

    run(scenario())
