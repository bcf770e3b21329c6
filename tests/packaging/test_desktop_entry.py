"""The desktop entry: valid, in one main category, and matching what the window tells the
desktop (its Wayland app id and its X11 class), so docks group the window with its entry."""

from __future__ import annotations

import subprocess

from careerplanner.gui.app import create_application
from tests.packaging.conftest import APP_ID, DESKTOP_ENTRY, desktop_entry, require_tools

# The Desktop Menu Specification's main categories.
MAIN_CATEGORIES = {
    "AudioVideo",
    "Audio",
    "Video",
    "Development",
    "Education",
    "Game",
    "Graphics",
    "Network",
    "Office",
    "Science",
    "Settings",
    "System",
    "Utility",
}


def test_desktop_entry_passes_desktop_file_validate_without_hints():
    require_tools("desktop-file-validate", package="desktop-file-utils")
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_ENTRY)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "" and result.stderr == "", "hints or warnings were printed"


def test_desktop_entry_has_exactly_one_main_category():
    categories = [name for name in desktop_entry()["Categories"].split(";") if name]
    assert [name for name in categories if name in MAIN_CATEGORIES] == ["Education"]


def test_desktop_entry_is_named_by_the_app_id_the_window_reports():
    # On Wayland the window's app id is the desktop file name, which Qt takes from here.
    app = create_application()
    assert DESKTOP_ENTRY.name == f"{APP_ID}.desktop"
    assert app.desktopFileName() == APP_ID


def test_startup_wm_class_is_the_class_qt_gives_the_window_on_x11():
    # Qt's xcb platform sets WM_CLASS to (program name, application name);
    # test_window_class_under_x11 checks it on a real X server.
    app = create_application()
    assert desktop_entry()["StartupWMClass"] == app.applicationName()


def test_desktop_entry_starts_the_installed_command_and_names_the_app_icon():
    entry = desktop_entry()
    assert entry["Exec"] == "careerplanner"  # what pip installs; install-desktop.sh rewrites it
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
