"""``careerplanner cohort PATH...``: an instructor's view of a class from the students' export
files, as a table, JSON (a stable contract) or CSV (one row per student). It reads the files
only: no database is opened, so nothing is written anywhere."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from careerplanner.commands._options import knowledge
from careerplanner.commands._output import write_output
from careerplanner.commands.progress import parse_today
from careerplanner.core import dates
from careerplanner.core.progress import day_text, plural
from careerplanner.errors import UsageError
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.cohort import Cohort, cohort_csv, cohort_document, read_cohort

FORMATS = ["table", "json", "csv"]
#: The table lists this many of the class's common gaps (the JSON has them all).
GAPS_SHOWN = 10


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "cohort",
        parents=[common],
        help="a class at a glance, from the students' export files",
        description="Read students' export files (careerplanner export, or export "
        "--for-instructor) and show each student's readiness, status, recent hours and "
        "forecast, as their own 'careerplanner progress' says it, and the skills most of the "
        "class still lacks. Files that cannot be read are listed with the reason. Nothing is "
        "written to any database.",
    )
    parser.add_argument(
        "paths",
        metavar="PATH",
        nargs="+",
        type=Path,
        help="an export file, or a folder of them (its *.json files)",
    )
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="work every student's progress out for this day instead of today",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (default), json (a stable contract) or csv (one row per student)",
    )
    parser.add_argument(
        "--out", metavar="FILE", type=Path, help="write to FILE instead of standard output"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    today = parse_today(args.today) if args.today else date.today()
    kb = knowledge()
    cohort = read_cohort(kb, args.paths, today)
    if not cohort.students:
        raise UsageError(_nobody(cohort))
    if args.format == "json":
        output = json.dumps(cohort_document(cohort), indent=2, ensure_ascii=False) + "\n"
    elif args.format == "csv":
        output = cohort_csv(cohort.students)
        for error in cohort.errors:  # the CSV holds students only
            print(f"Not read: {error.file}: {error.error}", file=sys.stderr)
    else:
        output = table(kb, cohort)
    write_output(output, args.out, crlf=args.format == "csv")
    return 0


def _nobody(cohort: Cohort) -> str:
    if not cohort.errors:
        return "No student could be read: give export files or folders of them"
    first = cohort.errors[0]
    more = len(cohort.errors) - 1
    others = f" (and {plural(more, 'other path')} could not be read either)" if more else ""
    return f"No student could be read: {first.file}: {first.error}{others}"


def table(kb: KnowledgeBase, cohort: Cohort) -> str:
    """The students, most in need of attention first, then the common gaps and the files
    that could not be read."""
    head = ("student", "target", "readiness", "status", "4 weeks", "forecast", "last check-in")
    rows = [
        (
            s.profile,
            kb.role(s.target).name,
            f"{s.readiness:.0%}",
            s.status_text,
            f"{s.hours_last_4_weeks:g} h",
            dates.short_month_year(s.forecast_finish) if s.forecast_finish else "—",
            day_text(s.last_checkin) if s.last_checkin else "none",
        )
        for s in sorted(cohort.students, key=lambda s: (s.status_rank, s.profile.casefold()))
    ]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    lines = [
        f"{plural(len(cohort.students), 'student')} from {plural(cohort.files, 'file')}, "
        f"as on {day_text(cohort.today)}",
        "",
    ]
    for row in [head, *rows]:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        lines.append("  ".join(cells).rstrip())
    if cohort.common_gaps:
        lines += ["", "Most common gaps (students below their target's level):"]
        for gap in cohort.common_gaps[:GAPS_SHOWN]:
            lines.append(f"  {gap.name}: {gap.students} of {len(cohort.students)}")
    if cohort.errors:
        lines += ["", f"Not read ({len(cohort.errors)}):"]
        lines += [f"  {error.file}: {error.error}" for error in cohort.errors]
    return "\n".join(lines) + "\n"
