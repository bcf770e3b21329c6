from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from careerplanner.core.plan import Practice


def _plan_page(window):
    """The Plan page on screen, as a user sees it (a hidden page lists its months when shown)."""
    window.show_page("plan")
    return window.page_by_key["plan"]


def test_choosing_a_role_can_make_it_the_target(qtbot, window, session):
    page = window.page_by_key["gap"]
    page.select_role("ml-engineer")
    assert page.make_target.isEnabled()
    page.make_target.click()
    assert session.profile.target == "ml-engineer"
    assert window.page_by_key["plan"].heading.text().startswith("Software Engineer → ")
    window.undo_action.trigger()
    assert session.profile.target == "ai-engineer"


def test_the_gap_summary_gives_the_plans_hours_beside_the_gaps(qtbot, window, session):
    window.show_page("gap")
    page = window.page_by_key["gap"]
    page.select_role("ml-engineer")
    plan = session.planner.role_plans()["ml-engineer"]
    text = page.summary.text()
    gap_hours = next(g for g in session.snapshot().gaps if g.role == "ml-engineer").hours
    assert f"about {gap_hours} hours of study" in text
    assert text.endswith(f"projects and practice: about {plan.hours:.0f} h")
    assert plan.hours > gap_hours


def test_more_hours_give_a_shorter_plan(qtbot, window):
    page = _plan_page(window)
    page.hours_spin.setValue(5)
    slow = page.model.rowCount()
    page.hours_spin.setValue(20)
    fast = page.model.rowCount()
    assert fast < slow
    assert page.hours_slider.value() == 20
    assert "20 h/week" in page.heading.text()


def test_hours_are_saved_after_the_control_settles(qtbot, window, session):
    page = _plan_page(window)
    page.hours_spin.setValue(17)
    qtbot.waitUntil(lambda: session.profile.hours_per_week == 17, timeout=3000)


def _first_item(page, kind: str):
    for row in range(page.model.rowCount()):
        month = page.model.index(row, 0)
        for child in range(page.model.rowCount(month)):
            index = page.model.index(child, 0, month)
            item = page.model.item_at(index)
            if item is not None and item.kind == kind:
                return index
    raise AssertionError(f"no {kind} item in the plan")


def _tick(page, index) -> None:
    assert page.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)


def test_a_ticked_item_stays_in_the_plan_ticked_and_undo_unticks_it(qtbot, window, session):
    page = _plan_page(window)
    index = _first_item(page, "activity")
    item = page.model.child_at(index)
    _tick(page, index)
    assert session.planner.item_statuses(session.profile.id)[item.id] == "done"
    ticked = [
        page.model.index(r, 0, page.model.index(m, 0))
        for m in range(page.model.rowCount())
        for r in range(page.model.rowCount(page.model.index(m, 0)))
    ]
    ticked = [i for i in ticked if getattr(page.model.item_at(i), "id", None) == item.id]
    assert len(ticked) == 1, "the ticked item is still in the plan"
    assert ticked[0].data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert window.undo_action.text().startswith("&Undo Mark done: " + item.text[:20])
    assert ":" not in window.undo_action.text().split("Mark done: ")[1][:20]
    window.undo_action.trigger()
    assert session.planner.item_statuses(session.profile.id).get(item.id) != "done"


def _skill_names_in_gap(session) -> set[str]:
    return {g.skill for g in session.snapshot().gap_for(session.profile.target).gaps}


