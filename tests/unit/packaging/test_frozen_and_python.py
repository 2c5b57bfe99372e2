"""How the installation runs itself: the commands from a venv and from a bundle, and `mpi-explorer python`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from explorer.installation import frozen


def test_from_a_venv_local_batch_is_this_interpreter_running_the_package():
    assert frozen.localbatch_serve_command("--port", "0") == [
        sys.executable, "-m", "explorer", "localbatch", "serve", "--port", "0"
    ]
    assert frozen.python_executable() == Path(sys.executable)
    assert frozen.tools_bin_dir() == Path(sys.executable).parent


def test_in_a_bundle_local_batch_is_a_subcommand_of_the_executable(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "mpi-explorer"))
    assert frozen.localbatch_serve_command("--port", "0") == [
        str(tmp_path / "mpi-explorer"), "localbatch", "serve", "--port", "0"
    ]
    assert frozen.tools_bin_dir() == tmp_path / "_internal" / "bin"
    assert frozen.python_executable() == tmp_path / "_internal" / "bin" / "python3"


def python(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "explorer", "python", *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )


def test_python_runs_a_script_with_its_arguments_and_exit_code(tmp_path):
    (tmp_path / "helper.py").write_text("VALUE = 'beside the script'\n")
    script = tmp_path / "job.py"
    script.write_text("import sys, helper\nprint(sys.argv, helper.VALUE)\nsys.exit(3)\n")
    result = python("-IS", str(script), "a", "b", cwd=tmp_path)
    assert result.returncode == 3
    assert result.stdout.strip() == f"{[str(script), 'a', 'b']} beside the script"


def test_python_runs_code_and_modules(tmp_path):
    assert python("-c", "import sys; print(sys.argv[1:])", "x", cwd=tmp_path).stdout.strip() == "['x']"
    (tmp_path / "mod_here.py").write_text("print('module', __name__)\n")
    assert python("-m", "mod_here", cwd=tmp_path).stdout.strip() == "module __main__"


def test_python_reports_an_exception_like_python_does(tmp_path):
    result = python("-c", "raise ValueError('no')", cwd=tmp_path)
    assert result.returncode == 1 and "ValueError: no" in result.stderr


@pytest.mark.parametrize("args", [[], ["-X"], ["-c"], ["-"]])
def test_python_refuses_what_it_cannot_do_in_words(args, tmp_path):
    result = python(*args, cwd=tmp_path)
    assert result.returncode == 2 and "usage: mpi-explorer python" in result.stderr
