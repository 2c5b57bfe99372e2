"""Every message validate_task gives for a task on its own."""

from dataclasses import replace
from datetime import timedelta

import pytest

from explorer.core.checks.problems import FixAction, Problem
from explorer.core.checks.validation import validate_task
from explorer.core.durations import BATCH_MAX_DURATION
from explorer.core.specs.environment import EnvironmentSetting
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.task_spec import TaskConstraints
from explorer.core.specs.user_identity import AutoUser, UserIdentity


def only_problem(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


def test_valid_task_has_no_problems(task):
    assert validate_task(task) == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"job_id": ""}, "job_id", "The job ID is empty."),
        ({"task_id": "a b"}, "task_id", "The task ID contains characters Batch does not allow: ' '."),
        (
            {"display_name": "x" * 1025},
            "display_name",
            "The display name is 1025 characters long; Batch allows at most 1024.",
        ),
        ({"command_line": "  "}, "command_line", "The application command is empty."),
        ({"coordination_command_line": ""}, "coordination_command_line", "The coordination command is empty."),
        (
            {"number_of_instances": 0},
            "number_of_instances",
            "The number of instances is 0; a task needs at least one node.",
        ),
        (
            {"number_of_instances": 101},
            "number_of_instances",
            "101 instances is more than the 100 nodes Azure Batch lets a pool with inter-node communication have "
            "(80 in user-subscription mode): there the task would never start.",
        ),
    ],
)
def test_task_field_problems(task, changes, field, message):
    problem = only_problem(validate_task(replace(task, **changes)))
    assert (problem.field, str(problem.message)) == (field, message)
    assert problem.fix


def test_instance_count_fixes_offer_a_count(task):
    assert only_problem(validate_task(replace(task, number_of_instances=0))).fix_action == ("set_instances", 1)
    assert only_problem(validate_task(replace(task, number_of_instances=500))).fix_action == FixAction(
        "set_instances", 100
    )


def resource_problem(task, resource: ResourceFile, *, common: bool = False) -> Problem:
    field = "common_resource_files" if common else "resource_files"
    return only_problem(
        validate_task(replace(task, **{field: (ResourceFile(http_url="https://a.example/x", file_path="x"), resource)}))
    )


