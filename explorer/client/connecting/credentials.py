"""Where secrets live: the OS keyring when it has a usable backend, else this session's memory.

Secrets are plain `str` values handed straight to the SDK credential; nothing here
logs them or puts them in an exception message. Every call may block (D-Bus, an unlock
prompt): callers on the event loop run them in a thread.

`AccountCredentials` is what the app and the `accounts` commands use: the keyring when
one is usable, otherwise (headless or minimal Linux: no Secret Service) it says so once
with the remedy, and keeps keys the user allows for this session only. The key of the
"environment" account comes from AZURE_BATCH_ACCESS_KEY, and is never written anywhere; so does,
for this process only, the key of a shared-key account that has none stored (when
AZURE_BATCH_ACCOUNT is unset or names that account): how a shell with no keyring uses one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from typing import Protocol

import keyring
from keyring.backends import fail
from keyring.errors import KeyringError, PasswordDeleteError

from explorer.client.connecting.profiles import ENV_ACCOUNT, ENV_KEY, SHARED_KEY_PREFIX, environment_profile
from explorer.client.errors import CredentialError, KeyringUnavailable
from explorer.core.texts import QT_TRANSLATE_NOOP, Template, Text

log = logging.getLogger(__name__)

KEYRING_SERVICE = "mpi-explorer"
KEYRING_REMEDY = Text.of(QT_TRANSLATE_NOOP(
    "Credentials",
    "There is no usable system keyring (no Secret Service answers), so keys cannot be kept between sessions. "
    "Install and start one (e.g. gnome-keyring, or KeePassXC with its Secret Service), or opt in to a file "
    "keyring with `pip install keyrings.alt` and PYTHON_KEYRING_BACKEND=keyrings.alt.file.EncryptedKeyring."))
"""What to do without a keyring; `str()` is the English the CLI prints."""


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
            failed = QT_TRANSLATE_NOOP("Credentials", "cannot read '{name}' from the keyring: {kind}")
            raise _keyring_failed(failed, name, exc) from None

    def set_secret(self, name: str, secret: str) -> None:
        try:
            keyring.set_password(self._service, name, secret)
        except KeyringError as exc:
            failed = QT_TRANSLATE_NOOP("Credentials", "cannot store '{name}' in the keyring: {kind}")
            raise _keyring_failed(failed, name, exc) from None
        log.info("Stored secret %r in the keyring", name)

    def delete_secret(self, name: str) -> None:
        try:
            keyring.delete_password(self._service, name)
        except PasswordDeleteError:
            return
        except KeyringError as exc:
            failed = QT_TRANSLATE_NOOP("Credentials", "cannot delete '{name}' from the keyring: {kind}")
            raise _keyring_failed(failed, name, exc) from None

    def __repr__(self) -> str:
        return f"KeyringCredentialStore(service={self._service!r})"


def _keyring_failed(template: Template, name: str, error: Exception) -> CredentialError:
    """What the keyring refused, by the secret's name and the error's kind (never the secret)."""
    return CredentialError(Text.of(template, name=name, kind=type(error).__name__))


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


def keyring_usable() -> bool:
    """Whether keyring has a backend that stores anything (not the "fail" one). May block: not on the loop."""
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration is as good as none
        log.warning("the keyring backend could not be loaded", exc_info=True)
        return False
    backends = getattr(backend, "backends", None)  # the chainer: usable if anything is chained
    if backends is not None:
        return any(not isinstance(b, fail.Keyring) for b in backends)
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0


class AccountCredentials:
    """Keys of the accounts: the keyring if usable, plus what is kept for this session only.

    Reads look in this session's memory first, then the keyring. `set_secret` refuses with
    `KeyringUnavailable` (its message is the remedy) when no keyring is usable, and the
    caller may then `keep_for_session`. Thread-safe: the app calls it from worker threads.
    """

    def __init__(
        self, keyring_store: CredentialStore | None = None, *, environ: Mapping[str, str] | None = None,
        usable: bool | None = None,
    ) -> None:
        """`usable`: whether the keyring works, if known (None: ask keyring on first use)."""
        self._keyring = keyring_store or KeyringCredentialStore()
        self._session = MemoryCredentialStore()
        self._usable = usable
        self._lock = threading.Lock()
        environ = environ or {}
        self._env_key = environ.get(ENV_KEY, "").strip() or None
        self._env_account = environ.get(ENV_ACCOUNT, "").strip() or None
        env_profile = environment_profile(environ)
        if env_profile is not None and self._env_key:
            self._session.set_secret(env_profile.secret_name, self._env_key)

    @property
    def keyring_usable(self) -> bool:
        with self._lock:
            if self._usable is None:
                self._usable = keyring_usable()
                if not self._usable:
                    log.info("No usable keyring: keys are kept for this session only when the user allows it")
            return self._usable

    def get_secret(self, name: str) -> str | None:
        with self._lock:
            secret = self._session.get_secret(name)
        if secret is None and self.keyring_usable:
            secret = self._keyring.get_secret(name)
        return secret if secret is not None else self._environment_key(name)

    def _environment_key(self, name: str) -> str | None:
        if self._env_key is None or not name.startswith(SHARED_KEY_PREFIX):
            return None
        account = name.removeprefix(SHARED_KEY_PREFIX).split("@", 1)[0]
        return self._env_key if self._env_account in (None, account) else None

    def set_secret(self, name: str, secret: str) -> None:
        if not self.keyring_usable:
            raise KeyringUnavailable(KEYRING_REMEDY)
        self._keyring.set_secret(name, secret)
        with self._lock:
            self._session.delete_secret(name)  # the keyring's is the one now

    def keep_for_session(self, name: str, secret: str) -> None:
        with self._lock:
            self._session.set_secret(name, secret)

    def is_session_only(self, name: str) -> bool:
        with self._lock:
            return self._session.get_secret(name) is not None

    def delete_secret(self, name: str) -> None:
        with self._lock:
            self._session.delete_secret(name)
        if self.keyring_usable:
            self._keyring.delete_secret(name)

    def __repr__(self) -> str:
        return f"AccountCredentials(keyring={self._keyring!r}, usable={self._usable!r})"
