import copy

import pytest

from explorer.core.batch_json import pool_json
from explorer.core.batch_json.json_reader import SpecFormatError
from explorer.core.specs.environment import EnvironmentSetting
from explorer.core.specs.pool_spec import StartTask
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.user_identity import AutoUser, AutoUserScope, ElevationLevel, UserIdentity

POOL = {
    "id": "mpi-pool",
    "vmSize": "Standard_D2s_v3",
    "virtualMachineConfiguration": {
        "imageReference": {"publisher": "Canonical", "offer": "ubuntu-24_04-lts", "sku": "server", "version": "latest"},
        "nodeAgentSKUId": "batch.node.ubuntu 24.04",
    },
    "targetDedicatedNodes": 4,
    "targetLowPriorityNodes": 0,
    "enableInterNodeCommunication": True,
    "taskSlotsPerNode": 1,
}


def test_pool_json(pool_spec):
    assert pool_json.to_batch_json(pool_spec) == POOL
    assert pool_json.from_batch_json(POOL) == pool_spec


def test_pool_with_start_task(pool_spec):
    from dataclasses import replace

    start_task = StartTask(
        command_line="/bin/bash -c 'apt-get install -y mpich'",
        resource_files=(ResourceFile(http_url="https://h/setup.sh", file_path="setup.sh"),),
        environment_settings=(EnvironmentSetting("DEBIAN_FRONTEND", "noninteractive"),),
        user_identity=UserIdentity(auto_user=AutoUser(AutoUserScope.POOL, ElevationLevel.ADMIN)),
        wait_for_success=False,
    )
    spec = replace(pool_spec, start_task=start_task)
    data = pool_json.to_batch_json(spec)
    assert data["startTask"] == {
        "commandLine": "/bin/bash -c 'apt-get install -y mpich'",
        "resourceFiles": [{"httpUrl": "https://h/setup.sh", "filePath": "setup.sh"}],
        "environmentSettings": [{"name": "DEBIAN_FRONTEND", "value": "noninteractive"}],
        "userIdentity": {"autoUser": {"scope": "pool", "elevationLevel": "admin"}},
        "waitForSuccess": False,
    }
    assert pool_json.from_batch_json(data) == spec


def test_absent_fields_take_batch_defaults():
    # A deep copy: the nested image reference changed below belongs to the module's POOL too.
    kept = ("id", "vmSize", "virtualMachineConfiguration")
    data = {key: value for key, value in copy.deepcopy(POOL).items() if key in kept}
    del data["virtualMachineConfiguration"]["imageReference"]["version"]
    data["startTask"] = {"commandLine": "hostname"}
    spec = pool_json.from_batch_json(data)
    assert (spec.target_dedicated_nodes, spec.target_low_priority_nodes) == (0, 0)
    assert spec.enable_inter_node_communication is False  # Batch's default, unlike PoolSpec's
    assert spec.task_slots_per_node == 1
    assert spec.image.version == "latest"
    assert spec.start_task.wait_for_success is True


@pytest.mark.parametrize(
    ("changes", "path", "problem"),
    [
        (
            {"virtualMachineConfiguration": None},
            "$.virtualMachineConfiguration",
            "required field 'virtualMachineConfiguration' is null; set it to an object {...}.",
        ),
        (
            {"virtualMachineConfiguration": {"imageReference": {"virtualMachineImageId": "/x"}, "nodeAgentSKUId": "a"}},
            "$.virtualMachineConfiguration.imageReference.publisher",
            "required field 'publisher' (a string) is missing; add it.",
        ),
        (
            {"virtualMachineConfiguration": {**POOL["virtualMachineConfiguration"], "nodeAgentSkuId": "a"}},
            "$.virtualMachineConfiguration.nodeAgentSkuId",
            "unknown or unsupported field 'nodeAgentSkuId'; did you mean 'nodeAgentSKUId'?",
        ),
        (
            {"enableInterNodeCommunication": "yes"},
            "$.enableInterNodeCommunication",
            'expected true or false, got the string "yes".',
        ),
        ({"taskSlotsPerNode": 1.5}, "$.taskSlotsPerNode", "expected a whole number, got the number 1.5."),
        (
            {"startTask": {"waitForSuccess": True}},
            "$.startTask.commandLine",
            "required field 'commandLine' (a string) is missing; add it.",
        ),
    ],
)
def test_bad_pool_json_names_the_path(changes, path, problem):
    data = {**POOL, **changes}
    with pytest.raises(SpecFormatError) as raised:
        pool_json.from_batch_json(data)
    assert (raised.value.path, str(raised.value.problem)) == (path, problem)
