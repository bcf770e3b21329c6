"""``careerplanner plan``: a month-by-month plan from your background to a target role."""

from __future__ import annotations

import argparse
import json
from datetime import date

from careerplanner.commands import _options
from careerplanner.core.format import plan_markdown
from careerplanner.core.plan import PlanRequest, build_plan, plan_to_dict
from careerplanner.errors import UsageError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "plan",
        parents=[common],
        help="a month-by-month plan to a target role",
        description="Months from --start until your levels meet the target's requirements, "
        "following the pivot path the sources describe.",
    )
    parser.add_argument(
        "--to",
        dest="target",
        metavar="ROLE",
        help="target role (required unless --profile gives one)",
    )
    _options.add_from_option(parser, "which picks the pivot path")
    _options.add_skills_option(parser)
    _options.add_saved_profile_option(parser)
    parser.add_argument(
        "--hours",
        metavar="N",
        help="hours a week, above 0 and at most 80 (default: the hours the path's durations "
        "assume; the output says which it used)",
    )
    parser.add_argument(
        "--start", metavar="YYYY-MM", help="first month of the plan (default: this month)"
    )
    parser.add_argument("--format", choices=["json", "markdown"], default="markdown")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    kb = _options.knowledge()
    saved = _options.saved_profile(args)
    if args.target is None and saved is None:
        raise UsageError("say where you want to go with --to ROLE, or use --profile NAME")
    profile = saved.profile if saved else None
    target = _options.role_option(kb, args.target or profile.target, "--to", target=True)
    background = _options.role_option(
        kb,
        args.background or (profile.background if profile else _options.DEFAULT_BACKGROUND),
        "--from",
        target=False,
    )
    hours = _options.hours_option(args.hours)
    if hours is None and profile is not None:
        hours = profile.hours_per_week
    start = (
        profile.start_month.replace(day=1)
        if profile is not None and args.start is None
        else _options.start_option(args.start)
    )
    if saved is not None:
        levels, done = saved.levels, saved.set_aside
    else:
        levels, done = _options.levels_option(kb, args.skills, background), frozenset()
    # Without --start the plan begins today, so this month holds only the days left in it.
    today = date.today() if args.start is None else None
    request = PlanRequest(levels, background.id, target.id, hours, start, done, today=today)
    plan = build_plan(kb, request)
    if args.format == "json":
        print(json.dumps(plan_to_dict(plan), indent=2, ensure_ascii=False))
    else:
        print(plan_markdown(plan, kb), end="")
    return 0
