"""``careerplanner plan``: a month-by-month plan from your background to a target role."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from careerplanner.commands import _options
from careerplanner.core.plan import Plan, build_plan, plan_to_dict
from careerplanner.core.progress import day_text
from careerplanner.errors import UsageError
from careerplanner.export import plan_csv, plan_html, plan_ics, plan_markdown
from careerplanner.files import write_whole
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.snapshot import plan_request

FORMATS = ["markdown", "json", "csv", "ics", "html"]


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
        type=_options.role_name,
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
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="markdown",
        help="markdown (default), json (a stable contract), csv (one row per item), ics (one "
        "calendar event per month) or html (printable); csv, ics and html show the items you "
        "ticked when --profile is given",
    )
    parser.add_argument(
        "--out",
        metavar="FILE",
        type=_options.output_file,
        help="write to FILE instead of standard output",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    kb = _options.knowledge()
    saved = _options.saved_profile(args)
    if args.target is None and saved is None:
        raise UsageError("say where you want to go with --to ROLE, or use --profile NAME")
    profile = saved.profile if saved else None
    if args.target is None and saved is not None and saved.posting is not None:
        # The profile plans for a saved job posting, as the window's Plan page shows.
        kb, target = saved.posting.kb, saved.posting.role
    else:
        target = _options.role_option(kb, args.target or profile.target, "--to", target=True)
    background = _options.background_option(kb, args, profile)
    hours = _options.hours_option(args.hours)
    if hours is None and profile is not None:
        hours = profile.hours_per_week
    start = (
        profile.start_month.replace(day=1)
        if profile is not None and args.start is None
        else _options.start_option(args.start)
    )
    statuses: dict[str, str] = {}
    if saved is not None:
        levels, done, statuses = saved.levels, saved.set_aside, saved.statuses
    else:
        levels, done = _options.levels_option(kb, args.skills, background), frozenset()
    # Without --start the plan begins today, so this month holds only the days left in it.
    request = plan_request(
        levels=levels,
        background=background.id,
        target=target.id,
        hours_per_week=hours,
        start=start,
        set_aside=done,
        today=date.today() if args.start is None else None,
    )
    try:
        plan = build_plan(kb, request)
    except ValueError as error:  # e.g. a pace so slow the plan would run past 100 years
        raise UsageError(f"Cannot make this plan: {error}; give more --hours a week") from None
    prepared_for = f"{profile.name}, on {day_text(date.today())}" if profile else ""
    document = _render(args.format, plan, kb, statuses, prepared_for)
    if args.out is not None:
        write_whole(args.out, document)
        print(f"Wrote {args.out}", file=sys.stderr)
    elif isinstance(document, bytes) or args.format == "csv":
        # Bytes as they are: text mode would turn the CRLFs of CSV and ICS into CR CR LF on
        # Windows.
        data = document if isinstance(document, bytes) else document.encode("utf-8")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(document)
    return 0


def _render(
    fmt: str, plan: Plan, kb: KnowledgeBase, statuses: dict[str, str], prepared_for: str = ""
) -> str | bytes:
    if fmt == "json":
        return json.dumps(plan_to_dict(plan), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return plan_csv(plan, statuses)
    if fmt == "ics":
        return plan_ics(plan, kb, statuses)
    if fmt == "html":
        return plan_html(plan, kb, statuses, prepared_for)
    # The same checklist the window exports, with the items ticked in --profile.
    return plan_markdown(plan, kb, statuses, prepared_for)
