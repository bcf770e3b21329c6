"""Commands whose issue has not landed yet: they exist so ``--help`` shows the whole contract."""

from __future__ import annotations

import argparse
import sys

NOT_YET: dict[str, str] = {}  # every command of the contract has landed


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    for name, help_text in NOT_YET.items():
        sub = subparsers.add_parser(name, help=help_text, parents=[common])
        sub.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
        sub.set_defaults(func=_not_yet(name))


def _not_yet(name: str):
    def run(args: argparse.Namespace) -> int:
        print(f"careerplanner: '{name}' is not yet available in this version", file=sys.stderr)
        return 2

    return run
