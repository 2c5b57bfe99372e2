"""The multi-instance (MPI) task a submission wizard fills in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from explorer.core.specs.environment import EnvironmentSetting
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.user_identity import UserIdentity

# Azure Batch pools with inter-node communication hold at most 100 compute nodes (80 in
# user-subscription pool allocation mode): "Pool size limits" in "Batch service quotas and
# limits", https://learn.microsoft.com/azure/batch/batch-quota-limit#pool-size-limits
# (checked 2026-12-01). The REST reference adds that enabling inter-node communication "limits
# the maximum size of the Pool ... This may result in the Pool not reaching its desired size":
# the service does not refuse a bigger pool or task, so the checks warn rather than block.
# Every instance needs its own node.
MAX_INSTANCES = 100

# Retrying forever is spelled -1 by Batch.
UNLIMITED_RETRIES = -1


@dataclass(frozen=True)
class TaskConstraints:
    """Limits applying to every instance; None leaves Batch's default.

    Batch's defaults: no wall-clock limit, task directory kept 7 days, no retries.
    """

    max_wall_clock_time: timedelta | None = None
    retention_time: timedelta | None = None
    max_task_retry_count: int | None = None


@dataclass(frozen=True)
class MultiInstanceTaskSpec:
    """A multi-instance task: ``number_of_instances`` nodes run the coordination
    command, then the primary alone runs ``command_line`` (typically mpiexec).

    Immutable: wizard pages derive updated copies with ``dataclasses.replace``.
    ``common_resource_files`` reach every instance (in the task root directory),
    ``resource_files`` only the primary (in its working directory).
    ``job_id`` is where the task is submitted; it is not part of the task JSON.
    """

    job_id: str
    task_id: str
    command_line: str
    coordination_command_line: str
    number_of_instances: int
    display_name: str | None = None
    common_resource_files: tuple[ResourceFile, ...] = ()
    resource_files: tuple[ResourceFile, ...] = ()
    environment_settings: tuple[EnvironmentSetting, ...] = ()
    user_identity: UserIdentity | None = None
    constraints: TaskConstraints | None = None
