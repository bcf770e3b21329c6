"""``careerplanner gap``: how ready you are for every role, best-ready first, and why."""

from __future__ import annotations

import argparse
import json
from datetime import date

from careerplanner.commands import _options
from careerplanner.commands._options import SavedProfile
from careerplanner.core.gap import analyse_all, gaps_to_dict
from careerplanner.core.plan import build_plan
from careerplanner.export.gap_table import gaps_table
from careerplanner.knowledge.model import KnowledgeBase, Role
from careerplanner.services.role_plans import every_role_plan, months_by_role


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
    parser.add_argument(
        "--hours",
        metavar="N",
        help="hours a week: adds to every role the months its plan takes at this pace, as "
        "'plan --to ROLE' would build it (with --profile, the profile's hours by default)",
    )
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
    hours = _options.hours_option(args.hours)
    if hours is None and saved is not None:
        hours = saved.profile.hours_per_week
    months = None if hours is None else _months(kb, saved, background, levels, hours)
    if args.format == "json":
        document = gaps_to_dict(gaps)
        document["input"] = {"from": background.id, "skills_file": args.skills, "levels": levels}
        if months is not None:
            document["input"]["hours_per_week"] = hours
            for role in document["roles"]:
                role["months"] = months[role["id"]]
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
        if months is not None:
            heading += f"; months at {hours:g} hours a week"
        print(gaps_table(gaps, heading, months), end="")
    return 0


def _months(
    kb: KnowledgeBase,
    saved: SavedProfile | None,
    background: Role,
    levels: dict,
    hours: float,
) -> dict[str, int | None]:
    """Each role's months: the plan ``plan --to ROLE`` makes from the same levels, background,
    hours and (with a profile) start month and finished work, beginning today."""
    plans = every_role_plan(
        kb,
        lambda request: build_plan(kb, request),
        levels=levels,
        background=background.id,
        hours_per_week=hours,
        start=saved.profile.start_month if saved else date.today(),
        set_aside=saved.set_aside if saved else frozenset(),
        today=date.today(),
    )
    return months_by_role(plans)
