"""What validation reports: a problem with a field, and optionally a fix a UI can offer.

The checks write their messages as `Text`s (templates marked for translation, one context per
checks module), which the window shows in the user's language; the UI's own problems may carry
strings it has already translated. `str()` of either is the text as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from explorer.core.texts import Text


class FixKind(str, Enum):
    """Fixes a UI can apply with one button; the FixAction's value says how far."""

    RESIZE_POOL = "resize"  # value: the node count to resize the pool to
    SET_INSTANCES = "set_instances"  # value: the number of instances to use
    CREATE_POOL = "create_pool"  # the pool cannot be changed; create a suitable one
    ENABLE_INTER_NODE_COMMUNICATION = "enable_inter_node_communication"
    SET_TASK_SLOTS_PER_NODE = "set_task_slots_per_node"  # value: the slot count
    SET_RANKS = "set_ranks"  # value: the MPI process count for the application command's launcher


class Severity(str, Enum):
    """An error keeps a wizard from going on; a warning is shown and lets the user go on
    (the user may know better: a pool that autoscales, a deliberate process count)."""

    ERROR = "error"
    WARNING = "warning"


class FixAction(NamedTuple):
    """A structured fix; a NamedTuple so that it equals e.g. ``("resize", 8)``."""

    kind: FixKind
    value: int | None = None


@dataclass(frozen=True)
class Problem:
    """A mistake in a spec.

    ``field`` is the spec attribute path, e.g. "resource_files[1].http_url";
    ``message`` says what is wrong, ``fix`` how to put it right. ``fix_action`` is the
    fix a UI offers first, ``alternatives`` other one-button fixes the ``fix`` text names.
    A ``Severity.WARNING`` is said but does not block.
    """

    field: str
    message: str | Text
    fix: str | Text | None = None
    fix_action: FixAction | None = None
    alternatives: tuple[FixAction, ...] = ()
    severity: Severity = Severity.ERROR

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def fix_actions(self) -> tuple[FixAction, ...]:
        """Every one-button fix, the preferred one first."""
        return ((self.fix_action,) if self.fix_action is not None else ()) + self.alternatives