@pytest.mark.parametrize(
    ("resource", "field", "message"),
    [
        (ResourceFile(file_path="x"), "[1]", "The resource file has no source."),
        (
            ResourceFile(http_url="https://h/x", auto_storage_container_name="data", file_path="x"),
            "[1]",
            "The resource file has 2 sources (http_url, auto_storage_container_name); Batch takes exactly one.",
        ),
        (ResourceFile(http_url="", file_path="x"), "[1].http_url", "The HTTP URL is empty."),
        (
            ResourceFile(http_url="https://h/my file", file_path="x"),
            "[1].http_url",
            "The HTTP URL contains spaces or line breaks.",
        ),
        (
            ResourceFile(http_url="h.example/x", file_path="x"),
            "[1].http_url",
            "The HTTP URL 'h.example/x' does not start with a scheme.",
        ),
        (
            ResourceFile(http_url="ftp://h/x", file_path="x"),
            "[1].http_url",
            "The HTTP URL uses 'ftp:', but Batch downloads only over http and https.",
        ),
        (
            ResourceFile(http_url="https:///x", file_path="x"),
            "[1].http_url",
            "The HTTP URL 'https:///x' has no host name.",
        ),
        (
            ResourceFile(http_url="https://h:99999/x", file_path="x"),
            "[1].http_url",
            "The HTTP URL has an invalid port.",
        ),
        (
            ResourceFile(http_url="https://h/x", blob_prefix="in/", file_path="x"),
            "[1].blob_prefix",
            "A blob prefix applies only to container sources, not to an HTTP URL.",
        ),
        (
            ResourceFile(http_url="https://h/x"),
            "[1].file_path",
            "A file downloaded from an HTTP URL needs a file path.",
        ),
        (ResourceFile(http_url="https://h/x", file_path=""), "[1].file_path", "The file path is empty."),
        (
            ResourceFile(http_url="https://h/x", file_path="/etc/x"),
            "[1].file_path",
            "The file path '/etc/x' is absolute; Batch saves files under the task directory.",
        ),
        (
            ResourceFile(http_url="https://h/x", file_path="C:\\x"),
            "[1].file_path",
            "The file path 'C:\\x' is absolute; Batch saves files under the task directory.",
        ),
        (
            ResourceFile(http_url="https://h/x", file_path="a/../../x"),
            "[1].file_path",
            "The file path 'a/../../x' uses '..' to leave the task directory, which Batch refuses.",
        ),
        (
            ResourceFile(http_url="https://h/x", file_path="x", file_mode="rwx"),
            "[1].file_mode",
            "The file mode 'rwx' is not an octal permission.",
        ),
        (
            ResourceFile(storage_container_url="https://acct.blob.core.windows.net?sig=1"),
            "[1].storage_container_url",
            "The storage container URL names no container.",
        ),
        (
            ResourceFile(storage_container_url="https://acct.blob.core.windows.net/data/in/x.txt?sig=1"),
            "[1].storage_container_url",
            "The storage container URL points inside container 'data' (at 'in/x.txt') rather than at the container.",
        ),
        (
            ResourceFile(storage_container_url="s3://bucket"),
            "[1].storage_container_url",
            "The storage container URL uses 's3:', but Batch downloads only over http and https.",
        ),
        (
            ResourceFile(auto_storage_container_name="ab"),
            "[1].auto_storage_container_name",
            "Container name 'ab' has 2 characters; Azure Storage needs 3 to 63.",
        ),
        (
            ResourceFile(auto_storage_container_name="Inputs"),
            "[1].auto_storage_container_name",
            "Container name 'Inputs' contains capital letters; container names are lowercase.",
        ),
        (
            ResourceFile(auto_storage_container_name="in_puts"),
            "[1].auto_storage_container_name",
            "Container name 'in_puts' contains characters other than letters, digits and hyphens.",
        ),
        (
            ResourceFile(auto_storage_container_name="in--puts"),
            "[1].auto_storage_container_name",
            "Container name 'in--puts' starts or ends with a hyphen or has two in a row.",
        ),
    ],
)
def test_resource_file_problems(task, resource, field, message):
    problem = resource_problem(task, resource)
    assert (problem.field, str(problem.message)) == (f"resource_files{field}", message)
    assert problem.fix


def test_common_resource_files_are_checked_too(task):
    assert resource_problem(task, ResourceFile(), common=True).field == "common_resource_files[1]"


@pytest.mark.parametrize(
    "resource",
    [
        ResourceFile(http_url="http://127.0.0.1:10000/devstoreaccount1/data/x?sv=1", file_path="x", file_mode="0755"),
        ResourceFile(storage_container_url="http://127.0.0.1:10000/devstoreaccount1/data?sv=1", blob_prefix="in/"),
        ResourceFile(storage_container_url="https://acct.blob.core.windows.net/data?sv=1", file_path="inputs"),
        ResourceFile(auto_storage_container_name="mpi-inputs", blob_prefix="run1/"),
    ],
)
def test_valid_resource_files(task, resource):
    assert validate_task(replace(task, resource_files=(resource,))) == []


