"""What Local Batch exposes: a key never taken from argv and checked at start, a private data
dir, a warning when it listens beyond loopback, and no error log for garbage on the wire."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from explorer.client.local.local_batch import LocalBatchService, LocalBatchStartError


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_key_that_is_not_base64_is_refused_at_start(tmp_path):
    service = LocalBatchService(tmp_path / "lb", key="not base64 at all!")
    with pytest.raises(LocalBatchStartError, match="not base64"):
        service.start()


def test_the_key_is_not_taken_from_the_command_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "explorer", "localbatch", "serve", "--data-dir", str(tmp_path), "--key", "a2V5"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 2 and "unrecognized arguments: --key" in result.stderr


def test_data_dir_and_files_are_private_and_an_open_key_file_is_fixed(tmp_path):
    data_dir = tmp_path / "lb"
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    key_file = data_dir / "account.key"
    key_file.write_text("c2VjcmV0IGtleSBvZiBsb2NhbCBiYXRjaA==")
    key_file.chmod(0o644)
    with LocalBatchService(data_dir) as service:
        assert service.endpoint.key == "c2VjcmV0IGtleSBvZiBsb2NhbCBiYXRjaA=="
        assert mode(data_dir) == 0o700 and mode(key_file) == 0o600
        assert mode(data_dir / "localbatch.sqlite3") == 0o600 and mode(service.log_path) == 0o600
        assert "was readable by others" in service.log_path.read_text()


def test_listening_beyond_loopback_is_warned_about(tmp_path):
    with LocalBatchService(tmp_path / "lb", extra_args=("--host", "0.0.0.0")) as service:
        assert "not on loopback" in service.log_path.read_text()


def test_garbage_on_the_wire_is_a_400_and_no_error_in_the_log(tmp_path):
    with LocalBatchService(tmp_path / "lb") as service:
        address = urlsplit(service.endpoint.endpoint)
        for garbage in (b"BREW /pot HTTP/1.1\r\n\r\n", b"GET /" + b"x" * 20000 + b" HTTP/1.1\r\n\r\n", b"\x16\x03\x01\x02\x00\x01\r\n\r\n"):
            with socket.create_connection((address.hostname, address.port), timeout=30) as connection:
                connection.sendall(garbage)
                status_line = connection.recv(100).split(b"\r\n", 1)[0]
                assert status_line.startswith(b"HTTP/1.") and b" 400 " in status_line, garbage[:20]
        log = service.log_path.read_text()
    assert " ERROR " not in log and "Traceback" not in log, log[-2000:]
