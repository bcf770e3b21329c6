"""Month and day names are English in every export whatever the system locale: the window sets
the C library's locale from the desktop (Qt does on start), and a French desktop must not get
"septembre" inside an English checklist. Rendered here under fr_FR.UTF-8 (.ci/run builds it)."""

from __future__ import annotations

import locale
from dataclasses import dataclass
from datetime import date

import pytest

from careerplanner.core import dates
from careerplanner.core.plan import PlanRequest, build_plan
from careerplanner.core.progress import progress_report
from careerplanner.export import plan_csv, plan_html, plan_ics, plan_markdown

FRENCH = "fr_FR.UTF-8"
SEPTEMBER = date(2026, 9, 1)
FRENCH_NAMES = ("septembre", "octobre", "novembre", "décembre", "janvier", "sept.", "mardi")


@pytest.fixture
def french():
    saved = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, FRENCH)
    except locale.Error:
        pytest.skip(f"the {FRENCH} locale is not installed here (.ci/run builds it)")
    try:
        # The locale really is French for strftime, so the checks below can fail.
        assert SEPTEMBER.strftime("%B") == "septembre"
        yield
    finally:
        locale.setlocale(locale.LC_ALL, saved)


@pytest.fixture(scope="module")
def autumn_plan(kb):
    levels = dict(kb.role("software-engineer").typical_levels)
    return build_plan(kb, PlanRequest(levels, "software-engineer", "ai-engineer", 5, SEPTEMBER))


def assert_english(text: str) -> None:
    for french_name in FRENCH_NAMES:
        assert french_name not in text.lower(), french_name


def test_the_date_functions_name_months_and_days_in_english(french):
    assert dates.month_year(SEPTEMBER) == "September 2026"
    assert dates.short_month_year(SEPTEMBER) == "Sep 2026"
    assert dates.short_date(SEPTEMBER) == "01 Sep 2026"
    assert dates.day_month_year(SEPTEMBER) == "1 September 2026"
    assert dates.format_date(SEPTEMBER, "%A %a %d/%m/%Y 100%%") == "Tuesday Tue 01/09/2026 100%"


def test_the_markdown_checklist_is_english_under_a_french_locale(french, autumn_plan, kb):
    text = plan_markdown(autumn_plan, kb)
    assert_english(text)
    assert "## Month 1: 1–30 September 2026" in text
    assert "## Month 2: 1–31 October 2026" in text


def test_html_and_calendar_are_english_under_a_french_locale(french, autumn_plan, kb):
    html = plan_html(autumn_plan, kb)
    assert_english(html)
    assert "<h2>Month 1: 1–30 September 2026</h2>" in html
    calendar = plan_ics(autumn_plan, kb).decode("utf-8")
    assert_english(calendar.replace("\r\n ", ""))
    assert "1–30 September 2026" in calendar.replace("\r\n ", "")


def test_csv_dates_stay_iso_under_a_french_locale(french, autumn_plan):
    text = plan_csv(autumn_plan)
    assert ",2026-09-01,2026-09-30," in text
    assert_english(text)


def test_progress_sentences_are_english_under_a_french_locale(french, autumn_plan, kb):
    checkins = [Logged(date(2026, 9, day), 5) for day in (2, 9, 16, 23, 30)]
    report = progress_report(
        kb,
        target="ai-engineer",
        plan=autumn_plan,
        start=SEPTEMBER,
        checkins=checkins,
        levels_over_time=[],
        statuses={},
        today=date(2026, 10, 6),
    )
    text = " ".join(report.lines)
    assert "since Tue 1 Sep 2026" in text
    assert "This week (from Mon 5 Oct 2026)" in text and "of October still open" in text
    assert report.forecast is not None
    assert f"Forecast finish: {dates.short_month_year(report.forecast)}." in text
    assert_english(text)


@dataclass(frozen=True)
class Logged:
    day: date
    hours: float
