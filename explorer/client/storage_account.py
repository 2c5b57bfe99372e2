"""A storage account the client reaches with a shared key: Azurite, or an Azure Storage account.

Shared by the rooms that start storage (Azurite), link it to a Batch connection and
upload to it. The key stays out of every repr.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class StorageAccount:
    """A blob service and the shared key that signs for it.

    `url` is the blob endpoint: `https://NAME.blob.core.windows.net` on Azure,
    `http://127.0.0.1:PORT/devstoreaccount1` for Azurite.
    """

    url: str
    name: str
    key: str = field(repr=False)
