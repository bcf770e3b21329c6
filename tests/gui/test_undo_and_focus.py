"""Undo and redo from the keyboard, as a user presses them, and where the keyboard lands."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from tests.storage_fixtures import dump

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _active(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def _python(session) -> int:
    return session.snapshot().levels.get("python", 0)


def test_ctrl_z_and_ctrl_shift_z_undo_and_redo_a_rating(qtbot, window, session):
    _active(qtbot, window)
    skills = window.page_by_key["skills"]
    skills.select_skill("python")
    skills.tree.setFocus()
    before = _python(session)
    qtbot.keyClick(skills.tree, Qt.Key.Key_1)
    assert _python(session) == 1
    qtbot.keyClick(skills.tree, Qt.Key.Key_Z, CTRL)
    assert _python(session) == before
    qtbot.keyClick(skills.tree, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _python(session) == 1
    assert window.undo_action.text() == "&Undo Rate Python 1"


def test_redo_is_bound_once_per_key_so_qt_never_finds_it_ambiguous(window):
    keys = [key.toString() for key in window.redo_action.shortcuts()]
    assert "Ctrl+Shift+Z" in keys
    assert len(keys) == len(set(keys))
    assert not set(keys) & {k.toString() for k in window.undo_action.shortcuts()}
    assert QKeySequence(QKeySequence.StandardKey.Undo).toString() == "Ctrl+Z"


def test_ctrl_z_in_a_field_with_typing_of_its_own_undoes_the_typing(qtbot, window, session):
    _active(qtbot, window)
    skills = window.page_by_key["skills"]
    skills.select_skill("python")
    qtbot.keyClick(skills.tree, Qt.Key.Key_2)  # an app edit to undo later
    search = skills.search
    search.setFocus()
    qtbot.keyClicks(search, "torch")
    qtbot.keyClick(search, Qt.Key.Key_Z, CTRL)
    assert search.text() == "", "the search box undid its own typing"
    assert _python(session) == 2, "the rating was not undone"


def test_ctrl_z_in_a_field_with_nothing_to_undo_undoes_the_apps_last_edit(qtbot, window, session):
    _active(qtbot, window)
    skills = window.page_by_key["skills"]
    skills.select_skill("python")
    before = _python(session)
    qtbot.keyClick(skills.tree, Qt.Key.Key_2)
    window.show_page("plan")
    hours = window.page_by_key["plan"].hours_spin
    hours.setFocus()
    qtbot.keyClick(hours, Qt.Key.Key_Z, CTRL)
    assert _python(session) == before


def test_tick_then_undo_leaves_the_database_exactly_as_before(qtbot, window, session, db_path):
    from careerplanner.storage import open_database

    window.show_page("plan")
    page = window.page_by_key["plan"]
    reader = open_database(db_path)
    before = dump(reader)
    month = page.model.index(0, 0)
    item = page.model.index(0, 0, month)
    assert page.model.setData(item, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert dump(reader) != before
    window.undo_action.trigger()
    assert dump(reader) == before
    reader.close()


def test_a_page_switch_puts_the_keyboard_where_the_user_acts_next(qtbot, window, session):
    _active(qtbot, window)
    window.show_page("plan")
    assert QApplication.focusWidget() is window.page_by_key["plan"].tree
    gap = window.page_by_key["gap"]
    window.show_page("gap")
    gap.select_role("ml-engineer")
    gap.make_target.click()
    assert session.profile.target == "ml-engineer"
    assert QApplication.focusWidget() is gap.table


def test_one_hours_step_builds_and_draws_its_plan_once(qtbot, window, session, monkeypatch):
    from careerplanner.gui.pages import plan as plan_page
    from careerplanner.services import planner as planner_module

    window.show_page("plan")
    page = window.page_by_key["plan"]
    qtbot.waitUntil(lambda: page.timeline.figure is not None and bool(page.timeline.figure.axes))
    built, drawn = [], []
    real_build, real_draw = planner_module.build_plan, plan_page.draw_timeline

    def counting_build(*args):
        built.append(args)
        return real_build(*args)

    def counting_draw(*args, **kwargs):
        drawn.append(args)
        return real_draw(*args, **kwargs)

    monkeypatch.setattr(planner_module, "build_plan", counting_build)
    monkeypatch.setattr(plan_page, "draw_timeline", counting_draw)
    page.hours_spin.setValue(page.hours_spin.value() + 1)
    qtbot.waitUntil(lambda: session.profile.hours_per_week == page.hours_spin.value(), timeout=3000)
    qtbot.wait(plan_page.CHART_DELAY_MS * 2)
    assert len(built) == 1
    assert len(drawn) == 1


def test_ctrl_z_right_after_logging_a_check_in_undoes_the_check_in(qtbot, window, session):
    _active(qtbot, window)
    window.show_page("progress")
    form = window.page_by_key["progress"].form
    form.hours.setFocus()
    form.hours.lineEdit().selectAll()
    qtbot.keyClicks(form.hours.lineEdit(), "3")
    form.note.setFocus()
    qtbot.keyClicks(form.note, "RAG notebook")
    qtbot.keyClick(form.note, Qt.Key.Key_Return)
    assert [c.hours for c in session.planner.checkins(session.profile.id)] == [3]
    # The typing went into the check-in: Ctrl+Z in the hours or the note undoes the check-in.
    form.hours.setFocus()
    qtbot.keyClick(form.hours, Qt.Key.Key_Z, CTRL)
    assert session.planner.checkins(session.profile.id) == []
    assert form.hours.value() == 3, "the hours stay as they were typed"
    qtbot.keyClick(form.hours, Qt.Key.Key_Z, CTRL | SHIFT)
    form.note.setFocus()
    qtbot.keyClick(form.note, Qt.Key.Key_Z, CTRL)
    assert session.planner.checkins(session.profile.id) == []
    assert form.note.text() == ""
