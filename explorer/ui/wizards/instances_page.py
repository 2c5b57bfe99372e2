"""Task wizard, page 2: how many instances (nodes), checked against the chosen pool."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLabel, QSpinBox

from explorer.core.specs.pool_info import PoolInfo
from explorer.core.specs.task_spec import MultiInstanceTaskSpec
from explorer.ui.wizards.spec_page import SpecPage

# Wide enough to type a wrong count and be told why it is wrong.
_SPIN_LIMIT = 100_000




def describe_pool(pool: PoolInfo) -> str:
    state = pool.allocation_state.value
    target = (InstancesPage.tr(", target {}").format(pool.target_nodes)
              if pool.target_nodes != pool.current_nodes else "")
    communication = InstancesPage.tr("on") if pool.enable_inter_node_communication else InstancesPage.tr("off")
    nodes = (InstancesPage.tr("1 node") if pool.current_nodes == 1
             else InstancesPage.tr("{} nodes").format(pool.current_nodes))
    slots = (InstancesPage.tr("1 task slot") if pool.task_slots_per_node == 1
             else InstancesPage.tr("{} task slots").format(pool.task_slots_per_node))
    return InstancesPage.tr("Pool '{}': {} ({}{}), inter-node communication {}, {} per node, {}.").format(
        pool.id, nodes, state, target, communication, slots, pool.os_family.value.title()
    )


class InstancesPage(SpecPage):
    def __init__(self, pool_state) -> None:
        """``pool_state()`` -> (pool id, PoolInfo or None, reading?) of the chosen pool."""
        super().__init__(
            InstancesPage.tr("Instances"),
            InstancesPage.tr("Each instance runs on its own node: the primary runs the MPI launcher, "
                             "the others host its ranks."),
        )
        self._pool_state = pool_state
        self.instances_spin = QSpinBox()
        self.instances_spin.setRange(0, _SPIN_LIMIT)
        self.pool_summary = QLabel()
        self.pool_summary.setWordWrap(True)
        form = self.new_form()
        self.add_field_row(form, self.tr("Instances:"), self.instances_spin, "number_of_instances")
        self.add_field_row(form, self.tr("Pool:"), self.pool_summary, "pool")
        self.instances_spin.valueChanged.connect(self.notify)

    def apply(self, spec: MultiInstanceTaskSpec) -> MultiInstanceTaskSpec:
        return replace(spec, number_of_instances=self.instances_spin.value())

    def load(self, spec: MultiInstanceTaskSpec) -> None:
        with self.loading():
            self.instances_spin.setValue(spec.number_of_instances)

    def busy(self) -> bool:
        return self._pool_state()[2]

    def sync(self) -> None:
        pool_id, pool, reading = self._pool_state()
        if reading:
            self.pool_summary.setText(self.tr("Reading pool '{}'…").format(pool_id))
        elif pool is not None:
            self.pool_summary.setText(describe_pool(pool))
        else:
            self.pool_summary.setText(self.tr("No pool chosen.") if not pool_id else "")
