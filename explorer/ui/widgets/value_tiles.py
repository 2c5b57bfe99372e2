"""Node tiles coloured by a figure (0-100 %: CPU or memory use) in ten bands, for the heatmap (no Qt).

The bands run from blue through green and yellow to red, each clearly apart from the next, in
colours that read on light and dark backgrounds; a node with no figures (no sampler, or not read
yet) is a grey tile.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP

from explorer.ui.widgets.tile_image import Grid

NO_FIGURES = "none"
# Turbo's steps (without its darkest end, which a dark background would swallow): neighbours differ.
_BIN_COLORS = ("#4662d7", "#36aaf9", "#1ae4b6", "#72fe5e", "#c8ef34", "#faba39", "#f66b19", "#e4460a", "#ca2a04", "#7a0403")
VALUE_BINS: tuple[tuple[str, str, str, float], ...] = (
    # key, legend label, colour, lower bound (%): ten bands, so an idle node (under 10 %) stands apart
    *((str(10 * i), f"{10 * i}-{10 * i + 10} %", color, 10.0 * i) for i, color in enumerate(_BIN_COLORS)),
    (NO_FIGURES, QT_TRANSLATE_NOOP("NodeHeatmap", "no figures"), "#9e9e9e", -1.0),
)
_LOWER = np.array([low for *_rest, low in VALUE_BINS[:-1]])
_RGBA = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] + [255] for _k, _l, c, _low in VALUE_BINS], dtype=np.uint8)


def bin_of(values: np.ndarray) -> np.ndarray:
    """Each value's bin (index into VALUE_BINS); NaN: the last, "no figures"."""
    bins = np.clip(np.searchsorted(_LOWER, np.nan_to_num(values, nan=0.0), side="right") - 1, 0, len(_LOWER) - 1)
    return np.where(np.isnan(values), len(VALUE_BINS) - 1, bins)


def bin_counts(values: np.ndarray) -> dict[str, int]:
    counts = np.bincount(bin_of(values), minlength=len(VALUE_BINS)) if len(values) else np.zeros(len(VALUE_BINS))
    return {key: int(counts[i]) for i, (key, *_rest) in enumerate(VALUE_BINS)}


def bin_rgba(value: float | None) -> tuple[int, int, int, int]:
    """The colour a tile with this figure is drawn in."""
    index = int(bin_of(np.array([np.nan if value is None else value]))[0])
    return tuple(int(v) for v in _RGBA[index])  # type: ignore[return-value]


def render_values(grid: Grid, tile: int, values: np.ndarray) -> np.ndarray:
    """A (rows*tile, cols*tile, 4) image: each node's inner square in its bin's colour, the gap
    (1 pixel per 8, as the state tiles have) and empty cells transparent."""
    inner = tile - max(1, tile // 8)
    colors = np.zeros((grid.cols * grid.rows, 4), dtype=np.uint8)
    colors[: len(values)] = _RGBA[bin_of(values)]
    tiles = np.zeros((grid.rows, grid.cols, tile, tile, 4), dtype=np.uint8)
    tiles[:, :, :inner, :inner] = colors.reshape(grid.rows, grid.cols, 1, 1, 4)
    return tiles.transpose(0, 2, 1, 3, 4).reshape(grid.rows * tile, grid.cols * tile, 4)
