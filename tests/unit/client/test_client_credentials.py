"""Credential stores: the keyring one goes through the `keyring` API, service "mpi-explorer"."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from explorer.client.connecting.credentials import KEYRING_SERVICE, KeyringCredentialStore, MemoryCredentialStore
from explorer.client.errors import CredentialError

SECRET = "dG9wLXNlY3JldA=="


class DictKeyring(KeyringBackend):
    """A keyring backend kept in memory: this machine has no OS keyring (Secret Service)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.passwords:
            raise PasswordDeleteError(username)
        del self.passwords[(service, username)]


@pytest.fixture
def keyring_backend():
    previous = keyring.get_keyring()
    backend = DictKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.mark.parametrize("make_store", [MemoryCredentialStore, KeyringCredentialStore])
def test_set_get_delete(make_store, keyring_backend):
    store = make_store()
    assert store.get_secret("shared-key:acct@url") is None
    store.set_secret("shared-key:acct@url", SECRET)
    assert store.get_secret("shared-key:acct@url") == SECRET
    assert SECRET not in repr(store)
    store.delete_secret("shared-key:acct@url")
    store.delete_secret("shared-key:acct@url")  # deleting twice is fine
    assert store.get_secret("shared-key:acct@url") is None


def test_keyring_entries_use_the_app_service_name(keyring_backend):
    KeyringCredentialStore().set_secret("shared-key:acct@url", SECRET)
    assert keyring_backend.passwords == {(KEYRING_SERVICE, "shared-key:acct@url"): SECRET}
    assert KEYRING_SERVICE == "mpi-explorer"


def test_no_keyring_gives_a_domain_error_without_the_secret():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(CredentialError) as info:
            KeyringCredentialStore().set_secret("shared-key:acct@url", SECRET)
    finally:
        keyring.set_keyring(previous)
    assert SECRET not in str(info.value)
