"""Vectorised rendering of node tiles into one RGBA image (no Qt).

Each node is a ``tile`` x ``tile`` pixel block: a gap on the right and bottom
(1 pixel per 8, at least 1), then the inner square in the state colour. Running
nodes fill bottom-up with the state colour in proportion to slots used, the rest
in a light tint. Low-priority (spot) nodes carry a triangle in the top-left
corner in a contrasting colour, which survives down to 3-pixel tiles where
outlines or hatching would not.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from explorer.ui.widgets.palette import NODE_STATE_COLORS

STATES: tuple[str, ...] = tuple(NODE_STATE_COLORS)
STATE_CODES: dict[str, int] = {state: code for code, state in enumerate(STATES)}
UNKNOWN = STATE_CODES["unknown"]
RUNNING = STATE_CODES["running"]

DIMMED_ALPHA = 56


def _rgba(hex_color: str) -> tuple[int, int, int, int]:
    value = int(hex_color.lstrip("#"), 16)
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF, 255


_STATE_RGBA = np.array([_rgba(c) for c in NODE_STATE_COLORS.values()], dtype=np.uint8)
# Unused slots of a running node: the state colour mixed 60 % with white.
_LIGHT_RGBA = _STATE_RGBA.copy()
_LIGHT_RGBA[:, :3] = (_STATE_RGBA[:, :3] * 0.4 + 255 * 0.6).astype(np.uint8)
# Low-priority mark: near-black on light tiles, white on dark ones.
_LUMA = _STATE_RGBA[:, :3] @ np.array([0.299, 0.587, 0.114]) / 255
_MARK_RGBA = np.where(
    (_LUMA > 0.55)[:, None],
    np.array([33, 33, 33, 255], dtype=np.uint8),
    np.array([255, 255, 255, 255], dtype=np.uint8),
).astype(np.uint8)


def state_rgba(state: str) -> tuple[int, int, int, int]:
    """The full colour a tile of ``state`` is drawn in."""
    return tuple(int(v) for v in _STATE_RGBA[STATE_CODES[state]])


@dataclass(frozen=True)
class Grid:
    """Tile layout: ``cols`` x ``rows`` tiles, filled row by row."""

    cols: int
    rows: int

    @classmethod
    def fit(cls, n: int, width: float, height: float) -> Grid:
        """The grid whose aspect ratio best matches a ``width`` x ``height`` area."""
        if n <= 0:
            return cls(1, 0)
        aspect = width / height if width > 0 and height > 0 else 1.0
        cols = min(n, max(1, math.ceil(math.sqrt(n * aspect))))
        rows = math.ceil(n / cols)
        # Same number of rows with fewer columns leaves fewer empty tiles.
        return cls(math.ceil(n / rows), rows)


def _inner(tile: int) -> int:
    return tile - max(1, tile // 8)


@functools.lru_cache(maxsize=4)
def _atlas(tile: int) -> np.ndarray:
    """Every distinct tile for this size, indexed by ``_variant``; the last one is empty.

    Rendering then is one gather plus one transpose, whatever the node count.
    """
    inner = _inner(tile)
    levels = inner + 1
    used_rows = np.arange(inner)[None, :] >= inner - np.arange(levels)[:, None]  # (L, inner)
    inner_colors = np.where(
        used_rows[None, :, :, None], _STATE_RGBA[:, None, None, :], _LIGHT_RGBA[:, None, None, :]
    )  # (S, L, inner, 4)
    atlas = np.zeros((len(STATES), levels, 2, 2, tile, tile, 4), dtype=np.uint8)
    atlas[:, :, :, :, :inner, :inner] = inner_colors[:, :, None, None, :, None, :]
    triangle = np.add.outer(np.arange(inner), np.arange(inner)) < max(1, inner // 2)
    low_priority = atlas[:, :, 1, :, :inner, :inner]
    low_priority[:, :, :, triangle] = _MARK_RGBA[:, None, None, None, :]
    alpha = atlas[:, :, :, 1, :, :, 3]
    alpha[alpha > 0] = DIMMED_ALPHA
    flat = atlas.reshape(-1, tile, tile, 4)
    return np.concatenate([flat, np.zeros((1, tile, tile, 4), dtype=np.uint8)])


def render_tiles(
    grid: Grid,
    tile: int,
    codes: np.ndarray,
    low_priority: np.ndarray,
    slots_used: np.ndarray,
    slots_total: np.ndarray,
    dimmed: np.ndarray,
) -> np.ndarray:
    """Return a (rows*tile, cols*tile, 4) uint8 image; empty grid cells stay transparent."""
    inner = _inner(tile)
    with np.errstate(divide="ignore", invalid="ignore"):
        fraction = np.where(slots_total > 0, slots_used / slots_total, 1.0)
    fraction = np.where(codes == RUNNING, np.clip(fraction, 0.0, 1.0), 1.0)
    level = np.ceil(fraction * inner).astype(np.intp)

    atlas = _atlas(tile)
    variant = np.full(grid.cols * grid.rows, len(atlas) - 1, dtype=np.intp)
    variant[: len(codes)] = ((codes * (inner + 1) + level) * 2 + low_priority) * 2 + dimmed
    tiles = atlas[variant].reshape(grid.rows, grid.cols, tile, tile, 4)
    return tiles.transpose(0, 2, 1, 3, 4).reshape(grid.rows * tile, grid.cols * tile, 4)
