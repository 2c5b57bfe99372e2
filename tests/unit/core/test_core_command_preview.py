"""What the MPI page previews: commands unwrapped, Batch's variables given example values."""

from explorer.core.mpi.command_preview import preview_command
from explorer.core.mpi.mpi_presets import MpiPreset, build_commands
from explorer.core.specs.os_family import OsFamily

PROGRAM = "python3 $AZ_BATCH_TASK_SHARED_DIR/hello.py"


def test_mpich_command_shows_hosts_and_counts():
    commands = build_commands(MpiPreset.MPICH, PROGRAM, 3, 2)
    preview = preview_command(commands.command_line, 3, OsFamily.LINUX, job_id="j", task_id="t")
    assert preview.text == (
        "mpiexec -prepend-rank -hosts 10.0.0.4,10.0.0.5,10.0.0.6 -n 6 -ppn 2 python3 /mnt/batch/tasks/workitems/j/job-1/t/hello.py"
    )
    assert preview.note is None


def test_open_mpi_host_list_rewrite_is_applied():
    commands = build_commands(MpiPreset.OPEN_MPI, "./a.out", 2, 4)
    preview = preview_command(commands.command_line, 2, OsFamily.LINUX)
    assert preview.text == 'mpirun --tag-output --host "10.0.0.4:4,10.0.0.5:4" -np 8 ./a.out'


def test_ms_mpi_uses_ccp_nodes():
    commands = build_commands(MpiPreset.MS_MPI, "hello.exe", 2, 1, OsFamily.WINDOWS)
    preview = preview_command(commands.command_line, 2, OsFamily.WINDOWS)
    assert preview.text == "mpiexec -c 1 -hosts 2 10.0.0.4 1 10.0.0.5 1 hello.exe"


def test_unwrapped_variables_are_warned_about():
    preview = preview_command("mpiexec -hosts $AZ_BATCH_HOST_LIST ./a.out", 2, OsFamily.LINUX)
    assert preview.text == "mpiexec -hosts $AZ_BATCH_HOST_LIST ./a.out"
    assert "without a shell" in preview.note
    assert "without a shell" in preview_command("mpiexec -hosts %CCP_NODES% a.exe", 2, OsFamily.WINDOWS).note


def test_unbalanced_quotes_and_unknown_variables():
    assert "do not balance" in preview_command("/bin/bash -c 'echo", 1, OsFamily.LINUX).note
    assert preview_command("/bin/bash -c 'echo $HOME ${X}'", 1, OsFamily.LINUX).text == "echo $HOME ${X}"
    assert preview_command("  ", 1, OsFamily.LINUX).text == ""


def test_host_list_stays_within_the_instance_limit():
    preview = preview_command("/bin/bash -c 'echo $AZ_BATCH_HOST_LIST'", 500, OsFamily.LINUX)
    assert len(preview.text.split(" ")[1].split(",")) == 100
