"""Saving the plan as a file: Markdown, CSV, an iCalendar file or a PDF, for a student's own
records or an instructor. The writers are Qt-free (``careerplanner.export``); only the PDF is
rendered here, from the same printable HTML, with Qt's text engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from careerplanner import export
from careerplanner.core.progress import day_text
from careerplanner.errors import UsageError
from careerplanner.files import write_whole
from careerplanner.gui.printing import pdf_from_html
from careerplanner.services.snapshot import Snapshot


@dataclass(frozen=True)
class PlanFormat:
    key: str
    label: str  # for the menu
    suffix: str
    filter: str  # for the file dialog


FORMATS = (
    PlanFormat("markdown", "&Markdown Checklist…", ".md", "Markdown (*.md)"),
    PlanFormat("csv", "&CSV Spreadsheet…", ".csv", "CSV files (*.csv)"),
    PlanFormat("ics", "Calendar (&ICS)…", ".ics", "iCalendar files (*.ics)"),
    PlanFormat("pdf", "&PDF…", ".pdf", "PDF files (*.pdf)"),
)


def suggested_name(snapshot: Snapshot, kb, fmt: PlanFormat) -> str:
    """ "Backend Sam - plan to ML Engineer.md": whose plan and to what, in words."""
    target = kb.role(snapshot.profile.target).name
    return safe_file_name(f"{snapshot.profile.name} - plan to {target}") + fmt.suffix


def safe_file_name(text: str) -> str:
    """``text`` with the characters file systems refuse (/\\:*?"<>|) replaced by spaces."""
    cleaned = "".join(" " if ch in '/\\:*?"<>|' or ord(ch) < 32 else ch for ch in text)
    return " ".join(cleaned.split()) or "plan"


def write_plan(snapshot: Snapshot, kb, fmt: PlanFormat, path: Path) -> None:
    """Write the plan as ``fmt`` to ``path``, whole or not at all; raises ``UsageError``."""
    plan, statuses = snapshot.plan, snapshot.statuses
    if plan is None:
        raise UsageError(snapshot.plan_problem)
    prepared_for = f"{snapshot.profile.name}, on {day_text(date.today())}"
    content: str | bytes
    if fmt.key == "markdown":
        content = export.plan_markdown(plan, kb, statuses, prepared_for)
    elif fmt.key == "csv":
        content = export.plan_csv(plan, statuses)
    elif fmt.key == "ics":
        # Stamped now, so a calendar app takes a re-export as the newer version of its events.
        content = export.plan_ics(plan, kb, statuses, stamp=_now())
    else:
        content = pdf_from_html(export.plan_html(plan, kb, statuses, prepared_for), "Career plan")
    write_whole(path, content)


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
