"""Files Batch downloads to a node before a task runs."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class ResourceFile:
    """One Batch resource file: exactly one source, and where to put it.

    Sources: ``http_url`` (one file, e.g. a blob URL with a SAS token),
    ``storage_container_url`` (a whole container, optionally filtered by
    ``blob_prefix``) or ``auto_storage_container_name`` (a container in the Batch
    account's linked storage). ``file_path`` is relative to the task directory
    and required for ``http_url``; ``file_mode`` is an octal string like "0755"
    (Linux nodes only). ``identity_reference`` is the ARM resource id of the pool's
    user-assigned managed identity the node downloads with (Azure Blob sources without SAS).
    """

    http_url: str | None = None
    storage_container_url: str | None = None
    auto_storage_container_name: str | None = None
    blob_prefix: str | None = None
    file_path: str | None = None
    file_mode: str | None = None
    identity_reference: str | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        """The names of the source fields that are set (valid files have exactly one)."""
        candidates = {
            "http_url": self.http_url,
            "storage_container_url": self.storage_container_url,
            "auto_storage_container_name": self.auto_storage_container_name,
        }
        return tuple(name for name, value in candidates.items() if value is not None)

    @property
    def carries_secret(self) -> bool:
        """True if a URL of the file holds an access token (a SAS query) or credentials:
        such a file is never written to settings."""
        for url in (self.http_url, self.storage_container_url):
            if url and ("?" in url or "@" in urlsplit(url).netloc):
                return True
        return False
