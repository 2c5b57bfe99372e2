"""Tasks that fight the file API: a directory swapped for a symbolic link while clients download
under it, a FIFO, a UNIX socket, a hard link to the service's key, links deleted, a directory
whose files come and go. Whatever a task does, a client gets the node's files or a 404, never
a byte from outside the node, never a 500, and the service keeps answering everyone else.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_asyncio
from azure.batch import models
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError

from tests.localbatch.soak import scaled
from tests.support.batch_scenarios import create_idle_pool, create_job, read_task_file, unique
from tests.support.waiting import wait_until

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(600)]

INSIDE, OUTSIDE = b"inside the node\n", b"OUTSIDE THE NODE\n"

# Swaps wd/d between a real directory and a link to a directory outside the node, as fast as it can.
SWAPPER = """
import os, sys
outside, stop = sys.argv[1], sys.argv[2]
os.makedirs("d.real", exist_ok=True)
with open("d.real/f.txt", "wb") as out:
    out.write(INSIDE)
os.rename("d.real", "d")
open("ready", "w").close()
while not os.path.exists(stop):
    os.rename("d", "d.real")
    os.symlink(outside, "d")
    os.unlink("d")
    os.rename("d.real", "d")
""".replace("INSIDE", repr(INSIDE))

# Special files of every kind, then waits.
SPECIAL = """
import os, socket, sys, time
key, stop = sys.argv[1], sys.argv[2]
os.mkfifo("fifo")
listener = socket.socket(socket.AF_UNIX)
listener.bind("socket")
os.link(key, "key")
with open("twice.txt", "wb") as out:
    out.write(b"inside, under two names\\n")
os.link("twice.txt", "twice-again.txt")
with open("kept.txt", "wb") as out:
    out.write(b"the target of a link\\n")
os.symlink("kept.txt", "link-inside")
os.symlink(sys.argv[3], "link-outside")
open("ready", "w").close()
while not os.path.exists(stop):
    time.sleep(0.05)
"""

# Creates and deletes files in wd/churn as fast as it can.
CHURNER = """
import os, sys
stop = sys.argv[1]
os.makedirs("churn/deep", exist_ok=True)
open("ready", "w").close()
n = 0
while not os.path.exists(stop):
    name = f"churn/deep/f{n % 50}.txt" if n % 2 else f"churn/f{n % 50}.txt"
    with open(name, "wb") as out:
        out.write(b"x" * (n % 4096))
    if n % 3 == 0:
        try:
            os.rmdir("churn/deep")
        except OSError:
            pass
        os.makedirs("churn/deep", exist_ok=True)
    os.unlink(name)
    n += 1
