"""Task output files uploaded to a real Azurite container, through the unmodified client."""

from __future__ import annotations

import pytest
from azure.batch import models
from azure.core.exceptions import HttpResponseError

from tests.support.batch_scenarios import (
    create_idle_pool,
    create_job,
    multi_instance,
    read_task_file,
    unique,
    wait_for_completion,
)
from tests.support.storage import blobs_of, content_type_of, writable_container_url

pytestmark = pytest.mark.asyncio

# Every instance leaves a file in its own wd; the primary's application command writes the results.
COORDINATION = "/bin/bash -c 'mkdir -p results && echo $AZ_BATCH_IS_CURRENT_NODE_MASTER > results/instance-$AZ_BATCH_NODE_ID.txt'"
APPLICATION = (
    "/bin/bash -c 'mkdir -p results/deep && echo zero > results/rank0.txt && echo deep > results/deep/r.txt"
    " && echo total > summary.txt && for p in part1 part2 part10; do echo $p > $p.dat; done; echo application done'"
)


def output(pattern: str, url: str, condition: str, path: str | None = None, **headers: str) -> models.OutputFile:
    upload_headers = [models.OutputFileUploadHeader(name=name.replace("_", "-"), value=value) for name, value in headers.items()]
    container = models.OutputFileBlobContainerDestination(container_url=url, path=path, upload_headers=upload_headers or None)
    return models.OutputFile(
        file_pattern=pattern,
        destination=models.OutputFileDestination(container=container),
        upload_options=models.OutputFileUploadConfiguration(upload_condition=condition),
    )


async def test_multi_instance_outputs_of_the_primary_land_in_the_container(client, storage, container_name):
    url = await writable_container_url(storage, container_name)
    pool_id = await create_idle_pool(client, unique("pool"), 2, inter_node=True)
    job_id = await create_job(client, pool_id)
    outputs = [
        output("results/**/*.txt", url, "taskSuccess", "run/results"),
        output("summary.txt", url, "tasksuccess", "run/summary-final.txt", x_ms_blob_content_type="text/csv"),
        output("part?.dat", url, "taskcompletion", "run/parts"),
        output("../std*.txt", url, "taskCompletion", "run/logs"),
        output("summary.txt", url, "taskFailure", "never"),
        output("missing/*.txt", url, "taskCompletion", "none"),
    ]
    await client.create_task(job_id, multi_instance("mpi-out", 2, COORDINATION, APPLICATION, output_files=outputs))
    task = await wait_for_completion(client, job_id, "mpi-out", timeout=120)
    assert task.execution_info.result == "success", task.execution_info.failure_info
    primary = task.node_info.node_id
    blobs = await blobs_of(storage, container_name)
    assert blobs == {
        f"run/results/instance-{primary}.txt": b"true\n",  # the primary's only, as on Batch
        "run/results/rank0.txt": b"zero\n",
        "run/results/deep/r.txt": b"deep\n",
        "run/summary-final.txt": b"total\n",
        "run/parts/part1.dat": b"part1\n",
        "run/parts/part2.dat": b"part2\n",
        "run/logs/stdout.txt": b"application done\n",
        "run/logs/stderr.txt": b"",
    }
    assert await content_type_of(storage, container_name, "run/summary-final.txt") == "text/csv"  # its uploadHeaders
    log = (await read_task_file(client, job_id, "mpi-out", "fileuploadout.txt")).decode()
    assert "run/summary-final.txt" in log and "sig=" not in log
    assert await read_task_file(client, job_id, "mpi-out", "fileuploaderr.txt") == b""
    echoed = task.output_files
    assert [entry.file_pattern for entry in echoed] == [entry.file_pattern for entry in outputs]
    assert echoed[0].destination.container.path == "run/results" and echoed[0].upload_options.upload_condition == "tasksuccess"


async def test_failure_conditions_and_an_upload_failure(client, storage, container_name):
    url = await writable_container_url(storage, container_name)
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    job_id = await create_job(client, pool_id)
    failing = "/bin/bash -c 'echo partial > partial.txt; exit 2'"
    await client.create_task(
        job_id,
        models.BatchTaskCreateOptions(
            id="fails", command_line=failing,
            output_files=[output("partial.txt", url, "taskFailure", "failed/partial.txt"), output("partial.txt", url, "taskSuccess")],
        ),
    )
    task = await wait_for_completion(client, job_id, "fails")
    assert task.execution_info.exit_code == 2 and task.execution_info.failure_info.code == "FailureExitCode"
    assert await blobs_of(storage, container_name) == {"failed/partial.txt": b"partial\n"}

    gone = await writable_container_url(storage, f"{container_name}-gone", create=False)
    await client.create_task(
        job_id,
        models.BatchTaskCreateOptions(
            id="nowhere", command_line="/bin/bash -c 'echo result > result.txt'",
            output_files=[output("result.txt", gone, "taskSuccess")],
            constraints=models.BatchTaskConstraints(max_task_retry_count=2),
        ),
    )
    task = await wait_for_completion(client, job_id, "nowhere")
    info = task.execution_info
    assert info.exit_code == 0 and info.result == "failure" and info.retry_count == 0  # upload errors are not retried
    failure = info.failure_info
    assert failure.category.lower() == "usererror" and failure.code == "FileUploadContainerNotFound"
    details = {detail.name: detail.value for detail in failure.details}
    assert details["ContainerUrl"].endswith(f"{container_name}-gone") and details["BlobName"] == "result.txt"
    assert "sig=" not in failure.message + str(details)
    errors = (await read_task_file(client, job_id, "nowhere", "fileuploaderr.txt")).decode()
    assert "was not found" in errors and "sig=" not in errors


async def test_output_files_that_cannot_be_honoured_are_refused(client, storage):
    pool_id = await create_idle_pool(client, unique("pool"), 1)
    job_id = await create_job(client, pool_id)
    for destination, words in (
        (models.OutputFileBlobContainerDestination(container_url="ftp://example/x"), "containerUrl"),
        (
            models.OutputFileBlobContainerDestination(
                container_url="https://example.blob.core.windows.net/out",
                identity_reference=models.BatchNodeIdentityReference(resource_id="/subscriptions/x/identity"),
            ),
            "identityReference",
        ),
    ):
        entry = models.OutputFile(
            file_pattern="*.txt", destination=models.OutputFileDestination(container=destination),
            upload_options=models.OutputFileUploadConfiguration(upload_condition="taskCompletion"),
        )
        with pytest.raises(HttpResponseError) as refused:
            await client.create_task(job_id, models.BatchTaskCreateOptions(id=unique("t"), command_line="/bin/true", output_files=[entry]))
        assert refused.value.status_code == 400 and words in refused.value.error.message
