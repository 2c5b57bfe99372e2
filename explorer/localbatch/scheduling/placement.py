"""Which nodes can take which task: free slots, node states, gang placement."""

from __future__ import annotations

SCHEDULABLE_STATES = ("idle", "running")


def free_slots(node: dict, slots_per_node: int) -> int:
    if node.get("state") not in SCHEDULABLE_STATES or node.get("schedulingState") != "enabled":
        return 0
    return slots_per_node - node.get("runningTaskSlotsCount", 0)


def pick_node(nodes: dict[str, dict], slots_per_node: int, required: int, *, pack: bool = False) -> dict | None:
    """Spread: the node with the most free slots that can take the task; Pack: the one with the fewest."""
    best, best_free = None, 0
    for node in nodes.values():
        free = free_slots(node, slots_per_node)
        if free >= required and (best is None or (free < best_free if pack else free > best_free)):
            best, best_free = node, free
    return best


def pick_gang(nodes: dict[str, dict], count: int) -> list[dict] | None:
    """N distinct wholly idle nodes at once, or None: never a partial allocation."""
    chosen = []
    for node in nodes.values():
        if node.get("state") == "idle" and node.get("schedulingState") == "enabled" and not node.get("runningTaskSlotsCount"):
            chosen.append(node)
            if len(chosen) == count:
                return chosen
    return None
