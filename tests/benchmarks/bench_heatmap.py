"""Median redraw time of the node heatmap at 1,000, 5,000 and 10,000 nodes.

Run: ``QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tests/benchmarks/bench_heatmap.py``.
Each sample is a data change followed by a forced repaint of the widget
(``grab()``), i.e. what a monitor tick costs the GUI thread.
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtWidgets import QApplication

from explorer.ui.widgets.node_heatmap import NodeHeatmap
from explorer.ui.widgets.tile_image import STATES

SIZES = (1_000, 5_000, 10_000)
REPEATS = 30
CHANGED_FRACTION = 0.05


def median_ms(action) -> float:
    samples = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def bench(widget: NodeHeatmap, n: int, rng: np.random.Generator) -> tuple[float, float]:
    ids = [f"tvm-{i:05d}" for i in range(n)]

    def set_all() -> None:
        states = [STATES[c] for c in rng.integers(0, len(STATES), n)]
        widget.set_nodes(ids, states, rng.random(n) < 0.3, rng.integers(0, 5, n), np.full(n, 4))
        widget.grab()

    def update_some() -> None:
        changed = rng.choice(n, int(n * CHANGED_FRACTION), replace=False)
        widget.update_states({ids[i]: STATES[rng.integers(len(STATES))] for i in changed})
        widget.grab()

    return median_ms(set_all), median_ms(update_some)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    widget = NodeHeatmap()
    widget.resize(1280, 800)
    widget.show()
    app.processEvents()  # a benchmark script, not app code: let the first layout happen
    rng = np.random.default_rng(0)
    print(f"heatmap redraw, {widget.width()}x{widget.height()} px, median of {REPEATS}")
    print(f"{'nodes':>8} {'set_nodes+paint':>16} {'update_states+paint':>20}")
    for n in SIZES:
        set_ms, update_ms = bench(widget, n, rng)
        print(f"{n:>8} {set_ms:>13.2f} ms {update_ms:>17.2f} ms")
    widget.close()


if __name__ == "__main__":
    main()
