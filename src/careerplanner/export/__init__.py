"""Writers that turn a plan into a file a person keeps: a Markdown checklist (also what
``plan --format markdown`` prints), CSV, an ICS calendar and printable HTML (the window prints the
HTML to PDF), and the sentences they share (``text``). Pure functions; the caller writes the
file."""

from careerplanner.export.checklist import NO_STATUSES
from careerplanner.export.to_csv import plan_csv
from careerplanner.export.to_html import plan_html
from careerplanner.export.to_ics import plan_ics
from careerplanner.export.to_markdown import plan_markdown

__all__ = ["NO_STATUSES", "plan_csv", "plan_html", "plan_ics", "plan_markdown"]
