"""Reusable widgets (heatmap, timeline, log viewer, output pane, banners); they import neither models nor views."""
