"""Where each node's Batch directory tree lives under the data dir, made when first used."""

from __future__ import annotations

import shutil
from pathlib import Path

NODE_DIRS = ("shared", "startup", "workitems", "applications", "fsmounts", "volatile")


class NodeDirectories:
    """Where each node's Batch directory tree lives under the data dir."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def node_root(self, pool_id: str, node_id_: str, *, create: bool = False) -> Path:
        path = self.root / pool_id.lower() / node_id_.lower()
        if create and not path.exists():
            for name in NODE_DIRS:
                (path / name).mkdir(parents=True, exist_ok=True)
        return path

    def remove_node(self, pool_id: str, node_id_: str) -> None:
        shutil.rmtree(self.node_root(pool_id, node_id_), ignore_errors=True)

    def remove_pool(self, pool_id: str) -> None:
        shutil.rmtree(self.root / pool_id.lower(), ignore_errors=True)
