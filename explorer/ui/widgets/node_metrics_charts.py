"""A node's figures as four charts (CPU, memory, network, disk) over the last 10 minutes or hour.

    charts = NodeMetricsCharts()
    charts.set_samples(reader.samples)      # NodeSample objects, oldest first
    charts.set_status("No figures: ...")    # shown above the charts (empty: hidden)

The x axis is the wall clock; the charts follow the window's palette (background, axes and
text) and each series keeps a mid-tone colour that reads on light and dark alike.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from explorer.client.watching.node_metrics import NodeSample
from explorer.ui.widgets.accessible import name_it
from explorer.ui.widgets.plot_theme import apply_plot_palette

RANGES = ((600.0, "Last 10 min"), (3600.0, "Last hour"))
SERIES_COLORS = {
    "cpu": "#1e88e5", "host": "#9e9e9e", "mem": "#8e24aa", "rx": "#00897b", "tx": "#f4511e",
    "read": "#3949ab", "write": "#fb8c00",
}
MB = 1e6
MIN_RATE_TOP = 1.0
"""MB/s: the rate charts' scale never shrinks below this."""


class NodeMetricsCharts(QWidget):
    """`rangeChanged(seconds)` when the user picks another span."""

    rangeChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.span = RANGES[0][0]
        self._samples: Sequence[NodeSample] = ()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        self.latest = QLabel(self)
        self.latest.setWordWrap(True)  # one long sentence: it must not widen the tab past the node's properties
        name_it(self.latest, self.tr("Latest figures"), self.tr("The node's latest sample, in words"))
        self._range_group = QButtonGroup(self)
        top = QHBoxLayout()
        top.addWidget(self.latest, 1)
        for index, (seconds, label) in enumerate(RANGES):
            button = QRadioButton(self.tr(label), self)
            button.setObjectName(f"range-{int(seconds)}")
            button.setChecked(index == 0)
            self._range_group.addButton(button, index)
            top.addWidget(button)
        self._range_group.idClicked.connect(self._range_picked)
        grid = QGridLayout()
        self.plots: dict[str, pg.PlotWidget] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        charts = (
            ("cpu", self.tr("CPU (%)"), (("cpu", self.tr("busy")), ("host", self.tr("host")))),
            ("mem", self.tr("Memory (%)"), (("mem", self.tr("used")),)),
            ("net", self.tr("Network (MB/s)"), (("rx", self.tr("in")), ("tx", self.tr("out")))),
            ("disk", self.tr("Disk (MB/s)"), (("read", self.tr("read")), ("write", self.tr("write")))),
        )
        for index, (name, title, series) in enumerate(charts):
            plot = pg.PlotWidget(self, axisItems={"bottom": pg.DateAxisItem()})
            plot.setObjectName(f"chart-{name}")
            plot.setTitle(title)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.setMenuEnabled(False)
            plot.showGrid(x=True, y=True, alpha=0.25)
            legend = plot.addLegend(offset=(5, 5))
            if name in ("cpu", "mem"):
                plot.setYRange(0, 100, padding=0.02)
            for key, label in series:
                self.curves[key] = plot.plot([], [], name=label, pen=pg.mkPen(SERIES_COLORS[key], width=2))
            legend.setVisible(len(series) > 1)
            self.plots[name] = plot
            grid.addWidget(plot, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self._apply_palette()

    # --- input ------------------------------------------------------------------------------

    def set_samples(self, samples: Sequence[NodeSample]) -> None:
        self._samples = samples
        self._redraw()

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def set_span(self, seconds: float) -> None:
        self.span = seconds
        for index, (span, _label) in enumerate(RANGES):
            if span == seconds:
                self._range_group.button(index).setChecked(True)
        self._redraw()

    # --- drawing ----------------------------------------------------------------------------

    def shown_samples(self) -> list[NodeSample]:
        """The samples in the chosen span, up to the newest (or now, if there is none)."""
        end = self._samples[-1].time if self._samples else time.time()
        return [s for s in self._samples if s.time >= end - self.span]

    def _redraw(self) -> None:
        shown = self.shown_samples()
        t = np.array([s.time for s in shown], dtype=float)
        local = bool(shown) and shown[-1].scope == "node"
        series = {
            "cpu": [s.cpu for s in shown],
            "host": [s.host_cpu if s.host_cpu is not None else np.nan for s in shown] if local else [],
            "mem": [s.mem_percent for s in shown],
            "rx": [s.net_rx / MB for s in shown], "tx": [s.net_tx / MB for s in shown],
            "read": [s.disk_read / MB for s in shown], "write": [s.disk_write / MB for s in shown],
        }
        for key, values in series.items():
            self.curves[key].setData(t[: len(values)], np.array(values, dtype=float), connect="finite")
        end = shown[-1].time if shown else time.time()
        for plot in self.plots.values():
            plot.setXRange(end - self.span, end, padding=0)
        for name, keys in (("net", ("rx", "tx")), ("disk", ("read", "write"))):
            top = max([MIN_RATE_TOP] + [v for key in keys for v in series[key]])  # an idle node: flat, not noise
            self.plots[name].setYRange(0, top * 1.05, padding=0)
        self.latest.setText(self.describe_latest())

    def describe_latest(self) -> str:
        if not self._samples:
            return self.tr("No figures yet")
        s = self._samples[-1]
        who = self.tr("this node's processes") if s.scope == "node" else self.tr("the node")
        return (self.tr("At {time}, {who}: CPU {cpu:.0f} %, memory {mem:.0f} % ({used} of {total}), "
                        "network {rx:.2f}/{tx:.2f} MB/s in/out, disk {read:.2f}/{write:.2f} MB/s read/write, "
                        "{free:.1f} GB free")
                .format(time=s.at.strftime("%H:%M:%S"), who=who, cpu=s.cpu, mem=s.mem_percent,
                        used=_size(s.mem_used), total=_size(s.mem_total), rx=s.net_rx / MB, tx=s.net_tx / MB,
                        read=s.disk_read / MB, write=s.disk_write / MB, free=s.disk_free / 1e9))

    def _range_picked(self, index: int) -> None:
        self.span = RANGES[index][0]
        self._redraw()
        self.rangeChanged.emit(self.span)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()

    def _apply_palette(self) -> None:
        for plot in self.plots.values():
            apply_plot_palette(plot, self.palette())


def _size(count: float) -> str:
    return f"{count / 1e9:.1f} GB" if count >= 1e9 else f"{count / 1e6:.0f} MB"
