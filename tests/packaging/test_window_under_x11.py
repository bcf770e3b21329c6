"""The window from the source tree, on a real (virtual) X server: its WM_CLASS carries the
desktop entry's StartupWMClass and it sets its icon. The bundle's smoke test checks the same
for the bundled program."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import desktop_entry, load_script, require_tools


@pytest.mark.slow
def test_window_class_and_icon_under_x11(tmp_path):
    require_tools("Xvfb", "xwininfo", "xprop", package="xvfb and x11-utils")
    launcher = Path(sys.executable).parent / "careerplanner"
    if not launcher.exists():
        pytest.skip("needs the careerplanner launcher beside this Python (make test has it)")
    smoke_test = load_script("smoke_test")
    env = {
        "HOME": str(tmp_path),
        "PATH": os.environ["PATH"],
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "MPLCONFIGDIR": str(tmp_path / "matplotlib"),
    }
    # A new database: the welcome dialog is the first window, with the same class and icon.
    window = smoke_test.x11_window([str(launcher), "--db", str(tmp_path / "x.db")], env, tmp_path)
    assert window is not None, "no window appeared"
    assert window.wm_class == ("careerplanner", desktop_entry()["StartupWMClass"])
    assert window.has_icon
