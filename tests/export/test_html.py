"""The printable HTML: every month, boxes for marks, and no markup from the plan's text."""

from __future__ import annotations

from careerplanner.export import plan_html


def test_html_has_every_month_with_dates_and_boxes(plan, kb, statuses):
    text = plan_html(plan, kb, statuses)
    for month in plan.months:
        assert f"<h2>Month {month.index}: " in text
    assert "<h2>Month 1: 1–31 January 2027</h2>" in text
    assert text.count("☑") == 2
    assert text.count("☐") == sum(len(m.items) for m in plan.months) - 2
    assert "<s>" in text and "(skipped)" in text


def test_html_cites_the_sources_duration_claims(plan, kb):
    text = plan_html(plan, kb)
    claim = plan.duration_claims[0]
    assert f"({kb.source(claim.source).short})." in text
    assert f"<i>{kb.source(claim.source).name}</i>" in text


def test_html_escapes_text_from_the_plan(fake_plan, kb):
    text = plan_html(fake_plan, kb)
    assert "<script>" not in text and "<b>it</b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "Note &lt;script&gt;x()&lt;/script&gt;" in text
    assert "Ship &lt;b&gt;it&lt;/b&gt; &amp; tell" in text


def test_html_needs_nothing_from_outside(plan, kb):
    text = plan_html(plan, kb).lower()
    for outside in ("<script", "<link", "<style", "src=", "http://", "https://", "display:"):
        assert outside not in text
