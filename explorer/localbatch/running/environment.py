"""The AZ_BATCH_* environment a task sees on its node."""

from __future__ import annotations

from pathlib import Path

from explorer.localbatch.context import Context
from explorer.localbatch.running.processes import base_environment


def node_environment(ctx: Context, pool: dict, node: dict, node_root: Path) -> dict[str, str]:
    return node_variables(ctx.settings.account, ctx.settings.endpoint, pool["id"], node, node_root)


def node_variables(account: str, endpoint: str, pool_id: str, node: dict, node_root: Path) -> dict[str, str]:
    """What every process on the node sees (also `mpi-explorer localbatch shell`, outside the service)."""
    env = base_environment()
    env.update(
        AZ_BATCH_ACCOUNT_NAME=account,
        AZ_BATCH_ACCOUNT_URL=endpoint,
        AZ_BATCH_POOL_ID=pool_id,
        AZ_BATCH_NODE_ID=node["id"],
        AZ_BATCH_NODE_IS_DEDICATED=str(node.get("isDedicated", True)).lower(),
        AZ_BATCH_NODE_ROOT_DIR=str(node_root),
        AZ_BATCH_NODE_SHARED_DIR=str(node_root / "shared"),
        AZ_BATCH_NODE_STARTUP_DIR=str(node_root / "startup"),
        AZ_BATCH_NODE_STARTUP_WORKING_DIR=str(node_root / "startup" / "wd"),
        AZ_BATCH_NODE_MOUNTS_DIR=str(node_root / "fsmounts"),
        # The node's host name; MPI ranks also get it from gethostname() (mpi_launcher.enter_node_host_name).
        HOSTNAME=node["id"],
    )
    return env


def job_task_root(job_id: str, kind: str) -> str:
    """A job preparation ("jobpreparation") or release ("jobrelease") task's directory, relative to the node root."""
    return f"workitems/{job_id}/job-1/{kind}"


def settings_environment(settings: list[dict] | None) -> dict[str, str]:
    return {item["name"]: item.get("value", "") for item in settings or []}


def task_environment(
    ctx: Context, pool: dict, node: dict, node_root: Path, job: dict, task: dict, task_dir: Path
) -> dict[str, str]:
    env = node_environment(ctx, pool, node, node_root)
    env.update(settings_environment(job.get("commonEnvironmentSettings")))
    env.update(
        AZ_BATCH_JOB_ID=job["id"],
        AZ_BATCH_TASK_ID=task["id"],
        AZ_BATCH_TASK_DIR=str(task_dir),
        AZ_BATCH_TASK_WORKING_DIR=str(task_dir / "wd"),
        AZ_BATCH_TASK_USER="_azbatch",
        AZ_BATCH_TASK_USER_IDENTITY=_identity_name(task.get("userIdentity")),
    )
    if job.get("jobPreparationTask"):
        preparation = node_root / job_task_root(job["id"], "jobpreparation")
        env.update(AZ_BATCH_JOB_PREP_DIR=str(preparation), AZ_BATCH_JOB_PREP_WORKING_DIR=str(preparation / "wd"))
    env.update(settings_environment(task.get("environmentSettings")))
    return env


def _identity_name(identity: dict | None) -> str:
    """Batch's names for auto-user identities: PoolNonAdmin, TaskAdmin, ..."""
    identity = identity or {}
    if identity.get("username"):
        return identity["username"]
    auto = identity.get("autoUser") or {}
    elevation = "Admin" if auto.get("elevationLevel") == "admin" else "NonAdmin"
    return auto.get("scope", "pool").capitalize() + elevation
