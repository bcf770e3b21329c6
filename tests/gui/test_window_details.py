"""The details a careful user trips over: the window's title, its size and place across runs,
menus with Alt-keys, safe defaults, messages that can be read, and the Sources page in words."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication

from careerplanner.gui.main_window import MainWindow, with_mnemonics
from careerplanner.gui.window_state import MAXIMIZED, POSITION, SIZE, fit


def test_the_title_names_the_profile_once_and_qt_adds_the_app(window):
    from careerplanner.gui.app import create_application

    create_application()
    assert window.windowTitle() == "Me"  # Qt shows it as "Me — Career Planner"
    assert QGuiApplication.applicationDisplayName() == "Career Planner"


def test_a_window_larger_than_the_screen_is_fitted_and_kept_on_it():
    screen, none = QRect(0, 0, 1280, 800), QSize(0, 0)
    assert fit(QSize(1200, 780), QPoint(10, 0), screen, none) == QRect(10, 0, 1200, 780)
    assert fit(QSize(1900, 1000), QPoint(300, 200), screen, none) == QRect(0, 0, 1280, 800)
    assert fit(QSize(800, 600), QPoint(900, 700), screen, none) == QRect(480, 200, 800, 600)
    assert fit(QSize(800, 600), None, screen, none) == QRect(240, 100, 800, 600)


def test_the_window_and_its_title_bar_fit_the_screen():
    # The first start on a 1280x800 screen: 1200x780 and a title bar would run off the bottom.
    place = fit(QSize(1200, 780), None, QRect(0, 0, 1280, 800), QSize(8, 40))
    assert place.height() + 40 <= 800 and place.width() + 8 <= 1280
    assert place.top() >= 0 and place.bottom() + 40 < 800
    assert fit(QSize(800, 600), None, QRect(0, 0, 1280, 800), QSize(8, 40)).size() == QSize(
        800, 600
    )


def test_the_size_chosen_on_a_big_screen_survives_a_run_on_a_small_one(qtbot, session, db_path):
    settings = QSettings()
    available = QGuiApplication.primaryScreen().availableGeometry()
    big = QSize(available.width() + 400, available.height() + 300)
    settings.setValue(SIZE, big)
    settings.setValue(POSITION, available.topLeft())
    window = MainWindow(session, db_path)
    qtbot.addWidget(window)
    assert window.width() <= available.width() and window.height() <= available.height()
    window.close()  # not resized by the user: the size they chose on the big screen stays
    assert settings.value(SIZE, type=QSize) == big


def test_the_window_reopens_where_it_was_without_creeping(qtbot, session, db_path):
    available = QGuiApplication.primaryScreen().availableGeometry()
    QSettings().setValue(SIZE, QSize(740, 540))
    QSettings().setValue(POSITION, available.topLeft())
    places = []
    for _ in range(3):
        window = MainWindow(session, db_path)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        places.append((window.pos(), window.size()))
        window.close()
    assert places[0] == places[1] == places[2] == (available.topLeft(), QSize(740, 540))
    assert QSettings().value(MAXIMIZED, type=bool) is False


def test_every_page_in_the_view_menu_has_an_alt_key_of_its_own(window):
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    keys = [a.text().split("&")[1][0].lower() for a in view.actions() if "&" in a.text()]
    assert len(keys) == len(view.actions())
    assert len(set(keys)) == len(keys) and not set(keys) & set("efvh")
    assert with_mnemonics(["Skills", "Sources", "Sessions"]) == ["&Skills", "S&ources", "Sess&ions"]


def test_deleting_a_profile_asks_with_cancel_as_the_default(window, session, ask):
    session.create_profile("Other", "student", "ml-engineer", 5)
    ask.answer = False
    window.delete_profile()
    assert ask.safe_defaults == [True]
    assert [p.name for p in session.planner.profiles()] == ["Me", "Other"]


def test_a_long_status_message_stays_long_enough_to_read(window):
    long = "Marked done. " + "word " * 40
    window.resize(700, 500)
    window.say(long)
    shown = window.statusBar().currentMessage()
    assert shown.endswith("…") and long.startswith(shown[:-1]), "cut where it would not fit"
    assert window.statusBar().toolTip() == long
    window.say("Saved: Rate Python 3")
    assert window.statusBar().currentMessage() == "Saved: Rate Python 3"


def test_without_a_file_manager_the_data_folder_is_shown_with_its_path(window, ask, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: False))
    window._open_data_folder()
    title, text = ask.infos[-1]
    assert title == "Your data folder" and str(window.db_path.parent) in text


def test_the_sources_page_names_articles_not_files(window, kb):
    text = window.page_by_key["sources"].view.toPlainText()
    for source in kb.sources:
        assert source.name in text and source.publisher in text
    assert "Our copy" not in text
    assert "What it gives the app:" in text


def test_the_settings_file_is_readable_by_its_owner_alone(qtbot, window):
    import os
    import stat
    from pathlib import Path

    os.umask(0o022)
    window.close()
    path = Path(QSettings().fileName())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
