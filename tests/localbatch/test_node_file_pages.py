"""Node and task file listings page by keyset: each page resumes its walk after the previous page's
last entry, so a page costs the same however deep into the listing it is (counted in entries looked at)."""

from __future__ import annotations

import base64
import json
import os
import sys

import pytest
from azure.batch import models
from azure.core.exceptions import HttpResponseError
from azure.core.rest import HttpRequest

from explorer.localbatch.api.http_app import ListQuery
from explorer.localbatch.api.http_app import list_page as http_list_page
from explorer.localbatch.files import node_files
from tests.support.batch_scenarios import create_idle_pool, create_job, unique, wait_for_completion


def _tree(root) -> set[str]:
    """40 directories of 30 files, one of them with a subdirectory: what a listing must show."""
    names = set()
    for d in range(40):
        directory = root / f"dir{d:02d}"
        directory.mkdir()
        names.add(directory.name)
        for f in range(30):
            (directory / f"file{f:02d}.txt").write_text("x")
            names.add(f"{directory.name}/file{f:02d}.txt")
    (root / "dir07" / "deeper").mkdir()
    (root / "dir07" / "deeper" / "last.txt").write_text("y")
    names |= {"dir07/deeper", "dir07/deeper/last.txt"}
    return names


def _pages(root, page_size: int, monkeypatch, between=None) -> tuple[list[list[str]], list[int]]:
    """Every page of a recursive listing of `root` and the entries each page looked at (lstat calls)."""
    looked = [0]
    real_stat = os.stat

    def counting_stat(*args, **kwargs):
        looked[0] += 1
        return real_stat(*args, **kwargs)

    state = {"o": 0, "k": None, "f": None, "s": None, "m": page_size}
    pages, costs = [], []
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        while True:
            query = ListQuery(state, None, None, page_size)
            looked[0] = 0
            with monkeypatch.context() as patch:
                patch.setattr(os, "stat", counting_stat)
                items = node_files.walk(fd, True, after=query.after)
                page, state = http_list_page(query, ((i.name, {"name": i.name}) for i in items), prepared=True)
                items.close()
            pages.append([entry["name"] for entry in page])
            costs.append(looked[0])
            if state is None:
                return pages, costs
            if between is not None:
                between(pages[-1][-1])
    finally:
        os.close(fd)


def test_every_page_of_a_deep_file_listing_looks_at_the_same_number_of_entries(tmp_path, monkeypatch):
    expected = _tree(tmp_path)
    pages, costs = _pages(tmp_path, 50, monkeypatch)
    listed = [name for page in pages for name in page]
    assert len(listed) == len(set(listed)) and set(listed) == expected  # nothing twice, nothing missed
    assert all(len(page) == 50 for page in pages[:-1])
    # A page looks at its own entries and the one after (to know a next page exists): never the earlier pages'.
    assert max(costs) <= 51, costs
    assert costs[-1] <= costs[0]
    # Depth first, each directory by name: a directory's entries follow it.
    assert listed.index("dir07/deeper/last.txt") == listed.index("dir07/deeper") + 1


def test_a_file_listing_resumes_after_its_last_entry_even_when_that_entry_is_gone(tmp_path, monkeypatch):
    expected = _tree(tmp_path)
    removed = []

    def remove_last(name: str) -> None:  # what a task may do between two pages
        path = tmp_path / name
        if path.is_file():
            path.unlink()
            removed.append(name)

    pages, _costs = _pages(tmp_path, 37, monkeypatch, between=remove_last)
    listed = [name for page in pages for name in page]
    assert removed and len(listed) == len(set(listed)) and set(listed) == expected


@pytest.mark.asyncio
async def test_task_files_page_through_the_sdk_and_a_forged_token_is_refused(client, local_batch):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    job_id = await create_job(client, pool_id)
    writer = (f"{sys.executable} -c \"import os; [os.makedirs(f'many/d{{d}}', exist_ok=True) or "
              f"open(f'many/d{{d}}/f{{f}}', 'w').close() for d in range(6) for f in range(40)]\"")
    await client.create_task(job_id, models.BatchTaskCreateOptions(id="many", command_line=writer))
    task = await wait_for_completion(client, job_id, "many")
    assert task.execution_info.exit_code == 0
    names = [f.name async for f in client.list_task_files(job_id, "many", recursive=True, max_results=17)]
    expected = {f"wd/many/d{d}/f{f}" for d in range(6) for f in range(40)} | {f"wd/many/d{d}" for d in range(6)}
    assert len(names) == len(set(names)) and expected <= set(names)

    forged = base64.urlsafe_b64encode(json.dumps({"o": 0, "k": "../../etc"}).encode()).decode().rstrip("=")
    node = f"{task.node_info.pool_id}/nodes/{task.node_info.node_id}"
    for path in (f"/jobs/{job_id}/tasks/many/files", f"/pools/{node}/files"):
        request = HttpRequest("GET", f"{path}?api-version={client._config.api_version}&$skiptoken={forged}")
        with pytest.raises(HttpResponseError, match="skiptoken of this list request is not valid") as refused:
            await client.send_request(request)
        assert refused.value.status_code == 400
