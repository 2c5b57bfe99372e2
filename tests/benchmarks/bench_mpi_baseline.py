"""What the Local Batch ssh stand-in costs an MPI launch.

Run: ``python tests/benchmarks/bench_mpi_baseline.py [--runs 7] [--ranks 4]``.

Median wall time, over several runs, of a complete 4-rank mpi4py hello world
(``resources/samples/mpi-hello/hello.py``: MPI_Init, one allreduce, a barrier, exit):

- plain:  ``mpiexec -n 4 python hello.py`` (Hydra forks its one proxy locally);
- shim:   ``mpiexec -hosts 127.1.0.1,...,127.1.0.4 -n 4 -ppn 1 python hello.py`` with
  the environment of ``launcher_environment``: one proxy per node, each started
  through the generated launcher script (a Python process that execs the proxy).

One unmeasured warm-up run of each comes first (page cache, bytecode); then the two
alternate run by run, so that load from elsewhere on the machine affects both alike.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from explorer.localbatch.running.mpi_launcher import (  # noqa: E402 - after the sys.path entry above
    NodeContext,
    launcher_environment,
    write_host_map,
)

HELLO = REPO / "resources" / "samples" / "mpi-hello" / "hello.py"
VENV_BIN = Path(sys.executable).parent


def run_once(argv: list[str], env: dict[str, str], cwd: Path, expected_ranks: int) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        argv, check=False, env=env, cwd=cwd, capture_output=True, text=True, timeout=120,
        start_new_session=True,
    )
    elapsed = time.perf_counter() - start
    ranks = sum(1 for line in result.stdout.splitlines() if line.startswith("rank="))
    if result.returncode != 0 or ranks != expected_ranks:
        raise RuntimeError(f"{argv} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return elapsed


def bench(cases, cwd, runs: int, ranks: int) -> list[list[float]]:
    """Time each (argv, env) case ``runs`` times, alternating the cases run by run so
    that load from elsewhere on the machine hits both alike."""
    for argv, env in cases:
        run_once(argv, env, cwd, ranks)  # warm-up
    samples: list[list[float]] = [[] for _ in cases]
    for _ in range(runs):
        for i, (argv, env) in enumerate(cases):
            samples[i].append(run_once(argv, env, cwd, ranks))
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--ranks", type=int, default=4)
    args = parser.parse_args()

    mpiexec = shutil.which("mpiexec", path=str(VENV_BIN)) or shutil.which("mpiexec")
    if mpiexec is None:
        print("mpiexec not found (install the mpich wheel)", file=sys.stderr)
        return 2
    base_env = dict(os.environ)
    base_env["PATH"] = f"{VENV_BIN}{os.pathsep}{base_env.get('PATH', '')}"

    with tempfile.TemporaryDirectory(prefix="bench-mpi-") as tmp:
        tmp_path = Path(tmp)
        ips = [f"127.1.0.{i}" for i in range(1, args.ranks + 1)]
        contexts = []
        for i, ip in enumerate(ips, start=1):
            wd = tmp_path / "nodes" / f"node-{i}" / "wd"
            wd.mkdir(parents=True)
            contexts.append(NodeContext(ip, f"node-{i}", wd, {"AZ_BATCH_TASK_WORKING_DIR": str(wd)}))
        host_map = write_host_map(tmp_path / "mpi" / "hostmap.json", contexts)
        shim_env = dict(base_env)
        shim_env.update(launcher_environment(host_map, path=base_env["PATH"]))
        cwd = contexts[0].cwd

        plain_argv = [mpiexec, "-n", str(args.ranks), sys.executable, str(HELLO)]
        shim_argv = [mpiexec, "-hosts", ",".join(ips), "-n", str(args.ranks), "-ppn", "1",
                     sys.executable, str(HELLO)]
        plain, shim = bench([(plain_argv, base_env), (shim_argv, shim_env)], cwd, args.runs, args.ranks)

    plain_ms = statistics.median(plain) * 1000
    shim_ms = statistics.median(shim) * 1000
    print(f"MPICH {args.ranks}-rank hello.py, median of {args.runs} runs on {os.cpu_count()} CPUs")
    print(f"  plain mpiexec -n {args.ranks}:                 {plain_ms:8.1f} ms "
          f"(min {min(plain) * 1000:.1f}, max {max(plain) * 1000:.1f})")
    print(f"  through the shim, {args.ranks} loopback hosts:  {shim_ms:8.1f} ms "
          f"(min {min(shim) * 1000:.1f}, max {max(shim) * 1000:.1f})")
    print(f"  difference:                          {shim_ms - plain_ms:+8.1f} ms "
          f"({(shim_ms / plain_ms - 1) * 100:+.0f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
