"""The node sampler as a start task runs it: a real process on real /proc figures, its file rotated,
one sampler per node, SIGTERM ending it cleanly."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.client.watching.node_metrics import METRICS_PATH, parse_sample
from explorer.localbatch.running.node_sampling import load_sampler
from explorer.resources import resource_path
from tests.support.waiting import wait_until_sync

SAMPLER = resource_path("node_sampler", "mpi_explorer_sampler.py")
BURN = "import time\nend = time.monotonic() + 60\nwhile time.monotonic() < end: pass\n"


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def run_sampler(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(SAMPLER), *args], stderr=subprocess.PIPE, text=True, env=env)


@pytest.fixture
def node_root(tmp_path):
    root = tmp_path / "node"
    (root / "workitems" / "job-a" / "job-1" / "burner" / "wd").mkdir(parents=True)
    (root / "workitems" / "job-a" / "job-1" / "sleeper" / "wd").mkdir(parents=True)
    (root / "shared").mkdir()
    return root


def test_the_sampler_sees_a_task_burn_cpu_and_an_idle_one_not(node_root):
    task_dir = node_root / "workitems" / "job-a" / "job-1"
    burner = subprocess.Popen([sys.executable, "-c", BURN], cwd=task_dir / "burner" / "wd")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], cwd=task_dir / "sleeper" / "wd")
    out = node_root / METRICS_PATH
    env = {"AZ_BATCH_NODE_ROOT_DIR": str(node_root), "AZ_BATCH_NODE_SHARED_DIR": str(node_root / "shared"),
           "PATH": "/usr/bin:/bin"}
    sampler = run_sampler("--interval", "0.5", "--count", "3", env=env)  # the file's place from the environment
    try:
        assert sampler.wait(timeout=60) == 0, sampler.stderr.read() if sampler.stderr else ""
    finally:
        burner.kill()
        sleeper.kill()
        burner.wait()
        sleeper.wait()
    lines = records(out)
    assert len(lines) == 3
    last = lines[-1]
    assert last["v"] == 1 and last["scope"] == "host" and 0.3 < last["dt"] < 5
    assert 0 < last["cpu"]["busy"] <= 100 and len(last["cpu"]["cores"]) >= 1
    assert 0 < last["mem"]["used"] < last["mem"]["total"]
    assert last["disk"]["size"] > last["disk"]["free"] > 0
    tasks = {task["dir"]: task for task in last["tasks"]}
    burning, sleeping = tasks["workitems/job-a/job-1/burner"], tasks["workitems/job-a/job-1/sleeper"]
    # A busy loop gets a fifth of a core even with ten runnable processes on two cores; a sleeper nothing.
    assert burning["cpu"] > 5 and burning["procs"] == 1 and burning["rss"] > 1_000_000
    assert sleeping["cpu"] < 2 and sleeping["procs"] == 1
    sample = parse_sample(out.read_bytes().splitlines()[-1])  # the explorer reads what the sampler writes
    assert sample is not None and sample.task_cpu("burner") == burning["cpu"] and sample.task_cpu("nothing") is None


def test_rotation_keeps_the_two_files_under_twice_the_bound(tmp_path):
    sampler = load_sampler()
    path = tmp_path / "metrics.jsonl"
    out = sampler.MetricsFile(str(path), max_bytes=4096)
    for n in range(300):
        out.append({"v": 1, "n": n, "pad": "x" * 50})
    out.close()
    rotated = Path(str(path) + ".1")
    assert path.stat().st_size <= 4096 and rotated.stat().st_size <= 4096
    kept = [line["n"] for line in records(rotated) + records(path)]
    assert kept == list(range(kept[0], 300))  # whole lines, none lost between the two, the newest last


def test_a_file_removed_behind_its_back_is_made_again(tmp_path):
    sampler = load_sampler()
    path = tmp_path / "metrics.jsonl"
    out = sampler.MetricsFile(str(path))
    out.append({"n": 1})
    path.unlink()
    out.append({"n": 2})
    out.close()
    assert records(path) == [{"n": 2}]


def test_a_second_sampler_leaves_and_sigterm_ends_the_first_cleanly(tmp_path):
    out = tmp_path / "metrics.jsonl"
    first = run_sampler("--out", str(out), "--interval", "0.5")
    try:
        wait_until_sync(lambda: records(out), what="the first sample")
        second = run_sampler("--out", str(out), "--interval", "0.5")
        assert second.wait(timeout=30) == 0
        assert "another sampler" in (second.stderr.read() if second.stderr else "")
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=30) == 0
        assert (first.stderr.read() if first.stderr else "") == ""  # no traceback
        third = run_sampler("--out", str(out), "--interval", "0.5", "--count", "1")  # the lock went with it
        assert third.wait(timeout=30) == 0
    finally:
        first.kill()
        first.wait()
    assert all(line["v"] == 1 for line in records(out))


def test_outside_a_node_it_asks_for_the_file():
    sampler = run_sampler(env={"PATH": "/usr/bin:/bin"})
    assert sampler.wait(timeout=30) == 2
    assert "--out is needed" in (sampler.stderr.read() if sampler.stderr else "")
