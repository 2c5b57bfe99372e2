"""The file tailer against files a real task writes while the test watches."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from azure.batch import models
from batch_scenarios import create_idle_pool, python_command, submit_task, task_state, wait_until

from explorer.client.files import NodeFiles, TaskFiles
from explorer.client.watching.tailer import Chunk, FileTailer, Reset, Stopped, StopReason

# Appends chunk i to `out.bin` in its working dir when the trigger file `go-i` appears.
APPEND_ON_TRIGGER = """
import os, pathlib, sys, time
triggers, sizes = pathlib.Path(sys.argv[1]), [int(s) for s in sys.argv[2].split(',')]
out = pathlib.Path(os.environ['AZ_BATCH_TASK_WORKING_DIR']) / 'out.bin'
for i, size in enumerate(sizes):
    while not (triggers / f'go-{i}').exists():
        time.sleep(0.01)
    with open(out, 'ab') as f:
        f.write(bytes((i * 7 + j) % 251 for j in range(size)))
"""

# Writes `log.txt`, then on `go-1` replaces it with a shorter one, then waits for `go-2`.
SHRINK_ON_TRIGGER = """
import os, pathlib, sys, time
triggers = pathlib.Path(sys.argv[1])
log = pathlib.Path(os.environ['AZ_BATCH_TASK_WORKING_DIR']) / 'log.txt'
def wait(name):
    while not (triggers / name).exists():
        time.sleep(0.01)
wait('go-0'); log.write_bytes(b'A' * 5000)
wait('go-1'); log.write_bytes(b'B' * 10)
wait('go-2')
"""


def expected_chunk(i: int, size: int) -> bytes:
    return bytes((i * 7 + j) % 251 for j in range(size))


class Collector:
    def __init__(self) -> None:
        self.data = bytearray()
        self.events: list = []

    def __call__(self, event) -> None:
        self.events.append(event)
        if isinstance(event, Reset):
            self.data.clear()
        elif isinstance(event, Chunk):
            assert event.offset == len(self.data), "chunks arrive in order, without gaps or overlaps"
            self.data += event.data


@pytest.mark.asyncio
async def test_a_file_appended_in_chunks_is_reassembled_byte_for_byte(connection, tmp_path: Path, loop_errors):
    client = connection.client
    sizes = [1, 4000, 70_000, 2_500_000, 3]  # the 2.5 MB chunk takes three 1 MiB range requests
    await create_idle_pool(client, "tail", 1)
    await submit_task(client, "tail", "job", "writer", python_command(APPEND_ON_TRIGGER, str(tmp_path), ",".join(map(str, sizes))))

    tailer = FileTailer(client, TaskFiles("job", "writer"), "wd/out.bin", interval=0.05)
    collector = Collector()
    tailing = asyncio.create_task(tailer.run(collector))
    expected = b""
    for i, size in enumerate(sizes):
        (tmp_path / f"go-{i}").touch()
        expected += expected_chunk(i, size)
        await wait_until(lambda expected=expected: len(collector.data) == len(expected), what=f"chunk {i} delivered")

    await wait_until(lambda: _state_is(client, "writer", "completed"), what="the task to complete")
    tailer.finish()
    stopped = await asyncio.wait_for(tailing, 30)

    assert stopped == Stopped(StopReason.COMPLETED)
    assert bytes(collector.data) == expected
    resets = [e for e in collector.events if isinstance(e, Reset)]
    assert not resets, "a file that only grew was taken as replaced (did ocp-creation-time change?)"
    assert tailer.bytes_fetched == len(expected), "no byte fetched twice"


@pytest.mark.asyncio
async def test_node_file_shrink_resets_then_node_gone_stops(connection, tmp_path: Path, loop_errors):
    client = connection.client
    await create_idle_pool(client, "shrink", 1)
    await submit_task(client, "shrink", "job", "logger", python_command(SHRINK_ON_TRIGGER, str(tmp_path)))

    async def placed():
        task = await client.get_task("job", "logger", select=["id", "state", "nodeInfo"])
        return task.node_info if task.state == "running" and task.node_info else None

    node_info = await wait_until(placed, what="the task to run on a node")
    path = f"{node_info.task_root_directory.rstrip('/')}/wd/log.txt"
    tailer = FileTailer(client, NodeFiles("shrink", node_info.node_id), path, interval=0.05)
    collector = Collector()
    tailing = asyncio.create_task(tailer.run(collector))

    (tmp_path / "go-0").touch()
    await wait_until(lambda: bytes(collector.data) == b"A" * 5000, what="the first version")
    (tmp_path / "go-1").touch()
    await wait_until(lambda: bytes(collector.data) == b"B" * 10, what="the shorter version after a reset")
    assert any(isinstance(e, Reset) for e in collector.events)

    await client.begin_remove_nodes(
        "shrink", models.BatchNodeRemoveOptions(node_ids=[node_info.node_id], node_deallocation_option="terminate")
    )
    stopped = await asyncio.wait_for(tailing, 30)
    assert stopped.reason is StopReason.GONE and stopped.detail == "NodeNotFound"
    (tmp_path / "go-2").touch()
    assert tailer.bytes_fetched == 5000 + 10


@pytest.mark.asyncio
async def test_a_file_that_never_appears_ends_when_the_task_completes(connection, loop_errors):
    client = connection.client
    await create_idle_pool(client, "quiet", 1)
    await submit_task(client, "quiet", "job", "silent", python_command("pass"))
    tailer = FileTailer(client, TaskFiles("job", "silent"), "wd/never.txt", interval=0.05)
    tailing = asyncio.create_task(tailer.run(lambda event: None))
    await wait_until(lambda: _state_is(client, "silent", "completed"), what="the task to complete")
    assert not tailing.done(), "a missing file is waited for while the task may still write it"
    tailer.finish()
    stopped = await asyncio.wait_for(tailing, 30)
    assert stopped == Stopped(StopReason.COMPLETED, "the file was never created")


@pytest.mark.asyncio
async def test_a_deleted_task_stops_the_tailer(connection, loop_errors):
    client = connection.client
    await create_idle_pool(client, "gone", 1)
    await submit_task(client, "gone", "job", "brief", python_command("print('hi')"))
    await wait_until(lambda: _state_is(client, "brief", "completed"), what="the task to complete")
    await client.delete_task("job", "brief")
    tailer = FileTailer(client, TaskFiles("job", "brief"), "stdout.txt", interval=0.05)
    stopped = await asyncio.wait_for(tailer.run(lambda event: None), 30)
    assert stopped.reason is StopReason.GONE and stopped.detail == "TaskNotFound"


async def _state_is(client, task_id: str, state: str) -> bool:
    return await task_state(client, "job", task_id) == state
