"""The rank labels MPI launchers put in front of output lines, and which ranks were heard when.

    rank_of(b"[3] step 10")                  -> 3      (Hydra -prepend-rank: MPICH, Intel MPI)
    rank_of(b"[1,3]<stdout>: step 10")       -> 3      (Open MPI --tag-output)
    label_length(b"[3] step 10")             -> 4
    parse_ranks("0, 2-4")                    -> frozenset({0, 2, 3, 4})

Hydra writes ``[k] `` before every line of rank k (and again after a partial line is
continued by another write); Open MPI 4 writes ``[jobid,k]<stdout>:``, Open MPI 5 the same
with a space after the colon (and ``[jobid,k][host:pid]<stdout>: `` with more options).
`RankActivity` keeps, per rank, when a line of it last arrived, for "rank k silent for N s".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from explorer.core.texts import QT_TRANSLATE_NOOP, Text, TextError

_LABEL = re.compile(rb"\[(?:\d+,)?(\d{1,7})\](?:\[[^\]\n]{0,200}\])?(?:<std(?:out|err|diag)>:)? ?")
# A label at the start of any line of a chunk (the first line of a chunk is checked apart).
_LINE_LABEL = re.compile(rb"\n\[(?:\d+,)?(\d{1,7})\]")
MAX_RANK = 1_000_000


def _match(line: bytes) -> re.Match[bytes] | None:
    match = _LABEL.match(line)
    if match is None:
        return None
    if match.group(0).endswith(b"]") and not line.startswith(b" ", match.end()) and match.end() < len(line):
        # "[3]x": Hydra always writes a space after its label; Open MPI's ends in ">:". Keep
        # "[3]" itself (a rank writing an empty line) but not "[3]foo" (a program's own brackets).
        return None
    return match


def rank_of(line: bytes) -> int | None:
    """The rank whose label starts ``line``, None for a line without one."""
    match = _match(line)
    return int(match.group(1)) if match is not None else None


def label_length(line: bytes) -> int:
    """How many bytes at the start of ``line`` are its rank label (0 without one)."""
    match = _match(line)
    return match.end() if match is not None else 0


def ranks_in(data: bytes) -> set[int]:
    """The ranks labelling any line of ``data`` (a chunk of output, possibly cut mid-line)."""
    ranks = {int(rank) for rank in _LINE_LABEL.findall(data)}
    first = rank_of(data)
    if first is not None:
        ranks.add(first)
    return ranks


class RanksError(TextError, ValueError):
    """What is wrong with the ranks typed (`TextError`)."""


def parse_ranks(text: str) -> frozenset[int] | None:
    """The ranks a user typed ("3", "0,2", "4-7", "0, 2-4"); None (all ranks) for an empty text.

    Raises `RanksError`, saying what is wrong, for anything else.
    """
    ranks: set[int] = set()
    for part in (piece.strip() for piece in text.split(",")):
        if not part:
            continue
        low, dash, high = part.partition("-")
        try:
            first, last = int(low), int(high) if dash else int(low)
        except ValueError:
            raise RanksError(Text.of(QT_TRANSLATE_NOOP(
                "Ranks", "'{part}' is not a rank: type rank numbers, like 0, 2-5"), part=part)) from None
        if first < 0 or last < first or last > MAX_RANK:
            raise RanksError(Text.of(QT_TRANSLATE_NOOP(
                "Ranks", "'{part}' is not a range of ranks: write the lower rank first, like 2-5"), part=part))
        if last - first > 10_000:
            raise RanksError(Text.of(QT_TRANSLATE_NOOP("Ranks", "'{part}' spans more than 10,000 ranks: narrow it"),
                                     part=part))
        ranks.update(range(first, last + 1))
    return frozenset(ranks) if ranks else None


def format_ranks(ranks: Iterable[int]) -> str:
    """``{0, 2, 3, 4}`` -> "0, 2-4" (the inverse of `parse_ranks`)."""
    ordered = sorted(set(ranks))
    parts: list[str] = []
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        parts.append(str(ordered[i]) if i == j else f"{ordered[i]}-{ordered[j]}")
        i = j + 1
    return ", ".join(parts)


class RankActivity:
    """When each rank was last heard (a time in seconds of any monotonic clock).

    Ranks are numbered from 0: once rank 3 is heard, ranks 0-2 exist too, and one never heard
    counts as silent since the first line of any rank arrived. Output read only in part (``whole``
    False: a fast log, of which the reader sampled the end) may hold lines of any rank: no rank is
    silent over the time up to it, so silence counts from the last such read at the latest.
    """

    def __init__(self) -> None:
        self._heard: dict[int, float] = {}
        self._first: float | None = None
        self._unseen_until: float | None = None

    @property
    def ranks(self) -> range:
        """The ranks known to exist: 0 up to the highest heard."""
        return range(max(self._heard) + 1) if self._heard else range(0)

    def heard(self, ranks: Iterable[int], now: float, whole: bool = True) -> None:
        """``ranks`` wrote in output that arrived by ``now``; ``whole``: all of it was read."""
        if not whole:
            self._unseen_until = now
        for rank in ranks:
            self._heard[rank] = now
        if self._first is None and self._heard:
            self._first = now

    def silent(self, now: float, after: float) -> list[tuple[int, float]]:
        """(rank, seconds silent) of every rank not heard for ``after`` seconds or more, longest first."""
        if self._first is None:
            return []
        floor = self._unseen_until if self._unseen_until is not None else self._first
        quiet = [(rank, now - max(self._heard.get(rank, self._first), floor)) for rank in self.ranks]
        return sorted(((rank, for_s) for rank, for_s in quiet if for_s >= after), key=lambda item: (-item[1], item[0]))
