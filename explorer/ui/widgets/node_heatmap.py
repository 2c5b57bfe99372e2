"""Heatmap of the compute nodes of a pool: one tile per node, coloured by state, or by a figure
of the node (CPU or memory use, from the node sampler) in `set_color_mode`.

All tiles are one RGBA image (see ``tile_image``) shown by a single pyqtgraph
``ImageItem``, so a redraw costs the same few milliseconds for 10 or 10,000 nodes.
View coordinates are tile units: tile (col, row) covers [col, col+1) x [row, row+1).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pyqtgraph as pg
from numpy.typing import ArrayLike
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QHelpEvent, QKeyEvent, QPalette, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QHBoxLayout, QToolTip, QWidget

from explorer.ui.translation import state_text
from explorer.ui.widgets.accessible import say
from explorer.ui.widgets.color_legend import ColorLegend
from explorer.ui.widgets.palette import NODE_STATE_COLORS
from explorer.ui.widgets.tile_image import STATE_CODES, STATES, UNKNOWN, Grid, render_tiles
from explorer.ui.widgets.value_tiles import NO_FIGURES, VALUE_BINS, bin_counts, render_values

log = logging.getLogger(__name__)

MIN_TILE_PX = 3
MAX_TILE_PX = 24


class NodeHeatmap(QWidget):
    """Signals: ``nodeActivated(node_id)`` on click, ``filterChanged(states)`` with the
    list of states shown at full colour (empty: no filter)."""

    nodeActivated = Signal(str)
    filterChanged = Signal(list)
    COLOR_MODES = ("state", "cpu", "memory")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = pg.GraphicsView(self, background=self.palette().color(QPalette.ColorRole.Base))
        self._box = pg.ViewBox(lockAspect=True, invertY=True, enableMouse=False, enableMenu=False)
        self._box.setDefaultPadding(0)
        self._view.setCentralItem(self._box)
        self._image = pg.ImageItem(axisOrder="row-major")
        self._box.addItem(self._image)
        self._legend = ColorLegend([(s, state_text(s), NODE_STATE_COLORS[s]) for s in STATES], checkable=True)
        self._legend.entryClicked.connect(self._toggle_filter)
        self._value_legend = ColorLegend([(key, self.tr(label), color) for key, label, color, _low in VALUE_BINS])
        self._value_legend.hide()
        self._color_mode = "state"
        self._values: dict[str, float | None] = {}
        self._value_list = np.zeros(0, dtype=float)
        """`_values` indexed like the tiles (NaN: no figures)."""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view, 1)
        layout.addWidget(self._legend)
        layout.addWidget(self._value_legend)
        self._view.scene().sigMouseClicked.connect(self._on_scene_clicked)
        # Qt's own tooltip event, not pyqtgraph's rate-limited sigMouseMoved,
        # so the tip always matches where the pointer came to rest.
        self._view.viewport().installEventFilter(self)

        self._ids: list[str] = []
        self._index: dict[str, int] = {}
        self._ips: list[str] | None = None
        self._codes = np.zeros(0, dtype=np.intp)
        self._low_priority = np.zeros(0, dtype=bool)
        self._slots_used = np.zeros(0, dtype=np.int64)
        self._slots_total = np.zeros(0, dtype=np.int64)
        self._filter: frozenset[str] = frozenset()
        self._grid = Grid(1, 0)
        self._tile = MIN_TILE_PX
        self._current: int | None = None
        """The tile the keyboard is on (its node said in words to assistive technology)."""
        self._cursor = QGraphicsRectItem(0, 0, 1, 1)
        self._cursor.setZValue(10)
        self._cursor.hide()
        self._box.addItem(self._cursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._refresh_legend()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: the background follows
            self._view.setBackground(self.palette().color(QPalette.ColorRole.Base))

    # -- input ---------------------------------------------------------------

    def set_nodes(
        self,
        ids: Sequence[str],
        states: Sequence[str],
        low_priority: Sequence[bool],
        slots_used: ArrayLike,
        slots_total: ArrayLike,
        *,
        ips: Sequence[str] | None = None,
    ) -> None:
        """Replace all nodes; every sequence is indexed like ``ids``."""
        n = len(ids)
        columns = (states, low_priority, slots_used, slots_total) + ((ips,) if ips else ())
        if any(len(c) != n for c in columns):
            raise ValueError("set_nodes: every sequence must have one entry per node id")
        self._ids = list(ids)
        self._index = {node_id: i for i, node_id in enumerate(self._ids)}
        self._ips = list(ips) if ips else None
        # The service's states are lower case already: one lookup each (10,000 nodes in a few ms).
        self._codes = np.fromiter((STATE_CODES[s] if s in STATE_CODES else _code(s) for s in states), dtype=np.intp,
                                  count=n)
        self._low_priority = np.asarray(low_priority, dtype=bool)
        self._slots_used = np.asarray(slots_used, dtype=np.int64)
        self._slots_total = np.asarray(slots_total, dtype=np.int64)
        self._value_list = self._value_array()
        self._relayout(force=True)
        self._refresh_legend()

    def update_states(self, changes: Mapping[str, str]) -> None:
        """Apply a diff of node states; ids not shown are ignored."""
        for node_id, state in changes.items():
            i = self._index.get(node_id)
            if i is None:
                log.debug("state change for unknown node %s ignored", node_id)
                continue
            self._codes[i] = _code(state)
        self._render()
        self._refresh_legend()

    def set_state_filter(self, states: Iterable[str]) -> None:
        """Dim every tile whose state is not in ``states``; empty shows all at full colour."""
        new = frozenset(states)
        if new == self._filter:
            return
        self._filter = new
        self._render()
        self._refresh_legend()
        self.filterChanged.emit([s for s in STATES if s in new])

    def set_color_mode(self, mode: str) -> None:
        """Colour the tiles by "state", or by the nodes' "cpu" or "memory" use (`set_values`)."""
        if mode not in self.COLOR_MODES:
            raise ValueError(f"set_color_mode: {mode!r} is none of {self.COLOR_MODES}")
        self._color_mode = mode
        by_state = mode == "state"
        if not by_state:
            self.set_state_filter(())
        self._legend.setVisible(by_state)
        self._value_legend.setVisible(not by_state)
        self._render()
        self._refresh_legend()

    def color_mode(self) -> str:
        return self._color_mode

    def set_values(self, values: Mapping[str, float | None]) -> None:
        """The figure (0-100 %) of each node the colour mode shows; a node left out has none."""
        self._values = dict(values)
        self._value_list = self._value_array()
        if self._color_mode != "state":
            self._render()
            self._refresh_legend()

    def set_value(self, node_id: str, value: float | None) -> None:
        """One node's figure: only its tile is drawn again (a read of one node's figures costs one tile,
        not a new image of all of them); an id not shown yet is kept for when it is."""
        self._values[node_id] = value
        i = self._index.get(node_id)
        if i is None:
            return
        self._value_list[i] = np.nan if value is None else value
        if self._color_mode == "state":
            return
        t = self._tile
        pixels = self._image.image
        if pixels is None or pixels.shape[:2] != (self._grid.rows * t, self._grid.cols * t):
            self._render()
        else:
            # The image item draws straight from this array (a QImage over its memory): writing the tile's
            # pixels and asking the viewport for its rect is the whole repaint. (An update of the item's
            # rect would repaint the whole viewport: pyqtgraph's view box clips its children.)
            row, col = divmod(i, self._grid.cols)
            pixels[row * t:(row + 1) * t, col * t:(col + 1) * t] = render_values(Grid(1, 1), t, self._value_list[i:i + 1])
            self._view.viewport().update(self._tile_in_view(row, col))
        self._refresh_legend()

    # -- queries -------------------------------------------------------------

    def state_counts(self) -> dict[str, int]:
        counts = np.bincount(self._codes, minlength=len(STATES))
        return {state: int(counts[code]) for code, state in enumerate(STATES)}

    def node_at(self, pos: QPoint) -> str | None:
        """The node whose tile is under ``pos`` (heatmap widget coordinates)."""
        view_pos = self._view.mapFrom(self, pos)
        return self._node_at_scene(self._view.mapToScene(view_pos))

    def tile_rect(self, node_id: str) -> QRect:
        """Where ``node_id``'s tile is drawn, in heatmap widget coordinates."""
        view_rect = self._tile_in_view(*divmod(self._index[node_id], self._grid.cols))
        return QRect(self._view.mapTo(self, view_rect.topLeft()), view_rect.size())

    def current_node(self) -> str | None:
        """The node the keyboard is on, if any."""
        return self._ids[self._current] if self._current is not None and self._current < len(self._ids) else None

    def node_text(self, node_id: str) -> str:
        """One node in words: what a screen reader says as the keyboard reaches its tile."""
        i = self._index[node_id]
        priority = self.tr("low priority") if self._low_priority[i] else self.tr("dedicated")
        ip = self._ips[i] if self._ips else self.tr("no IP address known")
        text = self.tr("node {node}: {state}, {ip}, {used} of {total} task slots in use, {priority}; {position}")
        return text.format(
            node=node_id, state=STATES[self._codes[i]], ip=ip, used=self._slots_used[i], total=self._slots_total[i],
            priority=priority, position=self._current_position(i))

    def tooltip_text(self, node_id: str) -> str:
        i = self._index[node_id]
        lines = [
            node_id,
            self.tr("state: {state}").format(state=STATES[self._codes[i]]),
            self.tr("ip: {ip}").format(ip=self._ips[i] if self._ips else self.tr("unknown")),
            self.tr("task slots: {used}/{total}").format(used=self._slots_used[i], total=self._slots_total[i]),
            self.tr("low priority (spot)") if self._low_priority[i] else self.tr("dedicated"),
        ]
        if self._color_mode != "state":
            value = self._values.get(node_id)
            lines.append(f"{self._color_mode}: " + ("no figures" if value is None else f"{value:.0f} %"))
        return "\n".join(lines)

    # -- Qt ------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrows walk the tiles (as laid out), Home and End go to the first and last, Enter opens."""
        n = len(self._ids)
        key = event.key()
        if not n:
            super().keyPressEvent(event)
            return
        at = self._current if self._current is not None and self._current < n else -1
        moves = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: self._grid.cols,
                 Qt.Key.Key_Up: -self._grid.cols}
        if key in moves:
            self._walk_to(min(n - 1, max(0, at + moves[key])) if at >= 0 else 0)
        elif key == Qt.Key.Key_Home:
            self._walk_to(0)
        elif key == Qt.Key.Key_End:
            self._walk_to(n - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and at >= 0:
            self.nodeActivated.emit(self._ids[at])
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if self._ids and self._current is None:
            self._walk_to(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            node_id = self._node_at_scene(self._view.mapToScene(event.pos()))
            if node_id is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_text(node_id), self._view)
            return True
        return super().eventFilter(watched, event)

    # -- internals -----------------------------------------------------------

    def _tile_in_view(self, row: int, col: int) -> QRect:
        """The tile at (row, col) in the graphics view's (its viewport's) coordinates."""
        scene_rect = self._box.mapViewToScene(QRectF(col, row, 1, 1)).boundingRect()
        return self._view.mapFromScene(scene_rect).boundingRect()

    def _walk_to(self, index: int) -> None:
        self._current = index
        node_id = self._ids[index]
        self._place_cursor()
        say(self, self.node_text(node_id))
        QToolTip.showText(self.mapToGlobal(self.tile_rect(node_id).bottomRight()), self.tooltip_text(node_id), self)

    def _place_cursor(self) -> None:
        if self._current is None or self._current >= len(self._ids):
            self._cursor.hide()
            return
        row, col = divmod(self._current, self._grid.cols)
        self._cursor.setRect(QRectF(col, row, 1, 1))
        pen = QPen(self.palette().color(QPalette.ColorRole.Text), 2)
        pen.setCosmetic(True)
        self._cursor.setPen(pen)
        self._cursor.show()

    def _current_position(self, index: int) -> str:
        return self.tr("{number} of {count}").format(number=index + 1, count=len(self._ids))

    def _relayout(self, force: bool = False) -> None:
        """Fit the grid to the view's shape and pick a tile size near one image pixel
        per screen pixel (scaling down would drop the gaps and low-priority marks)."""
        width, height = self._view.width(), self._view.height()
        grid = Grid.fit(len(self._ids), width, height)
        per_tile = min(width / grid.cols, height / max(grid.rows, 1))
        scale = self.devicePixelRatioF()
        tile = max(MIN_TILE_PX, min(MAX_TILE_PX, math.floor(per_tile * scale)))
        if not force and (grid, tile) == (self._grid, self._tile):
            return
        self._grid, self._tile = grid, tile
        self._render()
        self._place_cursor()
        self._box.setRange(QRectF(0, 0, grid.cols, max(grid.rows, 1)), padding=0)

    def _render(self) -> None:
        if not self._ids:
            self._image.clear()
            return
        if self._color_mode != "state":
            image = render_values(self._grid, self._tile, self._value_list)
            self._image.setImage(image, autoLevels=False)
            self._image.setRect(QRectF(0, 0, self._grid.cols, self._grid.rows))
            return
        dimmed = (
            ~np.isin(self._codes, [STATE_CODES[s] for s in self._filter])
            if self._filter
            else np.zeros(len(self._codes), dtype=bool)
        )
        image = render_tiles(
            self._grid,
            self._tile,
            self._codes,
            self._low_priority,
            self._slots_used,
            self._slots_total,
            dimmed,
        )
        self._image.setImage(image, autoLevels=False)
        self._image.setRect(QRectF(0, 0, self._grid.cols, self._grid.rows))

    def _value_array(self) -> np.ndarray:
        values = self._values
        if not values:
            return np.full(len(self._ids), np.nan)
        return np.array([np.nan if (v := values.get(node_id)) is None else v for node_id in self._ids], dtype=float)

    def _refresh_legend(self) -> None:
        self._legend.set_counts(self.state_counts(), keep_visible=self._filter)
        self._legend.set_checked(self._filter)
        if self._color_mode != "state":
            self._value_legend.set_counts(bin_counts(self._value_list), keep_visible=[NO_FIGURES])

    def _toggle_filter(self, state: str) -> None:
        self.set_state_filter(self._filter ^ {state})

    def _node_at_scene(self, scene_pos: QPointF) -> str | None:
        pos = self._box.mapSceneToView(scene_pos)
        col, row = math.floor(pos.x()), math.floor(pos.y())
        if not (0 <= col < self._grid.cols and 0 <= row < self._grid.rows):
            return None
        i = row * self._grid.cols + col
        return self._ids[i] if i < len(self._ids) else None

    def _on_scene_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        node_id = self._node_at_scene(event.scenePos())
        if node_id is not None:
            self.nodeActivated.emit(node_id)


def _code(state: str) -> int:
    code = STATE_CODES.get(state.lower())
    if code is None:
        log.debug("unrecognised node state %r shown as unknown", state)
        return UNKNOWN
    return code
