"""``careerplanner posting FILE``: which skills a job posting asks for, whether it leans AI or
ML, the gap to it, and (``--plan``) the plan toward it. Nothing is saved."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from careerplanner.commands import _options
from careerplanner.core.plan import plan_to_dict
from careerplanner.core.posting import analyse_posting
from careerplanner.errors import UsageError
from careerplanner.export import plan_markdown
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.posting_files import (
    PostingText,
    default_title,
    read_posting_bytes,
    read_posting_file,
)
from careerplanner.services.postings import (
    PlanInputs,
    PostingReport,
    analysis_report,
    report_to_dict,
    summary_line,
    verdict_words,
)

FORMATS = ["table", "json", "markdown"]


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "posting",
        parents=[common],
        help="the skills a job posting asks for, its lean, and your gap to it",
        description="Reads a job posting (.txt, .md, .html or .pdf; '-' reads standard input), "
        "finds the skills it asks for, says whether it leans AI or ML engineering and which role "
        "it is closest to, and compares it with your levels. Nothing is saved.",
    )
    parser.add_argument("file", metavar="FILE", help="the posting's file, or - for standard input")
    _options.add_saved_profile_option(parser)
    _options.add_skills_option(parser)
    _options.add_from_option(parser, "for its typical levels and the plan's path")
    parser.add_argument(
        "--hours",
        metavar="N",
        help="hours a week, 1 to 80 (default: the profile's with --profile, else 10)",
    )
    parser.add_argument("--title", help="what to call the posting (default: its first line)")
    parser.add_argument(
        "--plan",
        action="store_true",
        help="print the month-by-month plan toward the posting instead, as 'plan' does",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (default), json (a stable contract) or markdown; with --plan, json or a "
        "Markdown plan",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    kb = _options.knowledge()
    posting = _read(args.file)
    if posting.note:
        print(f"careerplanner: note: {posting.note}", file=sys.stderr)
    saved = _options.saved_profile(args)
    profile = saved.profile if saved else None
    background = _options.background_option(kb, args, profile)
    hours = _options.hours_option(args.hours)
    today = date.today()
    if saved is not None:
        inputs = PlanInputs(
            levels=saved.levels,
            background=background.id,
            hours_per_week=saved.profile.hours_per_week if hours is None else hours,
            start=saved.profile.start_month,
            today=today,
            set_aside=saved.set_aside,
        )
    else:
        levels = _options.levels_option(kb, args.skills, background)
        inputs = PlanInputs(levels, background.id, hours, today, today)
    title = (args.title or "").strip() or default_title(posting.text)
    report = analysis_report(kb, analyse_posting(kb, posting.text), title, inputs)
    if args.plan:
        print(_plan(report, args.format), end="")
    elif args.format == "json":
        print(json.dumps(report_to_dict(report), indent=2, ensure_ascii=False))
    else:
        render = _markdown if args.format == "markdown" else _table
        print(render(report, kb, posting), end="")
    return 0


def _read(file: str) -> PostingText:
    if file == "-":
        return read_posting_bytes(sys.stdin.buffer.read(), "standard input")
    return read_posting_file(file)


def _plan(report: PostingReport, fmt: str) -> str:
    if report.plan is None or report.target is None:
        raise UsageError(
            report.plan_problem
            or "The posting names none of the skills the app knows, so there is nothing to plan"
        )
    if fmt == "json":
        return json.dumps(plan_to_dict(report.plan), indent=2, ensure_ascii=False) + "\n"
    return plan_markdown(report.plan, report.target.kb)


def _lean_lines(report: PostingReport, kb: KnowledgeBase) -> list[str]:
    analysis = report.analysis
    assert analysis is not None  # the command always reads the posting's text
    lean = analysis.lean
    headline = f"{verdict_words(lean.verdict)} (AI {lean.ai:.0%}, ML {lean.ml:.0%}, "
    headline += f"shared {lean.shared:.0%})"
    if analysis.closest_role is not None:
        headline += f"; closest role: {analysis.closest_role.name}"
    sources = "; ".join(f"{kb.source(s).name} ({kb.source(s).publisher})" for s in lean.sources)
    return [headline, lean.reason, f"Sources: {sources}" if sources else "Our reading."]


def _table(report: PostingReport, kb: KnowledgeBase, posting: PostingText) -> str:
    lines = [f"Posting: {report.title} ({posting.source})", *_lean_lines(report, kb), ""]
    lines.append(summary_line(report))
    if report.skills:
        rows = [("Skill", "Lean", "Written as", "You", "Needs", "Hours")]
        rows += [
            (
                row.name,
                row.lean.value.upper() if row.lean.value != "shared" else "shared",
                row.matches[0].text if row.matches else "",
                str(row.current),
                str(row.required),
                str(row.hours),
            )
            for row in report.skills
        ]
        widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
        lines.append("")
        lines += [
            "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
            for r in rows
        ]
    return "\n".join(lines) + "\n"


def _markdown(report: PostingReport, kb: KnowledgeBase, posting: PostingText) -> str:
    headline, reason, sources = _lean_lines(report, kb)
    lines = [f"# {report.title}", "", f"**{headline}**", "", reason, "", sources, ""]
    lines += [summary_line(report), ""]
    if report.skills:
        lines += [
            "| Skill | Lean | Written as | You | Needs | Hours |",
            "|---|---|---|---|---|---|",
        ]
        lines += [
            f"| {row.name} | {row.lean.value} | {row.matches[0].text if row.matches else ''} "
            f"| {row.current} | {row.required} | {row.hours} |"
            for row in report.skills
        ]
    return "\n".join(lines) + "\n"
