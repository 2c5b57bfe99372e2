"""Reading a pool's mountConfiguration into its stored wire shape (secrets left out).

Each entry names exactly one file system: azureBlobFileSystemConfiguration (blobfuse),
nfsMountConfiguration, cifsMountConfiguration or azureFileShareConfiguration. Keys,
SAS tokens and passwords are checked but never stored: Local Batch needs none of them (its
mounts are local directories) and a secret must not reach the SQLite file or a GET.

A blobfuse mount shows its container's blobs (a copy, see `files.mounts`), which Local Batch
can fetch only from its linked storage, with the key it was given: a container of another
account is refused by name rather than mounted empty.
"""

from __future__ import annotations

import re

from explorer.localbatch.wire.bodies import Body
from explorer.localbatch.wire.errors import BatchError, invalid_value
from explorer.localbatch.wire.refusals import CODE as NOT_SUPPORTED

BLOB_MOUNT = "azureBlobFileSystemConfiguration"

# Each kind: (required, optional) properties kept; secrets are read and dropped.
_KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "azureBlobFileSystemConfiguration": (("accountName", "containerName", "relativeMountPath"), ("blobfuseOptions",)),
    "nfsMountConfiguration": (("source", "relativeMountPath"), ("mountOptions",)),
    "cifsMountConfiguration": (("username", "source", "relativeMountPath"), ("mountOptions",)),
    "azureFileShareConfiguration": (("accountName", "azureFileUrl", "relativeMountPath"), ("mountOptions",)),
}
_SECRETS = ("accountKey", "sasKey", "password")
_MOUNT_PATH = re.compile(r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$")


def read_mount_configuration(body: Body, linked_account: str | None) -> list[dict]:
    """The entries to store; `linked_account` is the linked storage's account name (None: no linked storage)."""
    mounts: list[dict] = []
    seen: set[str] = set()
    for entry in body.objects("mountConfiguration"):
        given = [kind for kind in _KINDS if entry.has(kind)]
        if len(given) != 1:
            raise invalid_value(entry.path, ", ".join(given) or "none", f"Give exactly one of {', '.join(_KINDS)}.")
        kind = given[0]
        config = entry.obj(kind, required=True)
        assert config is not None
        required, optional = _KINDS[kind]
        stored = {name: config.str(name, required=True) for name in required}
        stored.update({name: value for name in optional if (value := config.str(name)) is not None})
        for secret in _SECRETS:
            config.str(secret)  # a string if given; never kept
        if config.has("identityReference"):
            raise BatchError(400, "FeatureNotSupported", f"{config.path}.identityReference: Local Batch has no managed identities.")
        relative = stored["relativeMountPath"] or ""
        if not _MOUNT_PATH.match(relative) or ".." in relative.split("/"):
            raise invalid_value(
                f"{config.path}.relativeMountPath", relative,
                "Give a relative path of letters, digits, '.', '-' and '_' (it lands under AZ_BATCH_NODE_MOUNTS_DIR).",
            )
        if relative.lower() in seen:
            raise invalid_value(f"{config.path}.relativeMountPath", relative, "Each mount needs its own relativeMountPath.")
        seen.add(relative.lower())
        if kind == BLOB_MOUNT:
            _check_blob_account(config.path, stored["accountName"] or "", linked_account)
        mounts.append({kind: stored})
    return mounts


def _check_blob_account(path: str, account: str, linked_account: str | None) -> None:
    if linked_account is not None and account.lower() == linked_account.lower():
        return
    how = (
        f"use accountName {linked_account}, the storage linked to this Local Batch"
        if linked_account else
        "link a storage account first: start Local Batch with --auto-storage-url URL --auto-storage-account NAME "
        "and the key in LOCALBATCH_AUTO_STORAGE_KEY"
    )
    raise BatchError(
        400, NOT_SUPPORTED,
        f"Local Batch cannot mount the container of storage account {account}: it copies a blobfuse mount's "
        f"container from its linked storage only. To mount here, {how}.",
        {"PropertyName": f"{path}.accountName"},
    )


def relative_mount_path(mount: dict) -> str:
    """The relativeMountPath of a stored mountConfiguration entry."""
    [config] = mount.values()
    return config["relativeMountPath"]
