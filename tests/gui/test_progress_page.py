"""The Progress page: logging a check-in from the form, undoing it, and the status line."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from careerplanner.gui.models.checkins import CheckinTableModel
from careerplanner.gui.widgets.checkin_form import SKILL_ID_ROLE
from careerplanner.services.edits import AddCheckin, UpdateProfile


@pytest.fixture
def page(window):
    window.show_page("progress")
    return window.page_by_key["progress"]


def type_hours(qtbot, page, text: str) -> None:
    page.form.hours.lineEdit().selectAll()
    qtbot.keyClicks(page.form.hours.lineEdit(), text)


def test_enter_in_the_hours_field_logs_a_checkin_shown_in_the_list_and_chart(qtbot, page):
    form = page.form
    type_hours(qtbot, page, "2")
    qtbot.keyClicks(form.note, "RAG tutorial")
    form.skill_filter.setText("pyth")
    visible = [
        form.skills.item(row)
        for row in range(form.skills.count())
        if not form.skills.item(row).isHidden()
    ]
    assert [item.text() for item in visible][:1] == ["Python"]
    visible[0].setCheckState(Qt.CheckState.Checked)
    assert form.picked.text() == "Practised: Python"

    qtbot.keyClick(form.hours, Qt.Key.Key_Return)

    model = page.model
    assert model.rowCount() == 1
    row = [model.index(0, column).data() for column in range(model.columnCount())]
    assert row[CheckinTableModel.COL_HOURS] == "2 h"
    assert row[CheckinTableModel.COL_SKILLS] == "Python"
    assert row[CheckinTableModel.COL_NOTE] == "RAG tutorial"
    bars = page.hours_chart.figure.axes[0].patches
    assert bars[-1].get_height() == 2
    assert form.note.text() == "" and form.selected_skills() == ()  # ready for the next one


def test_a_logged_checkin_is_undoable(qtbot, window, page, session):
    type_hours(qtbot, page, "1.5")
    page.form.log_button.click()
    assert len(session.planner.checkins(session.profile.id)) == 1
    assert window.undo_action.text() == "&Undo Log 1.5 h check-in"
    window.undo_action.trigger()
    assert session.planner.checkins(session.profile.id) == []
    assert page.model.rowCount() == 0
    assert page.table_title.text() == "No check-ins yet"


def test_newest_checkin_is_listed_first(page, session):
    profile_id = session.profile.id
    today = date.today()
    session.do(AddCheckin(profile_id, today - timedelta(days=3), 1, "older"))
    session.do(AddCheckin(profile_id, today, 2, "newer"))
    assert page.model.index(0, CheckinTableModel.COL_NOTE).data() == "newer"
    assert page.table_title.text() == "Past check-ins: 2, 3 h in all"


def test_a_new_profile_without_checkins_is_on_track_and_asks_for_one(page):
    assert page.headline.text() == "On track — log a check-in to get a forecast finish date"
    assert page.hours_chart.figure.axes  # this week's planned hours, nothing logged yet


def test_weeks_without_enough_hours_show_as_behind_with_a_forecast(qtbot, page, session):
    type_hours(qtbot, page, "10")  # the profile plans 10 h a week
    page.form.log_button.click()
    session.planner.today = lambda: date.today() + timedelta(weeks=3)
    page.refresh()
    status = page.report.status
    assert status.forecast is not None
    assert page.headline.text() == f"2 weeks behind — forecast finish {status.forecast:%b %Y}"
    assert "10 h logged" in page.detail.text()


def test_changes_made_on_other_pages_show_when_the_page_opens(window, session):
    window.show_page("skills")
    session.do(AddCheckin(session.profile.id, date.today(), 3, "from the command line"))
    window.show_page("progress")
    page = window.page_by_key["progress"]
    assert page.model.index(0, CheckinTableModel.COL_NOTE).data() == "from the command line"
    assert page.hours_chart.toolTip().startswith("This week: 3 h logged of ")


def test_switching_profile_shows_the_other_profiles_checkins(page, session):
    session.do(AddCheckin(session.profile.id, date.today(), 2, "mine"))
    session.create_profile("Other", "data-scientist", "ml-engineer", 6)
    assert page.model.rowCount() == 0
    assert "6 h a week" in page.detail.text()
    session.use_profile("Me")
    assert page.model.rowCount() == 1


def test_the_skills_the_plan_works_on_are_listed_first_and_ticks_survive(page, session):
    form = page.form
    form.set_skills(["python"])
    planned = list(dict.fromkeys(s.skill for m in session.snapshot().plan.months for s in m.skills))
    listed = [form.skills.item(row).data(SKILL_ID_ROLE) for row in range(form.skills.count())]
    assert listed[: len(planned)] == planned
    assert form.skills.item(0).font().bold()
    assert not form.skills.item(len(planned)).font().bold()
    form.skill_filter.setText("kubernetes")
    session.do(UpdateProfile(session.profile.id, target="ml-engineer"))
    assert form.selected_skills() == ("python",)
    shown = [form.skills.item(r).text() for r in range(form.skills.count())]
    assert [t for r, t in enumerate(shown) if not form.skills.item(r).isHidden()] == ["Kubernetes"]


def test_the_checkin_date_cannot_be_in_the_future_and_follows_midnight(page):
    form = page.form
    today = date.today()
    assert form.day.date().toPython() == today
    form.day.setDate(form.day.date().addDays(5))
    assert form.day.date().toPython() == today
    form.set_today(today + timedelta(days=1))
    assert form.day.date().toPython() == today + timedelta(days=1)
    form.day.setDate(form.day.date().addDays(-3))  # a day chosen by hand stays
    form.set_today(today + timedelta(days=2))
    assert form.day.date().toPython() == today - timedelta(days=2)


def test_enter_in_the_note_field_logs_too(qtbot, page, session):
    qtbot.keyClicks(page.form.note, "Read the attention paper")
    qtbot.keyClick(page.form.note, Qt.Key.Key_Return)
    (checkin,) = session.planner.checkins(session.profile.id)
    assert (checkin.hours, checkin.note) == (1.0, "Read the attention paper")


def test_the_checkin_list_shows_the_latest_logged_first(session):
    profile_id = session.profile.id
    for hours, skills in ((1, ("python",)), (2.5, ("rag", "python")), (0.25, ())):
        session.planner.do(AddCheckin(profile_id, date(2026, 3, 2), hours, "x", skills))
    model = CheckinTableModel({"python": "Python", "rag": "RAG"})
    model.set_rows(session.planner.checkins(profile_id))
    assert model.index(0, CheckinTableModel.COL_SKILLS).data() == ""
