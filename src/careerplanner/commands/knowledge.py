"""``careerplanner knowledge``: print the knowledge base, as JSON (a stable contract for tools and
tests) or as a readable summary."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from careerplanner.knowledge import default_knowledge, load_knowledge
from careerplanner.knowledge.serialize import to_json_dict, to_table


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "knowledge",
        parents=[common],
        help="print the knowledge base (roles, skills, paths, salaries, sources)",
        description="Print the knowledge base the app is built on, with every fact's source.",
    )
    parser.add_argument(
        "--format",
        choices=["table", "json"],
        default="table",
        help="json: one JSON object (documented in the README); table: a readable summary",
    )
    parser.add_argument(
        "--data",
        metavar="DIR",
        type=Path,
        default=None,
        help="read the knowledge files from DIR instead of the shipped ones (to check edits)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    kb = default_knowledge() if args.data is None else load_knowledge(args.data)
    if args.format == "json":
        json.dump(to_json_dict(kb), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(to_table(kb))
    return 0
