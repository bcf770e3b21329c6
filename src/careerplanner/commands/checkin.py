"""``careerplanner checkin --hours H``: log study time, a note and the skills practised."""

from __future__ import annotations

import argparse
from datetime import date

from careerplanner.commands._workspace import add_profile_option, chosen_profile, open_workspace
from careerplanner.core import limits
from careerplanner.errors import UsageError
from careerplanner.services.edits import AddCheckin


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "checkin",
        parents=[common],
        help="log study hours, a note and the skills you practised",
        description="Log the hours you studied on one day (0 to 24; 0 for a rest day).",
    )
    parser.add_argument("--hours", metavar="H", required=True, help="hours studied")
    parser.add_argument("--note", metavar="TEXT", default="", help="what you did")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    parser.add_argument(
        "--skills", metavar="A,B", default="", help="skills practised (ids, names or aliases)"
    )
    add_profile_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    hours = limits.HOURS_PER_DAY.parse(args.hours, "--hours")
    day = parse_day(args.date) if args.date else date.today()
    with open_workspace(args, must_exist=True) as planner:
        names = [part.strip() for part in args.skills.split(",") if part.strip()]
        skills = list(dict.fromkeys(planner.skill(name).id for name in names))
        profile = chosen_profile(planner, args)
        planner.do(AddCheckin(profile.id, day, hours, args.note, skills))
        practised = f" ({', '.join(planner.kb.skill(s).name for s in skills)})" if skills else ""
        print(f"Logged {hours:g} h on {day.isoformat()}{practised} [profile '{profile.name}']")
    return 0


def parse_day(text: str) -> date:
    try:
        day = date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise UsageError(f"--date needs a day as YYYY-MM-DD, not '{text}'")
    return limits.check_day(day, date.today())
