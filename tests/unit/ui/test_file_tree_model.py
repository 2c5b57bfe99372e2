"""FileTreeModel: roots, lazy listing through a runner, failures and reloads (no widgets)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QModelIndex

from explorer.client.acting.details import FileEntry
from explorer.ui.formatting import format_size
from explorer.ui.models.file_tree_model import FileRoot, FileTreeModel


@dataclass(frozen=True)
class Place:
    """A stand-in FileLocation: the model only passes it back to the lister."""

    name: str


SUBTASK_ROOT = "workitems/j/job-1/t/1"
TREE = {
    (Place("task"), ""): [
        FileEntry("wd", "wd", True, None, None), FileEntry("stdout.txt", "stdout.txt", False, 2048, None),
    ],
    (Place("task"), "wd"): [FileEntry("wd/out.dat", "out.dat", False, 5, None)],
    (Place("node"), SUBTASK_ROOT): [FileEntry(f"{SUBTASK_ROOT}/stdout.txt", "stdout.txt", False, 9, None)],
}


class Harness:
    def __init__(self, qapp) -> None:
        self.pending: list = []
        self.listed: list[tuple[str, str]] = []
        self.fail: set[str] = set()
        self.model = FileTreeModel(self.list_directory, self.pending.append)

    async def list_directory(self, location, directory):
        self.listed.append((location.name, directory))
        if directory in self.fail:
            raise OSError(f"cannot list {directory}")
        return TREE[(location, directory)]

    def run_pending(self) -> None:
        loop = asyncio.new_event_loop()
        try:
            while self.pending:
                loop.run_until_complete(self.pending.pop(0))
        finally:
            loop.close()

    def names(self, parent: QModelIndex = QModelIndex()) -> list[list[str]]:
        model = self.model
        return [[model.index(r, c, parent).data() for c in range(3)] for r in range(model.rowCount(parent))]


@pytest.fixture
def harness(qapp):
    harness = Harness(qapp)
    yield harness
    for coro in harness.pending:
        coro.close()


def test_roots_are_listed_when_first_fetched(harness):
    model = harness.model
    task = model.add_root(FileRoot("task files", Place("task")))
    node = model.add_root(FileRoot("subtask 1", Place("node"), "workitems/j/job-1/t/1"))
    assert model.add_root(FileRoot("again", Place("task"))) == task  # the same folder is shown once
    assert harness.names() == [["task files", "", ""], ["subtask 1", "", ""]]
    assert model.hasChildren(task) and model.canFetchMore(task) and model.rowCount(task) == 0

    loaded = []
    model.loaded.connect(loaded.append)
    model.fetchMore(task)
    model.fetchMore(task)  # already under way: not listed twice
    harness.run_pending()
    assert harness.listed == [("task", "")] and loaded == [task]
    assert harness.names(task) == [["wd", "", ""], ["stdout.txt", "2.0 KB", ""]]
    assert not model.canFetchMore(task)

    wd = model.index(0, 0, task)
    model.fetchMore(wd)
    model.fetchMore(node)
    harness.run_pending()
    assert harness.names(wd) == [["out.dat", "5 B", ""]]
    item = model.item(model.find(node, "stdout.txt"))
    assert (item.location, item.path, item.is_directory, item.size) == (
        Place("node"), "workitems/j/job-1/t/1/stdout.txt", False, 9)
    assert model.parent(model.index(0, 0, wd)) == wd and model.parent(task) == QModelIndex()
    assert not model.hasChildren(model.index(1, 0, task))


def test_a_failed_listing_is_reported_and_retried_on_reload(harness):
    model = harness.model
    root = model.add_root(FileRoot("task files", Place("task")))
    failures = []
    model.loadFailed.connect(lambda error: failures.append(str(error)))
    harness.fail.add("")
    model.fetchMore(root)
    harness.run_pending()
    assert failures == ["cannot list "] and model.rowCount(root) == 0 and not model.canFetchMore(root)
    harness.fail.clear()
    model.reload(root)
    harness.run_pending()
    assert model.rowCount(root) == 2


def test_a_reload_supersedes_a_listing_under_way(harness):
    model = harness.model
    root = model.add_root(FileRoot("task files", Place("task")))
    model.fetchMore(root)
    model.reload(root)  # before the first listing completed
    harness.run_pending()
    assert model.rowCount(root) == 2  # listed twice, shown once


def test_model_is_consistent(harness, qtmodeltester):
    model = harness.model
    root = model.add_root(FileRoot("task files", Place("task")))
    model.fetchMore(root)
    harness.run_pending()
    qtmodeltester.check(model)


def test_format_size():
    assert [format_size(n) for n in (None, 0, 1023, 1536, 200 * 1024**2, 3 * 1024**4)] == [
        "", "0 B", "1023 B", "1.5 KB", "200.0 MB", "3.0 TB",
    ]
