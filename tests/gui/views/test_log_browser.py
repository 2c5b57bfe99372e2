"""The log browser against a real Local Batch: subtask files on their nodes, huge files, downloads."""

from __future__ import annotations

import psutil
from azure.batch import models
from PySide6.QtCore import QModelIndex

from explorer.client.files import NodeFiles
from explorer.client.watching.snapshots import SubtaskSnapshot
from explorer.ui.models.file_tree_model import FileRoot
from explorer.ui.views.log_browser import LogBrowser
from tests.support.batch_scenarios import create_idle_pool, idle_nodes, wait_for_completion
from tests.support.qt_scenarios import SCENARIO_TIMEOUT as TIMEOUT
from tests.support.qt_scenarios import next_emission, until
from tests.support.samples import ServedSamples


async def listed(browser: LogBrowser, parent: QModelIndex) -> None:
    """List `parent` (unless it is, or is being, listed) and wait for its rows."""
    model = browser.model
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    await until(model.loaded, lambda: model.rowCount(parent) > 0, TIMEOUT)


async def opened(browser: LogBrowser, index: QModelIndex) -> list[str]:
    """Select the file at `index` and return the lines on screen once it is shown."""
    shown = next_emission(browser.pane.viewers[0].viewChanged, TIMEOUT)
    browser.tree.setCurrentIndex(index)
    await shown
    return browser.pane.viewers[0].visible_lines()


async def run_mpi_hello(client, samples: ServedSamples) -> list[SubtaskSnapshot]:
    await create_idle_pool(client, "mpi", 4, inter_node=True)
    await client.create_job(models.BatchJobCreateOptions(id="job", pool_info=models.BatchPoolInfo(pool_id="mpi")))
    await client.create_task("job", models.BatchTaskCreateOptions(samples.task_json("mpi-hello")))
    await wait_for_completion(client, "job", "mpi-hello", TIMEOUT)
    return [SubtaskSnapshot.from_model(s) async for s in client.list_subtasks("job", "mpi-hello")]


def test_subtask_coordination_output_opens_from_its_node(runner, services, batch_client, samples, tmp_path):
    async def scenario():
        subtasks = await run_mpi_hello(batch_client, samples)
        browser = runner.show(LogBrowser.for_task(services, "job", "mpi-hello", subtasks))
        model = browser.model
        labels = [model.index(row, 0).data() for row in range(model.rowCount())]
        assert labels == ["task mpi-hello (primary)"] + [f"subtask {s.id} on {s.node_id}" for s in subtasks]

        # The primary's task files: listed on show; the application output reads from them.
        primary = model.index(0, 0)
        await listed(browser, primary)
        assert {"stdout.txt", "coordination-stdout.txt", "wd"} <= {
            model.index(row, 0, primary).data() for row in range(model.rowCount(primary))
        }
        lines = await opened(browser, model.find(primary, "stdout.txt"))
        assert "[0] hello from 4 ranks, sum of ranks = 6" in lines  # labelled by rank (-prepend-rank)

        # A subtask's coordination output, read through the node-files API under its root.
        second = subtasks[1]
        root = model.find(QModelIndex(), f"subtask {second.id} on {second.node_id}")
        await listed(browser, root)
        lines = await opened(browser, model.find(root, "stdout.txt"))
        assert f"instance on node {second.node_id} (master: false)" in lines
        assert browser.path_label.text() == f"{second.task_root_directory}/stdout.txt"

        # The subtask's whole directory, downloaded with progress.
        finished = next_emission(browser.downloadFinished, TIMEOUT)
        browser.tree.setCurrentIndex(root)
        browser.download(tmp_path / "subtask")
        assert browser.progress.isVisible()
        (result,) = await finished
        assert not browser.progress.isVisible()
        stdout = tmp_path / "subtask" / "stdout.txt"
        assert stdout in result.files and b"(master: false)" in stdout.read_bytes()

    runner.run_to_end(scenario())


