"""A new user: welcome dialog, corrected levels, gap and plan — end to end with the real window."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox

from careerplanner.gui.app import ensure_profile
from careerplanner.gui.main_window import MainWindow
from careerplanner.gui.session import Session
from careerplanner.gui.welcome import WelcomeDialog


def _fill_welcome(qtbot, dialogs, background: str, target: str, hours: int):
    def fill() -> None:
        dialog = dialogs[-1]
        dialog.background_combo.setCurrentIndex(dialog.background_combo.findData(background))
        dialog.target_combo.setCurrentIndex(dialog.target_combo.findData(target))
        dialog.hours_spin.setValue(hours)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.click()

    return fill


def test_first_run_creates_a_prefilled_profile_and_lands_on_skills(
    qtbot, planner, kb, db_path, ask
):
    session = Session(planner)
    assert session.profile is None
    dialogs: list[WelcomeDialog] = []

    def make_dialog(kb_):
        dialog = WelcomeDialog(kb_)
        dialogs.append(dialog)
        QTimer.singleShot(0, _fill_welcome(qtbot, dialogs, "data-scientist", "ml-engineer", 12))
        return dialog

    assert ensure_profile(session, make_dialog)
    profile = session.profile
    assert (profile.name, profile.background, profile.target) == (
        "Me",
        "data-scientist",
        "ml-engineer",
    )
    assert profile.hours_per_week == 12
    typical = kb.role("data-scientist").typical_levels
    levels = planner.levels(profile.id)
    assert {k: levels.get(k, 0) for k in typical} == dict(typical)

    window = MainWindow(session, db_path, ask=ask, start_page="skills")
    qtbot.addWidget(window)
    window.show()
    assert window.current_page_key() == "skills"

    # Correct one level: the gap list and the plan follow, as soon as they are looked at.
    gap_page, plan_page = window.page_by_key["gap"], window.page_by_key["plan"]
    window.show_page("gap")
    first_gap = gap_page.model.gap_at(0)
    months_before = session.snapshot().plan.total_months
    rows_before = gap_page.model.rowCount()
    window.show_page("skills")
    skills = window.page_by_key["skills"]
    skills.select_skill(first_gap.skill)
    skills.picker.buttons[first_gap.required].click()
    assert session.snapshot().levels[first_gap.skill] == first_gap.required
    window.show_page("gap")
    assert gap_page.model.rowCount() == rows_before - 1
    assert all(gap_page.model.gap_at(r).skill != first_gap.skill for r in range(rows_before - 1))
    assert session.snapshot().plan.total_months <= months_before
    window.show_page("plan")
    planned = {s.skill for m in plan_page.model.groups() for s in m[0].skills}
    assert planned and first_gap.skill not in planned


def test_cancelling_the_welcome_creates_nothing(qtbot, planner, kb):
    session = Session(planner)

    def make_dialog(kb_):
        dialog = WelcomeDialog(kb_)
        QTimer.singleShot(0, dialog.reject)
        return dialog

    assert not ensure_profile(session, make_dialog)
    assert planner.profiles() == []


def test_welcome_refuses_an_empty_name(qtbot, kb):
    dialog = WelcomeDialog(kb)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("  ")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 0
    assert "name" in dialog.error.text()
