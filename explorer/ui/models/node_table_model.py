"""The compute nodes of a pool as a table (filter it with `SnapshotFilterProxy`)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from explorer.client.watching.snapshots import NodeSnapshot
from explorer.ui.formatting import format_time, state_text
from explorer.ui.models.snapshot_table import Column, SnapshotTableModel

NODE_COLUMNS: tuple[Column[NodeSnapshot], ...] = (
    Column(QT_TRANSLATE_NOOP("NodeTableModel", "Id"), lambda n: n.id, lambda n: n.id),
    Column(QT_TRANSLATE_NOOP("NodeTableModel", "State"), lambda n: state_text(n.state, ""), lambda n: n.state),
    Column(QT_TRANSLATE_NOOP("NodeTableModel", "Scheduling"),
           lambda n: state_text(n.scheduling_state, ""), lambda n: n.scheduling_state),
    Column(QT_TRANSLATE_NOOP("NodeTableModel", "IP address"), lambda n: n.ip_address or "", lambda n: n.ip_address),
    Column(QT_TRANSLATE_NOOP("NodeTableModel", "Priority"),
           lambda n: NodeTableModel.tr("dedicated") if n.dedicated else NodeTableModel.tr("low priority"),
           lambda n: n.dedicated),
    Column(QT_TRANSLATE_NOOP("NodeTableModel", "Running tasks"),
           lambda n: str(n.running_tasks_count), lambda n: n.running_tasks_count),
    Column(QT_TRANSLATE_NOOP("NodeTableModel", "Tasks run"),
           lambda n: str(n.total_tasks_run), lambda n: n.total_tasks_run),
    Column(QT_TRANSLATE_NOOP("NodeTableModel", "In state since"),
           lambda n: format_time(n.state_transition_time) if n.state_transition_time else "",
           lambda n: n.state_transition_time),
    Column(QT_TRANSLATE_NOOP("NodeTableModel", "Error"), lambda n: n.error or "", lambda n: n.error),
)


class NodeTableModel(SnapshotTableModel[NodeSnapshot]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            NODE_COLUMNS,
            search_text=lambda n: " ".join(filter(None, (n.id, n.ip_address, n.error))),
            tooltip=lambda n: n.error,
            parent=parent,
        )


def describe_node_counts(counts: Mapping[str, int]) -> str:
    """'5 nodes: 3 idle, 2 running', largest groups first (the states translated)."""
    total = sum(counts.values())
    if total == 0:
        return NodeTableModel.tr("No nodes")
    parts = ", ".join(NodeTableModel.tr("{count} {state}").format(count=n, state=state_text(state))
                      for state, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n)
    text = NodeTableModel.tr("1 node: {states}") if total == 1 else NodeTableModel.tr("{count} nodes: {states}")
    return text.format(count=total, states=parts)
