"""What the window's pyqtgraph charts share: the window's colours (light or dark), followed when the theme
changes, and a tooltip for what is under the pointer.

    self._plot = pg.PlotWidget(self)
    self._theme = PlotTheme(self, self._plot, tooltip=self._tooltip_at, on_palette=self._redraw)
    self._theme.apply()    # once built; then again at every change of palette
    # _tooltip_at(point, pixel) -> str: `point` under the pointer in plot coordinates, `pixel` the width
    # of a screen pixel in x (a tolerance for thin items); "" hides the tooltip.

`apply_plot_palette` alone suits a widget holding several plots (the node metrics charts).
"""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF
from PySide6.QtGui import QColor, QHelpEvent, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

TooltipAt = Callable[[QPointF, float], str]


def apply_plot_palette(plot: pg.PlotWidget, palette: QPalette) -> None:
    """A plot in the window's colours (light or dark): background, axes, title and legend."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    plot.setBackground(base)
    item = plot.getPlotItem()
    item.titleLabel.setText(item.titleLabel.text, color=text)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(text)
        axis.setTextPen(text)
    legend = item.legend
    if legend is not None:
        legend.setLabelTextColor(text)
        legend.setBrush(pg.mkBrush(base.red(), base.green(), base.blue(), 200))


class PlotTheme(QObject):
    """Keeps `plot` in `owner`'s palette (then calls `on_palette`, to redraw what is drawn in its colours)
    and, with `tooltip`, says what is under the pointer."""

    def __init__(
        self, owner: QWidget, plot: pg.PlotWidget, *, tooltip: TooltipAt | None = None,
        on_palette: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(owner)
        self._owner, self._plot = owner, plot
        self._tooltip, self._on_palette = tooltip, on_palette
        owner.installEventFilter(self)
        if tooltip is not None:
            plot.viewport().installEventFilter(self)

    def text_color(self) -> QColor:
        """The palette's text colour (a copy: callers set its alpha)."""
        return QColor(self._owner.palette().color(QPalette.ColorRole.Text))

    def to_view(self, pos: QPoint) -> QPointF:
        """A viewport position in plot coordinates."""
        return self._plot.getViewBox().mapSceneToView(self._plot.mapToScene(pos))

    def apply(self) -> None:
        apply_plot_palette(self._plot, self._owner.palette())
        if self._on_palette is not None:
            self._on_palette()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._owner and event.type() == QEvent.Type.PaletteChange:
            self.apply()
        elif self._tooltip is not None and event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._tooltip(self.to_view(event.pos()), self._plot.getViewBox().viewPixelSize()[0])
            if text:
                QToolTip.showText(event.globalPos(), text, self._plot)
            else:
                QToolTip.hideText()
            return True
        return False
