"""Rank colours: ten distinct ones per theme, each readable on that theme's base colour."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from explorer.ui.theme import dark_palette
from explorer.ui.widgets.log_viewer import rank_color


def contrast(a: QColor, b: QColor) -> float:
    def luminance(color: QColor) -> float:
        parts = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                 for c in (color.redF(), color.greenF(), color.blueF())]
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_ranks_get_distinct_readable_colours(qapp, dark):
    base = dark_palette().color(QPalette.ColorRole.Base) if dark else QColor("#ffffff")
    colours = [rank_color(rank, dark) for rank in range(10)]
    assert len({c.name() for c in colours}) == 10
    assert all(contrast(c, base) >= 4.5 for c in colours)
    assert rank_color(13, dark) == rank_color(3, dark)
    assert {c.name() for c in colours}.isdisjoint({rank_color(r, not dark).name() for r in range(10)})
