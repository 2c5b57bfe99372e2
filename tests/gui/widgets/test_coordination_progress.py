"""The coordination bar draws one line: a long failure is elided to the bar's width, never clipped,
and the whole text stays in its tooltip."""

from __future__ import annotations

from explorer.ui.widgets.coordination_progress import CoordinationProgress

LONG = ("failed: CoordinationCommandFailed: instance 1 (subtask 1 on node tvmps_adfe06646165000001_d): the "
        "coordination command exited with code 17. The application command was not run. "
        "(0 of 3 instances reported ready)")


def test_a_long_text_is_elided_to_the_width_and_whole_in_the_tooltip(qtbot):
    bar = CoordinationProgress()
    qtbot.addWidget(bar)
    bar.resize(500, bar.sizeHint().height())
    bar.show()
    bar.show_progress(LONG, 0, 3, "failure")
    drawn = bar.format()
    assert bar.full_text == LONG and LONG in bar.toolTip()
    assert "…" in drawn and bar.fontMetrics().horizontalAdvance(drawn) < bar.width()
    assert drawn.startswith("failed:") and drawn.endswith("reported ready)")  # both ends kept
    bar.resize(3000, bar.height())
    qtbot.waitUntil(lambda: bar.format() == LONG)  # room again: all of it
