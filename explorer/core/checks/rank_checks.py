"""Whether the MPI launcher in the application command starts as many processes as the
task has places for: ``number_of_instances`` nodes × processes per node.

The counts are read from the command as written (inside a ``/bin/bash -c '…'`` too):
``-n``/``-np`` for the processes, and ``-ppn`` (MPICH), ``-perhost`` (Intel MPI),
``-npernode``/``--map-by ppr:K:node`` or a ``host:K`` slot list (Open MPI) per node.
A command without a launcher, or without a process count, is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from explorer.core.checks.problems import FixAction, FixKind, Problem, Severity
from explorer.core.specs.task_spec import MAX_INSTANCES, MultiInstanceTaskSpec
from explorer.core.texts import QT_TRANSLATE_NOOP, Text

_LAUNCHER = re.compile(r"(?:^|[\s'\"/])(?:mpiexec|mpirun)(?:\.hydra|\.exe)?(?=\s)", re.IGNORECASE)
_RANKS = re.compile(r"(?<=\s)(?:-n|-np|--np|--n)(?:\s+|=)(\d+)(?=[\s'\"]|$)")
_PER_NODE = (
    re.compile(r"(?<=\s)(?:-ppn|-perhost|-npernode|--npernode)(?:\s+|=)(\d+)(?=[\s'\"]|$)"),
    re.compile(r"(?<=\s)--map-by(?:\s+|=)ppr:(\d+):node\b"),
    re.compile(r"(?<=\s)(?:--host|-host|-H)\s+\"?[^\s\"']*:(\d+)\"?(?=[\s'\"]|$)"),
)


class LaunchCounts(NamedTuple):
    """What the launcher is asked for; None where the command does not say."""

    ranks: int | None
    per_node: int | None


def launch_counts(command_line: str) -> LaunchCounts | None:
    """The launcher's process counts, or None if the command runs no mpiexec/mpirun."""
    launcher = _LAUNCHER.search(command_line)
    if launcher is None:
        return None
    rest = command_line[launcher.end() :]
    ranks = _RANKS.search(rest)
    per_node = next((match for pattern in _PER_NODE if (match := pattern.search(rest))), None)
    return LaunchCounts(int(ranks.group(1)) if ranks else None, int(per_node.group(1)) if per_node else None)


def with_ranks(command_line: str, ranks: int) -> str:
    """``command_line`` with the launcher's process count replaced by ``ranks`` (the fix)."""
    launcher = _LAUNCHER.search(command_line)
    if launcher is None:
        return command_line
    head, rest = command_line[: launcher.end()], command_line[launcher.end() :]
    return head + _RANKS.sub(lambda match: match.group(0)[: match.start(1) - match.start(0)] + str(ranks), rest, 1)


def rank_count_problems(spec: MultiInstanceTaskSpec) -> Iterator[Problem]:
    counts = launch_counts(spec.command_line)
    instances = spec.number_of_instances
    if counts is None or counts.ranks is None or not 1 <= instances <= MAX_INSTANCES:
        return
    ranks = counts.ranks
    if counts.per_node is None:
        if ranks < instances:
            template = QT_TRANSLATE_NOOP("RankChecks", "{instances} instances (one node each)")
            what = Text.of(template, instances=instances)
            yield _too_few(ranks, instances, what, instances)
        return
    per_node = counts.per_node
    places = instances * per_node
    if ranks == places or per_node < 1:
        return
    what = Text.of(
        QT_TRANSLATE_NOOP("RankChecks", "{instances} × {per_node} per node"),
        instances=Text.of(QT_TRANSLATE_NOOP("RankChecks", "{count} instances") if instances != 1
                          else QT_TRANSLATE_NOOP("RankChecks", "{count} instance"), count=instances),
        per_node=Text.of(QT_TRANSLATE_NOOP("RankChecks", "{count} processes") if per_node != 1
                         else QT_TRANSLATE_NOOP("RankChecks", "{count} process"), count=per_node),
    )
    if ranks < places:
        yield _too_few(ranks, places, what, places)
        return
    fitting = ranks // per_node
    yield Problem(
        "command_line",
        Text.of(QT_TRANSLATE_NOOP(
            "RankChecks", "The application command starts {ranks} MPI processes (-n {ranks}), but {what} make "
            "{places}: Open MPI refuses to start, MPICH and Intel MPI put more processes on a node than asked for."),
            ranks=ranks, what=what, places=places),
        Text.of(QT_TRANSLATE_NOOP("RankChecks", "Start {places} processes, or use {fitting} instances."),
                places=places, fitting=fitting)
        if ranks % per_node == 0 and fitting <= MAX_INSTANCES
        else Text.of(QT_TRANSLATE_NOOP("RankChecks", "Start {places} processes."), places=places),
        FixAction(FixKind.SET_RANKS, places),
        (FixAction(FixKind.SET_INSTANCES, fitting),) if ranks % per_node == 0 and fitting <= MAX_INSTANCES else (),
    )


def _too_few(ranks: int, places: int, what: Text, fix_to: int) -> Problem:
    if ranks != 1:
        message = QT_TRANSLATE_NOOP("RankChecks", "The application command starts {ranks} MPI processes (-n {ranks}), "
                                    "but {what} make {places} places: some nodes would run nothing.")
    else:
        message = QT_TRANSLATE_NOOP("RankChecks", "The application command starts {ranks} MPI process (-n {ranks}), "
                                    "but {what} make {places} places: some nodes would run nothing.")
    return Problem(
        "command_line",
        Text.of(message, ranks=ranks, what=what, places=places),
        Text.of(QT_TRANSLATE_NOOP(
            "RankChecks", "Start {fix_to} processes, unless fewer is what you want."), fix_to=fix_to),
        FixAction(FixKind.SET_RANKS, fix_to),
        severity=Severity.WARNING,
    )
