"""Column widths of a table or tree that show what identifies a row.

    TableColumns(view, "job_view/tasks", settings)   # once the view has its model

- Until the user sizes a column, each is as wide as its header and the widest of the
  first rows (up to `max_width`), measured again as top-level rows come (and as a `fixed`
  column's cells change in place): task ids, node ids and times are whole, yet a
  10,000-row table is not measured row by row.
- Text that does not fit is elided in the middle (ids differ at both ends) and the
  whole value is the cell's tooltip (after the model's own tooltip, if it has one).
- Once the user resizes a column, the table's widths are the user's: saved in the
  settings under `name` and restored the next time such a table is made.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QToolTip, QTreeView

from explorer.ui.settings import Settings

SAMPLE_ROWS = 50
MAX_WIDTH = 360
PADDING = 18
SAVE_DELAY_MS = 400


class TableColumns(QObject):
    def __init__(
        self, view: QTableView | QTreeView, name: str, settings: Settings, *,
        max_width: int = MAX_WIDTH, fixed: tuple[int, ...] = (),
    ) -> None:
        """`fixed`: columns sized to their contents always (short ones: a state, an exit code)."""
        super().__init__(view)
        self._view, self._name, self._settings = view, name, settings
        self._max_width = max_width
        self._fixed = fixed
        self._users = False
        """The widths are the user's (restored, or resized by them): no more fitting to contents."""
        self._restoring = False
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.setWordWrap(False)
        header = self.header
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save)
        state = settings.table_state(name)
        if state is not None:
            self._restoring = True
            self._users = header.restoreState(state)
            self._restoring = False
        header.sectionResized.connect(self._on_resized)
        model = self._model = view.model()
        model.rowsInserted.connect(self._on_rows_inserted)
        model.modelReset.connect(self.fit_to_contents)
        model.dataChanged.connect(self._on_data_changed)
        view.viewport().installEventFilter(self)
        self.fit_to_contents()

    @property
    def header(self) -> QHeaderView:
        view = self._view
        return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()

    def _fit(self) -> None:
        """Size every column to its header and first rows."""
        view, header, model = self._view, self.header, self._model
        metrics = view.fontMetrics()
        header_metrics = header.fontMetrics()
        rows = min(model.rowCount(), SAMPLE_ROWS)
        last = model.columnCount() - 1
        self._restoring = True
        try:
            for column in range(model.columnCount()):
                if header.isSectionHidden(column):
                    continue
                title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                widest = header_metrics.horizontalAdvance(title) + PADDING + 8  # room for the sort arrow
                for row in range(rows):
                    text = model.index(row, column).data()
                    if text:
                        widest = max(widest, metrics.horizontalAdvance(str(text)) + PADDING)
                if isinstance(view, QTreeView) and column == 0:
                    widest += view.indentation() * 2 + view.iconSize().width()
                limit = widest if column in self._fixed else self._max_width
                if column != last or not header.stretchLastSection():
                    header.resizeSection(column, min(widest, limit))
        finally:
            self._restoring = False

    # -- Qt ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._view.indexAt(event.pos())
            text = self._elided_text(index)
            if text:
                own = index.data(Qt.ItemDataRole.ToolTipRole)
                QToolTip.showText(event.globalPos(), f"{text}\n{own}" if own else text, self._view)
                return True
        return super().eventFilter(watched, event)

    # -- internals -----------------------------------------------------------

    def _elided_text(self, index: QModelIndex) -> str | None:
        """The cell's whole text if it is cut on screen."""
        if not index.isValid():
            return None
        text = index.data()
        if not text:
            return None
        text = str(text)
        rect = self._view.visualRect(index)
        return text if self._view.fontMetrics().horizontalAdvance(text) + PADDING // 2 > rect.width() else None

    def fit_to_contents(self) -> None:
        """Size the columns to the rows shown now, unless the widths are the user's (rows filled in
        place, not inserted, say so with this)."""
        # A QTableWidget resets its model while it is destroyed, after its wrapper went.
        if not self._users and shiboken6.isValid(self._view) and self._model.rowCount() > 0:
            self._fit()

    def _on_rows_inserted(self, parent: QModelIndex, _first: int, _last: int) -> None:
        if not parent.isValid():  # top-level rows only: a folder opened in a tree keeps the widths
            self.fit_to_contents()

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, _roles: object = None) -> None:
        """A fixed column's cell changed in place ("running" became "completed", longer in German): fit again."""
        if any(top_left.column() <= column <= bottom_right.column() for column in self._fixed):
            self.fit_to_contents()

    def _on_resized(self, column: int, _old: int, _new: int) -> None:
        # The last column stretches with the table: only what the user sized is theirs to keep.
        if not self._restoring and column != self._model.columnCount() - 1:
            self._users = True
            self._save_timer.start()

    def _save(self) -> None:
        self._settings.set_table_state(self._name, self.header.saveState())

