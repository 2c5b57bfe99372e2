"""CPU per instance of a multi-instance task, beside its timeline (below the instances' table): the
rank that idles shows.

One bar per instance (primary first, as the timeline's rows): the CPU, in % of one core, of
the processes running in the task's directory on the instance's node, from the node sampler's
latest sample there. The figures are read (`NodeMetricsWatch`) only for the task's nodes and
only while the view that holds this widget is shown (it registers `watch` as a live watcher).

    cpu = InstanceCpu(monitor.node_metrics_watch, task_id)
    view.keep_live(cpu.watch)
    cpu.set_instances(snapshot.instances, task.pool_id)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from explorer.client.watching.node_metrics import NodeKey, NodeMetricsReader, NodeMetricsWatch
from explorer.core.timeline import InstancePhases
from explorer.ui.widgets.accessible import name_it
from explorer.ui.widgets.plot_theme import apply_plot_palette

BAR_COLOR = "#1e88e5"
IDLE_COLOR = "#e53935"
IDLE_BELOW = 10.0
"""% of one core under which a running rank is drawn as idle."""
MIN_BAR = 2.0
"""An idle instance's bar is still drawn (red), this wide."""


class InstanceCpu(QWidget):
    """`updated()` after new figures were drawn."""

    updated = Signal()

    def __init__(
        self, make_watch: Callable[[Callable[[NodeKey, NodeMetricsReader], None]], NodeMetricsWatch], task_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.task_id = task_id
        self.watch = make_watch(self._on_metrics)
        self._instances: list[tuple[int, NodeKey | None]] = []
        self.values: dict[int, float | None] = {}
        """Each instance's CPU (% of one core) in the latest sample of its node; None: no figures."""
        self._plot = pg.PlotWidget(self)
        self._plot.setMouseEnabled(x=False, y=False)
        self._plot.hideButtons()
        self._plot.setMenuEnabled(False)
        self._plot.invertY(True)
        self._plot.setTitle(self.tr("CPU, % of a core"))
        self._plot.getAxis("left").setWidth(52)
        self._plot.setMinimumHeight(120)  # a bar per instance stays readable below the instances' table
        self._bars = pg.BarGraphItem(x0=[], width=[], y=[], height=0.6)
        self._plot.addItem(self._bars)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        name_it(self, self.tr("CPU per instance"),
                self.tr("The CPU each instance's processes use on its node, from the node sampler"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._plot, 1)
        layout.addWidget(self.caption)
        self._apply_palette()

    def set_instances(self, instances: Sequence[InstancePhases], pool_id: str | None) -> None:
        self._instances = [(row.instance_id, (pool_id, row.node_id) if pool_id and row.node_id else None)
                           for row in instances]
        self.watch.set_nodes([key for _i, key in self._instances if key is not None])
        self._redraw()

    def _on_metrics(self, _key: NodeKey, _reader: NodeMetricsReader) -> None:
        self._redraw()
        self.updated.emit()

    def _redraw(self) -> None:
        readers = self.watch.readers
        self.values = {}
        for instance, key in self._instances:
            reader = readers.get(key) if key is not None else None
            latest = reader.latest() if reader is not None else None
            self.values[instance] = latest.task_cpu(self.task_id) if latest is not None else None
        rows = [(i, v) for i, (instance, _key) in enumerate(self._instances) if (v := self.values[instance]) is not None]
        self._bars.setOpts(x0=[0] * len(rows), width=[max(v, MIN_BAR) for _i, v in rows], y=[i for i, _v in rows],
                           brushes=[pg.mkBrush(IDLE_COLOR if v < IDLE_BELOW else BAR_COLOR) for _i, v in rows])
        self._plot.setYRange(-0.5, max(len(self._instances), 1) - 0.5, padding=0)
        self._plot.setXRange(0, max([100.0] + [v for _i, v in rows]), padding=0.02)
        self._plot.getAxis("left").setTicks([[(i, self.tr("primary") if instance == 0 else str(instance))
                                              for i, (instance, _key) in enumerate(self._instances)]])
        idle = [self.tr("the primary") if instance == 0 else self.tr("instance {}").format(instance)
                for instance, v in self.values.items() if v is not None and v < IDLE_BELOW]
        missing = sum(v is None for v in self.values.values())
        parts = [self.tr("idle (under {:.0f} % of a core): {}").format(IDLE_BELOW, ", ".join(idle))] if idle else []
        if missing:
            parts.append(self.tr("{} without figures").format(missing))
        self.caption.setText("; ".join(parts))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()

    def _apply_palette(self) -> None:
        apply_plot_palette(self._plot, self.palette())
