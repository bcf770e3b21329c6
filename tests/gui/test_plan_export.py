"""Saving the plan from the window: every format writes a whole, readable file."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from icalendar import Calendar

from careerplanner.gui.plan_export import FORMATS


@pytest.mark.parametrize("fmt", FORMATS, ids=[f.key for f in FORMATS])
def test_each_format_is_saved_where_the_user_chose(qtbot, window, session, ask, tmp_path, fmt):
    folder = tmp_path / "exports"
    folder.mkdir()
    ask.path = folder / "my plan"  # no suffix typed: the format's own is added
    window.page_by_key["plan"].export_plan(fmt)
    saved = folder / f"my plan{fmt.suffix}"
    assert ask.errors == []
    assert saved.exists() and saved.stat().st_size > 0
    months = session.snapshot().plan.months
    if fmt.key == "pdf":
        assert saved.read_bytes().startswith(b"%PDF")
    elif fmt.key == "ics":
        events = Calendar.from_ical(saved.read_bytes()).walk("VEVENT")
        assert len(events) == len(months)
    elif fmt.key == "csv":
        rows = list(csv.DictReader(io.StringIO(saved.read_text())))
        assert len(rows) == sum(len(m.items) for m in months)
    else:
        assert saved.read_text().count("- [ ]") >= len(months)
    assert [p.name for p in folder.iterdir()] == [saved.name], "no temporary file is left"
    assert saved.stat().st_mode & 0o777 == 0o600, "a plan is personal: its owner's alone"


def test_a_ticked_item_is_ticked_in_the_checklist(qtbot, window, session, ask, tmp_path):
    snapshot = session.snapshot()
    first = snapshot.plan.months[0].items[0]
    page = window.page_by_key["plan"]
    page._on_item_toggle(first.id, True)
    ask.path = tmp_path / "plan.md"
    page.export_plan(FORMATS[0])
    assert f"- [x] {first.text}" in ask.path.read_text()


def test_the_checklist_names_the_profile_and_the_day(qtbot, window, ask, tmp_path):
    ask.path = tmp_path / "plan.md"
    window.page_by_key["plan"].export_plan(FORMATS[0])
    today = date.today()
    assert f"Prepared for Me, on {today:%a} {today.day} {today:%b %Y}." in ask.path.read_text()


def test_a_folder_that_cannot_be_written_gives_a_message(qtbot, window, ask, tmp_path):
    ask.path = tmp_path / "missing-folder" / "plan.md"
    window.page_by_key["plan"].export_plan(FORMATS[0])
    title, text = ask.errors[-1]
    assert title == "The plan was not saved"
    assert "missing-folder" in text


def test_the_pdf_keeps_each_months_heading_with_its_items_and_says_its_language(qapp, kb):
    from datetime import date

    from PySide6.QtCore import QSizeF

    from careerplanner import export
    from careerplanner.core.plan import PlanRequest, build_plan
    from careerplanner.gui.printing import heading_units, keep_with_next, laid_out, pdf_from_html

    levels = dict(kb.role("student").typical_levels)
    plan = build_plan(kb, PlanRequest(levels, "student", "ml-engineer", 8, date(2027, 1, 1)))
    html = export.plan_html(plan, kb, {})
    page = QSizeF(539, 785)  # A4 inside 15 mm margins, in points

    def cut(document) -> list[int]:
        height = page.height()
        return [
            number
            for number, top, bottom in heading_units(document)
            if bottom - top <= height and int(top // height) != int((bottom - 1) // height)
        ]

    assert cut(laid_out(html, page)), "a plan this long has headings Qt would leave at a foot"
    assert cut(laid_out(keep_with_next(html, page), page)) == []
    pdf = pdf_from_html(html, "Career plan")
    assert pdf.startswith(b"%PDF") and b"<rdf:li>en</rdf:li>" in pdf
