"""A storage account the client reaches: Azurite, or an Azure Storage account.

Shared by the rooms that start storage (Azurite), link it to a Batch connection and
upload to it. It signs with the account's shared key or, for an Entra profile, with the
profile's token credential (then SAS URLs are user-delegation SAS and no key exists
anywhere). The key stays out of every repr.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class StorageAccount:
    """A blob service and what signs for it: a shared `key`, or an Entra `token_credential`.

    `url` is the blob endpoint: `https://NAME.blob.core.windows.net` on Azure,
    `http://127.0.0.1:PORT/devstoreaccount1` for Azurite.
    """

    url: str
    name: str
    key: str | None = field(default=None, repr=False)
    token_credential: Any = field(default=None, repr=False, compare=False)
    """An azure-core AsyncTokenCredential (owned by the connection, which closes it)."""

    def __post_init__(self) -> None:
        if (self.key is None) == (self.token_credential is None):
            raise ValueError("a storage account signs with a key or with a token credential, exactly one")

    @property
    def uses_entra(self) -> bool:
        return self.token_credential is not None