def test_a_200_mb_node_file_opens_and_scrolls_to_its_end_in_bounded_memory(
    runner, services, batch_client, local_batch_service,
):
    async def scenario():
        await create_idle_pool(batch_client, "big", 1)
        (node_id,) = await idle_nodes(batch_client, "big")
        # Written straight into the node's directory, where the node-files API serves it from.
        path = local_batch_service.data_dir / "nodes" / "big" / node_id.lower() / "huge.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        block = "".join(f"line {i:06d} of a repeated block: lorem ipsum dolor sit\n" for i in range(16384)).encode()
        with path.open("wb") as f:
            for _ in range(200 * 1024 * 1024 // len(block) + 1):
                f.write(block)
            f.write(b"second to last\nthe very last line\n")
        size = path.stat().st_size
        assert size > 200 * 1024 * 1024
        rss_before = psutil.Process().memory_info().rss

        browser = runner.show(LogBrowser(services, NodeFiles("big", node_id), label=node_id))
        root = browser.model.index(0, 0)
        await listed(browser, root)
        huge = browser.model.find(root, "huge.log")
        assert browser.model.index(huge.row(), 1, root).data() == f"{size / 2**20:.1f} MB"
        viewer = browser.pane.viewers[0]
        browser.pane.set_follow(False)
        lines = await opened(browser, huge)
        assert lines[0] == "line 000000 of a repeated block: lorem ipsum dolor sit"
        shown = next_emission(viewer.viewChanged, TIMEOUT)
        viewer.scroll_to_end()
        await shown
        assert viewer.visible_lines()[-2:] == ["second to last", "the very last line"]
        shown = next_emission(viewer.viewChanged, TIMEOUT)
        viewer.scroll_to_offset(size // 2)
        await shown
        assert viewer.visible_lines()[0].startswith("line ")
        grown = psutil.Process().memory_info().rss - rss_before
        path.unlink()
        return grown

    grown = runner.run_to_end(scenario())
    assert grown < 50 * 1024 * 1024, f"RSS grew by {grown / 2**20:.1f} MiB"


def test_find_follow_and_a_folder_that_cannot_be_listed(runner, services, batch_client, local_batch_service):
    async def scenario():
        await create_idle_pool(batch_client, "logs", 1)
        (node_id,) = await idle_nodes(batch_client, "logs")
        path = local_batch_service.data_dir / "nodes" / "logs" / node_id.lower() / "grow.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(f"entry {i}\n" for i in range(300)))
        browser = runner.show(LogBrowser(services, NodeFiles("logs", node_id), label=node_id))
        root = browser.model.index(0, 0)
        await listed(browser, root)
        viewer = browser.pane.viewers[0]
        lines = await opened(browser, browser.model.find(root, "grow.log"))
        assert lines[-1] == "entry 299" and viewer.is_following()

        # Follow: the browser polls the open file while it is shown.
        with path.open("a") as f:
            f.write("entry 300\n")
        await until(viewer.viewChanged, lambda: viewer.visible_lines()[-1] == "entry 300", TIMEOUT)

        browser.find()
        assert browser.pane.find_bar.isVisible()
        found = next_emission(viewer.findFinished, TIMEOUT)
        browser.pane.find_bar.text.setText("entry 42")
        browser.pane.find_bar.find_previous()
        (offset,) = await found
        assert offset == len("".join(f"entry {i}\n" for i in range(42)))
        assert not viewer.is_following()  # a match shown leaves follow
        browser.toggle_follow()
        assert viewer.is_following() and browser.pane.follow_button.isChecked()

        # A root that cannot be listed (its node does not exist) says so in the banner.
        failed = next_emission(browser.banner.errorShown, TIMEOUT)
        missing = browser.add_root(FileRoot("node nowhere", NodeFiles("logs", "nowhere")))
        browser.model.fetchMore(missing)
        (sentence,) = await failed
        assert "node does not exist" in sentence and "NodeNotFound" in browser.banner.details()

    runner.run_to_end(scenario())



def test_a_standalone_browser_shows_another_file_after_an_8_gib_one_and_closes(
    runner, services, batch_client, local_batch_service,
):
    """Issue 16: after a file over 2 GiB, clicking another file raised OverflowError in QScrollBar.setRange
    and the file was never shown; a standalone log browser closed after such a file crashed."""

    async def scenario():
        await create_idle_pool(batch_client, "sparse", 1)
        (node_id,) = await idle_nodes(batch_client, "sparse")
        folder = local_batch_service.data_dir / "nodes" / "sparse" / node_id.lower()
        folder.mkdir(parents=True, exist_ok=True)
        huge, small = folder / "huge.log", folder / "small.log"
        with huge.open("wb") as f:
            f.seek((8 << 30) - 12)
            f.write(b"\nlast line\n")
        small.write_bytes(b"a small file\n")
        browser = runner.show(LogBrowser(services, NodeFiles("sparse", node_id), label=node_id))
        root = browser.model.index(0, 0)
        await listed(browser, root)
        browser.pane.set_follow(True)
        viewer = browser.pane.viewers[0]
        await opened(browser, browser.model.find(root, "huge.log"))
        await until(viewer.viewChanged, lambda: viewer.visible_lines()[-1:] == ["last line"], TIMEOUT, "its end")
        await opened(browser, browser.model.find(root, "small.log"))
        await until(viewer.viewChanged, lambda: viewer.visible_lines() == ["a small file"], TIMEOUT, "the small file")
        browser.close()
        huge.unlink()

    runner.run_to_end(scenario())
