"""An ssh stand-in that lets an unchanged ``mpiexec -hosts $AZ_BATCH_HOST_LIST ...`` start
each MPI rank inside its own Local Batch node.

Hydra (the process manager of MPICH's ``mpiexec``/``mpirun``) starts one
``hydra_pmi_proxy`` per host through a launcher, by default ``ssh -x HOST "proxy" args``.
Local Batch points Hydra at this module instead (see :func:`launcher_environment`).
Called like ssh, it looks HOST up in a host map (JSON, path in ``LOCALBATCH_HOST_MAP``),
overlays that node's environment, changes to that node's directory and *execs* the
proxy command, so the proxy keeps the launcher's pid, stays a child of the primary's
``mpiexec`` and goes away with it. The proxy then forks the ranks, which inherit
the node context.

What Hydra does by itself, and why each variable of :func:`launcher_environment` is set
(MPICH 5.0.x, checked against its source and by experiment):

- ``HYDRA_LAUNCHER=ssh`` + ``HYDRA_LAUNCHER_EXEC=<generated script>``: use this shim
  wherever ``ssh`` would run. Hydra calls it as ``EXEC -x HOST "/abs/hydra_pmi_proxy"
  --control-port H:P ... --proxy-id N`` (the exec path arrives wrapped in literal double
  quotes, for the remote shell), or with ``-hybrid-hosts`` the bare name
  ``hydra_pmi_proxy``.
- Hydra *forks* the proxy without the launcher for a host it considers local:
  ``MPL_host_is_local`` compares the host string with the hostname, its resolved
  address, every interface address, ``localhost``, ``127.0.0.1`` and ``127.0.1.1``.
  127.1.x.y node addresses are none of those (Linux binds all of 127/8 to ``lo`` but
  lists only 127.0.0.1), so every node goes through the shim, while a plain
  ``mpiexec -n 4 app`` (no hosts) still forks locally as usual. Node addresses
  must therefore not be one of the local names above: :func:`write_host_map` refuses them.
  (``HYDRA_LAUNCHER_AUTOFORK=0`` would force the launcher even for local hosts, but would
  make that plain single-node ``mpiexec`` fail, so it is left alone.)
- ``HYDRA_ENV=none``: by default Hydra sends mpiexec's whole environment (all but
  ``DISPLAY``) to every proxy, which sets it on the ranks *over* the proxy's own, so
  every rank would see the primary's ``AZ_BATCH_NODE_ID``. With ``none`` the ranks
  inherit the proxy's environment: the primary's (the shim is its child) with the node
  overlay on top. ``-genv``/``-env`` of the user still win; an explicit ``-genvall``/
  ``-envall`` on the command line brings back the primary's values.
- ``HYDRA_CONFIG_FILE`` -> a generated file holding ``-hybrid-hosts`` ("hosts do not
  share paths"; there is no environment variable for it): without it mpiexec sends its
  own cwd as ``--exec-wdir`` and each proxy ``chdir``s there, so every rank would run in
  the primary's working directory. With it no wdir is sent (unless the user passes
  ``-wdir``) and the ranks start in the node's directory the shim changed to. It also
  makes Hydra name the proxy without a path, which the shim resolves on PATH or next
  to this interpreter. Setting ``HYDRA_CONFIG_FILE`` hides a user's
  ``~/.mpiexec.hydra.conf``, and an explicit ``-configfile`` on the command line skips it.
- ``HYDRA_IFACE=lo``: the proxies connect back to ``lo``'s address (127.0.0.1:port)
  rather than to the machine's hostname, which need not resolve. The listening socket
  itself is still bound to 0.0.0.0 by Hydra; nothing here changes that.
- ``UCX_NET_DEVICES=lo`` (MPICH's default ch4:ucx netmod) and ``FI_TCP_IFACE``/
  ``FI_SOCKETS_IFACE=lo`` (ch4:ofi): keep rank-to-rank TCP on loopback instead of
  listening on every interface (observed: UCX otherwise listens on eth0 as well).
  All ranks see the same hostname, so MPICH treats them as one host and uses shared
  memory between them anyway.

Ending a task: Hydra starts every proxy and every rank in a session of its own, so a
signal to the primary's process group reaches ``mpiexec`` only. That is enough: on
SIGTERM ``mpiexec`` takes proxies and ranks down, and after SIGKILL each proxy sees its
control connection drop and kills its ranks (both checked by the tests). Killed ranks
leave their ``/dev/shm/mpich_shm_*`` segments behind (MPICH unlinks them in
MPI_Finalize): call :func:`remove_unmapped_mpich_shm` when an attempt has ended.

Open MPI (out of scope): its ``mpirun`` would need ``OMPI_MCA_plm_rsh_agent`` /
``PRTE_MCA_plm_ssh_agent`` pointed at the same script, and it forwards no environment
by default; this module is written and tested only for MPICH Hydra.

This module uses only the standard library and is run as a script by the generated
launcher (without importing the ``explorer`` package), so it must stay self-contained.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import sys

HOST_MAP_ENV = "LOCALBATCH_HOST_MAP"
"""Environment variable naming the host map JSON file the shim reads."""

NODE_IP_ENV = "LOCALBATCH_NODE_IP"
"""Set by the shim on every proxy (and so on every rank): the node address it reached."""

LAUNCHER_SCRIPT_NAME = "localbatch-ssh"
HYDRA_CONFIG_NAME = "mpiexec.hydra.conf"
HYDRA_PROXY_NAME = "hydra_pmi_proxy"

# Host strings MPL_host_is_local() always treats as local; Hydra would fork them
# directly and the node context would be silently lost.
_ALWAYS_LOCAL = frozenset({"localhost", "127.0.0.1", "127.0.1.1"})

# ssh options that take a value (OpenSSH 9); all other letters are flags.
_SSH_OPTS_WITH_VALUE = set("BbcDEeFIiJLlmOoPpQRSWw")

# Anything a remote shell would interpret beyond plain words and quotes.
_SHELL_SYNTAX = re.compile(r"[|&;<>()$`\\*?\[\]#~{}\n]")

_EXIT_SSH_ERROR = 255  # what ssh returns for its own failures
_EXIT_NOT_FOUND = 127  # what a remote shell returns for an unknown command


# ---- the shim itself: standard library only, and nothing slow to import ---------


class _ShimError(Exception):
    def __init__(self, message: str, code: int = _EXIT_SSH_ERROR) -> None:
        super().__init__(message)
        self.code = code


def parse_ssh_args(argv: list[str]) -> tuple[str, list[str]]:
    """Split ssh/rsh-style arguments into (host, remote command words)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            i += 1
            break
        if not arg.startswith("-") or arg == "-":
            break
        # A cluster of flags ("-xq"), possibly ending in an option with its value
        # attached ("-p22") or in the next argument ("-p 22").
        j = 1
        while j < len(arg):
            if arg[j] in _SSH_OPTS_WITH_VALUE:
                if j == len(arg) - 1:
                    i += 1  # value is the next argument
                break
            j += 1
        i += 1
    if i >= len(argv):
        raise _ShimError("usage: localbatch-ssh [ssh options] HOST COMMAND...")
    host = argv[i]
    if host.startswith("ssh://"):
        host = host[len("ssh://"):]
        name, _, port = host.rpartition(":")
        if name and port.isdigit():
            host = name
    host = host.rsplit("@", 1)[-1]  # user@host: users mean nothing here
    return host, argv[i + 1:]


