import pytest

from explorer.core.checks.ids import MAX_ID_LENGTH, check_id, id_error, next_id, suggest_id


@pytest.mark.parametrize("value", ["a", "hello-4", "MPI_job_2", "x" * MAX_ID_LENGTH])
def test_valid_ids_have_no_issue(value):
    assert check_id(value) is None
    assert id_error(value) is None


def test_empty_id():
    assert tuple(map(str, check_id("", "task ID"))) == (
        "The task ID is empty.",
        "Enter 1 to 64 letters, digits, hyphens or underscores.",
    )


def test_too_long_id_says_by_how_much():
    issue = check_id("x" * 70, "job ID")
    assert str(issue.message) == "The job ID is 70 characters long; Batch allows at most 64."
    assert str(issue.fix) == "Shorten it by 6 characters."
    assert str(check_id("x" * 65).fix) == "Shorten it by 1 character."


def test_invalid_characters_are_named_and_a_valid_id_suggested():
    issue = check_id("my task.v2", "pool ID")
    assert str(issue.message) == "The pool ID contains characters Batch does not allow: ' ', '.'."
    assert str(issue.fix) == "Use only letters, digits, '-' and '_', for example 'my-task-v2'."


def test_non_ascii_letters_are_refused():
    assert "'é'" in str(check_id("café").message)


def test_id_error_joins_message_and_fix():
    assert id_error("", "task ID") == "The task ID is empty. Enter 1 to 64 letters, digits, hyphens or underscores."


@pytest.mark.parametrize(
    ("text", "expected"),
    [("My task (v2)", "My-task-v2"), ("ok_id", "ok_id"), ("...", "id"), ("a" * 80, "a" * 64)],
)
def test_suggest_id_always_returns_a_valid_id(text, expected):
    assert suggest_id(text) == expected
    assert check_id(suggest_id(text)) is None


@pytest.mark.parametrize(
    ("taken", "suggested"),
    [
        ("run-7", "run-8"),
        ("run_09", "run_10"),
        ("hello", "hello-2"),
        ("v2", "v2-2"),
        ("x" * MAX_ID_LENGTH, "x" * 62 + "-2"),
    ],
)
def test_next_id_suggests_a_valid_successor(taken, suggested):
    assert next_id(taken) == suggested
    assert check_id(next_id(taken)) is None
