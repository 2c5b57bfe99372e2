"""Builders of valid specs that tests change one field at a time."""

from __future__ import annotations

import pytest

from explorer.core.specs.os_family import OsFamily
from explorer.core.specs.pool_info import AllocationState, PoolInfo
from explorer.core.specs.pool_spec import PoolSpec, VmImage
from explorer.core.specs.task_spec import MultiInstanceTaskSpec


@pytest.fixture
def task() -> MultiInstanceTaskSpec:
    return MultiInstanceTaskSpec(
        job_id="mpi-job",
        task_id="hello-4",
        command_line="/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n 4 ./hello'",
        coordination_command_line="/bin/bash -c 'echo \"$AZ_BATCH_NODE_ID ready\" && hostname'",
        number_of_instances=4,
    )


@pytest.fixture
def pool_spec() -> PoolSpec:
    return PoolSpec(
        id="mpi-pool",
        vm_size="Standard_D2s_v3",
        image=VmImage("Canonical", "ubuntu-24_04-lts", "server", "batch.node.ubuntu 24.04"),
        target_dedicated_nodes=4,
    )


@pytest.fixture
def pool_info() -> PoolInfo:
    return PoolInfo(
        id="mpi-pool",
        enable_inter_node_communication=True,
        task_slots_per_node=1,
        current_dedicated_nodes=4,
        current_low_priority_nodes=0,
        target_dedicated_nodes=4,
        target_low_priority_nodes=0,
        allocation_state=AllocationState.STEADY,
        os_family=OsFamily.LINUX,
    )
