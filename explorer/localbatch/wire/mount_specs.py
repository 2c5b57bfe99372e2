"""Reading a pool's mountConfiguration into its stored wire shape (secrets left out).

Each entry names exactly one file system: azureBlobFileSystemConfiguration (blobfuse),
nfsMountConfiguration, cifsMountConfiguration or azureFileShareConfiguration. Keys,
SAS tokens and passwords are checked but never stored: Local Batch needs none of them (its
mounts are local directories) and a secret must not reach the SQLite file or a GET.
"""

from __future__ import annotations

import re

from explorer.localbatch.wire.bodies import Body
from explorer.localbatch.wire.errors import BatchError, invalid_value

# Each kind: (required, optional) properties kept; secrets are read and dropped.
_KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "azureBlobFileSystemConfiguration": (("accountName", "containerName", "relativeMountPath"), ("blobfuseOptions",)),
    "nfsMountConfiguration": (("source", "relativeMountPath"), ("mountOptions",)),
    "cifsMountConfiguration": (("username", "source", "relativeMountPath"), ("mountOptions",)),
    "azureFileShareConfiguration": (("accountName", "azureFileUrl", "relativeMountPath"), ("mountOptions",)),
}
_SECRETS = ("accountKey", "sasKey", "password")
_MOUNT_PATH = re.compile(r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$")


def read_mount_configuration(body: Body) -> list[dict]:
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
        mounts.append({kind: stored})
    return mounts


def relative_mount_path(mount: dict) -> str:
    """The relativeMountPath of a stored mountConfiguration entry."""
    [config] = mount.values()
    return config["relativeMountPath"]
