"""The launcher's process count against the task's instances × processes per node."""

from dataclasses import replace

import pytest

from explorer.core.checks.problems import FixAction, FixKind, Severity
from explorer.core.checks.rank_checks import LaunchCounts, launch_counts, with_ranks
from explorer.core.checks.validation import validate_task
from explorer.core.mpi.mpi_presets import MpiPreset, build_commands
from explorer.core.specs.os_family import OsFamily


@pytest.mark.parametrize(
    ("command", "counts"),
    [
        ("/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n 4 -ppn 1 ./a.out'", LaunchCounts(4, 1)),
        ("/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n 6 -perhost 2 ./a.out'", LaunchCounts(6, 2)),
        ("mpirun -np 8 --npernode 4 ./a.out", LaunchCounts(8, 4)),
        ("mpirun --np=8 --map-by ppr:2:node ./a.out", LaunchCounts(8, 2)),
        ("/bin/bash -c 'mpirun --host \"${AZ_BATCH_HOST_LIST//,/:3,}:3\" -np 9 ./a.out'", LaunchCounts(9, 3)),
        ("/bin/bash -c 'mpiexec -n 4 python3 x.py'", LaunchCounts(4, None)),
        ("/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST ./a.out'", LaunchCounts(None, None)),
        ("python3 solver.py -n 4", None),  # no launcher: the program's own -n is not a process count
    ],
)
def test_counts_are_read_from_the_command_as_written(command, counts):
    assert launch_counts(command) == counts


def test_every_preset_matches_its_own_counts():
    for preset in (MpiPreset.MPICH, MpiPreset.INTEL_MPI, MpiPreset.OPEN_MPI):
        command = build_commands(preset, "./a.out", 3, 2, OsFamily.LINUX).command_line
        assert launch_counts(command) == LaunchCounts(6, 2), command


def test_four_processes_on_three_nodes_of_one_is_an_error_with_fixes(task):
    command = "/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n 4 -ppn 1 ./a.out'"
    [problem] = validate_task(replace(task, command_line=command, number_of_instances=3))
    assert problem.field == "command_line" and problem.blocking
    assert str(problem.message) == (
        "The application command starts 4 MPI processes (-n 4), but 3 instances × 1 process per node make 3: "
        "Open MPI refuses to start, MPICH and Intel MPI put more processes on a node than asked for."
    )
    assert str(problem.fix) == "Start 3 processes, or use 4 instances."
    assert problem.fix_actions == (FixAction(FixKind.SET_RANKS, 3), FixAction(FixKind.SET_INSTANCES, 4))


def test_fewer_processes_than_places_is_a_warning(task):
    command = "/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n 2 -ppn 2 ./a.out'"
    [problem] = validate_task(replace(task, command_line=command, number_of_instances=2))
    assert problem.severity is Severity.WARNING
    assert problem.fix_action == FixAction(FixKind.SET_RANKS, 4)


def test_without_a_per_node_count_only_idle_nodes_are_flagged(task):
    many = "/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n 16 ./a.out'"
    assert validate_task(replace(task, command_line=many, number_of_instances=4)) == []  # several per node
    few = "/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n 2 ./a.out'"
    [problem] = validate_task(replace(task, command_line=few, number_of_instances=4))
    assert not problem.blocking and problem.fix_action == FixAction(FixKind.SET_RANKS, 4)


def test_the_fix_rewrites_only_the_launchers_count():
    command = "/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n 4 -ppn 1 ./solver -n 100'"
    fixed = with_ranks(command, 3)
    assert fixed == "/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n 3 -ppn 1 ./solver -n 100'"
    assert with_ranks("mpirun --np=8 ./a.out", 2) == "mpirun --np=2 ./a.out"
