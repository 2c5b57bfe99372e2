"""Cold start and installed size: how long until the first painted window and until Local Batch is ready,
and how much disk the venv and the frozen bundle take.

Run: ``python tests/benchmarks/bench_startup.py [--runs 5] [--bundle build/installer/mpi-explorer]
[--fresh-venv] [--ref main]`` (needs Xvfb and xdotool, Debian packages ``xvfb`` and ``xdotool``).

Each run starts ``mpi-explorer`` as a new process on its own virtual screen (Xvfb, 1600x1000)
with fresh user dirs, so Local Batch starts on an empty data dir, exactly as on a first start.
*First window*: from the process start until X reports the main window ("MPI Explorer —
Local Batch") mapped and viewable: Qt maps it once it has painted its first frame.
*Local Batch ready*: until the app's log line "Local Batch ready at" (the service printed its
ready line), by the log's timestamp. The figures are medians over ``--runs`` runs, for the
venv's ``mpi-explorer`` and, if ``--bundle`` is given (default: the folder build-linux.sh
makes, when it exists), for the frozen executable. Sizes: the dev venv (``.venv``, with the
test tools), with ``--fresh-venv`` a venv holding only the wheel and its dependencies (a
minute to build), and the bundle folder, tarball and .deb.

Measured in the same runs, interleaved run by run so that load from elsewhere (the machine may be
shared: the load average is printed) hits all alike: the *floor*, an empty PySide6 main window
with the same title (a new interpreter that imports QtWidgets, shows the window and paints it),
and with ``--ref REF`` the app as it is at that git ref (its ``explorer`` exported to a temp dir and
run with this venv's packages; the Local Batch it starts is this tree's), for a before/after.
Every side gets the same Azurite (``AZURITE_BLOB``: this checkout's node_modules, which an exported
tree does not have), so that both start alike; which sides found it is printed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_BUNDLE = REPO / "build" / "installer" / "mpi-explorer"
WINDOW_TITLE = "MPI Explorer — Local Batch"
QUIT_AFTER = 12  # seconds after the window is up: well past both figures
AZURITE_BLOB = REPO / "node_modules" / ".bin" / "azurite-blob"
READY = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) INFO .*Local Batch ready at", re.M)


EMPTY_WINDOW = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle({WINDOW_TITLE!r})
window.resize(1200, 800)
window.show()
QTimer.singleShot({QUIT_AFTER} * 1000, app.quit)
app.exec()
"""


def one_run(command: list[str], display: str, timeout: float = 120.0) -> tuple[float, float | None, bool]:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        if AZURITE_BLOB.is_file():
            env.setdefault("AZURITE_BLOB", str(AZURITE_BLOB))
        for var, sub in (("XDG_CONFIG_HOME", "c"), ("XDG_DATA_HOME", "d"), ("XDG_STATE_HOME", "s"),
                         ("XDG_CACHE_HOME", "k")):
            env[var] = str(Path(home) / sub)
        started_wall, started = time.time(), time.perf_counter()
        # It quits by itself, as on Ctrl+Q (stopping Local Batch and Azurite), once measured.
        errors = open(Path(home) / "stderr.txt", "w+")  # noqa: SIM115 - read back on failure
        floor = command[:2] == [sys.executable, "-c"]
        argv = command if floor else [*command, "--quit-after", str(QUIT_AFTER)]
        app = subprocess.Popen(argv, env=env, cwd=home, stdout=subprocess.DEVNULL, stderr=errors)
        try:
            window = None
            deadline = started + timeout
            while window is None and time.perf_counter() < deadline:
                found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", WINDOW_TITLE],
                                       env=env, capture_output=True, text=True)
                window = time.perf_counter() - started if found.stdout.strip() else None
                if window is None:
                    time.sleep(0.01)
            if window is None:
                errors.seek(0)
                raise RuntimeError(f"no window within {timeout:.0f} s; stderr: {errors.read()[-2000:]}")
            ready = None
            log_path = Path(env["XDG_STATE_HOME"]) / "mpi-explorer" / "log" / "explorer.log"
            if not floor:
                deadline = time.perf_counter() + timeout
                while (stamp := READY.search(log_path.read_text() if log_path.exists() else "")) is None:
                    if time.perf_counter() > deadline:
                        raise RuntimeError("no 'Local Batch ready' in the log")
                    time.sleep(0.05)
                ready_wall = datetime.strptime(stamp.group(1), "%Y-%m-%d %H:%M:%S,%f").timestamp()
                ready = ready_wall - started_wall
        finally:
            app.wait(timeout + QUIT_AFTER)
            errors.close()
        # Azurite starts once Local Batch is up: by the time the app has quit, it said whether it did.
        azurite = not floor and "Azurite ready at" in log_path.read_text()
        return window, ready, azurite


