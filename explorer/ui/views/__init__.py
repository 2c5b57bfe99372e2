"""Content views (a pool, a node, a job, a task, a log browser): they render and emit, never call the SDK."""
