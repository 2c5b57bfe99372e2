"""One Local Batch per data dir: a second `serve` on the same state refuses, and says who owns it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.waiting import wait_until_sync

SERVE = [sys.executable, "-m", "explorer", "localbatch", "serve", "--node-start-seconds", "0.05"]


def start_serve(data_dir: Path) -> tuple[subprocess.Popen, dict]:
    process = subprocess.Popen(
        [*SERVE, "--data-dir", str(data_dir)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    line = process.stdout.readline()
    assert line, process.communicate(timeout=30)[1]
    return process, json.loads(line)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    process.communicate(timeout=30)


@pytest.fixture
def owner(tmp_path):
    process, ready = start_serve(tmp_path / "lb")
    yield process, ready
    stop(process)


def test_a_second_service_on_the_same_data_dir_refuses_and_names_the_owner(tmp_path, owner):
    process, ready = owner
    second = subprocess.run([*SERVE, "--data-dir", str(tmp_path / "lb")], capture_output=True, text=True, timeout=60)
    assert second.returncode == 3 and second.stdout == ""
    assert f"pid {process.pid}" in second.stderr and ready["endpoint"] in second.stderr
    assert "owns the data dir" in second.stderr and "Traceback" not in second.stderr
    assert process.poll() is None  # the owner serves on, untouched


def test_the_owner_says_where_it_listens_but_never_its_key(tmp_path, owner):
    process, ready = owner
    published = json.loads((tmp_path / "lb" / "localbatch.endpoint.json").read_text())
    assert published == {"endpoint": ready["endpoint"], "account": ready["account"], "pid": process.pid}
    assert ready["key"] not in (tmp_path / "lb" / "localbatch.endpoint.json").read_text()
    assert (tmp_path / "lb" / "account.key").read_text().strip() == ready["key"]


def test_a_clean_stop_withdraws_the_endpoint_and_frees_the_data_dir(tmp_path, owner):
    process, _ = owner
    stop(process)
    assert not (tmp_path / "lb" / "localbatch.endpoint.json").exists()
    again, _ = start_serve(tmp_path / "lb")
    stop(again)


def test_an_owner_killed_with_sigkill_leaves_the_data_dir_free_for_the_next_one(tmp_path, owner):
    process, first = owner
    os.kill(process.pid, signal.SIGKILL)
    process.wait(30)
    # Its endpoint file stays behind, stale; the next owner rewrites it.
    next_owner, ready = start_serve(tmp_path / "lb")
    try:
        published = wait_until_sync(lambda: json.loads((tmp_path / "lb" / "localbatch.endpoint.json").read_text()), what="the new owner's endpoint")
        assert published["pid"] == next_owner.pid and published["endpoint"] == ready["endpoint"]
        assert ready["key"] == first["key"]  # same data dir, same account key
    finally:
        stop(next_owner)
