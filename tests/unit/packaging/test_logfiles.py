"""Log files rotate at their cap; Local Batch started by the app logs to its file and keeps stderr for trouble."""

from __future__ import annotations

import logging

from explorer.client.local.local_batch import LocalBatchService
from explorer.installation import logfiles


def test_a_log_file_rotates_at_its_cap_and_keeps_three_old_ones(tmp_path):
    path = tmp_path / "log" / "x.log"
    handler = logfiles.rotating_file_handler(path)
    logger = logging.getLogger("tests.rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        chunk = "x" * (1024 * 1024)
        for _ in range(5 * 6):  # 30 MB: more than the cap times the files kept
            logger.warning(chunk)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["x.log", "x.log.1", "x.log.2", "x.log.3"]
    assert all(p.stat().st_size <= logfiles.MAX_BYTES + 2 * 1024 * 1024 for p in path.parent.iterdir())


def test_embedded_local_batch_logs_to_its_file_and_only_trouble_to_stderr(tmp_path):
    service = LocalBatchService(tmp_path / "lb")
    service.start()
    service.stop()
    log = service.log_path.read_text()
    assert "INFO explorer.localbatch.service: Local Batch listening on" in log
    assert " INFO " not in service.stderr_path.read_text()


def test_debug_is_passed_on_through_the_environment(monkeypatch):
    monkeypatch.delenv(logfiles.DEBUG_ENV, raising=False)
    assert not logfiles.debug_requested()
    monkeypatch.setenv(logfiles.DEBUG_ENV, "1")
    assert logfiles.debug_requested()
    monkeypatch.setenv(logfiles.DEBUG_ENV, "0")
    assert not logfiles.debug_requested()