def load_host_map(path: str | os.PathLike) -> dict[str, dict]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise _ShimError(f"cannot read host map {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise _ShimError(f"host map {path} is not a JSON object")
    return data


def _hydra_bin_dir() -> str:
    import sysconfig  # only needed here and by the API; keep the shim's start fast

    scripts = sysconfig.get_path("scripts")
    found = shutil.which(HYDRA_PROXY_NAME, path=scripts) or shutil.which(HYDRA_PROXY_NAME)
    return os.path.dirname(found) if found else scripts


def _resolve(program: str, env: dict[str, str]) -> str:
    if "/" in program:
        return program
    found = shutil.which(program, path=env.get("PATH", os.defpath))
    if found is None and program == HYDRA_PROXY_NAME:
        # -hybrid-hosts names the proxy without a path; the task's PATH may lack it.
        found = shutil.which(program, path=str(_hydra_bin_dir()))
    if found is None:
        raise _ShimError(f"{program}: command not found", _EXIT_NOT_FOUND)
    return found


def build_exec(host: str, command: list[str], host_map: dict[str, dict],
               base_env: dict[str, str]) -> tuple[str, list[str], dict[str, str], str]:
    """Work out (program, argv, env, cwd) for running ``command`` on ``host``."""
    node = host_map.get(host)
    if node is None:
        known = ", ".join(sorted(host_map)) or "none"
        raise _ShimError(
            f"ssh: Could not resolve hostname {host}: not a node of this Local Batch "
            f"task (known nodes: {known})"
        )
    if not command:
        raise _ShimError(f"{host}: no remote command given (interactive login is not supported)")
    env = dict(base_env)
    env.update({str(k): str(v) for k, v in (node.get("env") or {}).items()})
    if node.get("node_id"):
        env["AZ_BATCH_NODE_ID"] = str(node["node_id"])
        env["HOSTNAME"] = str(node["node_id"])  # the node's host name (see enter_node_host_name)
    env[NODE_IP_ENV] = host
    cwd = str(node.get("cwd") or env.get("HOME") or "/")
    env["PWD"] = cwd

    # ssh joins the words with spaces and hands them to the remote shell.
    line = " ".join(command)
    words = None if _SHELL_SYNTAX.search(line) else shlex.split(line)
    if not words or "=" in words[0]:
        argv = ["/bin/sh", "-c", line]
    else:
        argv = words
    return _resolve(argv[0], env), argv, env, cwd


def _close_inherited_fds() -> None:
    """Let only stdin/stdout/stderr through the exec, as ssh would.

    Hydra's mpiexec leaks its listening control socket (no close-on-exec) into the
    launcher. Over real ssh that stays on the launching host; here the proxy would
    inherit it, and if mpiexec exits before the proxy connects (e.g. another host
    failed to launch), the proxy connects to its *own* copy of the listener and waits
    forever. Marking every other descriptor close-on-exec avoids that orphan.
    """
    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        fds = list(range(3, 1024))
    for fd in fds:
        if fd > 2:
            try:
                os.set_inheritable(fd, False)
            except OSError:
                pass  # already closed (e.g. the fd listdir itself used)


_CLONE_NEWUTS = 0x04000000
_CLONE_NEWUSER = 0x10000000


def enter_node_host_name(name: str) -> bool:
    """Give this process (and so the proxy and its ranks) a UTS namespace of its own named `name`.

    `gethostname()` (MPI_Get_processor_name, `hostname`) then names the node a rank runs on, as on
    Batch, where each node is a VM. As root a new UTS namespace is enough; otherwise it comes with
    an unprivileged user namespace that maps this user to itself (its owner may name its hosts;
    capabilities end at the exec, ids and files look as before). False where the kernel or a
    container refuses both (HOSTNAME still names the node): nothing else changes then.
    """
    try:
        import ctypes  # only here: ~2 ms, and only for the proxies that get this far

        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    uid, gid = os.geteuid(), os.getegid()
    if not (uid == 0 and libc.unshare(_CLONE_NEWUTS) == 0):
        if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWUTS) != 0:
            return False
        try:
            for path, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
                with open(f"/proc/self/{path}", "w", encoding="ascii") as fh:
                    fh.write(text)
        except OSError:
            return False
    encoded = name.encode()
    return libc.sethostname(encoded, len(encoded)) == 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; on success it never returns (the process becomes the command)."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        host, command = parse_ssh_args(argv)
        map_path = os.environ.get(HOST_MAP_ENV)
        if not map_path:
            raise _ShimError(f"{HOST_MAP_ENV} is not set: no Local Batch host map to look {host} up in")
        program, args, env, cwd = build_exec(host, command, load_host_map(map_path), dict(os.environ))
        try:
            os.chdir(cwd)
        except OSError as exc:
            raise _ShimError(f"{host}: cannot enter node directory {cwd}: {exc}") from exc
        sys.stdout.flush()
        sys.stderr.flush()
        if "HOSTNAME" in env:
            enter_node_host_name(env["HOSTNAME"])
        _close_inherited_fds()
        # exec, never spawn: the proxy must keep this pid and stay mpiexec's child.
        os.execve(program, args, env)
    except _ShimError as exc:
        print(f"localbatch-ssh: {exc}", file=sys.stderr, flush=True)
        return exc.code
    except OSError as exc:
        print(f"localbatch-ssh: cannot execute {argv!r}: {exc}", file=sys.stderr, flush=True)
        return _EXIT_NOT_FOUND
    return _EXIT_SSH_ERROR  # not reached


