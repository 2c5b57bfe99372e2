"""Rehearse locally, then run on another account: a task on one Local Batch re-run on a second one (standing
in for Azure), each with its own Azurite; the files the task read from the first account's storage are copied
to the second's and read there; the comparison reads both runs."""

from __future__ import annotations

import pytest

from explorer.client.acting.rerun import Action, PoolTarget, Rerun, RerunError, plan_rerun, pool_choices, read_task_spec
from explorer.client.acting.storage import LinkedStorage
from explorer.client.acting.submission import Submission
from explorer.client.watching.comparison import output_diff, read_run
from explorer.core.specs.pool_spec import PoolSpec, VmImage
from tests.support.batch_scenarios import create_pool, read_task_file, wait_for_completion
from tests.support.rehearsal import rehearsed_task, second_account
from tests.support.storage import blobs_of

pytestmark = pytest.mark.asyncio
UBUNTU = VmImage("Canonical", "ubuntu-24_04-lts", "server", "batch.node.ubuntu 24.04")


async def test_a_rehearsed_task_runs_on_the_other_account_reading_its_files_from_that_accounts_storage(
    connection, azurite, tmp_path
):
    source = LinkedStorage(azurite.account)
    job_id, task_id, text = await rehearsed_task(connection.client, source, tmp_path / "files")
    async with second_account(tmp_path / "far") as far:
        await create_pool(far.client, "tiny", 1)  # no inter-node communication: not MPI-ready
        spec = await read_task_spec(connection.client, job_id, task_id)
        plan = await plan_rerun(spec, source)
        choices = await pool_choices(Submission(far.client), spec)
        steps = []
        result = await Rerun(far.client, far.storage, steps.append).run(
            plan, PoolTarget(create=PoolSpec("mpi-there", "Standard_D2s_v3", UBUNTU, 2)), job_id, task_id, source,
        )
        await wait_for_completion(far.client, job_id, task_id)
        output = (await read_task_file(far.client, job_id, task_id, "stdout.txt")).decode()
        copied = await blobs_of(far.storage, "mpi-explorer-uploads")
        here = await read_run(connection.client, "Local Batch", job_id, task_id)
        there = await read_run(far.client, "Far", job_id, task_id)

    assert [t.action for t in plan.transfers] == [Action.COPY, Action.COPY]
    assert [c.info.id for c in choices] == ["tiny"] and not choices[0].usable
    assert [s.name for s in steps] == ["check", "create pool", "copy files", "create job", "submit task"]
    assert all(s.ok for s in steps) and result.pool_id == "mpi-there"
    assert f"input: {text}" in output and "shared: for every rank" in output and "pool: mpi-there" in output
    urls = [f.http_url for f in (*result.spec.common_resource_files, *result.spec.resource_files)]
    assert all(url.startswith(far.storage.account.url) for url in urls), urls  # the copies, not the originals
    assert sorted(name.rsplit("-", 1)[-1] for name in copied if name.startswith(f"{job_id}/{task_id}/")) == [
        "input.txt", "shared.txt"]
    for run in (here, there):
        assert run.exit_code == 0 and [i.exit_code for i in run.instances] == [0, 0]
        assert all(i.total.total_seconds() > 0 for i in run.instances)
    assert output_diff(here, there) == [
        "--- Local Batch: mpi-run", "+++ Far: mpi-run", "@@ -1,3 +1,3 @@", f" input: {text}", " shared: for every rank",
        "-pool: mpi-here", "+pool: mpi-there",
    ]


async def test_a_rerun_that_stops_undoes_what_it_made_and_names_the_pool_it_kept(connection, azurite, tmp_path):
    source = LinkedStorage(azurite.account)
    job_id, task_id, _text = await rehearsed_task(connection.client, source, tmp_path / "files")
    async with second_account(tmp_path / "far") as far:
        spec = await read_task_spec(connection.client, job_id, task_id)
        plan = await plan_rerun(spec, source)
        await source.delete_blobs(plan.uploads[1].container, [plan.uploads[1].blob])  # gone since it was planned
        with pytest.raises(RerunError) as stopped:
            await Rerun(far.client, far.storage).run(
                plan, PoolTarget(create=PoolSpec("mpi-there", "Standard_D2s_v3", UBUNTU, 2)), job_id, task_id, source,
            )
        jobs = [job.id async for job in far.client.list_jobs()]
        pools = [pool.id async for pool in far.client.list_pools()]
        copied = await far.storage.blob_names("mpi-explorer-uploads")
        with pytest.raises(RerunError) as taken:  # checked before anything is made: the pool name is taken now
            await Rerun(far.client, far.storage).run(
                plan, PoolTarget(create=PoolSpec("mpi-there", "Standard_D2s_v3", UBUNTU, 2)), job_id, task_id, source,
            )

    message = str(stopped.value)
    assert 'stopped at “copy files”' in message and "input.txt" in message
    assert "Pool mpi-there was created for this run and is kept" in message
    assert [s.name for s in stopped.value.steps] == ["check", "create pool", "copy files"]
    assert jobs == [] and pools == ["mpi-there"] and copied == []
    assert "A pool named mpi-there exists there already" in str(taken.value)

