"""OData $filter / $select / maxresults as the Local Batch list handlers apply them."""


import pytest

from explorer.localbatch.api.odata import ODataError, parse_filter, parse_maxresults, parse_select, project

TASK = {
    "id": "task-7",
    "state": "completed",
    "displayName": "it's a test",
    "creationTime": "2025-01-02T10:00:00.1234567Z",
    "multiInstanceSettings": {"numberOfInstances": 4},
    "executionInfo": {"result": "failure", "exitCode": 1, "retryCount": 0, "endTime": "2025-01-02T10:05:00Z"},
    "nodeInfo": {"nodeId": "tvmps_0001", "poolId": "mpi"},
    "isDirectory": False,
}


def matches(text: str, doc: dict = TASK) -> bool:
    return parse_filter(text)(doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("executionInfo/exitCode eq 1", True),
        ("executionInfo/exitCode ne 1", False),
        ("executionInfo/exitCode gt 0", True),
        ("executionInfo/exitCode gt 1", False),
        ("executionInfo/exitCode ge 1", True),
        ("executionInfo/exitCode lt 1", False),
        ("executionInfo/exitCode le 1", True),
        ("executionInfo/exitCode eq -1", False),
        ("multiInstanceSettings/numberOfInstances ge 2.5", True),
        ("1 lt executionInfo/exitCode", False),  # literal on the left: mirrored
        ("0 lt executionInfo/exitCode", True),
        ("id eq 'task-7'", True),
        ("id lt 'task-8'", True),
        ("isDirectory eq false", True),
        ("isDirectory eq 0", False),  # a boolean is not a number
        ("executionInfo/exitCode eq '1'", False),  # nor is a string
        ("executionInfo/exitCode ne '1'", True),
    ],
)
def test_comparison_operators(text, expected):
    assert matches(text) is expected


@pytest.mark.parametrize(
    "text", ["state EQ 'completed'", "state eq 'Completed'", "state eq 'COMPLETED' AND NOT id Eq 'x'"]
)
def test_operators_and_enum_values_ignore_case(text):
    assert matches(text)


def test_property_names_are_case_sensitive():
    assert matches("STATE eq null")


def test_id_comparison_ignores_case_like_batch_ids():
    assert matches("id eq 'TASK-7'")
    assert matches("startswith(id, 'TASK')")


def test_and_binds_tighter_than_or():
    doc = {"a": 1, "b": 0, "c": 0}
    assert parse_filter("a eq 1 or b eq 2 and c eq 3")(doc)  # a or (b and c)
    assert not parse_filter("(a eq 1 or b eq 2) and c eq 3")(doc)
    assert not parse_filter("b eq 2 and c eq 3 or a eq 2")(doc)


def test_not_applies_to_the_comparison_that_follows():
    assert not matches("not state eq 'completed'")
    assert matches("not state eq 'active' and executionInfo/result eq 'failure'")
    assert matches("not (state eq 'active' or state eq 'running')")
    assert not matches("not not state eq 'active'")


def test_nested_parentheses():
    assert matches("((state eq 'completed') and ((executionInfo/exitCode ne 0) or (id eq 'x')))")


def test_nested_paths_and_missing_fields_read_as_null():
    assert matches("nodeInfo/nodeId eq 'tvmps_0001'")
    assert matches("nodeInfo/affinityId eq null")
    assert matches("executionInfo/exitCode ne null")
    assert matches("noSuch/deeper/path eq null")
    assert matches("id/deeper eq null")  # through a string
    assert not matches("noSuch gt 0")
    assert not matches("noSuch lt 0")
    assert matches("noSuch ne 0")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("startswith(id, 'task-')", True),
        ("startswith(id,'job')", False),
        ("endswith(nodeInfo/nodeId, '_0001')", True),
        ("contains(displayName, 'A TEST')", True),
        ("substringof('test', displayName)", True),  # OData v2 argument order
        ("substringof(displayName, 'test')", False),
        ("startswith(executionInfo/exitCode, '1')", False),  # not text
        ("startswith(id, 'task') eq true", True),
        ("not startswith(id, 'task')", False),
    ],
)
def test_string_functions(text, expected):
    assert matches(text) is expected


def test_string_literal_escapes_quote_by_doubling():
    assert matches("displayName eq 'it''s a test'")
    assert parse_filter("id eq ''''")({"id": "'"})
    assert parse_filter("id eq ''")({"id": ""})


def test_literals_true_false_null_are_case_insensitive():
    assert matches("isDirectory eq FALSE")
    assert matches("nodeInfo/missing eq Null")
    assert matches("true")
    assert not matches("false")


@pytest.mark.parametrize(
    "literal",
    ["datetime'2025-01-02T10:00:00Z'", "'2025-01-02T10:00:00Z'", "2025-01-02T10:00:00Z", "'2025-01-02T11:00:00+01:00'"],
)
def test_times_compare_as_instants(literal):
    assert matches(f"creationTime gt {literal}")
    assert matches(f"executionInfo/endTime ge {literal}")
    assert not matches(f"creationTime lt {literal}")


def test_time_literal_without_offset_is_utc_and_seven_fraction_digits_are_read():
    assert matches("creationTime eq datetime'2025-01-02T10:00:00.123456'")
    assert matches("creationTime lt '2025-01-02T10:00:00.2'")


