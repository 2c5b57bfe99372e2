from dataclasses import replace
from datetime import timedelta

import pytest

from explorer.core.batch_json import task_json
from explorer.core.batch_json.json_reader import SpecFormatError, parse_json_text
from explorer.core.specs.environment import EnvironmentSetting
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.task_spec import TaskConstraints
from explorer.core.specs.user_identity import AutoUser, AutoUserScope, ElevationLevel, UserIdentity

MINIMAL = {
    "id": "hello-4",
    "commandLine": "/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n 4 ./hello'",
    "multiInstanceSettings": {
        "numberOfInstances": 4,
        "coordinationCommandLine": "/bin/bash -c 'echo \"$AZ_BATCH_NODE_ID ready\" && hostname'",
    },
}


def test_minimal_task_omits_unset_fields(task):
    assert task_json.to_batch_json(task) == MINIMAL


def test_full_task(task):
    spec = replace(
        task,
        display_name="Hello MPI",
        common_resource_files=(
            ResourceFile(storage_container_url="https://a.blob.core.windows.net/in?sv=1", blob_prefix="bin/"),
        ),
        resource_files=(ResourceFile(http_url="https://h/hello", file_path="hello", file_mode="0755"),),
        environment_settings=(EnvironmentSetting("OMP_NUM_THREADS", "1"), EnvironmentSetting("EMPTY")),
        user_identity=UserIdentity(auto_user=AutoUser(AutoUserScope.POOL, ElevationLevel.NON_ADMIN)),
        constraints=TaskConstraints(timedelta(hours=1), timedelta(days=1), 2),
    )
    assert task_json.to_batch_json(spec) == {
        "id": "hello-4",
        "displayName": "Hello MPI",
        "commandLine": MINIMAL["commandLine"],
        "multiInstanceSettings": {
            **MINIMAL["multiInstanceSettings"],
            "commonResourceFiles": [
                {"storageContainerUrl": "https://a.blob.core.windows.net/in?sv=1", "blobPrefix": "bin/"}
            ],
        },
        "resourceFiles": [{"httpUrl": "https://h/hello", "filePath": "hello", "fileMode": "0755"}],
        "environmentSettings": [{"name": "OMP_NUM_THREADS", "value": "1"}, {"name": "EMPTY"}],
        "userIdentity": {"autoUser": {"scope": "pool", "elevationLevel": "nonadmin"}},
        "constraints": {"maxWallClockTime": "PT1H", "retentionTime": "P1D", "maxTaskRetryCount": 2},
    }
    assert task_json.from_batch_json(task_json.to_batch_json(spec), job_id="mpi-job") == spec


def test_named_user():
    data = {**MINIMAL, "userIdentity": {"username": "mpiuser"}}
    assert task_json.from_batch_json(data, job_id="j").user_identity == UserIdentity("mpiuser")


def test_reading_is_lenient_where_batch_is():
    data = {
        **MINIMAL,
        "displayName": None,
        "userIdentity": {"autoUser": {"scope": "Pool", "elevationLevel": "nonAdmin"}},
        "constraints": {"maxWallClockTime": "PT01H00M00S"},
    }
    spec = task_json.from_batch_json(data, job_id="j")
    assert spec.display_name is None
    assert spec.user_identity.auto_user == AutoUser(AutoUserScope.POOL, ElevationLevel.NON_ADMIN)
    assert spec.constraints.max_wall_clock_time == timedelta(hours=1)