def test_ticking_a_skill_step_offers_its_rating_and_yes_sets_it(qtbot, window, session, ask):
    page = _plan_page(window)
    index = _first_item(page, "skill")
    item = page.model.child_at(index)
    skill = session.kb.skill(item.skill)
    _tick(page, index)
    (_title, text, yes, _no) = ask.questions[-1]
    assert text.startswith("You can now ") and f"— set {skill.name} to {item.level}?" in text
    assert yes == f"Set {skill.name} to {item.level}"
    assert session.snapshot().levels[skill.id] == item.level
    assert session.planner.item_statuses(session.profile.id)[item.id] == "done"
    # The Gap page and the plan agree: neither asks for that step any more.
    gap = session.snapshot().gap_for(session.profile.target)
    assert all(g.current >= item.level for g in gap.gaps if g.skill == skill.id)
    plan_items = {i.id for m in session.snapshot().plan.months for i in m.items}
    assert item.id not in plan_items
    # One undo takes back the tick and the rating together.
    assert window.undo_action.text() == f"&Undo Mark done and rate {skill.name} {item.level}"
    window.undo_action.trigger()
    assert session.snapshot().levels.get(skill.id, 0) < item.level
    assert item.id not in session.planner.item_statuses(session.profile.id)


def test_just_ticking_a_skill_step_keeps_it_in_the_plan_after_a_replan(qtbot, window, session, ask):
    ask.answer = False  # "Just Tick It"
    page = _plan_page(window)
    index = _first_item(page, "skill")
    item = page.model.child_at(index)
    skill = session.kb.skill(item.skill)
    before = session.snapshot().levels.get(skill.id, 0)
    _tick(page, index)
    assert session.snapshot().levels.get(skill.id, 0) == before
    assert f"Your {skill.name} rating is still" in window.statusBar().currentMessage()
    page.replan_from_today()
    # The rating is still below the step: the plan keeps it (ticked) and the gap lists it.
    plan_items = {i.id for m in session.snapshot().plan.months for i in m.items}
    assert item.id in plan_items
    assert skill.id in _skill_names_in_gap(session)


def test_raising_a_rating_ticks_the_plan_steps_it_reaches(qtbot, window, session):
    plan = session.snapshot().plan
    step = next(i for m in plan.months for i in m.items if i.kind == "skill")
    from careerplanner.services.edits import RateSkill

    session.do(RateSkill(session.profile.id, step.skill, step.level))
    assert session.planner.item_statuses(session.profile.id)[step.id] == "done"
    assert step.id not in {i.id for m in session.snapshot().plan.months for i in m.items}


def test_replan_from_today_starts_today_and_sets_finished_work_aside(qtbot, window, session):
    page = _plan_page(window)
    index = _first_item(page, "activity")
    item = page.model.child_at(index)
    _tick(page, index)
    session.planner.today = lambda: date(2031, 5, 17)
    page.replan_from_today()
    plan = session.snapshot().plan
    assert session.profile.start_month == date(2031, 5, 1)
    assert plan.months[0].start == date(2031, 5, 17)  # today: the days left in May
    assert item.id not in {i.id for m in plan.months for i in m.items}
    assert window.undo_action.text() == "&Undo Re-plan from today"
    window.undo_action.trigger()
    plan = session.snapshot().plan
    assert item.id in {i.id for m in plan.months for i in m.items}
    assert session.profile.start_month != date(2031, 5, 1)


def test_a_folded_month_stays_folded_when_the_plan_changes(qtbot, window, session):
    page = _plan_page(window)
    first = page.model.index(0, 0)
    page.tree.collapse(first)
    page.hours_spin.setValue(page.hours_spin.value() + 1)
    assert not page.tree.isExpanded(page.model.index(0, 0))
    assert page.tree.isExpanded(page.model.index(1, 0))


def test_a_folded_first_month_stays_folded_past_midnight(qtbot, window, session):
    start = session.profile.start_month
    session.planner.today = lambda: start.replace(day=10)
    page = _plan_page(window)
    page.hours_spin.setValue(page.hours_spin.value() + 1)  # a plan made on the 10th
    assert page.model.group_at(page.model.index(0, 0)).start == start.replace(day=10)
    page.tree.collapse(page.model.index(0, 0))
    session.planner.today = lambda: start.replace(day=11)  # the window stayed open overnight
    page.hours_spin.setValue(page.hours_spin.value() + 1)
    assert page.model.group_at(page.model.index(0, 0)).start == start.replace(day=11)
    assert not page.tree.isExpanded(page.model.index(0, 0))


