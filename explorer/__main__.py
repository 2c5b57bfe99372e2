"""Command line: `mpi-explorer` (the window) and `mpi-explorer localbatch serve`."""

from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mpi-explorer", description="MPI Explorer for Azure Batch")
    parser.add_argument("--demo", action="store_true", help="ensure a local MPI pool and run a sample MPI task")
    parser.add_argument("--screenshot", metavar="FILE", help="save a screenshot of the main window, then quit")
    parser.add_argument("--quit-after", metavar="SECONDS", type=float, help="quit after this many seconds")
    commands = parser.add_subparsers(dest="command")
    localbatch = commands.add_parser("localbatch", help="the Local Batch service")
    localbatch_commands = localbatch.add_subparsers(dest="localbatch_command", required=True)
    # No abbreviations: an old `--key BASE64` must not pass as `--key-file`.
    serve = localbatch_commands.add_parser("serve", help="serve the Azure Batch REST API on loopback", allow_abbrev=False)
    from explorer.localbatch.cli import add_serve_arguments

    add_serve_arguments(serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "localbatch":
        from explorer.localbatch.cli import serve

        return serve(args)
    from explorer.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
