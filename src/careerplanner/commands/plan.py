"""``careerplanner plan``: a month-by-month plan from your background to a target role."""

from __future__ import annotations

import argparse
import json

from careerplanner.commands import _options
from careerplanner.core.format import plan_markdown
from careerplanner.core.plan import PlanRequest, build_plan, plan_to_dict


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "plan",
        parents=[common],
        help="a month-by-month plan to a target role",
        description="Months from --start until your levels meet the target's requirements, "
        "following the pivot path the sources describe.",
    )
    parser.add_argument("--to", dest="target", metavar="ROLE", required=True, help="target role")
    _options.add_from_option(parser, "which picks the pivot path")
    _options.add_skills_option(parser)
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
    target = _options.role_option(kb, args.target, "--to", target=True)
    background = _options.role_option(kb, args.background, "--from", target=False)
    hours = _options.hours_option(args.hours)
    start = _options.start_option(args.start)
    levels = _options.levels_option(kb, args.skills, background)
    plan = build_plan(kb, PlanRequest(levels, background.id, target.id, hours, start))
    if args.format == "json":
        print(json.dumps(plan_to_dict(plan), indent=2, ensure_ascii=False))
    else:
        print(plan_markdown(plan, kb), end="")
    return 0
