"""`mpi-explorer localbatch shell POOL NODE`: a shell inside a node's context, the way in that `ssh` to
the node's remote login address is on Azure.

The shell starts in the node's root directory with the environment its tasks see
(AZ_BATCH_NODE_ID, AZ_BATCH_NODE_SHARED_DIR, ..., this interpreter's `bin` first on PATH,
so `mpiexec` is MPICH's). The node is looked up through the Local Batch serving the data
dir (its endpoint file and key), so an unknown pool or node is answered as the service
answers it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.request
from email.utils import formatdate
from pathlib import Path
from urllib.parse import quote, urlsplit

from explorer.localbatch.api.auth import sign, string_to_sign
from explorer.localbatch.cli import KEY_ENV, KEY_FILE, default_data_dir
from explorer.localbatch.data_dir_lock import read_endpoint
from explorer.localbatch.files.node_tree import NodeDirectories
from explorer.localbatch.running.environment import node_variables

API_VERSION = "2025-06-01"


class ShellError(Exception):
    """The shell cannot be opened; the message says why and what to do."""


def add_shell_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pool", help="the pool id")
    parser.add_argument("node", help="the node id (az batch node list --pool-id POOL)")
    parser.add_argument("--data-dir", type=Path, default=None, help="the data dir of the Local Batch (default: the user data dir)")
    parser.add_argument("-c", "--command", dest="shell_command", default=None, help="run this command in the node's shell instead of an interactive shell")


def shell(args: argparse.Namespace) -> int:
    data_dir = args.data_dir or default_data_dir()
    try:
        endpoint, account, key = _service(data_dir)
        node = _get_node(endpoint, account, key, args.pool, args.node)
    except ShellError as error:
        print(f"Local Batch shell: {error}", file=sys.stderr)
        return 2
    pool_id = urlsplit(node["url"]).path.split("/")[2]
    node_root = NodeDirectories(data_dir / "nodes").make_node(pool_id, node["id"])
    env = node_variables(account, endpoint, pool_id, node, node_root)
    program = os.environ.get("SHELL") or "/bin/bash"
    argv = [program, "-c", args.shell_command] if args.shell_command is not None else [program, "-i"]
    os.chdir(node_root)
    os.execvpe(program, argv, env)
    return 0  # not reached: exec replaced this process


def _service(data_dir: Path) -> tuple[str, str, str]:
    info = read_endpoint(data_dir)
    if not info or not info.get("endpoint"):
        raise ShellError(f"no Local Batch serves {data_dir}: start one (mpi-explorer localbatch serve --data-dir {data_dir})")
    key = os.environ.get(KEY_ENV)
    if not key:
        try:
            key = (data_dir / KEY_FILE).read_text().strip()
        except OSError as error:
            raise ShellError(f"cannot read the account key {data_dir / KEY_FILE}: {error.strerror}") from None
    return info["endpoint"], info.get("account", "localbatch"), key


def _get_node(endpoint: str, account: str, key: str, pool_id: str, node_id: str) -> dict:
    path = f"/pools/{quote(pool_id, safe='')}/nodes/{quote(node_id, safe='')}"
    headers = {"ocp-date": formatdate(usegmt=True)}
    text = string_to_sign("GET", path, [("api-version", API_VERSION)], headers, account)
    headers["Authorization"] = f"SharedKey {account}:{sign(text, key)}"
    request = urllib.request.Request(f"{endpoint}{path}?api-version={API_VERSION}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310 - the service's own loopback endpoint
            return json.loads(answer.read())
    except urllib.error.HTTPError as error:
        try:
            body = json.loads(error.read())
            reason = f"{body['code']}: {body['message']['value']}"
        except (ValueError, KeyError, TypeError):
            reason = f"HTTP {error.code}"
        raise ShellError(f"pool {pool_id}, node {node_id}: {reason}") from None
    except (urllib.error.URLError, OSError) as error:
        raise ShellError(f"the Local Batch at {endpoint} cannot be reached: {error}") from None
