from __future__ import annotations

from PySide6.QtCore import Qt

from careerplanner.gui.main_window import PAGES, MainWindow


def test_navigation_shows_each_page(qtbot, window):
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert titles == [
        "Skills",
        "Gap",
        "Plan",
        "Progress",
        "Compare roles",
        "Sources",
        "Job Posting",
    ]
    for row, (key, _title, _blurb) in enumerate(PAGES):
        rect = window.navigation.visualItemRect(window.navigation.item(row))
        qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page_key() == key
        assert window.page_by_key[key].isVisible()
    window.close()
    assert not window.isVisible()


def test_keyboard_shortcuts_switch_pages(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "plan"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "skills"


def test_window_remembers_its_size_and_page(qtbot, session, db_path, ask, window):
    window.resize(761, 543)
    window.show_page("gap")
    window.close()
    again = MainWindow(session, db_path, ask=ask)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (761, 543)
    assert again.current_page_key() == "gap"


def test_title_and_status_bar_name_the_profile_and_target(window):
    assert window.windowTitle() == "Me"
    assert window.profile_label.text() == "Me → AI Engineer"
    assert window.profile_label.toolTip() == "Profile Me, aiming at AI Engineer"


def test_every_hours_control_takes_its_range_from_the_limits(window, kb):
    from careerplanner.core import limits
    from careerplanner.gui.welcome import WelcomeDialog

    plan_hours = window.page_by_key["plan"].hours_spin
    welcome = WelcomeDialog(kb)
    welcome_hours = welcome.hours_spin
    checkin_hours = window.page_by_key["progress"].form.hours
    for control, wanted in (
        (plan_hours, limits.HOURS_PER_WEEK),
        (welcome_hours, limits.HOURS_PER_WEEK),
        (checkin_hours, limits.HOURS_PER_DAY),
    ):
        assert (control.minimum(), control.maximum()) == (wanted.low, wanted.high)
    welcome_hours.setValue(7.5)
    assert welcome_hours.value() == 7.5  # a pace the Plan page and the CLI accept
