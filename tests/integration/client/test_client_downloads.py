"""Whole-file and folder downloads from a real task, with progress and cancellation."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import pytest_asyncio

from explorer.client.acting.downloads import PART_SUFFIX, download_file, download_folder
from explorer.client.errors import DownloadError
from explorer.client.files import TaskFiles
from tests.support.batch_scenarios import create_idle_pool, python_command, submit_task, wait_for_completion

WRITE_TREE = """
import os, pathlib
wd = pathlib.Path(os.environ['AZ_BATCH_TASK_WORKING_DIR'])
(wd / 'logs' / 'rank-1').mkdir(parents=True)
(wd / 'logs' / 'rank-0.txt').write_text('rank 0 done\\n')
(wd / 'logs' / 'rank-1' / 'trace.bin').write_bytes(bytes(range(256)) * 4096)
(wd / 'result.txt').write_text('42\\n')
"""

EXPECTED = {
    "logs/rank-0.txt": b"rank 0 done\n",
    "logs/rank-1/trace.bin": bytes(range(256)) * 4096,
    "result.txt": b"42\n",
}


@pytest_asyncio.fixture
async def finished_task(connection):
    client = connection.client
    await create_idle_pool(client, "dl", 1)
    await submit_task(client, "dl", "job", "tree", python_command(WRITE_TREE))
    await wait_for_completion(client, "job", "tree")
    return client


@pytest.mark.asyncio
async def test_a_folder_is_downloaded_with_its_layout_and_progress(finished_task, tmp_path: Path):
    progress = []
    result = await download_folder(finished_task, TaskFiles("job", "tree"), "wd", tmp_path / "out", on_progress=progress.append)

    written = {p.relative_to(tmp_path / "out").as_posix(): p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()}
    assert written == EXPECTED
    total = sum(map(len, EXPECTED.values()))
    assert result.bytes == total and len(result.files) == 3
    assert progress[-1].bytes_done == progress[-1].bytes_total == total
    assert progress[-1].files_done == progress[-1].files_total == 3
    done = [p.bytes_done for p in progress]
    assert done == sorted(done)


@pytest.mark.asyncio
async def test_cancelling_a_download_leaves_no_partial_file(finished_task, tmp_path: Path):
    target = tmp_path / "downloads" / "trace.bin"
    download: asyncio.Task | None = None

    def cancel_after_first_block(progress) -> None:
        assert progress.bytes_done < progress.bytes_total
        download.cancel()  # the owner cancels mid-transfer (e.g. the user closed the dialog)

    download = asyncio.create_task(
        download_file(finished_task, TaskFiles("job", "tree"), "wd/logs/rank-1/trace.bin", target,
                      on_progress=cancel_after_first_block)
    )
    with pytest.raises(asyncio.CancelledError):
        await download
    assert list(target.parent.iterdir()) == []

    await download_file(finished_task, TaskFiles("job", "tree"), "wd/logs/rank-1/trace.bin", target)
    assert target.read_bytes() == EXPECTED["logs/rank-1/trace.bin"]
    assert not target.with_name(target.name + PART_SUFFIX).exists()


@pytest.mark.asyncio
async def test_a_missing_file_is_a_download_error(finished_task, tmp_path: Path):
    with pytest.raises(DownloadError, match="FileNotFound|404"):
        await download_file(finished_task, TaskFiles("job", "tree"), "wd/nope.txt", tmp_path / "dl" / "nope.txt")
    assert not (tmp_path / "dl").exists()