# The generated launcher runs this file as __main__ once per proxy; stop here so that
# it never pays for the imports below (dataclasses alone pulls in inspect: ~10 ms).
if __name__ == "__main__":
    sys.exit(main())


# ---- the API the Local Batch scheduler uses -----------------------------------------

import functools  # noqa: E402 - see above: not paid by the launcher
import subprocess  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

from explorer.installation.frozen import is_frozen, python_executable, tools_bin_dir  # noqa: E402


@dataclass(frozen=True)
class NodeContext:
    """How one node looks to the processes started on it."""

    ip: str
    node_id: str
    cwd: Path | str
    env: dict[str, str] = field(default_factory=dict)


def write_host_map(path: Path | str, contexts: list[NodeContext] | tuple[NodeContext, ...]) -> Path:
    """Write the host map the shim reads: ``{ip: {"node_id", "cwd", "env"}}``, and its shell table.

    Written atomically (temporary file + rename): the primary may already be running.
    Raises ValueError for duplicate addresses and for addresses Hydra treats as local
    (those would be forked without going through the shim). Beside it, ``<path>.sh``
    holds the same nodes for the launcher script's own fast path (see
    :func:`write_launcher_script`); :func:`remove_host_map` removes both.
    """
    path = Path(path)
    data: dict[str, dict[str, object]] = {}
    for ctx in contexts:
        if ctx.ip in data:
            raise ValueError(f"duplicate node address in host map: {ctx.ip}")
        if ctx.ip in _ALWAYS_LOCAL:
            raise ValueError(
                f"node address {ctx.ip} is one Hydra always treats as local: mpiexec would "
                "fork the rank without the node context; use 127.1.x.y addresses"
            )
        env = {str(k): str(v) for k, v in ctx.env.items()}
        env.setdefault("AZ_BATCH_NODE_ID", ctx.node_id)
        data[ctx.ip] = {"node_id": ctx.node_id, "cwd": str(ctx.cwd), "env": env}
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomically(shell_table_path(path), _shell_table(data))
    _write_atomically(path, json.dumps(data, indent=2, sort_keys=True))
    return path


