"""Saving the plan as a file: Markdown, CSV, an iCalendar file or a PDF, for a student's own
records or an instructor. The writers are Qt-free (``careerplanner.export``); only the PDF is
rendered here, from the same printable HTML, with Qt's text engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from careerplanner import export
from careerplanner.core.progress import day_text
from careerplanner.errors import UsageError
from careerplanner.files import write_whole
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


def suggested_name(snapshot: Snapshot, fmt: PlanFormat) -> str:
    return f"{snapshot.profile.name} plan to {snapshot.profile.target}{fmt.suffix}"


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


def pdf_from_html(html: str, title: str) -> bytes:
    """Printable HTML laid out on A4 pages by Qt's text engine (the plan, a progress report)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("Career Planner")
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer  # finishes the PDF
    return bytes(buffer.data())


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
