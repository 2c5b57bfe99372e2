"""Keyring backends for tests: this machine has no Secret Service.

`FileKeyring` is a real `keyring` backend (the keyring API end to end) over a JSON file named
by MPI_EXPLORER_TEST_KEYRING, so a child process (`mpi-explorer accounts ...`) can use it:
PYTHON_KEYRING_BACKEND=tests.support.keyrings.FileKeyring. `no_keyring_env` is the
environment of a shell with no keyring at all (keyring's own "fail" backend).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ENV = "MPI_EXPLORER_TEST_KEYRING"


class FileKeyring(KeyringBackend):
    priority = 1

    @property
    def path(self) -> Path:
        return Path(os.environ[ENV])

    def _read(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text())
        except FileNotFoundError:
            return {}

    def get_password(self, service, username):
        return self._read().get(f"{service}/{username}")

    def set_password(self, service, username, password):
        data = self._read()
        data[f"{service}/{username}"] = password
        self.path.write_text(json.dumps(data))

    def delete_password(self, service, username):
        data = self._read()
        if data.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError(username)
        self.path.write_text(json.dumps(data))


def file_keyring_env(path: Path) -> dict[str, str]:
    return {"PYTHON_KEYRING_BACKEND": "tests.support.keyrings.FileKeyring", ENV: str(path)}


def no_keyring_env() -> dict[str, str]:
    return {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