def with_change(path: list, value) -> dict:
    """MINIMAL with the value at ``path`` replaced (or deleted when value is ...)."""
    import copy

    data = copy.deepcopy(MINIMAL)
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("data", "path", "problem"),
    [
        ([MINIMAL], "$", "expected an object {...}, got an array."),
        (with_change(["id"], ...), "$.id", "required field 'id' (a string) is missing; add it."),
        (
            with_change(["multiInstanceSettings"], ...),
            "$.multiInstanceSettings",
            "required field 'multiInstanceSettings' ({numberOfInstances, coordinationCommandLine}, "
            "without which this is not a multi-instance task) is missing; add it.",
        ),
        (
            {**with_change(["commandLine"], ...), "commandline": "x"},
            "$.commandLine",
            "required field 'commandLine' is missing; 'commandline' is there, but names are case-sensitive.",
        ),
        (
            {**with_change(["commandLine"], ...), "commandLines": "x"},
            "$.commandLine",
            "required field 'commandLine' is missing; did you mean to rename 'commandLines' to 'commandLine'?",
        ),
        (
            with_change(["multiInstanceSettings", "numberOfInstances"], "4"),
            "$.multiInstanceSettings.numberOfInstances",
            'expected a whole number, got the string "4".',
        ),
        (
            with_change(["multiInstanceSettings", "numberOfInstances"], True),
            "$.multiInstanceSettings.numberOfInstances",
            "expected a whole number, got the value true.",
        ),
        (with_change(["id"], 7), "$.id", "expected a string, got the number 7."),
        (with_change(["resourceFiles"], {}), "$.resourceFiles", "expected an array [...], got an object."),
        (with_change(["resourceFiles"], ["x"]), "$.resourceFiles[0]", 'expected an object {...}, got the string "x".'),
        (
            with_change(["resourceFiles"], [{"httpUrl": "https://h/x", "filepath": "x"}]),
            "$.resourceFiles[0].filepath",
            "unknown or unsupported field 'filepath'; did you mean 'filePath'?",
        ),
        (
            with_change(["outputFiles"], []),
            "$.outputFiles",
            "unknown or unsupported field 'outputFiles'; MPI Explorer reads only commandLine, constraints, "
            "displayName, environmentSettings, id, multiInstanceSettings, resourceFiles, userIdentity; remove it.",
        ),
        (
            with_change(["environmentSettings"], [{"value": "1"}]),
            "$.environmentSettings[0].name",
            "required field 'name' (a string) is missing; add it.",
        ),
        (
            with_change(["userIdentity"], {"autoUser": {"scope": "node"}}),
            "$.userIdentity.autoUser.scope",
            '"node" is not one of "task", "pool".',
        ),
        (
            with_change(["constraints"], {"maxWallClockTime": "1h"}),
            "$.constraints.maxWallClockTime",
            "'1h' is not an ISO-8601 duration. Write it as P[nW][nD][T[nH][nM][nS]], "
            "for example PT30M (30 minutes), PT1H30M or P2D (2 days).",
        ),
        (
            with_change(["constraints"], {"retentionTime": 3600}),
            "$.constraints.retentionTime",
            'expected an ISO-8601 duration string such as "PT1H", got the number 3600.',
        ),
    ],
)
def test_bad_json_names_the_path(data, path, problem):
    with pytest.raises(SpecFormatError) as raised:
        task_json.from_batch_json(data, job_id="j")
    assert (raised.value.path, str(raised.value.problem)) == (path, problem)
    assert str(raised.value) == f"{path}: {problem}"


def test_json_text_syntax_errors_say_where():
    with pytest.raises(SpecFormatError) as raised:
        parse_json_text('{"id": "t",\n "commandLine" "x"}')
    assert str(raised.value) == "$: not valid JSON: Expecting ':' delimiter at line 2, column 16."
    assert parse_json_text('{"id": "t"}') == {"id": "t"}


def test_resource_files_with_an_identity_reference_import_and_export_unchanged():
    identity = "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/mpi"
    data = {
        **MINIMAL,
        "multiInstanceSettings": {
            **MINIMAL["multiInstanceSettings"],
            "commonResourceFiles": [
                {"storageContainerUrl": "https://lab.blob.core.windows.net/inputs", "identityReference": {"resourceId": identity}},
            ],
        },
        "resourceFiles": [{"httpUrl": "https://lab.blob.core.windows.net/bin/hello", "filePath": "hello",
                           "identityReference": {"resourceId": identity}}],
    }
    spec = task_json.from_batch_json(data, job_id="job")
    assert spec.common_resource_files[0].identity_reference == identity
    assert task_json.to_batch_json(spec) == data