def test_switching_profile_switches_every_page(qtbot, window, session):
    session.create_profile("What if ML", "software-engineer", "ml-engineer", 10)
    assert window.windowTitle() == "What if ML"
    assert window.page_by_key["gap"].selected_role() == "ml-engineer"
    session.use_profile("Me")
    assert window.page_by_key["gap"].selected_role() == "ai-engineer"


def test_every_month_says_what_to_do_even_deep_inside_a_long_skill(qtbot, window, session):
    session.create_profile("Ana", "data-scientist", "ai-engineer", 5)
    model = _plan_page(window).model
    for row in range(model.rowCount()):
        month = model.index(row, 0)
        assert model.rowCount(month) > 0, f"{month.data()} has nothing to do"
    practice = [
        model.index(r, 0, model.index(m, 0))
        for m in range(model.rowCount())
        for r in range(model.rowCount(model.index(m, 0)))
        if isinstance(model.child_at(model.index(r, 0, model.index(m, 0))), Practice)
    ]
    assert practice, "long skills show what to practise"
    assert "practise until you can" in practice[0].data()
    assert not (practice[0].flags() & Qt.ItemFlag.ItemIsUserCheckable)
    assert practice[0].data(Qt.ItemDataRole.CheckStateRole) is None


def test_fractional_hours_show_as_they_are(qtbot, window, session):
    session.create_profile("Half", "software-engineer", "ai-engineer", 7.5)
    page = _plan_page(window)
    assert page.hours_spin.text() == "7.5 h/week"
    assert "at 7.5 h/week" in page.heading.text()


def test_an_hours_change_is_kept_when_something_else_changes_before_it_is_saved(
    qtbot, window, session
):
    page = _plan_page(window)
    page.hours_spin.setValue(20)  # not saved yet: the control waits for the user to settle
    _tick(page, _first_item(page, "activity"))
    assert session.profile.hours_per_week == 20
    assert page.hours_spin.value() == 20


def test_the_plan_page_says_each_sources_timeline_at_its_pace_and_follows_the_hours(
    qtbot, window, session
):
    from careerplanner.export.text import pace_sentence

    page = _plan_page(window)
    window.show_page("plan")
    said = page.pace.text()
    assert said == pace_sentence(session.snapshot().plan, session.kb)
    assert said.startswith("At 10 hours a week this plan takes")
    assert "the essay's 2-3 months matches about 40 hours a week" in said
    page.hours_spin.setValue(20)
    assert page.pace.text().startswith("At 20 hours a week this plan takes")


def test_hovering_a_timeline_row_names_it_in_full_with_its_levels_and_months(qtbot, window):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    window.resize(1024, 640)
    page = _plan_page(window)
    page.timeline.flush()
    qtbot.waitUntil(lambda: page.timeline.figure is not None and bool(page.timeline.figure.axes))
    canvas, axes = page.timeline._canvas, page.timeline.figure.axes[0]
    labels = axes.get_yticklabels()
    shortened = [n for n, t in enumerate(labels) if "…" in t.get_text()]
    row = shortened[0] if shortened else len(labels) - 1  # the top row otherwise
    # The middle of that row's name, in Qt's coordinates (matplotlib's y runs upwards).
    box = labels[row].get_window_extent()
    ratio = canvas.devicePixelRatioF()
    point = QPoint(
        int(box.x0 + box.width / 2) // ratio,
        int(canvas.height() - (box.y0 + box.height / 2) / ratio),
    )
    QApplication.sendEvent(
        canvas, QHelpEvent(QEvent.Type.ToolTip, point, canvas.mapToGlobal(point))
    )
    tip = QToolTip.text()
    name = labels[row].get_text().split("…")[0].split("  ")[0].strip()
    assert tip.startswith(name) and ": level " in tip and " of the plan" in tip
    if shortened:
        assert "…" not in tip