def shell_table_path(host_map: Path | str) -> Path:
    """The shell form of a host map, sourced by the launcher script: ``<host map>.sh``."""
    host_map = Path(host_map)
    return host_map.with_name(host_map.name + ".sh")


def remove_host_map(path: Path | str) -> None:
    """Remove a host map and its shell table (blocking)."""
    Path(path).unlink(missing_ok=True)
    shell_table_path(path).unlink(missing_ok=True)


def host_maps_dir(data_dir: Path) -> Path:
    """Where the service keeps the host maps of its multi-instance attempts, one per attempt."""
    return data_dir / "mpi" / "hosts"


def remove_host_maps(data_dir: Path) -> int:
    """Remove every host map (blocking): at start no attempt runs, so those left are of attempts a stop
    or a crash cut short. How many there were."""
    maps = list(host_maps_dir(data_dir).glob("*.json"))
    for path in maps:
        remove_host_map(path)
    return len(maps)


_SHELL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def _shell_table(data: dict[str, dict]) -> str:
    """A bash ``case`` over the node addresses setting ``node_id``, ``node_cwd`` and ``node_env``.

    A node whose variables cannot be written as shell names is left out: the launcher
    then hands its proxies to the Python shim, which reads the JSON map.
    """
    lines = ["# Local Batch: the host map's nodes for the launcher script (generated).", 'case "$host" in']
    for ip, node in data.items():
        env = node["env"]
        if not all(_SHELL_NAME.match(name) for name in env):
            continue
        assignments = " ".join(shlex.quote(f"{name}={value}") for name, value in env.items())
        lines.append(
            f"{shlex.quote(ip)}) node_id={shlex.quote(node['node_id'])} node_cwd={shlex.quote(node['cwd'])}"
            f" node_env=({assignments}) ;;"
        )
    lines.append("esac")
    return "\n".join(lines) + "\n"


def hydra_bin_dir() -> Path:
    """Directory holding ``mpiexec`` and ``hydra_pmi_proxy`` of the ``mpich`` wheel (or of the bundle)."""
    return tools_bin_dir() if is_frozen() else Path(_hydra_bin_dir())


