import pytest

from explorer.core.mpi.rank_labels import RankActivity, format_ranks, label_length, parse_ranks, rank_of, ranks_in


@pytest.mark.parametrize(
    ("line", "rank", "length"),
    [
        (b"[3] step 10", 3, 4),  # Hydra -prepend-rank (MPICH, Intel MPI), as the real MPICH writes it
        (b"[12] ", 12, 5),
        (b"[0]", 0, 3),  # an empty line of rank 0
        (b"[1,3]<stdout>:step 10", 3, 14),  # Open MPI 4 --tag-output
        (b"[1,3]<stderr>: oops", 3, 15),  # Open MPI 5
        (b"[1,3][node-0:4242]<stdout>: x", 3, 28),
        (b"[INFO] not a rank", None, 0),
        (b"[3]x: a program's own brackets", None, 0),
        (b"plain line", None, 0),
        (b"", None, 0),
    ],
)
def test_rank_labels(line, rank, length):
    assert rank_of(line) == rank
    assert label_length(line) == length


def test_ranks_in_a_chunk_cut_mid_line():
    assert ranks_in(b"ial line\n[2] a\n[0] b\n[2] c") == {0, 2}
    assert ranks_in(b"[5] first\nno label\n") == {5}


@pytest.mark.parametrize(("text", "ranks"), [("", None), ("  ", None), ("3", {3}), ("0, 2-4", {0, 2, 3, 4}), ("1,1", {1})])
def test_parse_ranks(text, ranks):
    assert parse_ranks(text) == (frozenset(ranks) if ranks is not None else None)


@pytest.mark.parametrize(("text", "message"), [("a", "'a' is not a rank"), ("5-2", "lower rank first"),
                                               ("-1", "'-1' is not a rank"), ("0-20000", "more than 10,000")])
def test_parse_ranks_says_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=message):
        parse_ranks(text)


def test_format_ranks_is_the_inverse():
    assert format_ranks({0, 2, 3, 4, 7}) == "0, 2-4, 7"
    assert parse_ranks(format_ranks({0, 2, 3, 4, 7})) == {0, 2, 3, 4, 7}


def test_a_rank_never_heard_is_silent_since_the_first_line():
    activity = RankActivity()
    assert activity.silent(100.0, 5) == []
    activity.heard({0, 2}, 10.0)
    activity.heard({0}, 14.0)
    assert list(activity.ranks) == [0, 1, 2]
    assert activity.silent(16.0, 5) == [(1, 6.0), (2, 6.0)]
    assert activity.silent(16.0, 7) == []


def test_output_read_in_part_calls_no_rank_silent_over_it():
    activity = RankActivity()
    activity.heard({0, 1}, 10.0)
    # Rank 0's lines filled the sample of a poll at 14 s: rank 1 may have written in the part not read.
    activity.heard({0}, 14.0, whole=False)
    assert activity.silent(16.0, 5) == []
    assert activity.silent(19.0, 5) == [(0, 5.0), (1, 5.0)]
    activity.heard({0}, 18.0)  # read whole: rank 1 is not in it, silent since that poll
    assert activity.silent(20.0, 7) == []
    assert activity.silent(21.0, 7) == [(1, 7.0)]
