"""The images a Local Batch pool may name, and the check a pool's `virtualMachineConfiguration` passes.

Local Batch nodes are Linux processes on this machine, so the images it supports are the
Linux marketplace images Azure Batch lists (any of them runs as this machine's Linux),
each with the node agent Azure pairs it with; `GET /supportedimages` serves this list.
A pool is checked against it as Azure checks a pool against its account's list:

- a marketplace image that is not in the list, or named with another image's node agent,
  is answered 400 `InvalidPropertyValue`, as Azure answers it;
- a Windows image (or a Windows node agent) is answered 400 `PropertyNotSupportedByLocalBatch`:
  Azure would run it, Local Batch cannot, and it says what to use instead;
- an image given by `virtualMachineImageId` (a gallery or managed image Local Batch cannot
  look into) must have the shape of an ARM image id, and a Linux node agent from the list.

Publisher, offer, sku and node agent compare case-insensitively, as on Azure; any version
is accepted (a local node has no image versions to pick from).
"""

from __future__ import annotations

import re

from explorer.localbatch.wire.bodies import Body
from explorer.localbatch.wire.errors import BatchError, invalid_value
from explorer.localbatch.wire.refusals import CODE as NOT_SUPPORTED

SUPPORTED_IMAGES: tuple[dict, ...] = tuple(
    {
        "nodeAgentSKUId": agent,
        "imageReference": {"publisher": publisher, "offer": offer, "sku": sku, "version": "latest"},
        "verificationType": "verified",
        "capabilities": [],
        "osType": "linux",
    }
    for agent, publisher, offer, sku in (
        ("batch.node.ubuntu 24.04", "canonical", "ubuntu-24_04-lts", "server"),
        ("batch.node.ubuntu 22.04", "canonical", "0001-com-ubuntu-server-jammy", "22_04-lts"),
        ("batch.node.ubuntu 20.04", "canonical", "0001-com-ubuntu-server-focal", "20_04-lts"),
        ("batch.node.debian 12", "debian", "debian-12", "12"),
        ("batch.node.el 9", "almalinux", "almalinux-x86_64", "9-gen2"),
        ("batch.node.el 8", "almalinux", "almalinux-hpc", "8_7-hpc-gen2"),
        ("batch.node.el 8", "microsoft-dsvm", "ubuntu-hpc", "2204"),
    )
)
_AGENTS = {image["nodeAgentSKUId"].lower(): image["nodeAgentSKUId"] for image in SUPPORTED_IMAGES}
_AGENT_OF = {
    tuple(image["imageReference"][part].lower() for part in ("publisher", "offer", "sku")): image["nodeAgentSKUId"]
    for image in SUPPORTED_IMAGES
}
_EXAMPLE = "publisher canonical, offer ubuntu-24_04-lts, sku server with nodeAgentSKUId batch.node.ubuntu 24.04"
_NAME = r"[^/\s]+"
_IMAGE_ID = re.compile(
    rf"^/subscriptions/{_NAME}/resourceGroups/{_NAME}/providers/Microsoft\.Compute/"
    rf"(galleries/{_NAME}/images/{_NAME}(/versions/{_NAME})?|images/{_NAME})$",
    re.IGNORECASE,
)
_IMAGE = "virtualMachineConfiguration.imageReference"
_AGENT = "virtualMachineConfiguration.nodeAgentSKUId"


def check_vm_configuration(vm_config: Body) -> None:
    """Raise 400 unless the configuration names a Linux image Local Batch supports, with its node agent."""
    image = vm_config.obj("imageReference", required=True)
    agent = vm_config.str("nodeAgentSKUId", required=True) or ""
    assert image is not None
    if image.has("virtualMachineImageId"):
        _check_image_id(image)
        _check_agent(agent)
        return
    parts = tuple((image.str(part, required=True) or "") for part in ("publisher", "offer", "sku"))
    if _is_windows(agent, parts):
        raise _windows_refused(agent, parts)
    paired = _AGENT_OF.get(tuple(part.lower() for part in parts))
    if paired is None:
        publisher, offer, sku = parts
        reason = (
            f"The image publisher {publisher}, offer {offer}, sku {sku} is not one Local Batch supports. "
            f"Use one of GET /supportedimages, e.g. {_EXAMPLE}."
        )
        raise invalid_value(_IMAGE, ":".join(parts), reason)
    if paired.lower() != agent.lower():
        raise invalid_value(
            _AGENT, agent,
            f"The image {':'.join(parts)} runs with the node agent {paired}, not {agent}: set nodeAgentSKUId to {paired}.",
        )


def _check_image_id(image: Body) -> None:
    """A virtualMachineImageId is an Azure Compute Gallery image (or version) or a managed image, as Azure requires."""
    text = image.str("virtualMachineImageId", required=True)
    if not _IMAGE_ID.match(text or ""):
        raise invalid_value(
            f"{_IMAGE}.virtualMachineImageId", text,
            "Give an image's ARM resource id: /subscriptions/SUB/resourceGroups/GROUP/providers/Microsoft.Compute/"
            "galleries/GALLERY/images/IMAGE[/versions/VERSION], or .../providers/Microsoft.Compute/images/IMAGE.",
        )


def _check_agent(agent: str) -> None:
    if "windows" in agent.lower():
        raise _windows_refused(agent, None)
    if agent.lower() not in _AGENTS:
        raise invalid_value(
            _AGENT, agent,
            f"The node agent {agent} is not one Local Batch supports: use one of {', '.join(sorted(set(_AGENTS.values())))}.",
        )


def _is_windows(agent: str, parts: tuple[str, ...]) -> bool:
    return "windows" in agent.lower() or any("windows" in part.lower() for part in parts[:2])


def _windows_refused(agent: str, parts: tuple[str, ...] | None) -> BatchError:
    named = ":".join(parts) if parts else agent
    return BatchError(
        400, NOT_SUPPORTED,
        f"Local Batch cannot run the Windows image {named}: its nodes are Linux processes on this machine. "
        f"Use a Linux image of GET /supportedimages to run here (e.g. {_EXAMPLE}), "
        "or create the Windows pool on an Azure Batch account.",
        {"PropertyName": _IMAGE if parts else _AGENT},
    )
