"""Number and date fields, typed into as a user types: what was typed is kept, or refused
visibly with its range; it is never replaced by another number without a word."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from careerplanner.gui.welcome import WelcomeDialog


def _type(qtbot, box, text: str) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_plan_hours_out_of_range_are_refused_with_the_range_and_nothing_changes(
    qtbot, window, session
):
    window.show_page("plan")
    page = window.page_by_key["plan"]
    _type(qtbot, page.hours_spin, "100")
    assert page.hours_spin.value() == 10, "100 is not cut to 10"
    qtbot.waitUntil(page.hours_message.isVisible)
    assert page.hours_message.text() == (
        "100 is more than 80: give 1 to 80 hours a week. Still 10."
    )
    _type(qtbot, page.hours_spin, "0")
    qtbot.waitUntil(lambda: "0 is less than 1" in page.hours_message.text())
    page.flush()
    assert session.profile.hours_per_week == 10
    _type(qtbot, page.hours_spin, "12.5")
    assert page.hours_spin.value() == 12.5
    assert not page.hours_message.isVisible()


def test_checkin_hours_out_of_range_log_nothing_and_zero_logs_a_rest_day(qtbot, window, session):
    window.show_page("progress")
    form = window.page_by_key["progress"].form
    _type(qtbot, form.hours, "25")
    qtbot.waitUntil(form.hours_message.isVisible)
    assert "25 is more than 24: give 0 to 24 hours in one day" in form.hours_message.text()
    assert session.planner.checkins(session.profile.id) == []
    _type(qtbot, form.hours, "0")
    logged = session.planner.checkins(session.profile.id)
    assert [c.hours for c in logged] == [0.0], "0 + Enter logs a rest day, not 0.25 h"


def test_a_new_profile_with_zero_hours_is_refused_not_saved_as_ten(qtbot, kb):
    dialog = WelcomeDialog(kb)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.hours_spin.setFocus()
    dialog.hours_spin.lineEdit().selectAll()
    qtbot.keyClicks(dialog.hours_spin.lineEdit(), "0")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 0
    qtbot.waitUntil(dialog.hours_message.isVisible)
    assert "0 is less than 1: give 1 to 80 hours a week" in dialog.hours_message.text()


def test_a_stale_name_message_goes_once_the_name_is_changed(qtbot, kb):
    dialog = WelcomeDialog(kb, first_run=False, taken_names=frozenset({"me"}))
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Me")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "already have a profile called" in dialog.error.text()
    qtbot.keyClicks(dialog.name_edit, " too")
    assert dialog.error.text() == ""


def test_typing_a_day_into_the_checkin_date_gives_that_day(qtbot, window):
    window.show_page("progress")
    form = window.page_by_key["progress"].form
    form.set_today(date(2026, 11, 30))
    form.day.setDate(QDate(2026, 11, 30))
    form.day.setFocus()
    form.day.setSelectedSection(form.day.Section.DaySection)
    qtbot.keyClicks(form.day, "10")
    qtbot.keyClick(form.day, Qt.Key.Key_Tab)
    assert form.day.date().toPython() == date(2026, 11, 10)
    assert form.weekday.text() == "Tue"


def test_the_calendar_greys_out_the_days_after_today(window):
    form = window.page_by_key["progress"].form
    form.set_today(date(2026, 11, 20))
    calendar = form.day.calendarWidget()
    future = calendar.dateTextFormat(QDate(2026, 11, 21)).foreground().color()
    past = calendar.dateTextFormat(QDate(2026, 11, 19)).foreground().color()
    assert future != past


def test_a_whole_date_typed_over_the_old_one_gives_that_day(qtbot, window):
    # From 2 December, "14 Sep 2026" passes through 14 December, after today, on its way.
    window.show_page("progress")
    form = window.page_by_key["progress"].form
    form.set_today(date(2026, 12, 2))
    form.day.setFocus()
    qtbot.keyClick(form.day, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.day, "14 Sep 2026")
    qtbot.keyClick(form.day, Qt.Key.Key_Tab)
    assert form.day.date().toPython() == date(2026, 9, 14)
    assert form.weekday.text() == "Mon"
    form.day.setFocus()
    qtbot.keyClick(form.day, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.day, "3 Nov 2026")  # a one-digit day: the space moves on
    assert form.day.date().toPython() == date(2026, 11, 3)


def test_a_day_after_today_is_refused_when_logged_and_nothing_is_saved(qtbot, window, session):
    window.show_page("progress")
    form = window.page_by_key["progress"].form
    form.set_today(date(2026, 12, 2))
    form.day.setDate(QDate(2026, 12, 14))
    form.submit()
    assert session.planner.checkins(session.profile.id) == []
    assert form.hours_message.isVisibleTo(form)
    assert form.hours_message.text() == (
        "Mon 14 Dec 2026 is after today. A check-in records time already spent: pick today "
        "or an earlier day."
    )
    form.day.setDate(QDate(2026, 12, 1))
    assert not form.hours_message.isVisibleTo(form)


def test_clicking_a_greyed_day_in_the_calendar_keeps_today_and_says_why(window):
    form = window.page_by_key["progress"].form
    form.set_today(date(2026, 12, 2))
    form.day.calendarWidget().clicked.emit(QDate(2026, 12, 20))
    assert form.day.date().toPython() == date(2026, 12, 2)
    assert form.hours_message.text().startswith("A check-in records time already spent")
    form.hours_message.hide()
    form.day.calendarWidget().activated.emit(QDate(2026, 12, 21))  # reached with the keys
    assert form.day.date().toPython() == date(2026, 12, 2)
    assert form.hours_message.isVisibleTo(form)


def test_tab_in_the_skill_note_moves_on_instead_of_typing_a_tab(qtbot, window):
    window.show_page("skills")
    skills = window.page_by_key["skills"]
    skills.select_skill("python")
    skills.note.setFocus()
    qtbot.keyClicks(skills.note, "shipped it")
    qtbot.keyClick(skills.note, Qt.Key.Key_Tab)
    assert "\t" not in skills.note.toPlainText()
    assert not skills.note.hasFocus()


def test_space_in_the_plan_list_ticks_and_down_goes_on_to_the_next_row(qtbot, window, session):
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_page("plan")
    page = window.page_by_key["plan"]
    month = page.model.index(0, 0)
    first = page.model.index(0, 0, month)
    page.tree.setCurrentIndex(first)
    item = page.model.item_at(first)
    qtbot.keyClick(page.tree, Qt.Key.Key_Space)
    assert session.planner.item_statuses(session.profile.id).get(item.id) == "done"
    assert page.model.item_at(page.tree.currentIndex()).id == item.id, "still on the ticked row"
    qtbot.keyClick(page.tree, Qt.Key.Key_Down)
    assert page.tree.currentIndex() == page.model.index(1, 0, page.model.index(0, 0))


def test_a_note_too_long_is_refused_in_a_dialog_and_stays_in_the_field(qtbot, window, ask):
    from careerplanner.core.limits import MAX_NOTE_LENGTH

    window.show_page("skills")
    skills = window.page_by_key["skills"]
    skills.select_skill("python")
    skills.note.setPlainText("x" * (MAX_NOTE_LENGTH + 1))
    skills.flush()
    title, text = ask.errors[-1]
    assert title == "Your note on Python was not saved" and "at most 10,000 characters" in text
    assert len(skills.note.toPlainText()) == MAX_NOTE_LENGTH + 1
