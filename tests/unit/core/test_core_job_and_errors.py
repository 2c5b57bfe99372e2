"""New jobs, and service errors placed beside the field they concern."""

from explorer.core.batch_json import job_json
from explorer.core.checks.service_errors import SERVICE_FIELD, pool_creation_problem, task_submission_problem
from explorer.core.checks.validation import validate_job
from explorer.core.specs.job_spec import JobSpec


def test_valid_job_and_its_json():
    assert validate_job(JobSpec("mpi-jobs", "mpi-pool")) == []
    assert job_json.to_batch_json(JobSpec("mpi-jobs", "mpi-pool")) == {
        "id": "mpi-jobs",
        "poolInfo": {"poolId": "mpi-pool"},
    }


def test_job_problems_name_their_fields():
    [bad_id, no_pool] = validate_job(JobSpec("my job", ""))
    assert (bad_id.field, no_pool.field) == ("job_id", "pool_id")
    assert str(bad_id.message) == "The job ID contains characters Batch does not allow: ' '."
    assert str(no_pool.message) == "No pool is chosen."


def test_task_errors_point_at_their_fields():
    problem = task_submission_problem("TaskExists", "The specified task already exists.")
    assert (problem.field, str(problem.message)) == ("task_id", "The specified task already exists.")
    assert str(problem.fix).startswith("Choose another task ID")
    assert task_submission_problem("JobNotFound", "m").field == "job_id"
    assert task_submission_problem("PoolNotFound", "m").field == "pool"
    assert task_submission_problem(None, "connection refused").field == SERVICE_FIELD


def test_pool_errors_point_at_their_fields():
    assert pool_creation_problem("PoolExists", "m").field == "id"
    assert pool_creation_problem("InvalidPropertyValue", "m").field == SERVICE_FIELD
