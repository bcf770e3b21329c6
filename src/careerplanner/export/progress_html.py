"""The progress report to hand in: one printable HTML document (no scripts or outside files;
the charts are PNG images inside it), which the window prints to PDF through QTextDocument.
Every sentence in it is the progress report's own, so it says what the Progress page says."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import date
from html import escape
from typing import Protocol

from careerplanner.core.progress import ProgressReport, day_text, hours_text

#: QTextDocument reads the old attributes, not CSS borders, for a ruled table.
_TABLE = '<table border="1" cellspacing="0" cellpadding="4" width="100%">'


class CheckinRow(Protocol):
    @property
    def day(self) -> date: ...

    @property
    def hours(self) -> float: ...

    @property
    def note(self) -> str: ...


def progress_html(
    report: ProgressReport,
    *,
    profile: str,
    target: str,
    checkins: Sequence[CheckinRow],
    skill_names: Sequence[str] = (),
    charts: Sequence[tuple[str, bytes]] = (),
) -> str:
    """The report for ``profile``: the date, readiness, the verdict and how it was worked out,
    this week, the charts and every check-in, newest first. ``skill_names`` holds, for each
    check-in, the names of the skills it practised, joined."""
    title = f"Progress report: {profile}"
    week = report.this_week
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p>{escape(day_text(report.today))} · target: {escape(target)} · readiness "
        f"<b>{report.readiness:.0%}</b></p>",
        f"<h2>{escape(report.headline)}</h2>",
        *(f"<p>{escape(line)}</p>" for line in report.lines[1:]),
    ]
    if week.items:
        parts.append("<p>Still open this month:</p>")
        parts.append("<ul>" + "".join(f"<li>{escape(i.text)}</li>" for i in week.items) + "</ul>")
    for chart_title, png in charts:
        data = base64.b64encode(png).decode("ascii")
        parts.append(f'<p><img src="data:image/png;base64,{data}" alt="{escape(chart_title)}"></p>')
    parts.append(f"<h2>Check-ins ({len(checkins)})</h2>")
    if checkins:
        names = list(skill_names) + [""] * (len(checkins) - len(skill_names))
        ordered = sorted(zip(checkins, names, strict=True), key=lambda p: p[0].day, reverse=True)
        parts.append(_TABLE + "<tr><th>Date</th><th>Hours</th><th>Skills</th><th>Note</th></tr>")
        for checkin, skills in ordered:
            early = " (before your plan began)" if checkin.day < report.start else ""
            parts.append(
                f"<tr><td>{escape(day_text(checkin.day))}{early}</td>"
                f'<td align="right">{escape(hours_text(checkin.hours))}</td>'
                f"<td>{escape(skills)}</td><td>{escape(checkin.note)}</td></tr>"
            )
        parts.append("</table>")
    else:
        parts.append("<p>No check-ins yet.</p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