def test_time_looking_string_against_plain_text_compares_as_text():
    assert parse_filter("displayName eq '2025-01-02T10:00'")({"displayName": "2025-01-02t10:00"})
    assert parse_filter("displayName gt '2025-01-02T10:00:00Z'")({"displayName": "later"})


def test_datetime_literal_against_non_time_never_matches():
    assert not matches("id eq datetime'2025-01-02T10:00:00Z'")
    assert matches("id ne datetime'2025-01-02T10:00:00Z'")


@pytest.mark.parametrize(
    ("text", "fragment", "offset"),
    [
        ("(state eq 'active'", "'(' at position 1 is never closed", 0),
        ("state eq 'active')", "')' at position 18 has no matching '('", 17),
        ("startswith(id, 'a' and id eq 'b'", "'(' at position 11 is never closed", 10),
        ("state eqq 'active'", "unknown operator 'eqq' at position 7", 6),
        ("state == 'active'", "unknown operator '==' at position 7: OData writes it as 'eq'", 6),
        ("state eq 'active", "unterminated string starting at position 10", 9),
        ("state eq 'it''s", "unterminated string starting at position 14", 13),
        ("state eq", "ends too early: expected a value after 'eq'", 8),
        ("state eq and", "expected a value at position 10, found the keyword 'and'", 9),
        ("frobnicate(id, 'a')", "unknown function 'frobnicate' at position 1", 0),
        ("startswith(id)", "takes 2 arguments, got 1", 0),
        ("state eq 'a' id eq 'b'", "unexpected 'id' at position 14: expected 'and', 'or'", 13),
        ("state eq datetime'yesterday'", "'yesterday' at position 10 is not a valid time", 9),
        ("state eq 'a' ; drop", "unexpected character ';' at position 14", 13),
        ("", "the filter is empty", 0),
        ("   ", "the filter is empty", 0),
    ],
)
def test_bad_syntax_says_what_and_where(text, fragment, offset):
    with pytest.raises(ODataError) as caught:
        parse_filter(text)
    assert fragment in str(caught.value)
    assert caught.value.offset == offset


def test_nesting_is_limited_with_a_clear_error():
    assert matches("(" * 50 + "state eq 'completed'" + ")" * 50)
    with pytest.raises(ODataError, match="parentheses nest more than 50 deep at position 51"):
        parse_filter("(" * 51 + "state eq 'completed'" + ")" * 51)


def test_long_chains_do_not_nest():
    assert matches(" and ".join(["id ne null"] * 5000))
    assert matches(" or ".join(["id eq null"] * 5000 + ["id ne null"]))
    assert not matches("not " * 5001 + "true")


def test_a_bare_value_is_not_a_condition():
    with pytest.raises(ODataError, match="'active' is a value, not a condition"):
        parse_filter("'active'")
    with pytest.raises(ODataError, match="null is a value"):
        parse_filter("state eq 'a' or null")


def test_odata_error_is_a_value_error():
    assert issubclass(ODataError, ValueError)


def test_filters_ten_thousand_rows():
    states = ("active", "running", "completed")
    rows = [
        {
            "id": f"task-{i}",
            "state": states[i % 3],
            "executionInfo": {"exitCode": i % 5, "endTime": f"2025-01-{i % 28 + 1:02d}T10:00:00.1234567Z"},
        }
        for i in range(10_000)
    ]
    keep = parse_filter("state eq 'Completed' and (executionInfo/exitCode ne 0 or startswith(id, 'task-9'))")
    kept = [row for row in rows if keep(row)]  # its speed is a benchmark's business, not a test's
    assert len(kept) == sum(1 for i in range(10_000) if i % 3 == 2 and (i % 5 or str(i).startswith("9")))


# ------------------------------------------------------------------------ $select


def test_select_splits_and_trims():
    assert parse_select(" id , state,executionInfo/exitCode ") == ("id", "state", "executionInfo/exitCode")


@pytest.mark.parametrize("text", [None, "", "   "])
def test_no_select_means_everything(text):
    assert parse_select(text) is None
    assert project(TASK, parse_select(text)) == TASK


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("id,,state", "empty property name at position 4"),
        ("id,", "empty property name at position 4"),
        ("id, st ate", "'st ate' at position 5 is not a property name"),
        ("id,1state", "'1state' at position 4"),
        ("id,a//b", "'a//b'"),
    ],
)
def test_bad_select_names(text, fragment):
    with pytest.raises(ODataError) as caught:
        parse_select(text)
    assert fragment in str(caught.value)


def test_project_keeps_selected_top_level_properties_only():
    selected = project(TASK, ("id", "executionInfo/exitCode", "noSuchProperty"))
    assert selected == {"id": "task-7", "executionInfo": TASK["executionInfo"]}


def test_project_keeps_odata_annotations():
    doc = {"odata.metadata": "https://x/$metadata#tasks/@Element", "id": "t", "state": "active"}
    assert project(doc, ("state",)) == {"odata.metadata": doc["odata.metadata"], "state": "active"}


# --------------------------------------------------------------------- maxresults


@pytest.mark.parametrize(("text", "expected"), [(None, 1000), ("1", 1), (" 250 ", 250), ("1000", 1000), (7, 7)])
def test_maxresults(text, expected):
    assert parse_maxresults(text) == expected


@pytest.mark.parametrize("text", ["0", "1001", "-5", "ten", "", "2.5", "١٢"])
def test_maxresults_out_of_range_or_not_a_number(text):
    with pytest.raises(ODataError, match="maxresults must be a whole number from 1 to 1000"):
        parse_maxresults(text)
