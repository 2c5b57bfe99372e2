import shlex
import shutil
import subprocess

import pytest

from explorer.client.local.samples import sample_task_json
from explorer.core.mpi.mpi_presets import MpiPreset, build_commands, presets_for, wrap_in_shell
from explorer.core.specs.os_family import OsFamily

LINUX_READINESS = "/bin/bash -c 'echo \"$AZ_BATCH_NODE_ID ready\" && hostname'"


@pytest.mark.parametrize(
    ("preset", "command_line"),
    [
        (MpiPreset.MPICH, "/bin/bash -c 'mpiexec -prepend-rank -hosts $AZ_BATCH_HOST_LIST -n 8 -ppn 2 ./hello'"),
        (MpiPreset.INTEL_MPI, "/bin/bash -c 'mpiexec -prepend-rank -hosts $AZ_BATCH_HOST_LIST -n 8 -perhost 2 ./hello'"),
        (MpiPreset.OPEN_MPI, "/bin/bash -c 'mpirun --tag-output --host \"${AZ_BATCH_HOST_LIST//,/:2,}:2\" -np 8 ./hello'"),
        (MpiPreset.CUSTOM, "/bin/bash -c ./hello"),
    ],
)
def test_linux_presets(preset, command_line):
    commands = build_commands(preset, "./hello", number_of_instances=4, processes_per_node=2)
    assert commands.command_line == command_line
    assert commands.coordination_command_line == LINUX_READINESS


def test_ms_mpi_on_windows():
    commands = build_commands(MpiPreset.MS_MPI, "MPIHelloWorld.exe", 4, 1, OsFamily.WINDOWS)
    assert commands.coordination_command_line == "cmd /c start cmd /c smpd.exe -debug"
    assert commands.command_line == "cmd /c mpiexec -c 1 -hosts %CCP_NODES% MPIHelloWorld.exe"


def test_custom_on_windows():
    commands = build_commands(MpiPreset.CUSTOM, "mpiexec -n 2 app.exe", 2, 1, OsFamily.WINDOWS)
    assert commands.coordination_command_line == "cmd /c echo %AZ_BATCH_NODE_ID% ready && hostname"
    assert commands.command_line == "cmd /c mpiexec -n 2 app.exe"


def test_bash_commands_split_into_bash_c_and_one_script():
    program = 'python3 $AZ_BATCH_TASK_SHARED_DIR/hello.py --greeting "it\'s me"'
    commands = build_commands(MpiPreset.MPICH, program, 2)
    argv = shlex.split(commands.command_line)
    assert argv == ["/bin/bash", "-c", f"mpiexec -prepend-rank -hosts $AZ_BATCH_HOST_LIST -n 2 -ppn 1 {program}"]
    inner = shlex.split(argv[2])
    assert inner[-3:] == ["$AZ_BATCH_TASK_SHARED_DIR/hello.py", "--greeting", "it's me"]
    assert shlex.split(commands.coordination_command_line) == [
        "/bin/bash",
        "-c",
        'echo "$AZ_BATCH_NODE_ID ready" && hostname',
    ]


@pytest.mark.skipif(not shutil.which("/bin/bash"), reason="needs /bin/bash")
def test_open_mpi_host_list_expands_to_slots_in_bash():
    commands = build_commands(MpiPreset.OPEN_MPI, "./hello", 3, 2)
    argv = shlex.split(commands.command_line.replace("mpirun", "echo mpirun"))
    result = subprocess.run(
        argv, env={"AZ_BATCH_HOST_LIST": "10.0.0.4,10.0.0.5,10.0.0.6"}, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["mpirun", "--tag-output", "--host", "10.0.0.4:2,10.0.0.5:2,10.0.0.6:2", "-np", "6", "./hello"]


def test_presets_by_os_family():
    assert presets_for(OsFamily.LINUX) == [MpiPreset.MPICH, MpiPreset.INTEL_MPI, MpiPreset.OPEN_MPI, MpiPreset.CUSTOM]
    assert presets_for(OsFamily.WINDOWS) == [MpiPreset.MS_MPI, MpiPreset.CUSTOM]


def test_wrap_in_shell():
    assert wrap_in_shell("echo 'a'", OsFamily.LINUX) == "/bin/bash -c 'echo '\"'\"'a'\"'\"''"
    assert wrap_in_shell("echo %X%", OsFamily.WINDOWS) == "cmd /c echo %X%"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            (MpiPreset.MS_MPI, "x", 2, 1, OsFamily.LINUX),
            "MS-MPI does not run on Linux pools; choose one of: MPICH, Intel MPI, Open MPI, Custom.",
        ),
        (
            (MpiPreset.OPEN_MPI, "x", 2, 1, OsFamily.WINDOWS),
            "Open MPI does not run on Windows pools; choose one of: MS-MPI, Custom.",
        ),
        ((MpiPreset.MPICH, " ", 2, 1, OsFamily.LINUX), "The program is empty"),
        ((MpiPreset.MPICH, "a\nb", 2, 1, OsFamily.LINUX), "The program spans several lines"),
        ((MpiPreset.MPICH, "x", 0, 1, OsFamily.LINUX), "Cannot run 0 instances with 1 processes per node"),
        ((MpiPreset.MPICH, "x", 2, 0, OsFamily.LINUX), "Cannot run 2 instances with 0 processes per node"),
    ],
)
def test_bad_preset_arguments(arguments, message):
    with pytest.raises(ValueError) as raised:
        build_commands(*arguments)
    assert str(raised.value).startswith(message)


@pytest.mark.parametrize("sample", ["mpi-hello", "mpi-progress"])
def test_the_bundled_samples_launch_as_the_mpich_preset_does(sample):
    # So the demo's output is labelled by rank (-prepend-rank) and the output pane offers its rank tools.
    data = sample_task_json(sample)
    program = shlex.split(data["commandLine"])[2].split(" -ppn 1 ", 1)[1]
    instances = data["multiInstanceSettings"]["numberOfInstances"]
    assert data["commandLine"] == build_commands(MpiPreset.MPICH, program, instances).command_line