# Words a proxy argument may consist of for the launcher script to pass it on itself: a remote
# shell would split and unquote nothing in them (Hydra's are options, numbers, host:port, paths).
_PLAIN_WORD = "A-Za-z0-9_./:,=+@%-"

_LAUNCHER_SCRIPT = """#!{bash}
# Local Batch: ssh stand-in for MPICH Hydra (generated).
# Hydra's own call, -x HOST "/path/hydra_pmi_proxy" ARGS, for a node of the host map's shell table
# is answered here without starting an interpreter: enter the node (directory, environment, host
# name), let only stdin/out/err through and exec the proxy. Anything else goes to the Python shim.
shim() {{ exec {fallback} "$@"; }}
main() {{
    [[ $1 == -x && $# -ge 3 && -n $LOCALBATCH_HOST_MAP ]] || shim "$@"
    local host=$2 program=$3 arg fd node_id='' node_cwd='' node_env=()
    [[ $program == \\"*\\" ]] && program=${{program:1:-1}}
    case $program in
        {proxy}) hash {proxy} 2>/dev/null && program=${{BASH_CMDS[{proxy}]}} || program={default_proxy} ;;
        */{proxy}) ;;
        *) shim "$@" ;;
    esac
    for arg in "$program" "${{@:4}}"; do
        case $arg in ''|*[!{plain}]*) shim "$@" ;; esac
    done
    [[ -x $program ]] || shim "$@"
    . "$LOCALBATCH_HOST_MAP.sh" 2>/dev/null
    [[ -n $node_id ]] && cd -- "$node_cwd" 2>/dev/null || shim "$@"
    export "${{node_env[@]}}" AZ_BATCH_NODE_ID="$node_id" HOSTNAME="$node_id" LOCALBATCH_NODE_IP="$host" PWD="$node_cwd"
    # mpiexec leaks its listening control socket into its launcher: see _close_inherited_fds.
    for fd in /proc/$$/fd/*; do
        fd=${{fd##*/}}
        ((fd > 2 && fd != 255)) && eval "exec $fd>&-"
    done
    exec {run_proxy} "${{@:4}}"
}}
main "$@"
"""


@dataclass(frozen=True)
class NodeNaming:
    """A command that execs a program under a host name: ``before NAME after PROGRAM ARGS...``."""

    before: tuple[str, ...]
    after: tuple[str, ...] = ()

    def argv(self, name: str, program: list[str]) -> list[str]:
        return [*self.before, name, *self.after, *program]

    def shell_words(self, name: str, program: str) -> str:
        """The same for a shell line, `name` and `program` being shell words already (e.g. "$x")."""
        quoted = [" ".join(shlex.quote(word) for word in part) for part in (self.before, self.after)]
        return " ".join(part for part in (quoted[0], name, quoted[1], program) if part)


def node_naming_command() -> NodeNaming | None:
    """The command the launcher script execs a proxy through so that it runs under its node's host name.

    It is called with the host name and the proxy's argv, and execs the proxy in a UTS
    namespace of its own named so (util-linux ``unshare``), as :func:`enter_node_host_name`
    does for the shim: as root a UTS namespace alone (the name written to
    /proc/sys/kernel/hostname); otherwise with a user namespace mapping the user to itself,
    the name set by perl's ``syscall`` (``hostname`` refuses the underscores of node ids
    and /proc/sys is root's), and the namespace's capabilities dropped (``setpriv``) before
    the proxy starts. None where the kernel, a container or missing tools refuse both
    (HOSTNAME still names the node). Tried once per user, with a probe of the very command.
    """
    return _naming_command(os.geteuid())


# sethostname(2) by machine (perl has no name for it without the optional syscall.ph).
_SETHOSTNAME = {"x86_64": 170, "amd64": 170, "aarch64": 161, "arm64": 161, "riscv64": 161}
_PROBE_NAME = "localbatch_probe"


