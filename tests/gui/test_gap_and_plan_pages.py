from __future__ import annotations

from datetime import date

from careerplanner.gui.models.plan import ITEM_ID_ROLE


def test_gap_page_lists_missing_skills_with_explanations(window, session):
    page = window.page_by_key["gap"]
    assert page.selected_role() == "ai-engineer"
    gap = session.snapshot().gap_for("ai-engineer")
    assert page.model.rowCount() == len(gap.gaps) > 0
    assert page.model.index(0, page.model.COL_WHY).data() == gap.gaps[0].explanation
    assert "ready" in page.summary.text()


def test_choosing_a_role_can_make_it_the_target(qtbot, window, session):
    page = window.page_by_key["gap"]
    page.select_role("ml-engineer")
    assert page.make_target.isEnabled()
    page.make_target.click()
    assert session.profile.target == "ml-engineer"
    assert window.page_by_key["plan"].heading.text().startswith("Software Engineer → ")
    window.undo_action.trigger()
    assert session.profile.target == "ai-engineer"


def test_more_hours_give_a_shorter_plan(qtbot, window):
    page = window.page_by_key["plan"]
    page.hours_spin.setValue(5)
    slow = page.model.rowCount()
    page.hours_spin.setValue(20)
    fast = page.model.rowCount()
    assert fast < slow
    assert page.hours_slider.value() == 20
    assert "20 h/week" in page.heading.text()


def test_hours_are_saved_after_the_control_settles(qtbot, window, session):
    page = window.page_by_key["plan"]
    page.hours_spin.setValue(17)
    qtbot.waitUntil(lambda: session.profile.hours_per_week == 17, timeout=3000)


def test_marking_an_item_done_is_saved_and_undoable(qtbot, window, session):
    page = window.page_by_key["plan"]
    month = page.model.index(0, 0)
    item = page.model.index(0, 0, month)
    item_id = item.data(ITEM_ID_ROLE)
    from PySide6.QtCore import Qt

    assert page.model.setData(item, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert session.workspace.item_statuses(session.profile.id)[item_id] == "done"
    window.undo_action.trigger()
    assert session.workspace.item_statuses(session.profile.id).get(item_id) != "done"


def test_replan_from_today_starts_this_month(qtbot, window, session):
    page = window.page_by_key["plan"]
    page.today = lambda: date(2031, 5, 17)
    page.replan_from_today()
    assert session.profile.start_month == date(2031, 5, 1)
    assert session.snapshot().plan.months[0].start == date(2031, 5, 1)


def test_switching_profile_switches_every_page(qtbot, window, session):
    session.create_profile("What if ML", "software-engineer", "ml-engineer", 10)
    assert window.windowTitle() == "Career Planner — What if ML"
    assert window.page_by_key["gap"].selected_role() == "ml-engineer"
    session.use_profile("Me")
    assert window.page_by_key["gap"].selected_role() == "ai-engineer"
