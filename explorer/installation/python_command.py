"""`mpi-explorer python ...`: the bundle's Python interpreter, for task command lines and the MPI launcher.

A PyInstaller bundle has no `python3` executable, yet the sample tasks run
`python3 hello.py` (mpi4py) and Hydra's ssh stand-in is a Python script. The
bundle's `bin/python3` calls this with the interpreter's usual arguments; it runs
the code the way `python3` would, with every module of the bundle importable.
Interpreter flags that only tune start-up (-I -S -E -s -B -u -O) are accepted and
ignored: the bundle is isolated by construction.
"""

from __future__ import annotations

import os
import runpy
import sys
import traceback

_IGNORED_FLAGS = set("ISEsBuOq")
USAGE = "usage: mpi-explorer python [-c CODE | -m MODULE | SCRIPT] [ARGS...]"


def run_python(argv: list[str]) -> int:
    index = 0
    while index < len(argv) and argv[index].startswith("-") and argv[index] not in ("-c", "-m", "-", "--"):
        flags = argv[index][1:]
        if not flags or not set(flags) <= _IGNORED_FLAGS:
            print(f"mpi-explorer python: unknown option {argv[index]}\n{USAGE}", file=sys.stderr)
            return 2
        index += 1
    rest = argv[index:]
    if rest[:1] == ["--"]:
        rest = rest[1:]
    if not rest or rest[0] == "-" or (rest[0] in ("-c", "-m") and len(rest) < 2):
        print(f"mpi-explorer python: nothing to run (no interactive interpreter in the bundle)\n{USAGE}", file=sys.stderr)
        return 2
    try:
        if rest[0] == "-c":
            sys.path.insert(0, "")
            sys.argv = ["-c", *rest[2:]]
            exec(compile(rest[1], "<string>", "exec"), {"__name__": "__main__", "__builtins__": __builtins__})
        elif rest[0] == "-m":
            sys.path.insert(0, os.getcwd())
            sys.argv = [rest[1], *rest[2:]]
            runpy.run_module(rest[1], run_name="__main__", alter_sys=True)
        else:
            sys.path.insert(0, os.path.dirname(os.path.abspath(rest[0])))
            sys.argv = list(rest)
            runpy.run_path(rest[0], run_name="__main__")
    except SystemExit as done:
        return _exit_code(done.code)
    except KeyboardInterrupt:
        return 130
    except BaseException:  # as python3 does: the traceback on stderr, exit status 1
        traceback.print_exc()
        return 1
    return 0


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
