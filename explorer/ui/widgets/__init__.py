"""Reusable widgets (heatmap, timeline, log viewer, output pane, banners, first-run page); they import neither models nor views."""
