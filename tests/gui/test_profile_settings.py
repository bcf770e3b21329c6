"""Profile settings: rename, background, target, hours a week and start month in one undoable
edit, reached from the File menu; the welcome dialog asks for the start month too."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from careerplanner.gui.app import ensure_profile
from careerplanner.gui.profile_settings import ProfileSettingsDialog
from careerplanner.gui.session import Session
from careerplanner.gui.welcome import WelcomeDialog


def file_menu_texts(window) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    return [action.text().replace("&", "") for action in menu.actions()]


def test_settings_change_every_field_in_one_undoable_edit(qtbot, window, session):
    assert "Profile Settings…" in file_menu_texts(window)
    profile = session.profile
    dialog = ProfileSettingsDialog(session.kb, profile, frozenset(), window)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Bootcamp me")
    dialog.background_combo.setCurrentIndex(dialog.background_combo.findData("student"))
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData("ml-engineer"))
    dialog.hours_spin.setValue(15)
    dialog.start_edit.setDate(QDate(2026, 2, 1))
    assert session.do(dialog.edit())
    changed = session.profile
    assert (changed.name, changed.background, changed.target) == (
        "Bootcamp me",
        "student",
        "ml-engineer",
    )
    assert (changed.hours_per_week, changed.start_month) == (15, date(2026, 2, 1))
    assert window.windowTitle() == "Bootcamp me"
    assert window.undo_action.text() == "&Undo Edit profile settings"
    window.undo_action.trigger()
    assert session.profile == profile


def test_settings_refuse_a_name_another_profile_has(qtbot, session):
    dialog = ProfileSettingsDialog(session.kb, session.profile, frozenset({"Other"}))
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("other")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "already have a profile called" in dialog.error.text()
    assert dialog.result() == 0
    dialog.name_edit.setText("Me")  # unchanged: nothing to save
    assert dialog.edit() is None


def test_the_import_error_for_a_taken_name_points_to_the_settings(window, session, ask, tmp_path):
    exported = tmp_path / "mine.json"
    session.planner.export_file(exported)
    ask.path = exported
    window.import_file()
    ((title, text),) = ask.errors
    assert title == "Nothing was imported"
    assert "File ▸ Profile Settings" in text
    assert "Profile Settings…" in file_menu_texts(window)
    assert json.loads(exported.read_text())["profiles"][0]["name"] == "Me"


def test_the_welcome_dialog_asks_for_the_start_month(qtbot, planner):
    session = Session(planner)
    dialogs: list[WelcomeDialog] = []

    def make_dialog(kb):
        dialog = WelcomeDialog(kb)
        dialogs.append(dialog)

        def fill() -> None:
            dialogs[-1].start_edit.setDate(QDate(2026, 1, 1))
            dialogs[-1].buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        QTimer.singleShot(0, fill)
        return dialog

    assert ensure_profile(session, make_dialog)
    assert dialogs[0].start_edit.date().toPython().day == 1
    assert session.profile.start_month == date(2026, 1, 1)
    assert session.snapshot().counting_from == date(2026, 1, 1)