def naming_candidates(euid: int) -> list[NodeNaming]:
    """The ways to name a proxy's host that this machine has the tools for, best first (not yet tried)."""
    import platform

    tools = {name: shutil.which(name) for name in ("unshare", "bash", "perl", "setpriv", "hostname")}
    unshare, bash, perl, setpriv, hostname = tools.values()
    if unshare is None or hostname is None:
        return []
    candidates = []
    if euid == 0 and bash is not None:
        script = 'printf %s "$0" > /proc/sys/kernel/hostname && exec "$@"'
        candidates.append(NodeNaming((unshare, "--uts", "--", bash, "-c", script)))
    number = _SETHOSTNAME.get(platform.machine().lower())
    if perl is not None and setpriv is not None and number is not None:
        script = f'$n = shift; syscall({number}, $n, length $n) == 0 or die "sethostname: $!\\n"; exec {{$ARGV[0]}} @ARGV'
        candidates.append(NodeNaming(
            (unshare, "--user", "--map-current-user", "--uts", "--keep-caps", "--", perl, "-e", script, "--"),
            (setpriv, "--inh-caps=-all", "--ambient-caps=-all", "--"),
        ))
    return candidates


@functools.cache
def _naming_command(euid: int) -> NodeNaming | None:
    return next((naming for naming in naming_candidates(euid) if probe_naming(naming)), None)


def probe_naming(naming: NodeNaming, **run_options: object) -> bool:
    """Whether `naming` works here: `hostname` run through it prints the name it was given."""
    hostname = shutil.which("hostname") or "hostname"
    try:
        done = subprocess.run(naming.argv(_PROBE_NAME, [hostname]), capture_output=True, text=True, timeout=10,
                              stdin=subprocess.DEVNULL, check=False, **run_options)  # type: ignore[call-overload]
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and done.stdout.strip() == _PROBE_NAME


_DEFAULT_NAMING = NodeNaming(())


def write_launcher_script(directory: Path | str, naming: NodeNaming | None = _DEFAULT_NAMING) -> Path:
    """Generate the executable Hydra calls in place of ssh, and return its path.

    With bash on the machine it is a bash script that starts each proxy itself (a few
    milliseconds, where an interpreter per proxy took ~25 ms of CPU each: 16 ranks paid
    ~0.35 s), sourcing the host map's shell table; every other call, and a node not in the
    table, goes to the Python shim (this file), as is the script without bash. The shim runs
    with this interpreter (``-I -S``: isolated, no site; it needs only the standard library),
    so it neither depends on PATH nor on the ``explorer`` package being importable.

    `naming` is the command that gives a proxy its node's host name (see
    :func:`node_naming_command`, the default); None for none.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    script = directory / LAUNCHER_SCRIPT_NAME
    header = "# Local Batch: ssh stand-in for MPICH Hydra (generated).\n"
    python = sys.executable
    module_file = str(Path(__file__).resolve())
    if is_frozen():
        # A bundle's modules are not files on disk: its python3 runs this one by name.
        fallback = f"{shlex.quote(str(python_executable()))} -m {__name__}"
    else:
        fallback = f"{shlex.quote(python)} -IS {shlex.quote(module_file)}"
    bash = shutil.which("bash")
    if bash is not None:
        if naming is _DEFAULT_NAMING:
            naming = node_naming_command()
        proxy_dir = hydra_bin_dir()
        text = _LAUNCHER_SCRIPT.format(
            bash=bash, fallback=fallback, proxy=HYDRA_PROXY_NAME, plain=_PLAIN_WORD,
            default_proxy=shlex.quote(str(proxy_dir / HYDRA_PROXY_NAME)),
            run_proxy='"$program"' if naming is None else naming.shell_words('"$node_id"', '"$program"'),
        )
    else:
        # Run the file as __main__ by hand: runpy would import typing & co (~7 ms a proxy).
        body = (
            "import sys\n"
            f"path = sys.argv[0] = {module_file!r}\n"
            "with open(path, encoding='utf-8') as fh:\n"
            "    code = compile(fh.read(), path, 'exec')\n"
            "exec(code, {'__name__': '__main__', '__file__': path, '__builtins__': __builtins__})\n"
        )
        shebang = f"#!{python} -IS"
        if not is_frozen() and len(shebang) < 120 and " " not in python:  # kernel limits/splits shebang lines
            text = f"{shebang}\n{header}{body}"
        else:
            text = f"#!/bin/sh\n{header}exec {fallback} \"$@\"\n"
    _write_if_changed(script, text)
    script.chmod(0o755)
    return script


def write_hydra_config(directory: Path | str) -> Path:
    """Generate the Hydra config file holding ``-hybrid-hosts`` (see the module doc)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    conf = directory / HYDRA_CONFIG_NAME
    _write_if_changed(conf, "-hybrid-hosts\n")
    return conf


