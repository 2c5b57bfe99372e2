"""Qt item models over client snapshots (tasks, nodes, subtasks, files); tested without widgets."""
