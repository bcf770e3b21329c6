"""``careerplanner gap``: how ready you are for every role, best-ready first, and why."""

from __future__ import annotations

import argparse
import json

from careerplanner.commands import _options
from careerplanner.core.gap import analyse_all, gaps_to_dict
from careerplanner.export.gap_table import gaps_table


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "gap",
        parents=[common],
        help="how far you are from every role, and why",
        description="Readiness for every target role, best-ready first, with the missing skills "
        "most important first. Without --skills, the typical levels of --from "
        f"(default: {_options.DEFAULT_BACKGROUND}).",
    )
    _options.add_skills_option(parser)
    _options.add_saved_profile_option(parser)
    _options.add_from_option(parser, "for its typical levels")
    parser.add_argument("--format", choices=["json", "table"], default="table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    kb = _options.knowledge()
    saved = _options.saved_profile(args)
    default_background = saved.profile.background if saved else _options.DEFAULT_BACKGROUND
    background = _options.role_option(
        kb, args.background or default_background, "--from", target=False
    )
    levels = saved.levels if saved else _options.levels_option(kb, args.skills, background)
    gaps = analyse_all(kb, levels)
    if args.format == "json":
        document = gaps_to_dict(gaps)
        document["input"] = {"from": background.id, "skills_file": args.skills, "levels": levels}
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        if saved:
            heading = f"Your levels saved in profile '{saved.profile.name}'"
        elif args.skills:
            heading = f"Your levels from {args.skills}"
        else:
            heading = (
                f"Typical levels of a {background.name} "
                "(give --skills FILE or --profile for your own)"
            )
        print(gaps_table(gaps, heading), end="")
    return 0
