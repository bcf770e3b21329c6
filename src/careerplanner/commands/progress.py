"""``careerplanner progress``: am I on track? The Progress page's report on the terminal, as
JSON (a stable contract), CSV (one row per week) or a printable HTML report."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from careerplanner.commands._output import write_output
from careerplanner.commands._workspace import chosen_profile, open_workspace
from careerplanner.core.progress import ProgressReport, day_text, hours_text
from careerplanner.errors import UsageError
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services import progress as progress_service

FORMATS = ["table", "json", "csv", "html"]


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "progress",
        parents=[common],
        help="whether you are on track: hours, forecast, this week",
        description="Your progress against your plan, as the window's Progress page says it: "
        "on track, behind or ahead, a forecast finish date, this week, the hours of every "
        "week and your readiness over time.",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        nargs="?",
        const="",
        help="report on this profile (the active one when NAME is left out, as without it)",
    )
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="work the report out for this day instead of today (reproducible reports)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (default), json (a stable contract), csv (week_start,planned,logged) or "
        "html (a printable report with charts)",
    )
    parser.add_argument(
        "--out", metavar="FILE", type=Path, help="write to FILE instead of standard output"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    today = parse_today(args.today) if args.today else date.today()
    with open_workspace(args, must_exist=True) as planner:
        profile = chosen_profile(planner, args)
        data = planner.progress_data(profile.id)
        report = progress_service.progress_report(planner.kb, data, today)
        kb = planner.kb
        if args.format == "json":
            document = progress_service.report_document(data, report)
            output = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        elif args.format == "csv":
            output = progress_service.weekly_csv(report)
        elif args.format == "html":
            output = _html(kb, data, report)
        else:
            output = _table(report, profile.name, kb.role(profile.target).name)
    write_output(output, args.out, crlf=args.format == "csv")
    return 0


def parse_today(text: str) -> date:
    try:
        return date.fromisoformat(text) if len(text) == 10 else _bad_day(text)
    except ValueError:
        return _bad_day(text)


def _bad_day(text: str) -> date:
    raise UsageError(f"--today needs a day written YYYY-MM-DD, e.g. 2026-03-02; got '{text}'")


def _table(report: ProgressReport, profile: str, target: str) -> str:
    lines = [
        f"{profile} → {target} · {day_text(report.today)} · readiness {report.readiness:.0%}",
        "",
        *report.lines,
    ]
    for item in report.this_week.items:
        lines.append(f"  ☐ {item.text}")
    if report.weekly:
        lines += ["", f"{'week of':<16}{'planned':>9}{'logged':>9}"]
        for week in report.weekly:
            mark = "  (plan began this week)" if week.partial else ""
            lines.append(
                f"{day_text(week.start):<16}{hours_text(week.planned):>9}"
                f"{hours_text(week.logged):>9}{mark}"
            )
    return "\n".join(lines) + "\n"


def _html(kb: KnowledgeBase, data: progress_service.ProfileData, report: ProgressReport) -> str:
    from careerplanner.charts.progress import report_pngs
    from careerplanner.export.progress_html import progress_html

    target = kb.role(data.target).name
    names = {skill.id: skill.name for skill in kb.skills}
    return progress_html(
        report,
        profile=data.name,
        target=target,
        checkins=data.checkins,
        skill_names=[", ".join(names.get(s, s) for s in c.skills) for c in data.checkins],
        charts=report_pngs(report, target),
    )
