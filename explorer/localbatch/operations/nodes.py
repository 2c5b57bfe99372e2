"""Local compute nodes: ids, loopback addresses and their Batch documents.

A node that runs nothing is only a row: its directory tree (files/node_tree.py) is made
the first time a task, a start task or a file request uses it.
"""

from __future__ import annotations

import hashlib

from explorer.localbatch.wire.clock import now_iso

SSH_FRONTEND_PORT_BASE = 50000
# Addresses start at 127.1.0.1, skipping .0 and .255 in the last octet; 127.0.0.1 is the service's.
_LAST_OCTETS = 254


def node_ip(index: int) -> str:
    second, rest = divmod(index, 256 * _LAST_OCTETS)
    third, fourth = divmod(rest, _LAST_OCTETS)
    if second > 253:
        raise ValueError("no loopback addresses left for new nodes")
    return f"127.{second + 1}.{third}.{fourth + 1}"


def node_id(pool_id: str, index: int, dedicated: bool) -> str:
    digest = hashlib.sha1(f"{pool_id.lower()}/{index}".encode()).hexdigest()[:12]
    return f"tvmps_{digest}{index:06d}_{'d' if dedicated else 'p'}"


def new_node_doc(pool: dict, index: int, ip_index: int, dedicated: bool, endpoint: str) -> dict:
    moment = now_iso()
    ident = node_id(pool["id"], index, dedicated)
    return {
        "id": ident,
        "url": f"{endpoint}/pools/{pool['id']}/nodes/{ident}",
        "state": "creating",
        "schedulingState": "enabled",
        "stateTransitionTime": moment,
        "allocationTime": moment,
        "ipAddress": node_ip(ip_index),
        "affinityId": f"TVM:{ident}",
        "vmSize": pool.get("vmSize", ""),
        "totalTasksRun": 0,
        "totalTasksSucceeded": 0,
        "runningTasksCount": 0,
        "runningTaskSlotsCount": 0,
        "isDedicated": dedicated,
        "nodeAgentInfo": {"version": "localbatch-1.0", "lastUpdateTime": moment},
        "virtualMachineInfo": {
            "imageReference": dict((pool.get("virtualMachineConfiguration") or {}).get("imageReference") or {})
        },
        "endpointConfiguration": endpoint_configuration(ident, node_ip(ip_index)),
    }


def frontend_port(ident: str) -> int:
    """The SSH frontend port of the node: 50000 + its index, the last digits of its id."""
    digits = ident.split("_")[1][-6:]
    return SSH_FRONTEND_PORT_BASE + int(digits)


def endpoint_configuration(ident: str, ip_address: str) -> dict:
    """Azure's inbound SSH endpoint for a Linux node, with the node's loopback address."""
    return {
        "inboundEndpoints": [
            {
                "name": "SSHRule.0",
                "protocol": "tcp",
                "publicIPAddress": ip_address,
                "publicFQDN": ip_address,
                "frontendPort": frontend_port(ident),
                "backendPort": 22,
            }
        ]
    }
