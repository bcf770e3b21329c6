"""Every chart says what it shows in words, through Qt's accessibility interface (what a screen
reader reads) as well as its tooltip."""

from __future__ import annotations

from PySide6.QtGui import QAccessible


def _description(widget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Description)


def test_the_gap_charts_describe_readiness_and_skill_areas(qtbot, window, session):
    window.show_page("gap")
    page = window.page_by_key["gap"]
    readiness = _description(page.readiness_chart)
    assert readiness.startswith("Readiness for every role, best first: ")
    first = session.snapshot().gaps[0]
    assert f"{first.name} {first.readiness:.0%}" in readiness
    assert "(your target)" in readiness
    areas = _description(page.category_chart)
    assert areas.startswith("AI Engineer by skill area: ") and "you have" in areas
    page.select_role("ml-engineer")
    assert _description(page.category_chart).startswith("Machine Learning Engineer by skill area")
    assert page.readiness_chart.toolTip() == _description(page.readiness_chart)


def test_the_plan_timeline_describes_its_skills_and_months(qtbot, window, session):
    window.show_page("plan")
    page = window.page_by_key["plan"]
    plan = session.snapshot().plan
    words = _description(page.timeline)
    assert words.startswith(f"{len({s.skill for m in plan.months for s in m.skills})} skills over ")
    assert f"over {plan.total_months} months" in words
    first_step = plan.months[0].skills[0]
    assert f"{first_step.name} {first_step.from_level} to" in words
    page.hours_spin.setValue(20)
    assert f"over {session.what_if(20).plan.total_months} months" in _description(page.timeline)


def test_every_chart_in_the_window_has_words(qtbot, window):
    from careerplanner.gui.widgets.chart import ChartView

    for key in ("gap", "plan", "progress"):
        window.show_page(key)
    for chart in window.findChildren(ChartView):
        assert _description(chart), f"{chart.accessibleName()} says nothing in words"
