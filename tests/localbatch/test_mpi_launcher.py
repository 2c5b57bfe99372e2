"""The ssh stand-in for MPICH Hydra: an unchanged Azure-style mpiexec command starts each
rank inside its own Local Batch node. Real mpiexec, real ranks, no HTTP server."""

from __future__ import annotations

import functools
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from explorer.localbatch.running import mpi_launcher
from explorer.localbatch.running.mpi_launcher import (
    HOST_MAP_ENV,
    NodeContext,
    launcher_environment,
    parse_ssh_args,
    write_host_map,
)
from explorer.resources import resource_path

SAMPLES = resource_path("samples")
VENV_BIN = Path(sys.executable).parent
MPIEXEC = shutil.which("mpiexec", path=str(VENV_BIN)) or shutil.which("mpiexec")

AZURE_COMMAND = (
    "/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n 4 -ppn 1 "
    "python3 $AZ_BATCH_TASK_SHARED_DIR/hello.py'"
)
RUN_TIMEOUT = 60.0
MARKER_ENV = "LOCALBATCH_TEST_MARKER"

needs_mpich = pytest.mark.skipif(
    MPIEXEC is None or not sys.platform.startswith("linux"),
    reason="MPICH's mpiexec (mpich wheel, Linux) is not available",
)


@dataclass
class Node:
    ip: str
    node_id: str
    root: Path        # <data>/nodes/<pool>/<nodeId>
    task_dir: Path    # AZ_BATCH_TASK_SHARED_DIR on that node
    wd: Path          # AZ_BATCH_TASK_WORKING_DIR on that node


@dataclass
class Cluster:
    nodes: list[Node]
    host_map: Path
    env: dict[str, str]   # the primary's environment, as Local Batch would set it
    marker: str


def _make_nodes(base: Path, count: int = 4) -> list[Node]:
    nodes = []
    for i in range(1, count + 1):
        node_id = f"tvmps_{i:04d}"
        root = base / "nodes" / "mpipool" / node_id
        for sub in ("shared", "startup"):
            (root / sub).mkdir(parents=True)
        # Azure: the primary's task dir is .../{task}, a subtask's .../{task}/{subtaskId}.
        task_dir = root / "workitems" / "job1" / "job-1" / "mpitask"
        if i > 1:
            task_dir = task_dir / str(i - 1)
        wd = task_dir / "wd"
        wd.mkdir(parents=True)
        nodes.append(Node(f"127.1.0.{i}", node_id, root, task_dir, wd))
    return nodes


def _instance_env(node: Node, nodes: list[Node]) -> dict[str, str]:
    ips = [n.ip for n in nodes]
    return {
        "AZ_BATCH_NODE_ID": node.node_id,
        "AZ_BATCH_NODE_ROOT_DIR": str(node.root),
        "AZ_BATCH_NODE_SHARED_DIR": str(node.root / "shared"),
        "AZ_BATCH_NODE_STARTUP_DIR": str(node.root / "startup"),
        "AZ_BATCH_TASK_DIR": str(node.task_dir),
        "AZ_BATCH_TASK_WORKING_DIR": str(node.wd),
        "AZ_BATCH_TASK_SHARED_DIR": str(node.task_dir),
        "AZ_BATCH_IS_CURRENT_NODE_MASTER": "true" if node is nodes[0] else "false",
        "AZ_BATCH_HOST_LIST": ",".join(ips),
        "AZ_BATCH_NODE_LIST": ";".join(ips),
        "AZ_BATCH_MASTER_NODE": f"{ips[0]}:6000",
        "CCP_NODES": " ".join([str(len(ips))] + [f"{ip} 1" for ip in ips]),
        "AZ_BATCH_POOL_ID": "mpipool",
        "AZ_BATCH_JOB_ID": "job1",
        "AZ_BATCH_TASK_ID": "mpitask",
    }


