"""The window on a shared-key account (a separately started Local Batch standing in for Azure) with
linked storage (Azurite): the task wizard uploads a local file there and the task runs."""

from __future__ import annotations

from pathlib import Path

from explorer.app import ExplorerApp
from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.profiles import (
    LocalBatchProfile,
    ProfileSet,
    ProfileStore,
    SharedKeyProfile,
    StorageLink,
)
from explorer.core.specs.resource_files import ResourceFile
from explorer.ui.settings import Settings
from tests.support.batch_scenarios import (
    create_idle_pool,
    create_job,
    python_command,
    read_task_file,
    unique,
    wait_for_completion,
)
from tests.support.local_batch import make_client


def test_uploads_go_to_the_accounts_linked_storage_and_the_task_reads_them(
    runner, qtbot, tmp_path: Path, local_batch_service, azurite, container_name
):
    endpoint, storage = local_batch_service.endpoint, azurite.account
    profile = SharedKeyProfile("Lab", endpoint.account, endpoint.endpoint, StorageLink(storage.name, storage.url))
    credentials = MemoryCredentialStore()
    credentials.set_secret(profile.secret_name, endpoint.key)
    credentials.set_secret(profile.storage.secret_name, storage.key)
    store = ProfileStore(tmp_path / "config")
    store.save(ProfileSet((LocalBatchProfile(data_dir=tmp_path / "own"), profile), selected="Lab"))
    app = ExplorerApp(Settings(tmp_path / "settings.ini"), store, credentials)
    (tmp_path / "input.txt").write_text("from the desktop\n")

    async def scenario():
        try:
            window = await app.start("Lab")
            qtbot.addWidget(window)
            linked = app.linked_storage()
            assert linked is not None and linked.account == storage  # the wizard's Upload uses this
            upload = await linked.upload_files(container_name, [tmp_path / "input.txt"])
            [resource] = linked.resource_files(upload)
            async with make_client(local_batch_service) as client:
                pool = await create_idle_pool(client, unique("pool"), 1)
                job = await create_job(client, pool)
                task_id = unique("task")
                await client.create_task(job, {
                    "id": task_id, "commandLine": python_command("print(open('input.txt').read())"),
                    "resourceFiles": [{"httpUrl": resource.http_url, "filePath": resource.file_path}],
                })
                task = await wait_for_completion(client, job, task_id)
                return window.current_profile, resource, task.execution_info.exit_code, await read_task_file(
                    client, job, task_id, "stdout.txt")
        finally:
            await app.shutdown()

    current, resource, exit_code, stdout = runner.run(scenario())
    assert current == "Lab" and isinstance(resource, ResourceFile) and resource.file_path == "input.txt"
    assert exit_code == 0 and b"from the desktop" in stdout