def test_resource_file_fixes_are_concrete(task):
    absolute = resource_problem(task, ResourceFile(http_url="https://h/x", file_path="/data/x"))
    assert str(absolute.fix) == "Use a relative path such as 'data/x'."
    capitals = resource_problem(task, ResourceFile(auto_storage_container_name="Inputs"))
    assert str(capitals.fix) == "Use 'inputs'."
    inside = resource_problem(task, ResourceFile(storage_container_url="https://a.blob.core.windows.net/data/in/x"))
    assert "put 'in/x' in the blob prefix" in str(inside.fix)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "An environment variable has no name."),
        ("1ST", "The environment variable name '1ST' starts with a digit."),
        ("MY-VAR", "The environment variable name 'MY-VAR' contains characters other than letters, digits and '_'."),
        (
            "AZ_BATCH_HOST_LIST",
            "'AZ_BATCH_HOST_LIST' is set by Batch itself (AZ_BATCH_* and CCP_NODES describe the nodes to MPI).",
        ),
        (
            "az_batch_node_id",
            "'az_batch_node_id' is set by Batch itself (AZ_BATCH_* and CCP_NODES describe the nodes to MPI).",
        ),
        ("CCP_NODES", "'CCP_NODES' is set by Batch itself (AZ_BATCH_* and CCP_NODES describe the nodes to MPI)."),
    ],
)
def test_environment_name_problems(task, name, message):
    settings = (EnvironmentSetting("OK", "1"), EnvironmentSetting(name, "x"))
    problem = only_problem(validate_task(replace(task, environment_settings=settings)))
    assert (problem.field, str(problem.message)) == ("environment_settings[1].name", message)
    assert problem.fix


def test_duplicate_environment_names_point_at_both_rows(task):
    settings = (EnvironmentSetting("A"), EnvironmentSetting("B"), EnvironmentSetting("A", "2"))
    problem = only_problem(validate_task(replace(task, environment_settings=settings)))
    assert problem.field == "environment_settings[2].name"
    assert str(problem.message) == "'A' is set twice (rows 1 and 3)."


def test_environment_names_suggest_a_valid_spelling(task):
    settings = (EnvironmentSetting("MY-VAR.X"),)
    assert str(only_problem(validate_task(replace(task, environment_settings=settings))).fix) == "Use e.g. 'MY_VAR_X'."


@pytest.mark.parametrize(
    ("identity", "field", "message"),
    [
        (
            UserIdentity("bob", AutoUser()),
            "user_identity",
            "The identity names both a user and an auto-user; Batch takes one or the other.",
        ),
        (UserIdentity(), "user_identity", "The user identity names neither a user nor an auto-user."),
        (UserIdentity(" "), "user_identity.user_name", "The user name is empty."),
    ],
)
def test_user_identity_problems(task, identity, field, message):
    problem = only_problem(validate_task(replace(task, user_identity=identity)))
    assert (problem.field, str(problem.message)) == (field, message)


@pytest.mark.parametrize(
    ("constraints", "field", "message"),
    [
        (
            TaskConstraints(max_wall_clock_time=timedelta(0)),
            "max_wall_clock_time",
            "The maximum wall-clock time must be more than zero.",
        ),
        (
            TaskConstraints(retention_time=timedelta(seconds=-1)),
            "retention_time",
            "The retention time must be zero or more.",
        ),
        (
            TaskConstraints(max_wall_clock_time=BATCH_MAX_DURATION + timedelta(days=1)),
            "max_wall_clock_time",
            "The maximum wall-clock time is longer than Batch's maximum of 10675199 days.",
        ),
        (
            TaskConstraints(max_task_retry_count=-2),
            "max_task_retry_count",
            "The maximum retry count is -2; Batch accepts 0 or more, or -1 for unlimited retries.",
        ),
    ],
)
def test_constraint_problems(task, constraints, field, message):
    problem = only_problem(validate_task(replace(task, constraints=constraints)))
    assert (problem.field, str(problem.message)) == (f"constraints.{field}", message)


def test_duration_fixes_say_what_unset_means(task):
    wall_clock = only_problem(
        validate_task(replace(task, constraints=TaskConstraints(max_wall_clock_time=timedelta(0))))
    )
    retention = only_problem(validate_task(replace(task, constraints=TaskConstraints(retention_time=timedelta(-1)))))
    assert str(wall_clock.fix).endswith("leave it unset for no limit.")
    assert str(retention.fix).endswith("leave it unset for Batch's default of 7 days.")


def test_valid_constraints(task):
    constraints = TaskConstraints(timedelta(hours=1), timedelta(0), -1)
    assert validate_task(replace(task, constraints=constraints)) == []


def test_problems_in_several_fields_are_all_reported(task):
    problems = validate_task(replace(task, task_id="", number_of_instances=0, command_line=""))
    assert [problem.field for problem in problems] == ["task_id", "command_line", "number_of_instances"]
