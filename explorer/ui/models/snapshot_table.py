"""A table of monitor snapshots (tasks, nodes) with a filter proxy; sorting is the model's.

QSortFilterProxyModel's own sort calls `data()` from C++ twice per comparison: 1-2 s
for 10,000 rows under PySide. So the model sorts its rows itself (one `list.sort` on
each column's key, a few ms) and the proxy only filters, in rows order; the proxy
forwards `sort()` to the model, so a view's clickable headers work as usual.

The model is fed the monitor's full snapshot and either works out the change itself
(`set_items`) or takes the monitor's diff (`apply`: 10,000 rows cost what changed). After a
view resubscribes, the monitor repeats everything as "added", which `apply` takes too.
Only rows that changed are announced (`dataChanged` per run of adjacent rows, so the proxy
filters those rows again and not the span between them), and rows are sorted again only
when rows came or a changed row's sort key moved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from explorer.client.watching.monitor import Diff

S = TypeVar("S")
Index = QModelIndex | QPersistentModelIndex

RESET_THRESHOLD = 500
"""Above this many rows added or removed at once, a model reset is cheaper than row signals."""


@dataclass(frozen=True)
class Column(Generic[S]):
    header: str
    text: Callable[[S], str]
    key: Callable[[S], Any]
    """A sort key; None (no value yet: exit code, end time) sorts last in either order."""


class SnapshotTableModel(QAbstractTableModel, Generic[S]):
    """Rows are snapshots with an `id` and a `state`; `search_text` is what the text filter matches."""

    def __init__(
        self, columns: Sequence[Column[S]], search_text: Callable[[S], str],
        tooltip: Callable[[S], str | None] = lambda _s: None, parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._search_text = search_text
        self._tooltip = tooltip
        self._rows: list[S] = []
        self._by_id: dict[Hashable, S] = {}
        self._row_of: dict[Hashable, int] = {}
        self._haystack: dict[Hashable, str] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # --- Qt model ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.columns[section].header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        snapshot = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()].text(snapshot)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(snapshot)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._resort()

    # --- content -----------------------------------------------------------------

    def snapshot(self, row: int) -> S:
        return self._rows[row]

    def row_of(self, item_id: Hashable) -> int | None:
        return self._row_of.get(item_id)

    def snapshots(self) -> Sequence[S]:
        return tuple(self._rows)

    def state_counts(self) -> Counter[str]:
        return Counter(getattr(s, "state", None) or "unknown" for s in self._rows)

    def matches(self, row: int, states: Collection[str], text: str) -> bool:
        """Whether `row` passes a filter: state in `states` (empty: any), `text` (lower case) in it."""
        snapshot = self._rows[row]
        if states and getattr(snapshot, "state", None) not in states:
            return False
        return not text or text in self._haystack[snapshot.id]  # type: ignore[attr-defined]

    def set_items(self, items: Mapping[Hashable, S]) -> Diff:
        """Show exactly `items` (in their order for new rows); returns what changed."""
        diff = Diff.between(self._by_id, items)
        self._change(items, diff.removed, diff.changed, diff.added)
        return diff

    def apply(self, items: Mapping[Hashable, S], diff: Diff) -> None:
        """Show exactly `items`, which differ from the rows shown by `diff` (the monitor's: against the update
        these rows came from, or everything as added), without comparing the other rows. A diff that does
        not account for the rows shown (the model was fed another update) falls back to `set_items`."""
        by_id = self._by_id
        removed = [key for key in diff.removed if key in by_id]
        added = [key for key in (*diff.added, *diff.changed) if key not in by_id and key in items]
        # Every row kept is in `items` and every other item is added (key sets compared in C: ~0.3 ms at 10,000).
        if len(by_id) - len(removed) + len(added) != len(items) or not by_id.keys() - set(removed) <= items.keys():
            self.set_items(items)
            return
        changed = [key for key in (*diff.changed, *diff.added)
                   if key in by_id and by_id[key] is not items[key] and by_id[key] != items[key]]
        self._change(items, removed, changed, added)

    # --- internals ---------------------------------------------------------------

    def _change(
        self, items: Mapping[Hashable, S], removed: Sequence[Hashable], changed: Sequence[Hashable],
        added: Sequence[Hashable],
    ) -> None:
        if not (removed or changed or added):
            return
        if len(added) + len(removed) > RESET_THRESHOLD:
            self.beginResetModel()
            self._rows = list(items.values())
            self._by_id = dict(items)
            self._haystack = {key: self._search_text(s).lower() for key, s in items.items()}
            self._sort_rows()
            self.endResetModel()
            return
        self._remove(removed)
        resort = bool(added) or self._sort_key_moved(changed, items)
        for key in changed:
            self._store(key, items[key])
            self._rows[self._row_of[key]] = items[key]
        self._announce_changed(sorted(self._row_of[key] for key in changed))
        if added:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            for key in added:
                self._store(key, items[key])
                self._row_of[key] = len(self._rows)
                self._rows.append(items[key])
            self.endInsertRows()
        if resort:
            self._resort()

    def _sort_key_moved(self, changed: Sequence[Hashable], items: Mapping[Hashable, S]) -> bool:
        if not 0 <= self._sort_column < len(self.columns):
            return False
        key = self.columns[self._sort_column].key
        return any(key(self._by_id[k]) != key(items[k]) for k in changed)

    def _announce_changed(self, rows: Sequence[int]) -> None:
        """One `dataChanged` per run of adjacent rows (the proxy filters every row of each range again)."""
        last = len(self.columns) - 1
        start = 0
        for i in range(1, len(rows) + 1):
            if i == len(rows) or rows[i] != rows[i - 1] + 1:
                self.dataChanged.emit(self.index(rows[start], 0), self.index(rows[i - 1], last))
                start = i

    def _store(self, key: Hashable, snapshot: S) -> None:
        self._by_id[key] = snapshot
        self._haystack[key] = self._search_text(snapshot).lower()

    def _remove(self, keys: Sequence[Hashable]) -> None:
        # Highest rows first, so the rows still to remove keep their numbers.
        for row in sorted((self._row_of[key] for key in keys), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            snapshot = self._rows.pop(row)
            del self._by_id[snapshot.id], self._haystack[snapshot.id]  # type: ignore[attr-defined]
            self.endRemoveRows()
        if keys:
            self._reindex()

    def _reindex(self) -> None:
        self._row_of = {s.id: row for row, s in enumerate(self._rows)}  # type: ignore[attr-defined]

    def _sort_rows(self) -> None:
        if 0 <= self._sort_column < len(self.columns):
            key = self.columns[self._sort_column].key
            keyed = [(key(s), s) for s in self._rows]
            present = [pair for pair in keyed if pair[0] is not None]
            present.sort(key=lambda pair: pair[0], reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
            self._rows = [s for _, s in present] + [s for k, s in keyed if k is None]
        self._reindex()

    def _resort(self) -> None:
        if not 0 <= self._sort_column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in persistent]  # type: ignore[attr-defined]
        self._sort_rows()
        moved = [self.index(self._row_of[key], index.column()) for key, index in zip(ids, persistent, strict=True)]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()


class SnapshotFilterProxy(QSortFilterProxyModel):
    """Filters a `SnapshotTableModel` by state and text; sorting is delegated to the model."""

    def __init__(self, source: SnapshotTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._states: frozenset[str] = frozenset()
        self._text = ""
        self.setSourceModel(source)

    def set_states(self, states: Collection[str]) -> None:
        """Show only these states (empty: all)."""
        if frozenset(states) != self._states:
            self._change_filter(lambda: setattr(self, "_states", frozenset(states)))

    def set_text(self, text: str) -> None:
        text = text.strip().lower()
        if text != self._text:
            self._change_filter(lambda: setattr(self, "_text", text))

    def snapshot(self, row: int) -> Any:
        return self._source.snapshot(self.mapToSource(self.index(row, 0)).row())

    def row_of(self, item_id: Hashable) -> int | None:
        source_row = self._source.row_of(item_id)
        if source_row is None:
            return None
        row = self.mapFromSource(self._source.index(source_row, 0)).row()
        return row if row >= 0 else None

    def _change_filter(self, change: Callable[[], None]) -> None:
        # Qt 6.10 replaced invalidateRowsFilter() (deprecated in 6.11) with begin/endFilterChange.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return self._source.matches(source_row, self._states, self._text)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)
