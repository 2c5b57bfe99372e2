"""Coordination and application command lines for common MPI implementations.

Batch runs command lines without a shell, so every command is wrapped:
``/bin/bash -c '<inner>'`` on Linux (the inner command quoted with shlex, so
``$AZ_BATCH_HOST_LIST`` reaches bash unexpanded and bash expands it on the
node) and ``cmd /c <inner>`` on Windows (cmd expands ``%VAR%`` itself).

``program`` is inserted verbatim into the inner command, in that shell's
syntax, so it may carry arguments and variables, e.g.
``python3 $AZ_BATCH_TASK_SHARED_DIR/hello.py --size 10``.

Idioms chosen:

* MPICH and Intel MPI use the Hydra launcher, which starts remote ranks itself
  (over SSH) and needs no daemon, so their coordination command is only a
  readiness check that also logs which node is which. Hydra's ``-hosts``
  takes the comma list that ``AZ_BATCH_HOST_LIST`` holds; MPICH spells
  processes per node ``-ppn``, Intel MPI ``-perhost``.
* Open MPI wants slot counts in its host list, so bash rewrites
  ``ip1,ip2`` into ``ip1:P,ip2:P`` (``${AZ_BATCH_HOST_LIST//,/:P,}:P``). It refuses
  to run as root unless given ``--allow-run-as-root``: use a non-admin user.
* MS-MPI needs its ``smpd`` daemon on every node: the coordination command
  starts it in the background (``start``) so that the command returns, as Batch
  requires. ``CCP_NODES`` ("N ip1 1 ip2 1 ...") is exactly mpiexec's
  ``-hosts`` syntax; ``-c P`` overrides its per-host count. MS-MPI's bin
  directory must be on PATH (the MS-MPI installer puts it there).
* Every launcher that can is asked to label each output line with its rank, so the
  output pane can filter and colour by rank (`rank_labels`): Hydra's ``-prepend-rank``
  (MPICH, Intel MPI: ``[k] ``), Open MPI's ``--tag-output`` (``[jobid,k]<stdout>:``).
  MS-MPI is left as it was (its ``-lines`` format was not checked against a real MS-MPI).
* Custom runs ``program`` as the whole application command, for users who
  write their own mpiexec line; coordination is the readiness check.

SSH-launched ranks need the same account on every node; a pool-scoped
auto-user is the usual choice on Linux.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from enum import Enum

from explorer.core.specs.os_family import OsFamily
from explorer.core.texts import QT_TRANSLATE_NOOP, Text, TextError


class MpiPreset(str, Enum):
    MPICH = "mpich"
    INTEL_MPI = "intel_mpi"
    OPEN_MPI = "open_mpi"
    MS_MPI = "ms_mpi"
    CUSTOM = "custom"


@dataclass(frozen=True)
class MpiCommands:
    """The two command lines of a multi-instance task, ready for its spec."""

    coordination_command_line: str
    command_line: str


_LINUX_READINESS = 'echo "$AZ_BATCH_NODE_ID ready" && hostname'
_WINDOWS_READINESS = "echo %AZ_BATCH_NODE_ID% ready && hostname"

# (preset, OS) -> (inner coordination command, inner application command template).
# Templates get {program}, {processes} (instances x processes per node) and {per_node}.
_TEMPLATES: dict[tuple[MpiPreset, OsFamily], tuple[str, str]] = {
    (MpiPreset.MPICH, OsFamily.LINUX): (
        _LINUX_READINESS,
        "mpiexec -prepend-rank -hosts $AZ_BATCH_HOST_LIST -n {processes} -ppn {per_node} {program}",
    ),
    (MpiPreset.INTEL_MPI, OsFamily.LINUX): (
        _LINUX_READINESS,
        "mpiexec -prepend-rank -hosts $AZ_BATCH_HOST_LIST -n {processes} -perhost {per_node} {program}",
    ),
    (MpiPreset.OPEN_MPI, OsFamily.LINUX): (
        _LINUX_READINESS,
        'mpirun --tag-output --host "${{AZ_BATCH_HOST_LIST//,/:{per_node},}}:{per_node}" -np {processes} {program}',
    ),
    (MpiPreset.CUSTOM, OsFamily.LINUX): (_LINUX_READINESS, "{program}"),
    (MpiPreset.MS_MPI, OsFamily.WINDOWS): (
        "start cmd /c smpd.exe -debug",
        "mpiexec -c {per_node} -hosts %CCP_NODES% {program}",
    ),
    (MpiPreset.CUSTOM, OsFamily.WINDOWS): (_WINDOWS_READINESS, "{program}"),
}

_DISPLAY_NAMES = {
    MpiPreset.MPICH: "MPICH",
    MpiPreset.INTEL_MPI: "Intel MPI",
    MpiPreset.OPEN_MPI: "Open MPI",
    MpiPreset.MS_MPI: "MS-MPI",
    MpiPreset.CUSTOM: "Custom",
}


def display_name(preset: MpiPreset) -> str:
    return _DISPLAY_NAMES[preset]


def presets_for(os_family: OsFamily) -> list[MpiPreset]:
    """The presets that run on ``os_family``, in menu order."""
    return [preset for preset, family in _TEMPLATES if family is os_family]


def wrap_in_shell(inner: str, os_family: OsFamily) -> str:
    """Make ``inner`` a Batch command line that the OS's shell runs."""
    if os_family is OsFamily.LINUX:
        return f"/bin/bash -c {shlex.quote(inner)}"
    return f"cmd /c {inner}"


class PresetError(TextError, ValueError):
    """A program or counts a preset cannot run: `text` says how to fix it, for the window to translate."""


def build_commands(
    preset: MpiPreset,
    program: str,
    number_of_instances: int,
    processes_per_node: int = 1,
    os_family: OsFamily = OsFamily.LINUX,
) -> MpiCommands:
    """Coordination and application command lines running ``program`` on
    ``number_of_instances`` nodes with ``processes_per_node`` ranks each.

    Raises PresetError (a ValueError), saying how to fix it, for an empty or multi-line program,
    counts below 1, or a preset that does not run on ``os_family``.
    """
    if not program.strip():
        raise PresetError(Text.of(QT_TRANSLATE_NOOP(
            "MpiPresets", "The program is empty; enter what each MPI rank runs, e.g. 'python3 hello.py'.")))
    if "\n" in program or "\r" in program:
        raise PresetError(Text.of(QT_TRANSLATE_NOOP(
            "MpiPresets", "The program spans several lines; a command line is one line, so join them with ' && '.")))
    if number_of_instances < 1 or processes_per_node < 1:
        raise PresetError(Text.of(QT_TRANSLATE_NOOP(
            "MpiPresets", "Cannot run {instances} instances with {per_node} processes per node; both must be at "
            "least 1."), instances=number_of_instances, per_node=processes_per_node))
    try:
        coordination, application = _TEMPLATES[preset, os_family]
    except KeyError:
        usable = ", ".join(display_name(candidate) for candidate in presets_for(os_family))
        raise PresetError(Text.of(QT_TRANSLATE_NOOP(
            "MpiPresets", "{preset} does not run on {family} pools; choose one of: {usable}."),
            preset=display_name(preset), family=os_family.value.title(), usable=usable)) from None
    inner_application = application.format(
        program=program.strip(),
        processes=number_of_instances * processes_per_node,
        per_node=processes_per_node,
    )
    return MpiCommands(
        coordination_command_line=wrap_in_shell(coordination, os_family),
        command_line=wrap_in_shell(inner_application, os_family),
    )
