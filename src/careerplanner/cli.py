"""The ``careerplanner`` command: argument parsing and dispatch.

With no command it opens the window; every other command lives in ``careerplanner.commands``.
User mistakes end as one line on stderr and a non-zero exit, never a traceback: argparse's
own (exit 2) as well as the commands' (exit 1). Printing never fails on a terminal that cannot
show a character, and an argument that is not valid text is refused before it is used.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from typing import NoReturn

from careerplanner import __version__
from careerplanner.core.limits import storable
from careerplanner.errors import CareerPlannerError, UsageError, one_line, shown
from careerplanner.paths import resolve_db_path

PROG = "careerplanner"

#: Options and arguments whose value is a file's path: a name in the system's own bytes (not
#: UTF-8) is a real file name there, so it is not refused like other text.
PATH_ARGUMENTS = frozenset({"db", "skills", "out", "file", "data"})


class OneLineParser(argparse.ArgumentParser):
    """argparse with its mistakes on one line, like every other error (no usage block)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {one_line(message)}; see '{self.prog} --help'\n")


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The whole parser; without ``with_commands``, only the options of the window (``--db``),
    which needs none of the commands' modules."""
    parser = OneLineParser(
        prog=PROG,
        description="Plan a move into AI and ML engineering. With no command, opens the window.",
        add_help=with_commands,
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
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    from careerplanner import commands

    # Every subcommand accepts --db too; SUPPRESS keeps it from overwriting the top-level value.
    common = OneLineParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    commands.register_all(subparsers, common)
    return parser


def _window_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments when they ask for the window alone (``--db PATH`` at most), parsed without
    loading a single command's module: the window opens that much sooner. None otherwise."""
    words = list(sys.argv[1:] if argv is None else argv)
    args, rest = build_parser(with_commands=False).parse_known_args(words)
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    _printing_never_fails()
    args = _window_arguments(argv) or build_parser().parse_args(argv)
    try:
        _check_text_arguments(args)
        if args.command is None:
            return _open_window(args)
        return int(args.func(args) or 0)
    except CareerPlannerError as error:
        print(f"{PROG}: error: {one_line(str(error))}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `careerplanner knowledge | head`
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        # The file checked whole at open can still fail a read later (damaged meanwhile, the
        # disk gone): say so as for any other failure of the file. Anything else is a bug.
        from careerplanner.storage import explain_failure

        explained = explain_failure(error, resolve_db_path(getattr(args, "db", None)))
        if explained is None:
            raise
        print(f"{PROG}: error: {one_line(str(explained))}", file=sys.stderr)
        return 1


def _printing_never_fails() -> None:
    """A terminal whose encoding lacks a character (Latin-1 and "→") shows it escaped, as
    Python's stderr already does, instead of the command failing half-way through its output."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Refuse an argument that is not valid text, such as a name typed on a Latin-1 terminal
    (Python keeps such bytes as lone surrogates, which no file or database can store)."""
    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and not storable(item):
                raise UsageError(
                    f"{shown(_as_bytes(item))} is not UTF-8 text: the terminal seems to use "
                    "another encoding. Switch it to UTF-8 (e.g. LANG=C.UTF-8) and type it again"
                )


def _as_bytes(text: str) -> str:
    """``text`` with the bytes that were not UTF-8 written out (``caf\\xe9``)."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _open_window(args: argparse.Namespace) -> int:
    from careerplanner.gui.app import run  # Qt is only loaded when the window is wanted

    return run(resolve_db_path(args.db), exit_after=args.exit_after)
