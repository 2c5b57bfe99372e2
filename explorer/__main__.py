"""Command line: `mpi-explorer` (the window), `mpi-explorer localbatch serve` and `mpi-explorer accounts ...`.

A frozen bundle also answers `mpi-explorer python [-c CODE | -m MODULE | SCRIPT] ARGS`:
it is the Python interpreter of the bundle (see explorer/installation/frozen.py). It is checked
before anything else is imported, so that each MPI rank starts quickly.
"""

from __future__ import annotations

import argparse
import sys

COMMANDS = ("localbatch", "accounts")


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without `commands`, the window's options only: the commands' arguments
    come from the service and the accounts modules, whose imports (aiohttp, azure-storage-blob, the Batch
    SDK) cost more than a second of a cold start, before the window could show."""
    from explorer import __version__

    parser = argparse.ArgumentParser(prog="mpi-explorer", description="MPI Explorer for Azure Batch")
    parser.add_argument("--version", action="version", version=f"mpi-explorer {__version__}")
    parser.add_argument("--demo", action="store_true", help="ensure a local MPI pool and run a sample MPI task")
    parser.add_argument("--screenshot", metavar="FILE", help="save a screenshot of the main window, then quit")
    parser.add_argument("--quit-after", metavar="SECONDS", type=float, help="quit after this many seconds")
    parser.add_argument("--profile", metavar="NAME", help="open the window on this account (see `accounts list`)")
    parser.add_argument(
        "--debug", action="store_true", help="verbose logging (DEBUG records in the log files, and on stderr)"
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    commands = parser.add_subparsers(dest="command")
    localbatch = commands.add_parser("localbatch", help="the Local Batch service")
    localbatch_commands = localbatch.add_subparsers(dest="localbatch_command", required=True)
    # No abbreviations: an old `--key BASE64` must not pass as `--key-file`.
    serve = localbatch_commands.add_parser("serve", help="serve the Azure Batch REST API on loopback", allow_abbrev=False)
    from explorer.localbatch.cli import add_serve_arguments

    add_serve_arguments(serve)
    node_shell = localbatch_commands.add_parser("shell", help="a shell inside a Local Batch node (its environment and directory)")
    from explorer.localbatch.node_shell import add_shell_arguments

    add_shell_arguments(node_shell)
    from explorer.accounts_cli import add_accounts_arguments

    add_accounts_arguments(commands.add_parser("accounts", help="add, test and remove Azure Batch accounts"))
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["python"]:
        from explorer.installation.python_command import run_python

        return run_python(argv[1:])
    args = build_parser(commands=any(arg in (*COMMANDS, "-h", "--help") for arg in argv)).parse_args(argv)
    if args.command == "localbatch" and args.localbatch_command == "shell":
        from explorer.localbatch.node_shell import shell

        return shell(args)
    if args.command == "localbatch":
        from explorer.localbatch.cli import serve

        return serve(args)
    import os

    from explorer.client.connecting.proxies import bypass_loopback

    bypass_loopback(os.environ)  # Local Batch and Azurite are on loopback: never through a proxy
    if args.command == "accounts":
        from explorer.accounts_cli import run_accounts

        return run_accounts(args)
    from explorer.installation.system_libs import check_for_window

    problem = check_for_window()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from explorer.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
