"""Property tests: spec -> JSON -> spec and canonical JSON -> spec -> JSON are identities."""

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.core.batch_json import pool_json, task_json
from explorer.core.durations import BATCH_MAX_DURATION, format_duration
from explorer.core.specs.environment import EnvironmentSetting
from explorer.core.specs.pool_spec import PoolSpec, StartTask, VmImage
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.task_spec import MultiInstanceTaskSpec, TaskConstraints
from explorer.core.specs.user_identity import AutoUser, AutoUserScope, ElevationLevel, UserIdentity

texts = st.text(max_size=12)
optional_texts = st.none() | texts
durations = st.timedeltas(min_value=timedelta(0), max_value=BATCH_MAX_DURATION)


def tuples(elements):
    return st.lists(elements, max_size=3).map(tuple)


# Specs

resource_files = st.builds(
    ResourceFile,
    http_url=optional_texts,
    storage_container_url=optional_texts,
    auto_storage_container_name=optional_texts,
    blob_prefix=optional_texts,
    file_path=optional_texts,
    file_mode=optional_texts,
)
environment_settings = st.builds(EnvironmentSetting, texts, optional_texts)
user_identities = st.none() | st.builds(
    UserIdentity,
    optional_texts,
    st.none()
    | st.builds(AutoUser, st.none() | st.sampled_from(AutoUserScope), st.none() | st.sampled_from(ElevationLevel)),
)
task_specs = st.builds(
    MultiInstanceTaskSpec,
    job_id=texts,
    task_id=texts,
    command_line=texts,
    coordination_command_line=texts,
    number_of_instances=st.integers(),
    display_name=optional_texts,
    common_resource_files=tuples(resource_files),
    resource_files=tuples(resource_files),
    environment_settings=tuples(environment_settings),
    user_identity=user_identities,
    constraints=st.none()
    | st.builds(TaskConstraints, st.none() | durations, st.none() | durations, st.none() | st.integers()),
)
pool_specs = st.builds(
    PoolSpec,
    id=texts,
    vm_size=texts,
    image=st.builds(VmImage, texts, texts, texts, texts, texts),
    target_dedicated_nodes=st.integers(),
    target_low_priority_nodes=st.integers(),
    enable_inter_node_communication=st.booleans(),
    task_slots_per_node=st.integers(),
    start_task=st.none()
    | st.builds(StartTask, texts, tuples(resource_files), tuples(environment_settings), user_identities, st.booleans()),
)


@settings(deadline=None)
@given(task_specs)
def test_task_spec_survives_json(spec):
    assert task_json.from_batch_json(task_json.to_batch_json(spec), job_id=spec.job_id) == spec


@settings(deadline=None)
@given(pool_specs)
def test_pool_spec_survives_json(spec):
    assert pool_json.from_batch_json(pool_json.to_batch_json(spec)) == spec


# Canonical Batch JSON, written independently of the spec classes: absent rather
# than null, arrays non-empty, durations as format_duration writes them.


def objects(required, optional):
    return st.fixed_dictionaries(required, optional=optional)


def arrays(elements):
    return st.lists(elements, min_size=1, max_size=3)


resource_file_json = objects(
    {},
    {
        key: texts
        for key in ("httpUrl", "storageContainerUrl", "autoStorageContainerName", "blobPrefix", "filePath", "fileMode")
    },
)
environment_json = objects({"name": texts}, {"value": texts})
user_identity_json = objects(
    {},
    {
        "username": texts,
        "autoUser": objects(
            {}, {"scope": st.sampled_from(["task", "pool"]), "elevationLevel": st.sampled_from(["nonadmin", "admin"])}
        ),
    },
)
task_body_json = objects(
    {
        "id": texts,
        "commandLine": texts,
        "multiInstanceSettings": objects(
            {"numberOfInstances": st.integers(), "coordinationCommandLine": texts},
            {"commonResourceFiles": arrays(resource_file_json)},
        ),
    },
    {
        "displayName": texts,
        "resourceFiles": arrays(resource_file_json),
        "environmentSettings": arrays(environment_json),
        "userIdentity": user_identity_json,
        "constraints": objects(
            {},
            {
                "maxWallClockTime": durations.map(format_duration),
                "retentionTime": durations.map(format_duration),
                "maxTaskRetryCount": st.integers(),
            },
        ),
    },
)
pool_body_json = objects(
    {
        "id": texts,
        "vmSize": texts,
        "virtualMachineConfiguration": objects(
            {
                "imageReference": objects({key: texts for key in ("publisher", "offer", "sku", "version")}, {}),
                "nodeAgentSKUId": texts,
            },
            {},
        ),
        "targetDedicatedNodes": st.integers(),
        "targetLowPriorityNodes": st.integers(),
        "enableInterNodeCommunication": st.booleans(),
        "taskSlotsPerNode": st.integers(),
    },
    {
        "startTask": objects(
            {"commandLine": texts, "waitForSuccess": st.booleans()},
            {
                "resourceFiles": arrays(resource_file_json),
                "environmentSettings": arrays(environment_json),
                "userIdentity": user_identity_json,
            },
        )
    },
)


@settings(deadline=None)
@given(task_body_json)
def test_task_json_survives_spec(data):
    assert task_json.to_batch_json(task_json.from_batch_json(data, job_id="job")) == data


@settings(deadline=None)
@given(pool_body_json)
def test_pool_json_survives_spec(data):
    assert pool_json.to_batch_json(pool_json.from_batch_json(data)) == data
