"""Saving the plan as a file: Markdown, CSV, an iCalendar file or a PDF, for a student's own
records or an instructor. The writers are Qt-free (``careerplanner.export``); only the PDF is
rendered here, from the same printable HTML, with Qt's text engine."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from careerplanner import export
from careerplanner.services.planner import Snapshot


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
    """Write the plan as ``fmt`` to ``path``, whole or not at all (a temporary file is
    renamed over the target, so a failure never leaves half a file)."""
    plan, statuses = snapshot.plan, snapshot.statuses
    writers: dict[str, Callable[[Path], None]] = {
        "markdown": lambda p: p.write_text(export.plan_markdown(plan, kb, statuses), "utf-8"),
        "csv": lambda p: p.write_text(export.plan_csv(plan, statuses), "utf-8", newline=""),
        # Stamped now, so a calendar app takes a re-export as the newer version of its events.
        "ics": lambda p: p.write_bytes(
            export.plan_ics(plan, kb, statuses, stamp=datetime.now(UTC))
        ),
        "pdf": lambda p: _write_pdf(export.plan_html(plan, kb, statuses), p),
    }
    handle, temporary = tempfile.mkstemp(prefix=".careerplanner-", dir=path.parent)
    os.close(handle)
    try:
        writers[fmt.key](Path(temporary))
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _write_pdf(html: str, path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle("Career plan")
    writer.setCreator("Career Planner")
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
