"""Browse the files a task or node left, and read any of them, whatever its size.

The tree lists folders when they are expanded (`FileTreeModel`); the viewer reads a
file a page at a time by byte range, so a file of gigabytes opens at once and costs
a few MiB. An open file is polled while it is on screen (the output pane's own
polling), so a growing log can be followed. For a multi-instance task, `for_task` shows the primary's task files
and, as a root each, every subtask's directory on its node (its coordination output).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from explorer.client.acting.downloads import DownloadResult, Progress
from explorer.client.files import FileLocation, NodeFiles, TaskFiles
from explorer.client.watching.snapshots import SubtaskSnapshot
from explorer.ui.dialogs.file_dialogs import ask_directory, ask_save_file
from explorer.ui.models.file_tree_model import FileItem, FileRoot, FileTreeModel
from explorer.ui.services import ViewServices
from explorer.ui.views.base_view import BaseView
from explorer.ui.widgets.accessible import name_it
from explorer.ui.widgets.output_pane import OutputPane
from explorer.ui.widgets.table_columns import TableColumns

PROGRESS_STEPS = 1000


def subtask_root(subtask: SubtaskSnapshot) -> FileRoot | None:
    """A subtask's directory on its node, once it has one."""
    if not (subtask.pool_id and subtask.node_id and subtask.task_root_directory):
        return None
    label = LogBrowser.tr("subtask {number} on {node}").format(number=subtask.id, node=subtask.node_id)
    return FileRoot(label, NodeFiles(subtask.pool_id, subtask.node_id), subtask.task_root_directory)


class LogBrowser(BaseView):
    """``fileOpened(path)`` when a file is shown; ``downloadFinished(DownloadResult)``."""

    fileOpened = Signal(str)
    downloadFinished = Signal(object)

    def __init__(
        self, services: ViewServices, location: FileLocation, root_path: str = "", parent: QWidget | None = None,
        *, label: str | None = None,
    ) -> None:
        super().__init__(services, None, parent)
        self.model = FileTreeModel(services.operations.list_directory, self.owner.start, self)
        self.model.loadFailed.connect(self.banner.show_error)
        self.tree = QTreeView(self)
        name_it(self.tree, self.tr("Files"), self.tr("Folders and files; selecting a file shows it beside the list"))
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree_columns = TableColumns(self.tree, "log_browser/files", services.settings, max_width=300)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.pane = OutputPane(("file",), self)
        self.pane.pause_button.hide()
        self.path_label = QLabel(self.tr("Select a file to read it."), self)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.download_button = QPushButton(self.tr("Download…"), self)
        self.download_button.clicked.connect(self._ask_download)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(lambda: self.owner.cancel("download"))
        self.cancel_button.hide()
        self._open: FileItem | None = None
        self._layout()
        self.add_root(FileRoot(label or root_path or self.tr("files"), location, root_path))

    @classmethod
    def for_task(
        cls, services: ViewServices, job_id: str, task_id: str, subtasks: Iterable[SubtaskSnapshot] = (),
        parent: QWidget | None = None,
    ) -> LogBrowser:
        label = LogBrowser.tr("task {task} (primary)").format(task=task_id)
        browser = cls(services, TaskFiles(job_id, task_id), parent=parent, label=label)
        browser.add_subtasks(subtasks)
        return browser

    # -- public API ----------------------------------------------------------

    def add_root(self, root: FileRoot) -> QModelIndex:
        return self.model.add_root(root)

    def add_subtasks(self, subtasks: Iterable[SubtaskSnapshot]) -> None:
        """Show the directories of subtasks that have a node (known ones are kept)."""
        for subtask in sorted(subtasks, key=lambda s: s.id):
            root = subtask_root(subtask)
            if root is not None:
                self.add_root(root)

    def open_file(self, item: FileItem) -> None:
        self._open = item
        self.path_label.setText(item.path)
        self.pane.tabs.setTabText(0, PurePosixPath(item.path).name)
        self.pane.set_readers([self.services.monitor.file_reader(item.location, item.path)])
        self.pane.set_live(True)
        self.fileOpened.emit(item.path)

    def download(self, destination: Path, item: FileItem | None = None) -> None:
        """Download `item` (default: the selected one; a folder with everything in it) to `destination`."""
        item = item or self.model.item(self.tree.currentIndex())
        if item is None:
            return
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.run("download", self._download(item, destination))

    def find(self) -> None:
        self.pane.find()

    def toggle_follow(self) -> None:
        self.pane.toggle_follow()

    def reload(self) -> None:
        """List the first root if it has not been (on first show)."""
        first = self.model.index(0, 0)
        if self.model.canFetchMore(first):
            self.model.fetchMore(first)
            self.tree.expand(first)
        super().reload()

    def refresh(self) -> None:
        """List every listed folder again and re-read the open file."""
        for row in range(self.model.rowCount()):
            root = self.model.index(row, 0)
            if not self.model.canFetchMore(root):
                self.model.reload(root)
        self.pane.poll()
        super().refresh()

    # -- Qt --------------------------------------------------------------------

    def closeEvent(self, event) -> None:
        self.owner.cancel_all()
        self.pane.clear()
        super().closeEvent(event)

    # -- internals -------------------------------------------------------------

    def _layout(self) -> None:
        actions = QHBoxLayout()
        actions.addWidget(self.path_label, 1)
        for widget in (self.progress, self.cancel_button, self.download_button):
            actions.addWidget(widget)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(actions)
        column.addWidget(self.pane, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([560, 640])  # until the user moves it: file names whole beside their size and time
        self.body.addWidget(splitter)
        self.remember_splitter("log_browser", splitter)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item(current)
        if item is not None and not item.is_directory:
            self.open_file(item)

    def _ask_download(self) -> None:
        """Ask where to (without blocking the event loop), then download there."""
        item = self.model.item(self.tree.currentIndex())
        if item is None:
            return
        name = PurePosixPath(item.path).name or "files"
        if item.is_directory:
            ask_directory(self, self.tr("Download {name} into").format(name=name),
                          lambda folder: self.download(folder / name, item))
        else:
            ask_save_file(self, self.tr("Download {name}").format(name=name),
                          lambda target: self.download(target, item), suggested=name)

    async def _download(self, item: FileItem, destination: Path) -> None:
        def report(progress: Progress) -> None:
            total = max(progress.bytes_total, 1)
            self.progress.setValue(round(PROGRESS_STEPS * progress.bytes_done / total))
            self.progress.setFormat(self.tr("{done} of {total} files, {percent}").format(
                done=progress.files_done, total=progress.files_total, percent="%p%"))

        try:
            result: DownloadResult = await self.services.operations.download(
                item.location, item.path, destination, folder=item.is_directory, on_progress=report,
            )
        finally:
            self.progress.hide()
            self.cancel_button.hide()
        self.downloadFinished.emit(result)
