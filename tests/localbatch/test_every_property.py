"""Every property of the SDK's pool, job and task create bodies is either echoed on GET or refused by name.

The properties come from the installed SDK's models; a new one fails here until Local Batch honours
(and echoes) it or refuses it (`explorer/localbatch/wire/refusals.py`).
"""

from __future__ import annotations

import json

import aiohttp
import pytest
from azure.batch import models

from explorer.localbatch.wire.refusals import REFUSED
from tests.localbatch.signed_requests import request
from tests.support.batch_scenarios import unique

pytestmark = pytest.mark.asyncio

# Honoured, but not echoed as sent: enableAutoScale is always false here (true is refused), dependsOn is refused
# unless the job uses task dependencies, which Local Batch does not.
NOT_ECHOED = {"pool": {"enableAutoScale"}, "task": {"dependsOn"}}
SDK_MODELS = {"pool": models.BatchPoolCreateOptions, "job": models.BatchJobCreateOptions, "task": models.BatchTaskCreateOptions}


def rest_names(model: type) -> set[str]:
    model.__new__(model)  # the SDK names its fields' JSON properties when the first instance is made
    return {field._rest_name for field in vars(model).values() if hasattr(field, "_rest_name")}


def honoured_body(kind: str, pool_id: str) -> dict:
    """A body giving every property Local Batch honours a valid value."""
    metadata = [{"name": "owner", "value": "walk"}]
    if kind == "pool":
        return {
            "id": unique("every"), "displayName": "every property", "vmSize": "standard_d2s_v3",
            "virtualMachineConfiguration": {
                "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts", "sku": "server"},
                "nodeAgentSKUId": "batch.node.ubuntu 24.04",
            },
            "resizeTimeout": "PT15M", "targetDedicatedNodes": 0, "targetLowPriorityNodes": 0, "enableAutoScale": False,
            "enableInterNodeCommunication": True, "startTask": {"commandLine": "/bin/true"}, "taskSlotsPerNode": 1,
            "taskSchedulingPolicy": {"nodeFillType": "Pack"}, "metadata": metadata,
            "mountConfiguration": [{"nfsMountConfiguration": {"source": "10.0.0.4:/share", "relativeMountPath": "shared"}}],
        }
    if kind == "job":
        return {
            "id": unique("every"), "displayName": "every property", "usesTaskDependencies": False, "priority": 3,
            "allowTaskPreemption": True, "maxParallelTasks": 2, "constraints": {"maxWallClockTime": "PT1H", "maxTaskRetryCount": 1},
            "commonEnvironmentSettings": [{"name": "A", "value": "1"}], "poolInfo": {"poolId": pool_id},
            "onAllTasksComplete": "noaction", "onTaskFailure": "noaction", "metadata": metadata,
            "jobPreparationTask": {"commandLine": "/bin/true"}, "jobReleaseTask": {"commandLine": "/bin/true"},
            "jobManagerTask": {"id": "manager", "commandLine": "/bin/true"},
        }
    return {
        "id": "every", "displayName": "every property", "commandLine": "/bin/true",
        "resourceFiles": [{"httpUrl": "http://127.0.0.1:9/in.txt", "filePath": "in.txt"}],
        "environmentSettings": [{"name": "B", "value": "2"}], "affinityInfo": {"affinityId": "TVM:x"},
        "constraints": {"maxWallClockTime": "PT1H", "retentionTime": "P1D", "maxTaskRetryCount": 1}, "requiredSlots": 1,
        "userIdentity": {"autoUser": {"scope": "task", "elevationLevel": "admin"}},
        "multiInstanceSettings": {"numberOfInstances": 2, "coordinationCommandLine": "/bin/true"},
        "outputFiles": [{
            "filePattern": "*.txt",
            "destination": {"container": {"containerUrl": "http://127.0.0.1:9/devstoreaccount1/out?sig=x"}},
            "uploadOptions": {"uploadCondition": "taskCompletion"},
        }],
    }


@pytest.mark.parametrize("kind", ["pool", "job", "task"])
async def test_every_property_is_echoed_or_refused(local_batch, kind):
    refused = {name.split(".")[0] for name in REFUSED[kind] if "." not in name}
    async with aiohttp.ClientSession() as session:
        async def call(method: str, path: str, body: dict | None = None):
            return await request(session, local_batch.endpoint, method, path, body=None if body is None else json.dumps(body).encode())

        pool_id = unique("every-pool")
        assert (await call("POST", "/pools", {"id": pool_id, "vmSize": "s"})).status == 201
        job_id = unique("every-job")
        assert (await call("POST", "/jobs", {"id": job_id, "poolInfo": {"poolId": pool_id}})).status == 201
        body = honoured_body(kind, pool_id)
        sdk = rest_names(SDK_MODELS[kind])
        untreated = sdk - set(body) - refused - NOT_ECHOED.get(kind, set())
        assert not untreated, f"{kind} properties neither honoured nor refused: {sorted(untreated)}"
        assert set(body) <= sdk
        collection = {"pool": "/pools", "job": "/jobs", "task": f"/jobs/{job_id}/tasks"}[kind]
        created = await call("POST", collection, body)
        assert created.status == 201, created.body
        shown = (await call("GET", f"{collection}/{body['id']}")).json()
        for name, value in body.items():
            assert name in shown, f"{kind}.{name} is not echoed"
            if isinstance(value, dict):
                assert value.items() <= shown[name].items(), f"{kind}.{name}: sent {value}, shown {shown[name]}"