def launcher_environment(
    host_map_path: Path, *, bin_dir: Path | None = None, path: str | None = None
) -> dict[str, str]:
    """Environment Local Batch adds to every instance of a multi-instance task.

    With it an unchanged ``mpiexec``/``mpirun -hosts $AZ_BATCH_HOST_LIST ...`` launches
    each rank through the shim, inside its own node. The launcher script and Hydra
    config file are generated into ``bin_dir`` (default: the host map's directory).
    If ``path`` (the task's PATH) is given, the result also carries PATH with the
    Hydra bin directory first: Hydra finds ``hydra_pmi_proxy`` on PATH when it forks
    a local proxy under ``-hybrid-hosts``.
    Apply it before the task's own environmentSettings if users may override the
    interface variables; the HYDRA_* ones must stay as they are.
    """
    host_map_path = Path(host_map_path).resolve()
    bin_dir = Path(bin_dir) if bin_dir is not None else host_map_path.parent
    script = write_launcher_script(bin_dir)
    conf = write_hydra_config(bin_dir)
    env = {
        HOST_MAP_ENV: str(host_map_path),
        "HYDRA_LAUNCHER": "ssh",
        "HYDRA_LAUNCHER_EXEC": str(script),
        # Older Hydra spelled these BOOTSTRAP; harmless for 5.x.
        "HYDRA_BOOTSTRAP": "ssh",
        "HYDRA_BOOTSTRAP_EXEC": str(script),
        "HYDRA_ENV": "none",
        "HYDRA_CONFIG_FILE": str(conf),
        "HYDRA_IFACE": "lo",
        "UCX_NET_DEVICES": "lo",
        "FI_TCP_IFACE": "lo",
        "FI_SOCKETS_IFACE": "lo",
    }
    if path is not None:
        env["PATH"] = launcher_path(path)
    return env


def launcher_path(path: str) -> str:
    """A task's PATH with the Hydra bin directory first (see :func:`launcher_environment`)."""
    hydra_bin = str(hydra_bin_dir())
    parts = [p for p in path.split(os.pathsep) if p]
    if hydra_bin not in parts:
        parts.insert(0, hydra_bin)
    return os.pathsep.join(parts)


def _write_if_changed(path: Path, text: str) -> None:
    # Concurrent tasks may share bin_dir: never leave a half-written script behind.
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    _write_atomically(path, text, 0o755 if path.name == LAUNCHER_SCRIPT_NAME else None)


def _write_atomically(path: Path, text: str, mode: int | None = None) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    if mode is not None:
        tmp.chmod(mode)
    os.replace(tmp, path)


MPICH_SHM_PREFIX = "mpich_shm_"


def mapped_mpich_shm(pids: list[int] | None = None) -> set[str]:
    """Names of MPICH shared-memory segments (``/dev/shm/mpich_shm_*``) that the given
    processes (default: every readable process) have mapped."""
    names: set[str] = set()
    if pids is None:
        pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
    for pid in pids:
        try:
            with open(f"/proc/{pid}/maps", encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    start = line.find("/" + MPICH_SHM_PREFIX)
                    if start != -1:
                        names.add(line[start + 1:].split()[0])
        except OSError:
            continue
    return names


def remove_unmapped_mpich_shm(created_since: float, shm_dir: Path | str = "/dev/shm") -> list[Path]:
    """Remove this user's MPICH shared-memory segments made since `created_since` that no process maps.

    MPICH ranks unlink their ``/dev/shm/mpich_shm_*`` segments (about 1 MB per rank)
    in MPI_Finalize; ranks that are killed (a terminated task, a failed launch) leave
    them behind for good. Call this when an attempt that started at `created_since`
    has ended: its own ranks are gone, so what is still mapped belongs to someone else.
    Costs a listing of `shm_dir`, and a look at every process's maps only when there
    are candidates.
    """
    shm_dir = Path(shm_dir)
    try:
        candidates = [p for p in shm_dir.iterdir() if p.name.startswith(MPICH_SHM_PREFIX)]
    except OSError:
        return []
    mine = []
    for path in candidates:
        try:
            status = path.lstat()
        except OSError:
            continue
        if status.st_uid == os.getuid() and status.st_ctime >= created_since:
            mine.append(path)
    if not mine:
        return []
    in_use = mapped_mpich_shm()
    removed = []
    for path in mine:
        if path.name not in in_use:
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(path)
    return removed
