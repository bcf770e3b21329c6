"""The Progress page: logging, editing and deleting check-ins (all undoable), the form driven by
the keyboard with a filter typed, and every sentence agreeing with ``progress --format json``."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from careerplanner.gui.models.checkins import BEFORE_START, CheckinTableModel
from careerplanner.gui.widgets.checkin_form import ITEM_ID_ROLE, SKILL_ID_ROLE
from careerplanner.services.edits import AddCheckin, UpdateProfile


@pytest.fixture
def page(window):
    window.show_page("progress")
    return window.page_by_key["progress"]


def type_hours(qtbot, page, text: str) -> None:
    page.form.hours.lineEdit().selectAll()
    qtbot.keyClicks(page.form.hours.lineEdit(), text)


def visible_skills(form) -> list[str]:
    return [
        form.skills.item(row).data(SKILL_ID_ROLE)
        for row in range(form.skills.count())
        if not form.skills.item(row).isHidden()
    ]


def row_texts(model, row: int = 0) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_the_keyboard_with_a_filter_ticks_only_the_skills_shown(qtbot, page, session):
    form = page.form
    form.skills.setCurrentRow(0)  # a skill the filter will hide is highlighted first
    hidden_first = form.skills.item(0).data(SKILL_ID_ROLE)
    type_hours(qtbot, page, "2")
    form.skill_filter.setFocus()
    qtbot.keyClicks(form.skill_filter, "pyth")
    shown = visible_skills(form)
    assert shown and hidden_first not in shown
    qtbot.keyClick(form.skill_filter, Qt.Key.Key_Down)  # into the list, on the first one shown
    assert form.skills.hasFocus()
    qtbot.keyClick(form.skills, Qt.Key.Key_Space)
    assert form.selected_skills() == (shown[0],)
    assert form.picked.text() == f"Practised: {session.kb.skill(shown[0]).name}"
    qtbot.keyClick(form.skills, Qt.Key.Key_Space)  # Space again unticks it
    qtbot.keyClick(form.skills, Qt.Key.Key_Space)
    qtbot.keyClick(form.hours, Qt.Key.Key_Return)
    (checkin,) = session.planner.checkins(session.profile.id)
    assert checkin.skills == (shown[0],)
    assert row_texts(page.model)[CheckinTableModel.COL_SKILLS] == session.kb.skill(shown[0]).name
    assert form.note.text() == "" and form.selected_skills() == ()  # ready for the next one


def test_space_never_ticks_a_skill_the_filter_hides(qtbot, page):
    form = page.form
    form.skill_filter.setText("no skill has this name")
    assert visible_skills(form) == []
    form.skills.setFocus()
    qtbot.keyClick(form.skills, Qt.Key.Key_Space)
    assert form.selected_skills() == ()


def test_a_checkin_links_the_plan_items_it_worked_on(qtbot, page, session):
    form = page.form
    assert form.plan_items.count() > 0
    first = form.plan_items.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    item_id, text = first.data(ITEM_ID_ROLE), first.text()
    page.form.log_button.click()
    (checkin,) = session.planner.checkins(session.profile.id)
    assert checkin.items == (item_id,)
    assert row_texts(page.model)[CheckinTableModel.COL_ITEMS] == text
    assert form.selected_items() == ()  # the list is fresh for the next check-in


def test_a_checkin_is_edited_from_the_list_and_undo_restores_it(qtbot, window, page, session):
    session.do(AddCheckin(session.profile.id, date.today(), 2, "first try", ["python"]))
    page.table.selectRow(0)
    page.edit_button.click()
    form = page.form
    assert form.log_button.text() == "&Save Changes" and form.hours.value() == 2
    type_hours(qtbot, page, "3.5")
    form.note.clear()
    qtbot.keyClicks(form.note, "longer session")
    qtbot.keyClick(form.note, Qt.Key.Key_Return)
    (checkin,) = session.planner.checkins(session.profile.id)
    assert (checkin.hours, checkin.note, checkin.skills) == (3.5, "longer session", ("python",))
    assert form.log_button.text() == "&Log Check-in"
    assert window.undo_action.text().startswith("&Undo Edit check-in of ")
    window.undo_action.trigger()
    (checkin,) = session.planner.checkins(session.profile.id)
    assert (checkin.hours, checkin.note) == (2, "first try")
    assert row_texts(page.model)[CheckinTableModel.COL_NOTE] == "first try"


def test_a_checkin_is_deleted_with_the_delete_key_and_undo_brings_it_back(
    qtbot, window, page, session
):
    session.do(AddCheckin(session.profile.id, date.today(), 1, "keep"))
    session.do(AddCheckin(session.profile.id, date.today(), 2, "mistake"))
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert [c.note for c in session.planner.checkins(session.profile.id)] == ["keep"]
    assert page.table_title.text() == "Past check-ins: 1, 1 h in all"
    window.undo_action.trigger()
    assert [c.note for c in session.planner.checkins(session.profile.id)] == ["keep", "mistake"]
    window.redo_action.trigger()
    assert page.model.rowCount() == 1


def test_editing_is_cancelled_without_changing_anything(qtbot, page, session):
    session.do(AddCheckin(session.profile.id, date.today(), 2, "as it was"))
    page.table.selectRow(0)
    page.edit_selected()
    type_hours(qtbot, page, "9")
    page.form.cancel_button.click()
    assert session.planner.checkins(session.profile.id)[0].hours == 2
    assert page.form.editing is None and page.form.note.text() == ""


def test_a_new_profile_has_no_data_yet_and_asks_for_a_checkin(page):
    assert page.headline.text() == "No data yet: log your first check-in"
    assert page.forecast.text().startswith("Log a check-in in each of two weeks")


def test_every_sentence_on_the_page_is_the_reports_and_agrees_with_the_json(qtbot, page, session):
    profile = session.profile
    today = date.today()
    for days_ago, hours in ((30, 3), (22, 4), (15, 2), (8, 5), (1, 3)):
        session.do(AddCheckin(profile.id, today - timedelta(days=days_ago), hours, "study"))
    session.do(UpdateProfile(profile.id, start_month=(today - timedelta(days=40)).replace(day=1)))
    page.refresh()
    report = page.report
    shown = [
        page.headline.text(),
        page.schedule.text(),
        page.forecast.text(),
        page.this_week.text(),
        page.items.text(),
    ]
    assert tuple(shown) == report.lines
    document = session.planner.progress_document(profile.id, today)
    assert document["status"] == report.status
    assert document["weeks_behind"] == report.weeks
    assert document["forecast_note"] == report.forecast_note
    words = {"behind": "behind", "ahead": "ahead", "on_track": "On track"}
    assert words[document["status"]] in page.headline.text()
    if document["forecast_finish"]:
        finish = date.fromisoformat(document["forecast_finish"])
        assert f"{finish:%b %Y}" in page.forecast.text()
    week = document["this_week"]
    assert f"{week['hours_logged']:g} h logged of {week['hours_planned']:g} h planned" in (
        page.this_week.text()
    )


def test_checkins_before_the_plan_began_count_and_say_so(page, session):
    profile = session.profile
    start = date.today().replace(day=1) + timedelta(days=32)
    session.do(UpdateProfile(profile.id, start_month=start.replace(day=1)))
    early = date.today() - timedelta(days=1)
    session.do(AddCheckin(profile.id, early, 4, "before the plan"))
    page.refresh()
    assert page.model.index(0, CheckinTableModel.COL_DAY).data().endswith(BEFORE_START)
    assert page.report.logged_before_start == 4
    assert page.headline.text().startswith("Not started: your plan begins on ")
    assert "4 h of them before your plan began" in page.schedule.text()


def test_the_date_and_hours_columns_fit_their_text_as_check_ins_change(page, session):
    """The two columns are sized when the rows change, not at every layout: still as wide as
    the longest text shown, a check-in from before the plan began included (the plan counts
    from today, the day the profile was made)."""
    profile = session.profile

    def fits(column: int) -> bool:
        view = page.table
        texts = [page.model.index(row, column).data() for row in range(page.model.rowCount())]
        widest = max(view.fontMetrics().horizontalAdvance(text) for text in texts)
        return view.columnWidth(column) > widest

    session.do(AddCheckin(profile.id, date.today(), 1.5, "today"))
    narrow = page.table.columnWidth(CheckinTableModel.COL_DAY)
    assert fits(CheckinTableModel.COL_DAY) and fits(CheckinTableModel.COL_HOURS)
    session.do(AddCheckin(profile.id, date.today() - timedelta(days=1), 12.25, "before"))
    assert page.model.index(1, CheckinTableModel.COL_DAY).data().endswith(BEFORE_START)
    assert page.table.columnWidth(CheckinTableModel.COL_DAY) > narrow
    assert fits(CheckinTableModel.COL_DAY) and fits(CheckinTableModel.COL_HOURS)


def test_changes_made_on_other_pages_show_when_the_page_opens(window, session):
    window.show_page("skills")
    session.do(AddCheckin(session.profile.id, date.today(), 3, "from the command line"))
    window.show_page("progress")
    page = window.page_by_key["progress"]
    assert page.model.index(0, CheckinTableModel.COL_NOTE).data() == "from the command line"
    assert page.hours_chart.toolTip().startswith("This week: 3 h logged of 10 h planned")


def test_switching_profile_shows_the_other_profiles_checkins(page, session):
    session.do(AddCheckin(session.profile.id, date.today(), 2, "mine"))
    session.create_profile("Other", "data-scientist", "ml-engineer", 6)
    assert page.model.rowCount() == 0
    assert "6 h a week" in page.schedule.text()
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
    assert [session.kb.skill(s).name for s in visible_skills(form)] == ["Kubernetes"]


def test_a_checkin_cannot_be_logged_in_the_future_and_its_date_follows_midnight(page, session):
    form = page.form
    today = date.today()
    assert form.day.date().toPython() == today
    form.day.setDate(form.day.date().addDays(5))
    form.submit()  # refused when logged, saying why (test_fields)
    assert session.planner.checkins(session.profile.id) == []
    form.day.setDate(form.day.date().addDays(-5))
    form.set_today(today + timedelta(days=1))
    assert form.day.date().toPython() == today + timedelta(days=1)
    form.day.setDate(form.day.date().addDays(-3))  # a day chosen by hand stays
    form.set_today(today + timedelta(days=2))
    assert form.day.date().toPython() == today - timedelta(days=2)


def test_the_progress_report_is_exported_as_a_pdf(qtbot, window, page, session, ask, tmp_path):
    session.do(AddCheckin(session.profile.id, date.today(), 2, "notebook"))
    ask.path = tmp_path / "report"
    page.export_report()
    written = tmp_path / "report.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    html = page.report_html()
    assert "Progress report: Me" in html and "notebook" in html
    assert html.count("data:image/png;base64,") == 3
    assert ask.errors == []


def test_a_narrow_check_in_list_keeps_the_note_in_view(qtbot, window, page, session):
    session.do(AddCheckin(session.profile.id, date.today(), 2, "a long note about the day"))
    window.resize(1024, 640)
    page.table.resize(480, 300)
    qtbot.wait(10)
    header = page.table.horizontalHeader()
    note = CheckinTableModel.COL_NOTE
    right = header.sectionViewportPosition(note) + header.sectionSize(note)
    assert header.sectionSize(note) >= 80, "the note keeps a readable share"
    assert right <= page.table.viewport().width(), "no column behind a sideways scroll bar"


def test_a_column_width_the_user_chose_is_kept_when_the_list_resizes(qtbot, window, page):
    header = page.table.horizontalHeader()
    skills = CheckinTableModel.COL_SKILLS
    header.resizeSection(skills, 260)  # as a drag of the column's edge does
    page.table.resize(480, 300)
    page.table.resize(700, 300)
    qtbot.wait(10)
    assert header.sectionSize(skills) == 260
