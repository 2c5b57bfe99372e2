"""Profiles round-trip through profiles.json; secrets never reach the settings dir."""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs
import pytest

from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.profiles import (
    SCHEMA_VERSION,
    EntraAuthMethod,
    EntraProfile,
    LocalBatchProfile,
    ProfileSet,
    ProfileStore,
    SharedKeyProfile,
    StorageAuth,
    StorageLink,
    profile_from_dict,
    profile_to_dict,
)
from explorer.client.errors import ProfileError

KEY = "c2VjcmV0LWtleS10aGF0LW11c3Qtc3RheS1vZmYtZGlzaw=="


def all_kinds() -> ProfileSet:
    return ProfileSet(
        (
            LocalBatchProfile(),
            LocalBatchProfile("Scratch", Path("/tmp/scratch-localbatch")),
            SharedKeyProfile("Prod", "prodbatch", "https://prodbatch.westeurope.batch.azure.com"),
            EntraProfile("Lab", "https://lab.eastus.batch.azure.com", EntraAuthMethod.DEVICE_CODE, "contoso.onmicrosoft.com"),
            EntraProfile("Dev", "https://dev.eastus.batch.azure.com", EntraAuthMethod.AZURE_CLI),
        ),
        selected="Prod",
    )


def test_store_lives_in_the_user_config_dir():
    assert ProfileStore().path == Path(platformdirs.user_config_dir("mpi-explorer")) / "profiles.json"
    assert str(ProfileStore().path).startswith(os.environ["XDG_CONFIG_HOME"])


def test_without_a_file_the_only_profile_is_local_batch():
    profiles = ProfileStore().load()
    assert profiles.profiles == (LocalBatchProfile(),)
    assert profiles.current == LocalBatchProfile()
    data_dir = profiles.current.resolved_data_dir()
    assert data_dir == Path(platformdirs.user_data_dir("mpi-explorer")) / "localbatch"


def test_every_kind_round_trips():
    store = ProfileStore()
    store.save(all_kinds())
    assert store.load() == all_kinds()
    assert json.loads(store.path.read_text())["schema_version"] == SCHEMA_VERSION


def test_no_secret_anywhere_in_the_settings_dir():
    credentials = MemoryCredentialStore()
    profile = all_kinds().get("Prod")
    credentials.set_secret(profile.secret_name, KEY)
    ProfileStore().save(all_kinds())

    config_root = Path(os.environ["XDG_CONFIG_HOME"])
    files = [p for p in config_root.rglob("*") if p.is_file()]
    assert files, "the profiles file should have been written"
    for path in files:
        assert KEY.encode() not in path.read_bytes(), path
    assert KEY not in repr(credentials)


def test_a_newer_schema_is_refused_not_misread():
    store = ProfileStore()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(json.dumps({"schema_version": SCHEMA_VERSION + 1, "profiles": []}))
    with pytest.raises(ProfileError, match="schema version"):
        store.load()


def test_a_corrupt_file_raises_profile_error():
    store = ProfileStore()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{not json")
    with pytest.raises(ProfileError):
        store.load()


def test_local_batch_is_always_offered():
    store = ProfileStore()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    only_azure = {
        "schema_version": SCHEMA_VERSION,
        "selected": "Prod",
        "profiles": [{"kind": "shared_key", "name": "Prod", "account_name": "a", "account_url": "https://a"}],
    }
    store.path.write_text(json.dumps(only_azure))
    loaded = store.load()
    assert isinstance(loaded.profiles[0], LocalBatchProfile)
    assert loaded.selected == "Prod"


def test_profile_names_are_unique_and_selection_must_exist():
    with pytest.raises(ProfileError):
        ProfileSet((LocalBatchProfile(), LocalBatchProfile()))
    with pytest.raises(ProfileError):
        ProfileSet((LocalBatchProfile(),), selected="nope")


def test_shared_key_secret_name_survives_a_rename():
    a = SharedKeyProfile("Prod", "prodbatch", "https://ProdBatch.westeurope.batch.azure.com/")
    b = SharedKeyProfile("Production", "prodbatch", "https://prodbatch.westeurope.batch.azure.com")
    assert a.secret_name == b.secret_name


def test_a_storage_link_signed_with_entra_round_trips_and_old_files_read_as_shared_key():
    link = StorageLink("labstore", "https://labstore.blob.core.windows.net", StorageAuth.ENTRA)
    profile = EntraProfile("Lab", "https://lab.westeurope.batch.azure.com", storage=link)
    data = profile_to_dict(profile)
    assert data["storage"] == {"account_name": "labstore", "blob_url": link.blob_url, "auth": "entra"}
    assert profile_from_dict(data) == profile
    del data["storage"]["auth"]  # as files written before Entra storage have it
    assert profile_from_dict(data).storage.auth is StorageAuth.SHARED_KEY
