"""Where each node's Batch directory tree lives under the data dir, made when first used.

Making and removing trees touches the disk: callers on the event loop run these in a thread.
"""

from __future__ import annotations

import shutil
from pathlib import Path

NODE_DIRS = ("shared", "startup", "workitems", "applications", "fsmounts", "volatile")


class NodeDirectories:
    """Where each node's Batch directory tree lives under the data dir."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def node_root(self, pool_id: str, node_id_: str) -> Path:
        return self.root / pool_id.lower() / node_id_.lower()

    def pool_mounts(self, pool_id: str) -> Path:
        """Where the pool's mountConfiguration directories live (beside its nodes; removed with the pool).

        The leading underscore keeps it apart from node ids, which never start with one.
        """
        return self.root / pool_id.lower() / "_mounts"

    def make_node(self, pool_id: str, node_id_: str) -> Path:
        """The node's root, with its Batch directories made if they are not there yet (blocking)."""
        path = self.node_root(pool_id, node_id_)
        if not (path / NODE_DIRS[-1]).is_dir():
            for name in NODE_DIRS:
                (path / name).mkdir(parents=True, exist_ok=True)
        return path

    def remove_nodes(self, pool_id: str, node_ids: list[str]) -> None:
        for node_id_ in node_ids:
            shutil.rmtree(self.node_root(pool_id, node_id_), ignore_errors=True)

    def remove_pool(self, pool_id: str) -> None:
        shutil.rmtree(self.root / pool_id.lower(), ignore_errors=True)
