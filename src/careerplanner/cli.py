"""The ``careerplanner`` command: argument parsing and dispatch.

With no command it opens the window; every other command lives in ``careerplanner.commands``.
User mistakes end as one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from careerplanner import __version__, commands
from careerplanner.errors import CareerPlannerError
from careerplanner.paths import resolve_db_path

PROG = "careerplanner"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Plan a move into AI and ML engineering. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help="use this database file instead of the one in your data folder",
    )
    # For `make bench` and the bundle's smoke test (benchmarks/README.md): quit as soon as the
    # window (or the Gap page's first chart) has painted. Not for users, so not in --help.
    parser.add_argument(
        "--exit-after", choices=["window", "chart"], default=None, help=argparse.SUPPRESS
    )
    # Every subcommand accepts --db too; SUPPRESS keeps it from overwriting the top-level value.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    commands.register_all(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return _open_window(args)
        return int(args.func(args) or 0)
    except CareerPlannerError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `careerplanner knowledge | head`
        return 0
    except KeyboardInterrupt:
        return 130


def _open_window(args: argparse.Namespace) -> int:
    from careerplanner.gui.app import run  # Qt is only loaded when the window is wanted

    return run(resolve_db_path(args.db), exit_after=args.exit_after)
