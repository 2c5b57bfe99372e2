"""Where secrets live: the OS keyring in the app, a dict in tests.

Secrets are plain `str` values handed straight to the SDK credential; nothing here
logs them or puts them in an exception message.
"""

from __future__ import annotations

import logging
from typing import Protocol

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from explorer.client.errors import CredentialError

log = logging.getLogger(__name__)

KEYRING_SERVICE = "mpi-explorer"


class CredentialStore(Protocol):
    def get_secret(self, name: str) -> str | None: ...

    def set_secret(self, name: str, secret: str) -> None: ...

    def delete_secret(self, name: str) -> None: ...


class KeyringCredentialStore:
    """Secrets in the OS keyring under the service name "mpi-explorer"."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self._service = service

    def get_secret(self, name: str) -> str | None:
        try:
            return keyring.get_password(self._service, name)
        except KeyringError as exc:
            raise CredentialError(f"cannot read {name!r} from the keyring: {type(exc).__name__}") from None

    def set_secret(self, name: str, secret: str) -> None:
        try:
            keyring.set_password(self._service, name, secret)
        except KeyringError as exc:
            raise CredentialError(f"cannot store {name!r} in the keyring: {type(exc).__name__}") from None
        log.info("Stored secret %r in the keyring", name)

    def delete_secret(self, name: str) -> None:
        try:
            keyring.delete_password(self._service, name)
        except PasswordDeleteError:
            return
        except KeyringError as exc:
            raise CredentialError(f"cannot delete {name!r} from the keyring: {type(exc).__name__}") from None

    def __repr__(self) -> str:
        return f"KeyringCredentialStore(service={self._service!r})"


class MemoryCredentialStore:
    """Secrets in a dict, for the life of the process (the store the tests use)."""

    def __init__(self) -> None:
        self._secrets: dict[str, str] = {}

    def get_secret(self, name: str) -> str | None:
        return self._secrets.get(name)

    def set_secret(self, name: str, secret: str) -> None:
        self._secrets[name] = secret

    def delete_secret(self, name: str) -> None:
        self._secrets.pop(name, None)

    def __repr__(self) -> str:
        return f"MemoryCredentialStore(names={sorted(self._secrets)!r})"
