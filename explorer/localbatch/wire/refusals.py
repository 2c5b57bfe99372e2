"""Properties of Batch bodies that Local Batch cannot honour, refused by name instead of dropped.

A job that depends on a container, an application package or a virtual network would
run differently here than on Azure, so a create or update that asks for one is answered
400 `PropertyNotSupportedByLocalBatch`, naming every such property and saying what to do.
An empty list (`"applicationPackageReferences": []`, which some clients always send)
asks for nothing and is accepted.

One exception keeps Azure's own answer: a pool naming application packages. Azure answers a
pool whose packages cannot be satisfied with 409 `InvalidApplicationPackageReferences`, and
Local Batch has no packages, so every reference is one it cannot satisfy: it answers the same,
saying why. (A task's missing package fails the task on Azure; Local Batch refuses it at create.)
"""

from __future__ import annotations

from explorer.localbatch.wire.bodies import Body
from explorer.localbatch.wire.errors import BatchError

CODE = "PropertyNotSupportedByLocalBatch"

# Per kind of body: the property (a dotted path inside the body) and why it cannot be honoured.
_CONTAINERS = "Local Batch runs tasks as processes on this machine, without containers"
_PACKAGES = "Local Batch has no application packages: ship the files as resource files"
_NETWORK = "Local Batch nodes are loopback addresses on this machine, not in a virtual network"
REFUSED: dict[str, dict[str, str]] = {
    "pool": {
        "networkConfiguration": _NETWORK,
        "applicationPackageReferences": _PACKAGES,
        "certificateReferences": "Local Batch installs no certificates",
        "userAccounts": "Local Batch runs every task as the user running the service",
        "upgradePolicy": "Local Batch nodes run this machine's operating system, which it does not upgrade",
        "resourceTags": "Local Batch creates no Azure resources to tag",
        "autoScaleFormula": "Local Batch does not evaluate autoscale formulas: set fixed targets",
        "autoScaleEvaluationInterval": "Local Batch does not evaluate autoscale formulas: set fixed targets",
        "virtualMachineConfiguration.containerConfiguration": _CONTAINERS,
        "virtualMachineConfiguration.windowsConfiguration": "Local Batch nodes are Linux",
        "virtualMachineConfiguration.dataDisks": "Local Batch attaches no data disks: use the node's shared directory",
        "virtualMachineConfiguration.extensions": "Local Batch nodes run no VM extensions",
        "startTask.containerSettings": _CONTAINERS,
    },
    "pool update": {
        "networkConfiguration": _NETWORK,
        "applicationPackageReferences": _PACKAGES,
        "userAccounts": "Local Batch runs every task as the user running the service",
        "upgradePolicy": "Local Batch nodes run this machine's operating system, which it does not upgrade",
        "vmSize": "Local Batch does not change an existing pool's VM size: create a new pool",
        "enableInterNodeCommunication": "Local Batch does not change an existing pool's inter-node communication: create a new pool",
        "taskSlotsPerNode": "Local Batch does not change an existing pool's task slots: create a new pool",
        "virtualMachineConfiguration": "Local Batch does not change an existing pool's image: create a new pool",
        "startTask.containerSettings": _CONTAINERS,
    },
    "job": {
        "networkConfiguration": _NETWORK,
    },
    "task": {
        "containerSettings": _CONTAINERS,
        "applicationPackageReferences": _PACKAGES,
        "authenticationTokenSettings": "Local Batch issues no authentication tokens to tasks",
        "exitConditions": "Local Batch does not act on exit conditions: check the task's exit code instead",
    },
}


def refuse_kind(body: Body, kind: str) -> None:
    """Raise 400 naming every property of REFUSED[kind] that the body asks for."""
    refuse_named(body, tuple(REFUSED[kind]), kind)


def refuse_named(body: Body, names: tuple[str, ...], kind: str) -> None:
    """Raise 400 naming each of `names` (with REFUSED[kind]'s reasons) that the body asks for."""
    asked = [name for name in names if _asks_for(body, name)]
    if not asked:
        return
    reasons = REFUSED[kind]
    if kind.startswith("pool") and "applicationPackageReferences" in asked:
        raise _packages_not_satisfied(body, reasons["applicationPackageReferences"])
    why = "; ".join(f"{name}: {reasons.get(name, 'not supported')}" for name in asked)
    raise BatchError(
        400, CODE,
        f"Local Batch cannot honour {', '.join(asked)} of a {kind.split()[0]}, so it does not accept them "
        f"(it never ignores what a body asks for). Remove them to run here. {why}.",
        {"PropertyName": ", ".join(asked)},
    )


def _packages_not_satisfied(body: Body, why: str) -> BatchError:
    references = body.raw("applicationPackageReferences")
    named = ", ".join(
        str(item.get("applicationId", "?")) + (f" {item['version']}" if item.get("version") else "")
        for item in references if isinstance(item, dict)
    ) if isinstance(references, list) else str(references)
    return BatchError(
        409, "InvalidApplicationPackageReferences",
        f"One or more application package references could not be satisfied: {named[:300]}. {why}.",
        {"PropertyName": "applicationPackageReferences"},
    )


def _asks_for(body: Body, dotted: str) -> bool:
    """Whether the body gives the property a value other than nothing, an empty list or object."""
    return body.raw_path(dotted) not in (None, [], {})
