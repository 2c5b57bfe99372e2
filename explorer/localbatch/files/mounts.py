"""A pool's mountConfiguration as one real shared directory per pool and mount.

Every node of the pool sees it at `AZ_BATCH_NODE_MOUNTS_DIR/<relativeMountPath>`
(`fsmounts/` in the node's tree), a symbolic link to the pool's directory for that mount,
so what one node writes there every other node reads, as with a mounted NFS export, Azure
Files share or blobfuse container. A bind mount would need root and a mount namespace; a
link is what every platform allows. The directories are removed with the pool.

What a mount starts with:
- `azureBlobFileSystemConfiguration` (blobfuse), which Local Batch accepts only for a container
  of its linked storage (see `wire.mount_specs`): a **copy** of the container's blobs, made when
  the directory is made (as the pool's first nodes start). It is a copy: blobs changed later are
  not seen, and what tasks write there is not uploaded (collect results with outputFiles).
- NFS, CIFS and Azure Files: an empty directory (Local Batch contacts no file server).

Blocking (disk): callers on the event loop run `mount_on_nodes` in a thread.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
from pathlib import Path

from explorer.localbatch.files.blob_containers import AutoStorage, download_container
from explorer.localbatch.files.downloads import ResourceFileError
from explorer.localbatch.files.node_tree import NodeDirectories
from explorer.localbatch.wire.mount_specs import BLOB_MOUNT, relative_mount_path

log = logging.getLogger(__name__)


class MountError(Exception):
    """A mount's contents could not be fetched; the message says which and why (never a secret)."""


def pool_mount_dir(dirs: NodeDirectories, pool_id: str, mount: dict) -> Path:
    return dirs.pool_mounts(pool_id) / relative_mount_path(mount)


def mount_on_nodes(dirs: NodeDirectories, pool: dict, node_ids: list[str]) -> list[dict]:
    """Make the pool's mount directories and link each into every given node's tree.

    Returns the mounts whose directory was made now (for `fill_mounts`).
    """
    made = []
    for mount in pool.get("mountConfiguration") or []:
        shared = pool_mount_dir(dirs, pool["id"], mount)
        if not shared.is_dir():
            shared.mkdir(parents=True)
            made.append(mount)
        for node_id in node_ids:
            link = dirs.make_node(pool["id"], node_id) / "fsmounts" / relative_mount_path(mount)
            _link(link, shared)
    return made


async def fill_mounts(dirs: NodeDirectories, pool: dict, mounts: list[dict], auto_storage: AutoStorage | None) -> None:
    """Copy each blobfuse mount's container into its new directory; raises MountError (the directory removed,
    so the next node start tries again)."""
    for mount in mounts:
        config = mount.get(BLOB_MOUNT)
        if config is None:
            continue
        shared = pool_mount_dir(dirs, pool["id"], mount)
        try:
            await download_container({"autoStorageContainerName": config["containerName"]}, shared, auto_storage)
        except ResourceFileError as error:
            await asyncio.to_thread(shutil.rmtree, shared, True)
            raise MountError(
                f"The container {config['containerName']} of account {config['accountName']} could not be copied to "
                f"the mount {config['relativeMountPath']}: {error.reason}"
            ) from None
        log.info("pool %s: container %s copied to mount %s", pool["id"], config["containerName"], config["relativeMountPath"])


def _link(link: Path, target: Path) -> None:
    if link.is_symlink():
        if os.readlink(link) == str(target):
            return
        link.unlink()
    elif link.is_dir():
        shutil.rmtree(link)  # a node tree from before the pool had this mount
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target, target_is_directory=True)
