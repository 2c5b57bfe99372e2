"""What validation reports: a problem with a field, and optionally a fix a UI can offer."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple


class FixKind(str, Enum):
    """Fixes a UI can apply with one button; the FixAction's value says how far."""

    RESIZE_POOL = "resize"  # value: the node count to resize the pool to
    SET_INSTANCES = "set_instances"  # value: the number of instances to use
    CREATE_POOL = "create_pool"  # the pool cannot be changed; create a suitable one
    ENABLE_INTER_NODE_COMMUNICATION = "enable_inter_node_communication"
    SET_TASK_SLOTS_PER_NODE = "set_task_slots_per_node"  # value: the slot count


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
    """

    field: str
    message: str
    fix: str | None = None
    fix_action: FixAction | None = None
    alternatives: tuple[FixAction, ...] = ()

    @property
    def fix_actions(self) -> tuple[FixAction, ...]:
        """Every one-button fix, the preferred one first."""
        return ((self.fix_action,) if self.fix_action is not None else ()) + self.alternatives
