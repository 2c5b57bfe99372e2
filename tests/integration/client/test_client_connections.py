"""Connections to a real Local Batch: owned service lifecycle, shared-key profile, no secret on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from explorer.client.connecting.client_factory import ClientFactory
from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.profiles import LocalBatchProfile, ProfileSet, ProfileStore, SharedKeyProfile


@pytest.mark.asyncio
async def test_local_profile_starts_its_own_service_and_stops_it_on_close(tmp_path: Path):
    factory = ClientFactory(MemoryCredentialStore(), local_extra_args=("--node-start-seconds", "0.05"))
    connection = await factory.connect(LocalBatchProfile(data_dir=tmp_path / "lb"))
    service = connection.local_service
    assert service is not None and service.is_running()
    assert [pool async for pool in connection.client.list_pools()] == []
    await connection.close()
    assert not service.is_running()


@pytest.mark.asyncio
async def test_default_local_profile_keeps_state_in_the_user_data_dir():
    factory = ClientFactory(MemoryCredentialStore(), local_extra_args=("--node-start-seconds", "0.05"))
    async with await factory.connect(LocalBatchProfile()) as connection:
        assert connection.local_service.data_dir == Path(os.environ["XDG_DATA_HOME"]) / "mpi-explorer" / "localbatch"


@pytest.mark.asyncio
async def test_a_running_service_is_reused_and_left_running(local_batch):
    factory = ClientFactory(MemoryCredentialStore(), local_service=local_batch)
    async with await factory.connect(LocalBatchProfile(data_dir=local_batch.data_dir)) as connection:
        assert connection.endpoint == local_batch.endpoint.endpoint
    assert local_batch.is_running()


@pytest.mark.asyncio
async def test_shared_key_profile_round_trips_and_works_without_its_key_on_disk(local_batch):
    """Local Batch speaks shared key like Azure: use it as the 'Azure shared key' account."""
    endpoint = local_batch.endpoint
    profile = SharedKeyProfile("Lab", endpoint.account, endpoint.endpoint)
    credentials = MemoryCredentialStore()
    credentials.set_secret(profile.secret_name, endpoint.key)
    store = ProfileStore()
    store.save(ProfileSet((LocalBatchProfile(), profile), selected="Lab"))

    loaded = store.load().current
    assert loaded == profile
    async with await ClientFactory(credentials).connect(loaded) as connection:
        assert [pool async for pool in connection.client.list_pools()] == []

    config_files = [p for p in Path(os.environ["XDG_CONFIG_HOME"]).rglob("*") if p.is_file()]  # noqa: ASYNC240 - a test
    assert config_files
    for path in config_files:
        assert endpoint.key.encode() not in path.read_bytes(), path