def measure(commands: dict[str, list[str]], runs: int, display: str) -> None:
    windows: dict[str, list[float]] = {name: [] for name in commands}
    readies: dict[str, list[float]] = {name: [] for name in commands}
    azurite: dict[str, bool] = dict.fromkeys(commands, False)
    for command in commands.values():
        one_run(command, display)  # warm the page cache: "cold" means a new process, not a cold disk
    load = os.getloadavg()[0]
    for _ in range(runs):
        for name, command in commands.items():
            window, ready, found = one_run(command, display)
            windows[name].append(window)
            if ready is not None:
                readies[name].append(ready)
            azurite[name] = azurite[name] or found
    floor = statistics.median(windows["floor"])
    print(f"cold start, medians of {runs} interleaved runs (min-max); load average {load:.1f} before,"
          f" {os.getloadavg()[0]:.1f} after (2 cores, shared machine)")
    for name, values in windows.items():
        ready = ""
        if readies[name]:
            ready = (f", Local Batch ready {statistics.median(readies[name]):.2f} s"
                     f" ({min(readies[name]):.2f}-{max(readies[name]):.2f});"
                     f" Azurite {'started' if azurite[name] else 'not started'}")
        print(f"  {name:>8}: first painted window {statistics.median(values):.2f} s ({min(values):.2f}-{max(values):.2f},"
              f" {statistics.median(values) / floor:.1f}x the floor){ready}")


def size(path: Path) -> str:
    if path.is_file():
        total = path.stat().st_size
    else:
        total = sum(p.lstat().st_size for p in path.rglob("*") if not p.is_symlink())
    return f"{total / 1e6:.0f} MB"


def fresh_venv_size() -> str:
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", work, str(REPO)], check=True)
        venv = Path(work) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        wheel = next(Path(work).glob("*.whl"))
        subprocess.run([venv / "bin" / "python", "-m", "pip", "install", "-q", str(wheel)], check=True,
                       stderr=subprocess.DEVNULL)
        return size(venv)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE if DEFAULT_BUNDLE.is_dir() else None)
    parser.add_argument("--fresh-venv", action="store_true", help="also measure a venv with only the wheel")
    parser.add_argument("--ref", help="also measure the app at this git ref (e.g. main), for a before/after")
    args = parser.parse_args()
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            print(f"{tool} is needed (apt-get install xvfb xdotool)", file=sys.stderr)
            return 2
    # -displayfd: Xvfb picks a free display and says which; -noreset: it stays up between runs.
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-noreset", "-screen", "0", "1600x1000x24"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    exported = tempfile.TemporaryDirectory()
    try:
        display = f":{xvfb.stdout.readline().strip()}"
        commands = {"floor": [sys.executable, "-c", EMPTY_WINDOW], "venv": [str(REPO / ".venv" / "bin" / "mpi-explorer")]}
        if args.ref:
            archive = subprocess.run(["git", "-C", str(REPO), "archive", args.ref, "explorer"], check=True,
                                     capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", exported.name], input=archive, check=True)
            # -S: this venv's editable install would shadow the export; its site-packages come after it.
            site = next(p for p in sys.path if p.endswith("site-packages"))
            code = f"import sys; sys.path[:0] = [{exported.name!r}, {site!r}]; from explorer.__main__ import main; sys.exit(main())"
            commands[args.ref] = [sys.executable, "-S", "-c", code]
        if args.bundle is not None:
            commands["bundle"] = [str(args.bundle / "mpi-explorer")]
        measure(commands, args.runs, display)
    finally:
        exported.cleanup()
        xvfb.terminate()
        xvfb.wait()
    print(f"dev venv (.venv, with test and build tools): {size(REPO / '.venv')}")
    if args.fresh_venv:
        print(f"fresh venv (the wheel and its dependencies): {fresh_venv_size()}")
    if args.bundle is not None:
        print(f"bundle folder: {size(args.bundle)}")
        for packed in sorted(args.bundle.parent.glob("mpi-explorer*.tar.gz")) + sorted(args.bundle.parent.glob("*.deb")):
            print(f"{packed.name}: {size(packed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