"""


@pytest.fixture(scope="module")
def scripts(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("scripts")
    for name, text in (("swapper.py", SWAPPER), ("special.py", SPECIAL), ("churner.py", CHURNER)):
        (directory / name).write_text(text)
    outside = directory / "outside"
    outside.mkdir()
    (outside / "f.txt").write_bytes(OUTSIDE)
    (outside / "only-outside.txt").write_bytes(OUTSIDE)
    return directory


@pytest_asyncio.fixture
async def node(client):
    pool_id = await create_idle_pool(client, unique("pool"), 1, slots=4)
    return pool_id, await create_job(client, pool_id)


async def start(client, job_id: str, task_id: str, command: str) -> None:
    """Start a task and wait until its script says it is ready (a file `ready` in its wd)."""
    await client.create_task(job_id, models.BatchTaskCreateOptions(id=task_id, command_line=command))

    async def ready():
        try:
            return await read_task_file(client, job_id, task_id, "wd/ready") == b""
        except (ResourceNotFoundError, HttpResponseError):
            return False

    await wait_until(ready, 60, f"{task_id} ready")


async def read_or_none(client, job_id: str, task_id: str, path: str) -> bytes | None:
    try:
        return await read_task_file(client, job_id, task_id, path)
    except ResourceNotFoundError:
        return None


async def test_a_directory_swapped_for_a_link_never_serves_the_outside(client, node, scripts, tmp_path, local_batch):
    _, job_id = node
    stop = tmp_path / "stop"
    await start(client, job_id, "swap", f"{sys.executable} {scripts / 'swapper.py'} {scripts / 'outside'} {stop}")
    downloads = scaled(300, 5000)
    clients = 10
    seen: dict[bytes | None, int] = {}
    listed_outside = 0

    async def worker(share: int) -> None:
        nonlocal listed_outside
        for number in range(share):
            if number % 10 == 0:  # and a listing now and then
                names = [f.name async for f in client.list_task_files(job_id, "swap", recursive=True)]
                listed_outside += any("only-outside" in name for name in names)
            body = await read_or_none(client, job_id, "swap", "wd/d/f.txt")
            seen[body] = seen.get(body, 0) + 1

    try:
        await asyncio.gather(*(worker(downloads // clients) for _ in range(clients)))
    finally:
        stop.touch()
    print(f"\nswap race: {sum(seen.values())} downloads ({seen.get(INSIDE, 0)} inside, {seen.get(None, 0)} not found), "
          f"{downloads // 10} listings: {seen.get(OUTSIDE, 0)} outside reads, {listed_outside} outside listings")
    assert set(seen) <= {INSIDE, None} and listed_outside == 0
    assert seen.get(INSIDE, 0) > 0  # the race was really run against a live directory


async def test_fifo_socket_and_hard_links_are_not_found_and_freeze_nothing(client, node, scripts, tmp_path, local_batch):
    _, job_id = node
    key = local_batch.data_dir / "account.key"
    outside = scripts / "outside" / "f.txt"
    await start(client, job_id, "special", f"{sys.executable} {scripts / 'special.py'} {key} {tmp_path / 'stop'} {outside}")
    try:
        for name in ("fifo", "socket", "key", "twice.txt", "twice-again.txt", "link-inside", "link-outside"):
            for _ in range(scaled(3, 50)):
                # A FIFO used to block the whole service in open(): bound the wait so a hang fails here.
                read, pools = await asyncio.wait_for(
                    asyncio.gather(read_or_none(client, job_id, "special", f"wd/{name}"), _pool_ids(client)), 30
                )
                assert read is None, name
                with pytest.raises(ResourceNotFoundError):
                    await client.get_task_file_properties(job_id, "special", f"wd/{name}")
        names = {f.name async for f in client.list_task_files(job_id, "special", recursive=True)}
        assert "wd/kept.txt" in names
        assert not names & {f"wd/{n}" for n in ("fifo", "socket", "key", "twice.txt", "link-inside", "link-outside")}

        # Deleting a link deletes the link, never what it points to.
        for link, target in (("wd/link-inside", None), ("wd/link-outside", outside)):
            await client.delete_task_file(job_id, "special", link)
            with pytest.raises(ResourceNotFoundError):
                await client.delete_task_file(job_id, "special", link)
            if target is not None:
                assert target.read_bytes() == OUTSIDE
        assert await read_task_file(client, job_id, "special", "wd/kept.txt") == b"the target of a link\n"
        assert key.exists()
    finally:
        (tmp_path / "stop").touch()


async def _pool_ids(client) -> list[str]:
    return [p.id async for p in client.list_pools(select=["id"])]


async def test_a_churning_directory_lists_and_downloads_without_errors(client, node, scripts, tmp_path):
    _, job_id = node
    stop = tmp_path / "stop"
    await start(client, job_id, "churn", f"{sys.executable} {scripts / 'churner.py'} {stop}")
    rounds = scaled(100, 2000)
    outcomes = {"listed": 0, "read": 0, "gone": 0}

    async def worker(share: int) -> None:
        for number in range(share):
            names = [f.name async for f in client.list_task_files(job_id, "churn", recursive=True)]
            outcomes["listed"] += 1
            files = [name for name in names if name.startswith("wd/churn/") and name.endswith(".txt")]
            target = files[number % len(files)] if files else "wd/churn/f1.txt"
            if await read_or_none(client, job_id, "churn", target) is None:
                outcomes["gone"] += 1
            else:
                outcomes["read"] += 1

    try:
        await asyncio.gather(*(worker(rounds // 5) for _ in range(5)))
    finally:
        stop.touch()
    print(f"\nchurn race: {outcomes}")
    assert outcomes["listed"] == rounds // 5 * 5  # every listing answered (an error would have raised)


@pytest.fixture(scope="module", autouse=True)
def _no_error_in_the_service_log(local_batch):
    yield
    log = local_batch.log_path.read_text(errors="replace")
    assert "Traceback" not in log and " ERROR " not in log, log[-3000:]
