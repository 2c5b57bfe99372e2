"""A pool's mountConfiguration as one real shared directory per pool and mount.

Every node of the pool sees it at `AZ_BATCH_NODE_MOUNTS_DIR/<relativeMountPath>`
(`fsmounts/` in the node's tree), a symbolic link to the pool's directory for that mount,
so what one node writes there every other node reads, as with a mounted NFS export, Azure
Files share or blobfuse container. Local Batch contacts no file server: each mount starts
as an empty directory and is removed with the pool. A bind mount would need root and a
mount namespace; a link is what every platform allows.

Blocking (disk): callers on the event loop run these in a thread.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from explorer.localbatch.files.node_tree import NodeDirectories
from explorer.localbatch.wire.mount_specs import relative_mount_path


def pool_mount_dir(dirs: NodeDirectories, pool_id: str, mount: dict) -> Path:
    return dirs.pool_mounts(pool_id) / relative_mount_path(mount)


def mount_on_nodes(dirs: NodeDirectories, pool: dict, node_ids: list[str]) -> None:
    """Make the pool's mount directories and link each into every given node's tree."""
    for mount in pool.get("mountConfiguration") or []:
        shared = pool_mount_dir(dirs, pool["id"], mount)
        shared.mkdir(parents=True, exist_ok=True)
        for node_id in node_ids:
            link = dirs.make_node(pool["id"], node_id) / "fsmounts" / relative_mount_path(mount)
            _link(link, shared)


def _link(link: Path, target: Path) -> None:
    if link.is_symlink():
        if os.readlink(link) == str(target):
            return
        link.unlink()
    elif link.is_dir():
        shutil.rmtree(link)  # a node tree from before the pool had this mount
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target, target_is_directory=True)