@pytest.fixture
def cluster(tmp_path):
    nodes = _make_nodes(tmp_path)
    for name in ("hello.py",):
        shutil.copy(SAMPLES / "mpi-hello" / name, nodes[0].task_dir / name)
    shutil.copy(SAMPLES / "mpi-progress" / "progress.py", nodes[0].task_dir / "progress.py")
    host_map = write_host_map(
        tmp_path / "mpi" / "hostmap.json",
        [NodeContext(n.ip, n.node_id, n.wd, _instance_env(n, nodes)) for n in nodes],
    )
    marker = uuid.uuid4().hex
    env = dict(os.environ)
    env.update(_instance_env(nodes[0], nodes))
    env.update(launcher_environment(host_map, path=f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"))
    env[MARKER_ENV] = marker
    yield Cluster(nodes, host_map, env, marker)
    # Whatever a test did, leave no process of it behind.
    leftovers = _marked_processes(marker)
    for proc in leftovers:
        try:
            proc.kill()
        except psutil.Error:
            pass
    assert not leftovers, f"processes left running: {leftovers}"


def _marked_processes(marker: str) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter():
        try:
            if proc.environ().get(MARKER_ENV) == marker:
                found.append(proc)
        except (psutil.Error, OSError):
            continue
    return found


def _wait_no_marked_processes(marker: str, timeout: float = 15.0) -> list[psutil.Process]:
    deadline = time.monotonic() + timeout
    while True:
        left = [p for p in _marked_processes(marker) if _alive(p)]
        if not left or time.monotonic() > deadline:
            return left
        psutil.wait_procs(left, timeout=0.2)


def _alive(proc: psutil.Process) -> bool:
    try:
        return proc.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _start(command_line: str, cluster: Cluster, **kwargs) -> subprocess.Popen:
    """Start a task command the way Local Batch does: argv via shlex, no shell,
    new session, the instance's environment, in the primary's working directory."""
    return subprocess.Popen(
        shlex.split(command_line),
        cwd=cluster.nodes[0].wd,
        env=cluster.env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        **kwargs,
    )


def _run(command_line: str, cluster: Cluster) -> subprocess.CompletedProcess:
    proc = _start(command_line, cluster)
    try:
        out, err = proc.communicate(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        pytest.fail(f"command did not finish in {RUN_TIMEOUT}s:\n{out}\n{err}")
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


_RANK_LINE = re.compile(r"^rank=(\d+) size=(\d+) node=(\S+) host=(\S+) ip=(\S+) master=(\S+) cwd=(.+)$")


def _rank_lines(stdout: str) -> dict[int, tuple[str, str, str, str, str, str]]:
    ranks = {}
    for line in stdout.splitlines():
        match = _RANK_LINE.match(line)
        if match:
            rank, size, node, host, ip, master, cwd = match.groups()
            ranks[int(rank)] = (size, node, ip, master, cwd, host)
    return ranks


def _through_the_shim(user: int | None = None) -> tuple[str, str]:
    """`hostname` and `id -u` as a rank sees them: run by the shim on a node, as `user` (root: this one)."""
    python = sys.executable if user is None else "/usr/bin/python3"  # one that `user` may run
    with tempfile.TemporaryDirectory() as place:
        os.chmod(place, 0o755)
        host_map = write_host_map(Path(place) / "hosts.json",
                                  [NodeContext(ip="127.1.0.9", node_id="tvmps_probe000009_d", cwd=place)])
        os.chmod(host_map, 0o644)
        done = subprocess.run(
            [python, "-IS", mpi_launcher.__file__, "-x", "127.1.0.9", "/bin/sh -c 'hostname; id -u'"],
            capture_output=True, text=True, check=True, user=user, group=user,
            env={"PATH": "/usr/bin:/bin", HOST_MAP_ENV: str(host_map)},
        )
    host, uid = done.stdout.split()
    return host, uid


@functools.cache
def names_hosts() -> bool:
    """Whether this machine lets the shim give each node its own host name (a UTS namespace)."""
    return _through_the_shim()[0] == "tvmps_probe000009_d"


@pytest.mark.parametrize("user", [None, 65534])
def test_each_node_has_its_own_host_name_where_the_kernel_allows_as_root_and_as_a_user(user):
    if user is not None and (os.geteuid() != 0 or not os.access("/usr/bin/python3", os.X_OK)):
        pytest.skip("needs root (to start a process as another user) and /usr/bin/python3")
    host, uid = _through_the_shim(user)
    assert uid == str(os.getuid() if user is None else user)  # the user namespace maps the user to itself
    assert host in ("tvmps_probe000009_d", socket.gethostname())  # the node's name, or (refused) unchanged
    if user is None:
        assert host == ("tvmps_probe000009_d" if names_hosts() else socket.gethostname())
    assert socket.gethostname() != "tvmps_probe000009_d"  # the service's own host name is untouched


def _assert_each_rank_in_its_node(result: subprocess.CompletedProcess, cluster: Cluster) -> None:
    assert result.returncode == 0, result.stdout + result.stderr
    ranks = _rank_lines(result.stdout)
    assert sorted(ranks) == [0, 1, 2, 3], result.stdout + result.stderr
    # -ppn 1 places rank i on the i-th host of AZ_BATCH_HOST_LIST.
    for rank, node in enumerate(cluster.nodes):
        size, node_id, ip, master, cwd, host = ranks[rank]
        assert size == "4"
        assert node_id == node.node_id
        assert host == (node.node_id if names_hosts() else socket.gethostname())
        assert ip == node.ip
        assert master == ("true" if rank == 0 else "false")
        assert Path(cwd).resolve() == node.wd.resolve()
    assert len({r[1] for r in ranks.values()}) == 4
    assert "hello from 4 ranks, sum of ranks = 6" in result.stdout


# ---- the Azure-style command, end to end ------------------------------------------


@needs_mpich
@pytest.mark.timeout(120)
def test_azure_command_runs_each_rank_in_its_own_node(cluster):
    result = _run(AZURE_COMMAND, cluster)
    _assert_each_rank_in_its_node(result, cluster)
    assert _wait_no_marked_processes(cluster.marker) == []


@needs_mpich
@pytest.mark.timeout(120)
def test_hydra_proxies_start_from_the_shell_table_without_the_python_shim(cluster):
    # Without the JSON map the Python shim would fail every launch: the launcher script did it all.
    cluster.host_map.unlink()
    result = _run(AZURE_COMMAND, cluster)
    _assert_each_rank_in_its_node(result, cluster)
    assert _wait_no_marked_processes(cluster.marker) == []


@needs_mpich
@pytest.mark.timeout(120)
def test_mpirun_is_routed_through_the_shim_too(cluster):
    result = _run(AZURE_COMMAND.replace("mpiexec ", "mpirun "), cluster)
    _assert_each_rank_in_its_node(result, cluster)
    assert _wait_no_marked_processes(cluster.marker) == []


@needs_mpich
@pytest.mark.timeout(120)
def test_user_exports_still_reach_every_rank(cluster):
    # HYDRA_ENV=none must not cut off what the command line itself sets up.
    command = (
        "/bin/bash -c 'export SAMPLE_SETTING=from-primary; mpiexec -hosts $AZ_BATCH_HOST_LIST "
        "-n 4 -ppn 1 python3 -c \"import os, sys; sys.stdout.write(os.environ[\\\"SAMPLE_SETTING\\\"] "
        "+ chr(32) + os.environ[\\\"AZ_BATCH_NODE_ID\\\"] + chr(10))\"'"
    )
    result = _run(command, cluster)
    assert result.returncode == 0, result.stderr
    lines = sorted(result.stdout.splitlines())
    assert lines == sorted(f"from-primary {n.node_id}" for n in cluster.nodes)


@needs_mpich
@pytest.mark.timeout(120)
def test_plain_single_node_mpiexec_still_works(cluster):
    # No -hosts: Hydra forks locally and never asks the shim.
    result = _run("/bin/bash -c 'mpiexec -n 2 python3 $AZ_BATCH_TASK_SHARED_DIR/hello.py'", cluster)
    assert result.returncode == 0, result.stderr
    ranks = _rank_lines(result.stdout)
    assert sorted(ranks) == [0, 1]
    assert {r[1] for r in ranks.values()} == {cluster.nodes[0].node_id}


@needs_mpich
@pytest.mark.timeout(120)
def test_unknown_host_fails_fast_with_a_clear_message(cluster):
    cluster.env["AZ_BATCH_HOST_LIST"] = "127.1.0.1,127.1.0.99"
    started = time.monotonic()
    result = _run(AZURE_COMMAND.replace("-n 4", "-n 2"), cluster)
    assert result.returncode != 0
    assert time.monotonic() - started < 30
    assert "localbatch-ssh: ssh: Could not resolve hostname 127.1.0.99" in result.stderr
    assert "not a node of this Local Batch task" in result.stderr
    assert _wait_no_marked_processes(cluster.marker) == []


@needs_mpich
@pytest.mark.slow
@pytest.mark.timeout(120)
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_ending_the_primary_ends_every_rank(cluster, sig):
    # Hydra puts each proxy and each rank into a session of its own, so a signal to the
    # primary's process group reaches mpiexec only; mpiexec (SIGTERM) or the proxies,
    # seeing their control connection drop (SIGKILL), take the ranks down.
    proc = _start(
        "/bin/bash -c 'mpiexec -hosts $AZ_BATCH_HOST_LIST -n 4 -ppn 1 "
        "python3 $AZ_BATCH_TASK_SHARED_DIR/progress.py --duration 60 --rate 10'",
        cluster,
    )
    try:
        deadline = time.monotonic() + RUN_TIMEOUT
        for line in proc.stdout:  # wait until the ranks are computing
            if line.startswith("step "):
                break
            assert time.monotonic() < deadline
        else:
            pytest.fail(f"no progress line; stderr: {proc.stderr.read()}")
        ranks = [p for p in _marked_processes(cluster.marker) if "progress.py" in " ".join(p.cmdline())]
        assert len(ranks) >= 4  # bash -c may have exec'd into mpiexec; ranks are python
        segments = mpi_launcher.mapped_mpich_shm([p.pid for p in ranks])
        os.killpg(proc.pid, sig)
        proc.communicate(timeout=RUN_TIMEOUT)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert _wait_no_marked_processes(cluster.marker) == []
    # Killed ranks never reach MPI_Finalize, which is where MPICH unlinks its segments.
    for name in segments:
        (Path("/dev/shm") / name).unlink(missing_ok=True)


# ---- the shim on its own ----------------------------------------------------------


def _shim(args: list[str], host_map: Path | None, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop(HOST_MAP_ENV, None)
    if host_map is not None:
        env[HOST_MAP_ENV] = str(host_map)
    return subprocess.run(
        [sys.executable, "-m", "explorer.localbatch.running.mpi_launcher", *args],
        check=False, env=env, capture_output=True, text=True, timeout=30, **kwargs,
    )


def test_shim_refuses_an_unknown_host_like_ssh(tmp_path):
    host_map = write_host_map(tmp_path / "map.json", [NodeContext("127.1.0.1", "n1", tmp_path, {})])
    result = _shim(["-x", "127.1.0.7", "true"], host_map)
    assert result.returncode == 255
    assert "Could not resolve hostname 127.1.0.7" in result.stderr
    assert "127.1.0.1" in result.stderr  # names the nodes it does know


def test_shim_without_host_map_explains_itself():
    result = _shim(["-x", "127.1.0.1", "true"], None)
    assert result.returncode == 255
    assert "LOCALBATCH_HOST_MAP is not set" in result.stderr


def test_shim_execs_the_command_in_the_node_context(tmp_path):
    wd = tmp_path / "node1" / "wd"
    wd.mkdir(parents=True)
    host_map = write_host_map(
        tmp_path / "map.json",
        [NodeContext("127.1.0.1", "node-1", wd, {"AZ_BATCH_TASK_WORKING_DIR": str(wd)})],
    )
    script = mpi_launcher.write_launcher_script(tmp_path / "bin")
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import os, json\n"
        "print(json.dumps([os.getpid(), os.getcwd(), os.environ['AZ_BATCH_NODE_ID'],"
        " os.environ['AZ_BATCH_TASK_WORKING_DIR'], os.environ['LOCALBATCH_NODE_IP'], os.environ['PWD']]))\n"
    )
    # Hydra's form: ssh options, host, then the quoted executable and plain arguments.
    env = dict(os.environ, **{HOST_MAP_ENV: str(host_map), "AZ_BATCH_NODE_ID": "primary"})
    proc = subprocess.Popen(
        [str(script), "-x", "127.1.0.1", f'"{sys.executable}"', str(probe)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    pid, cwd, node_id, task_wd, ip, pwd = json.loads(out)
    assert pid == proc.pid  # exec'd, not spawned: same process
    assert Path(cwd) == wd.resolve()
    assert (node_id, task_wd, ip, pwd) == ("node-1", str(wd), "127.1.0.1", str(wd))


def test_shim_hands_shell_syntax_to_a_shell(tmp_path):
    host_map = write_host_map(tmp_path / "map.json", [NodeContext("127.1.0.2", "node-2", tmp_path, {})])
    result = _shim(["127.1.0.2", "echo", "$AZ_BATCH_NODE_ID", "&&", "pwd"], host_map)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["node-2", str(tmp_path)]


def test_shim_reports_a_missing_command(tmp_path):
    host_map = write_host_map(tmp_path / "map.json", [NodeContext("127.1.0.2", "node-2", tmp_path, {})])
    result = _shim(["127.1.0.2", "no-such-program-xyz"], host_map)
    assert result.returncode == 127
    assert "no-such-program-xyz: command not found" in result.stderr


_FAKE_PROXY = """#!/bin/sh
echo "$$"; pwd; echo "$PWD $AZ_BATCH_NODE_ID $HOSTNAME $LOCALBATCH_NODE_IP $AZ_BATCH_TASK_WORKING_DIR"
hostname; id -u; grep CapEff /proc/$$/status; echo "$@"
exec ls /proc/self/fd
"""


def _script_node(place: Path, naming=mpi_launcher._DEFAULT_NAMING):
    """A generated launcher, a node of its shell table (JSON map removed) and a stand-in proxy, all in `place`."""
    os.chmod(place, 0o755)
    wd = place / "node" / "wd"
    wd.mkdir(parents=True)
    host_map = write_host_map(place / "hosts.json", [
        NodeContext("127.1.0.5", "tvmps_fast000005_d", wd, {"AZ_BATCH_TASK_WORKING_DIR": str(wd)})])
    host_map.unlink()  # the Python shim would fail without it: what follows runs without it
    proxy = place / "bin" / mpi_launcher.HYDRA_PROXY_NAME
    proxy.parent.mkdir()
    proxy.write_text(_FAKE_PROXY)
    proxy.chmod(0o755)
    for path in (place / "node", wd, mpi_launcher.shell_table_path(host_map)):
        os.chmod(path, 0o755)
    script = mpi_launcher.write_launcher_script(place / "launcher", naming=naming)
    os.chmod(place / "launcher", 0o755)
    return script, host_map, proxy, wd


def _through_the_script(script: Path, host_map: Path, proxy: Path, user: int | None = None,
                        pass_fds: tuple[int, ...] = ()) -> tuple[int, list[str]]:
    env = {"PATH": "/usr/bin:/bin", HOST_MAP_ENV: str(host_map)}
    proc = subprocess.Popen([str(script), "-x", "127.1.0.5", f'"{proxy}"', "--control-port", "127.0.0.1:4000",
                             "--proxy-id", "0"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            user=user, group=user, pass_fds=pass_fds)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    return proc.pid, out.splitlines()


def test_launcher_script_starts_the_proxy_in_its_node_without_an_interpreter(tmp_path):
    script, host_map, proxy, wd = _script_node(tmp_path)
    assert script.read_text().startswith("#!/") and "bash" in script.read_text().splitlines()[0]
    listener = socket.socket()  # mpiexec's leaked control socket: must not reach the proxy
    try:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        pid, lines = _through_the_script(script, host_map, proxy, pass_fds=(listener.fileno(),))
    finally:
        listener.close()
    shown_pid, cwd, env, host, uid, _caps, args, *fds = lines
    assert int(shown_pid) == pid  # exec'd all the way: the proxy keeps the launcher's pid
    assert Path(cwd) == wd.resolve()
    assert env.split() == [str(wd), "tvmps_fast000005_d", "tvmps_fast000005_d", "127.1.0.5", str(wd)]
    assert host == ("tvmps_fast000005_d" if names_hosts() else socket.gethostname())
    assert uid == str(os.getuid())
    assert set(fds) <= {"0", "1", "2", "3"}  # 3: the directory ls lists
    assert args == "--control-port 127.0.0.1:4000 --proxy-id 0"


def test_launcher_script_names_the_host_as_a_user_in_a_user_namespace_without_capabilities():
    if os.geteuid() != 0:
        pytest.skip("needs root (to start a process as another user)")
    user = 65534
    candidates = [n for n in mpi_launcher.naming_candidates(user) if "--user" in n.before]
    if not candidates:
        pytest.skip("no unshare/perl/setpriv on this machine")
    naming = candidates[0]
    with tempfile.TemporaryDirectory() as place:  # one `user` may enter (tmp_path's parents are root's)
        script, host_map, proxy, _wd = _script_node(Path(place), naming)
        _pid, lines = _through_the_script(script, host_map, proxy, user=user)
    host, uid, caps = lines[3], lines[4], lines[5]
    if mpi_launcher.probe_naming(naming, user=user, group=user):
        assert host == "tvmps_fast000005_d"
    assert uid == str(user)  # the user namespace maps the user to itself
    assert caps.split() == ["CapEff:", "0000000000000000"]  # nothing left of the namespace's capabilities


def test_launcher_script_hands_every_other_call_to_the_shim(tmp_path):
    host_map = write_host_map(tmp_path / "map.json", [NodeContext("127.1.0.2", "node-2", tmp_path, {})])
    script = mpi_launcher.write_launcher_script(tmp_path / "bin")
    env = dict(os.environ, **{HOST_MAP_ENV: str(host_map)})
    shell = subprocess.run([str(script), "127.1.0.2", "echo", "$AZ_BATCH_NODE_ID", "&&", "pwd"], env=env,
                           capture_output=True, text=True, timeout=30, check=False)
    assert shell.returncode == 0, shell.stderr
    assert shell.stdout.split() == ["node-2", str(tmp_path)]
    unknown = subprocess.run([str(script), "-x", "127.1.0.9", f'"{mpi_launcher.hydra_bin_dir()}/hydra_pmi_proxy"'],
                             env=env, capture_output=True, text=True, timeout=30, check=False)
    assert unknown.returncode == 255
    assert "Could not resolve hostname 127.1.0.9" in unknown.stderr


@pytest.mark.parametrize(
    ("argv", "host", "command"),
    [
        (["-x", "127.1.0.3", '"/p/hydra_pmi_proxy"', "--proxy-id", "2"], "127.1.0.3",
         ['"/p/hydra_pmi_proxy"', "--proxy-id", "2"]),
        (["-x", "-o", "StrictHostKeyChecking=no", "-p", "22", "u@127.1.0.4", "cmd"], "127.1.0.4", ["cmd"]),
        (["-xq", "-p22", "-lroot", "127.1.0.5", "a", "b"], "127.1.0.5", ["a", "b"]),
        (["--", "127.1.0.6", "-x"], "127.1.0.6", ["-x"]),
        (["ssh://me@127.1.0.7:2222", "c"], "127.1.0.7", ["c"]),
    ],
)
def test_parse_ssh_args(argv, host, command):
    assert parse_ssh_args(argv) == (host, command)


@pytest.mark.parametrize("ip", ["127.0.0.1", "127.0.1.1", "localhost"])
def test_host_map_refuses_addresses_hydra_forks_locally(tmp_path, ip):
    with pytest.raises(ValueError, match="treats as local"):
        write_host_map(tmp_path / "map.json", [NodeContext(ip, "n", tmp_path, {})])


def test_host_map_format(tmp_path):
    path = write_host_map(
        tmp_path / "sub" / "map.json",
        [NodeContext("127.1.0.1", "n1", tmp_path / "a", {"X": "1"}),
         NodeContext("127.1.0.2", "n2", tmp_path / "b", {})],
    )
    data = json.loads(path.read_text())
    assert data["127.1.0.1"] == {"node_id": "n1", "cwd": str(tmp_path / "a"),
                                 "env": {"X": "1", "AZ_BATCH_NODE_ID": "n1"}}
    assert set(data) == {"127.1.0.1", "127.1.0.2"}
    with pytest.raises(ValueError, match="duplicate"):
        write_host_map(path, [NodeContext("127.1.0.1", "a", tmp_path, {})] * 2)


def test_launcher_environment(tmp_path):
    host_map = write_host_map(tmp_path / "map.json", [NodeContext("127.1.0.1", "n1", tmp_path, {})])
    env = launcher_environment(host_map, bin_dir=tmp_path / "bin", path="/usr/bin:/bin")
    assert env[HOST_MAP_ENV] == str(host_map.resolve())
    assert env["HYDRA_LAUNCHER"] == "ssh"
    script = Path(env["HYDRA_LAUNCHER_EXEC"])
    assert script.parent == tmp_path / "bin" and os.access(script, os.X_OK)
    assert script.read_text().startswith("#!")
    assert env["HYDRA_ENV"] == "none"
    assert Path(env["HYDRA_CONFIG_FILE"]).read_text().split() == ["-hybrid-hosts"]
    assert env["HYDRA_IFACE"] == "lo"
    assert env["PATH"].split(os.pathsep)[0] == str(mpi_launcher.hydra_bin_dir())
    assert env["PATH"].endswith("/usr/bin:/bin")
    # Regenerating (another task, same directory) is idempotent.
    assert launcher_environment(host_map, bin_dir=tmp_path / "bin")["HYDRA_LAUNCHER_EXEC"] == str(script)


def test_shim_passes_only_stdio_to_the_command(tmp_path):
    # Hydra leaks its listening control socket into the launcher; a proxy that kept it
    # could connect to itself after mpiexec died and hang forever (seen with a failed
    # launch on another host).
    import socket

    host_map = write_host_map(tmp_path / "map.json", [NodeContext("127.1.0.1", "n1", tmp_path, {})])
    probe = tmp_path / "fds.py"
    probe.write_text("import os\nprint(sorted(int(f) for f in os.listdir('/proc/self/fd')))\n")
    listener = socket.socket()
    try:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        leaked = listener.fileno()
        result = _shim(["-x", "127.1.0.1", f'"{sys.executable}"', str(probe)], host_map,
                       pass_fds=(leaked,))
    finally:
        listener.close()
    assert result.returncode == 0, result.stderr
    fds = json.loads(result.stdout)
    assert leaked not in fds
    assert set(fds) <= {0, 1, 2, 3}  # 3: the directory listdir itself has open


def test_only_unmapped_mpich_segments_made_since_the_attempt_started_are_removed(tmp_path):
    import mmap

    leaked = tmp_path / "mpich_shm_dead_0"
    older = tmp_path / "mpich_shm_old_0"
    mapped = tmp_path / "mpich_shm_live_0"
    other = tmp_path / "not_mpich"
    older.write_bytes(b"\0" * 4096)
    started = older.stat().st_ctime + 0.001
    while time.time() < started + 0.01:  # ctime has the kernel's clock granularity
        time.sleep(0.005)
    for path in (leaked, mapped, other):
        path.write_bytes(b"\0" * 4096)
    with open(mapped, "r+b") as fh, mmap.mmap(fh.fileno(), 4096):
        # mapped_mpich_shm() matches by name, as /proc/<pid>/maps shows the path.
        removed = mpi_launcher.remove_unmapped_mpich_shm(started, shm_dir=tmp_path)
    assert removed == [leaked]
    assert older.exists() and mapped.exists() and other.exists()
