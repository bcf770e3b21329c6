"""The CSV and the Markdown checklist of a real plan: every item once, marks where they belong."""

from __future__ import annotations

import csv
import io
from datetime import date

from careerplanner.core.plan import PlanRequest, build_plan
from careerplanner.export import plan_csv, plan_markdown
from careerplanner.export.to_csv import COLUMNS


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_one_row_per_item_with_its_month_and_status(plan, statuses):
    rows = _rows(plan_csv(plan, statuses))
    items = [(m, i) for m in plan.months for i in m.items]
    assert len(rows) == len(items) > 20
    for row, (month, item) in zip(rows, items, strict=True):
        assert row["item_id"] == item.id and row["text"] == item.text
        assert row["kind"] == item.kind
        assert (row["month"], row["month_start"], row["month_end"]) == (
            str(month.index),
            month.start.isoformat(),
            month.end.isoformat(),
        )
        assert row["status"] == statuses.get(item.id, "")
    assert [r["status"] for r in rows].count("done") == 2  # the unknown item is not a row


def test_csv_header_and_quoting_follow_rfc_4180(plan, statuses):
    text = plan_csv(plan, statuses)
    assert text.startswith(",".join(COLUMNS) + "\r\n")
    assert "\n" not in text.replace("\r\n", "")
    # A text with a comma is quoted; one without is not.
    assert '"Go deep on statistics, on linear algebra and on the theory behind ML."' in text
    assert ",Linear algebra to level 2," in text


def test_csv_quotes_a_text_with_quotes_and_newlines(plan, fake_plan):
    rows = _rows(plan_csv(fake_plan))
    assert rows[0]["text"] == 'He said "<script>alert(1)</script>",\nthen left'


def test_markdown_ticks_done_items_and_strikes_skipped_ones(plan, kb, statuses):
    text = plan_markdown(plan, kb, statuses)
    first, second = plan.months[0].items[:2]
    assert f"- [x] {first.text}" in text
    assert f"- [ ] ~~{second.text}~~ (skipped)" in text
    assert text.count("- [x] ") == 2
    open_items = sum(len(m.items) for m in plan.months) - 3
    assert text.count("- [ ] ") == open_items + 1  # the skipped one has an empty box too


def test_markdown_heads_each_month_with_its_dates_and_hours(plan, kb):
    text = plan_markdown(plan, kb)
    assert "## Month 1: 1–31 January 2027 (44 hours)" in text
    assert "## Month 2: 1–28 February 2027 (40 hours)" in text
    assert text.count("\n## Month ") == plan.total_months
    assert "- [x]" not in text


def test_a_plan_made_mid_month_starts_that_day_in_every_export(kb):
    # Made on Wednesday 2 December at 20 h a week: the first month holds 2-31 December,
    # 30 days (86 hours), and every export dates it so.
    levels = dict(kb.role("software-engineer").typical_levels)
    request = PlanRequest(
        levels, "software-engineer", "ai-engineer", 20, date(2026, 12, 1), today=date(2026, 12, 2)
    )
    plan = build_plan(kb, request)
    assert plan.months[0].start == date(2026, 12, 2)
    assert "## Month 1: 2–31 December 2026 (86 hours)" in plan_markdown(plan, kb)
    assert _rows(plan_csv(plan))[0]["month_start"] == "2026-12-02"
    assert plan.months[1].start == date(2027, 1, 1)


def test_markdown_ends_with_the_notes_and_the_sources_by_title(plan, kb):
    text = plan_markdown(plan, kb)
    notes, sources = text.index("## Notes"), text.index("## Sources")
    assert text.rindex("## Month ") < notes < sources
    assert all(note in text[notes:sources] for note in plan.notes)
    for month in plan.months:
        for source in month.sources:
            assert f"*{kb.source(source).name}*" in text[sources:]


def test_the_command_line_prints_the_same_checklist_as_the_window_exports(capsys, kb):
    from careerplanner.cli import main
    from careerplanner.commands import _options

    assert main(["plan", "--to", "ml-engineer", "--start", "2027-01"]) == 0
    printed = capsys.readouterr().out
    levels = dict(kb.role(_options.DEFAULT_BACKGROUND).typical_levels)
    request = PlanRequest(
        levels, _options.DEFAULT_BACKGROUND, "ml-engineer", None, date(2027, 1, 1)
    )
    assert printed == plan_markdown(build_plan(kb, request), kb)
    assert "- [ ] " in printed
