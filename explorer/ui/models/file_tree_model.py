"""A lazy tree of task and node files: a folder is listed when it is first expanded.

Top-level rows are *roots*: a folder of a task's or a node's files (for a
multi-instance task: the primary's task files and each subtask's directory on its
node). Listing is asynchronous: `fetchMore` hands a coroutine to `run` (the view's
task owner) and the rows appear when it completes (`loaded`), or `loadFailed` says
why not. A folder whose listing failed shows no rows until it is reloaded.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QApplication, QStyle

from explorer.client.acting.details import FileEntry
from explorer.client.files import FileLocation
from explorer.ui.formatting import format_size

log = logging.getLogger(__name__)

HEADERS = (QT_TRANSLATE_NOOP("FileTreeModel", "Name"), QT_TRANSLATE_NOOP("FileTreeModel", "Size"),
           QT_TRANSLATE_NOOP("FileTreeModel", "Modified"))

Lister = Callable[[FileLocation, str], Awaitable[list[FileEntry]]]
Runner = Callable[[Coroutine[Any, Any, None]], Any]
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class FileRoot:
    label: str
    location: FileLocation
    path: str = ""
    """The folder shown, relative to the location's root ('' for all of it)."""


@dataclass(frozen=True)
class FileItem:
    """What a row stands for: a file or folder `path` in `location`."""

    location: FileLocation
    path: str
    is_directory: bool
    size: int | None = None


@dataclass(eq=False)
class _Node:
    parent: _Node | None
    root: FileRoot
    entry: FileEntry | None  # None for a root
    children: list[_Node] | None = None  # None until listed
    loading: object | None = None  # the token of the listing under way

    @property
    def path(self) -> str:
        return self.entry.path if self.entry else self.root.path

    @property
    def is_directory(self) -> bool:
        return self.entry is None or self.entry.is_directory


class FileTreeModel(QAbstractItemModel):
    """``loaded(index)`` when a folder's rows arrived; ``loadFailed(exception)`` when its listing failed."""

    loaded = Signal(QModelIndex)
    loadFailed = Signal(object)

    def __init__(self, list_directory: Lister, run: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._list = list_directory
        self._run = run
        self._roots: list[_Node] = []

    # -- content ---------------------------------------------------------------

    def add_root(self, root: FileRoot) -> QModelIndex:
        """Append a root (one already shown is kept as it is); its index."""
        for row, node in enumerate(self._roots):
            if (node.root.location, node.root.path) == (root.location, root.path):
                return self.index(row, 0)
        row = len(self._roots)
        self.beginInsertRows(QModelIndex(), row, row)
        self._roots.append(_Node(None, root, None))
        self.endInsertRows()
        return self.index(row, 0)

    def item(self, index: _Index) -> FileItem | None:
        node = self._node(index)
        if node is None:
            return None
        size = node.entry.size if node.entry else None
        return FileItem(node.root.location, node.path, node.is_directory, size)

    def find(self, parent: QModelIndex, name: str) -> QModelIndex:
        """The row named `name` under `parent` (a root: its label), or an invalid index."""
        for row in range(self.rowCount(parent)):
            index = self.index(row, 0, parent)
            if index.data() == name:
                return index
        return QModelIndex()

    def reload(self, index: QModelIndex) -> None:
        """Forget a folder's rows and list it again."""
        node = self._node(index)
        if node is None or not node.is_directory:
            return
        if node.children:
            self.beginRemoveRows(index, 0, len(node.children) - 1)
            node.children = None
            self.endRemoveRows()
        node.children, node.loading = None, None
        self.fetchMore(index)

    # -- lazy listing ------------------------------------------------------------

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:
        node = self._node(parent)
        if node is None:
            return bool(self._roots)
        return node.is_directory and (node.children is None or bool(node.children))

    def canFetchMore(self, parent: _Index) -> bool:
        node = self._node(parent)
        return node is not None and node.is_directory and node.children is None and node.loading is None

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent):
            return
        node = self._node(parent)
        node.loading = token = object()
        self._run(self._load(node, token))

    async def _load(self, node: _Node, token: object) -> None:
        failure: Exception | None = None
        try:
            entries = await self._list(node.root.location, node.path)
        except Exception as error:  # noqa: BLE001 - shown by the view; the folder stays empty until reloaded
            log.info("listing %s failed: %s", node.path or node.root.label, error)
            entries, failure = [], error
        if node.loading is not token or not self._attached(node):  # reloaded or removed meanwhile
            return
        node.loading = None
        index = self._index_of(node)
        if entries:
            self.beginInsertRows(index, 0, len(entries) - 1)
        node.children = [_Node(node, node.root, entry) for entry in entries]
        if entries:
            self.endInsertRows()
        if failure is None:
            self.loaded.emit(index)
        else:
            self.loadFailed.emit(failure)

    # -- QAbstractItemModel --------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        siblings = self._children(parent)
        if siblings is None or not (0 <= row < len(siblings)) or not (0 <= column < len(HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        node = self._node(child)
        if node is None or node.parent is None:
            return QModelIndex()
        return self._index_of(node.parent)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent) or ())

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return len(HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        node = self._node(index)
        if node is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(node, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return node.path or node.root.label
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            icon = QStyle.StandardPixmap.SP_DirIcon if node.is_directory else QStyle.StandardPixmap.SP_FileIcon
            return QApplication.style().standardIcon(icon)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None

    # -- internals -------------------------------------------------------------

    @staticmethod
    def _text(node: _Node, column: int) -> str:
        entry = node.entry
        if column == 0:
            return entry.name if entry else node.root.label
        if entry is None:
            return ""
        if column == 1:
            return "" if entry.is_directory else format_size(entry.size)
        modified: datetime | None = entry.modified
        return modified.astimezone().strftime("%Y-%m-%d %H:%M:%S") if modified else ""

    def _node(self, index: _Index) -> _Node | None:
        return index.internalPointer() if index.isValid() else None

    def _children(self, parent: _Index) -> list[_Node] | None:
        node = self._node(parent)
        return self._roots if node is None else node.children

    def _attached(self, node: _Node) -> bool:
        while node.parent is not None:
            if node not in (node.parent.children or ()):
                return False
            node = node.parent
        return node in self._roots

    def _index_of(self, node: _Node) -> QModelIndex:
        siblings = self._roots if node.parent is None else node.parent.children
        return self.createIndex(siblings.index(node), 0, node)
