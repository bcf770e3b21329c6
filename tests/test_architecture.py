"""The layering promises: only the GUI loads Qt, and the app never opens a network connection."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from careerplanner.knowledge import default_knowledge
from careerplanner.services.opening import open_planner

_IMPORT_ALL_BUT_GUI = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    import careerplanner
    names = []
    for info in pkgutil.walk_packages(careerplanner.__path__, "careerplanner."):
        if info.name == "careerplanner.gui" or info.name.startswith("careerplanner.gui."):
            continue
        if info.name == "careerplanner.__main__":
            continue
        importlib.import_module(info.name)
        names.append(info.name)
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in {"PySide6", "shiboken6"})
    print(len(names))
    print("pyplot" if "matplotlib.pyplot" in sys.modules else "no-pyplot")
    print(",".join(loaded) or "no-qt")
    """
)


def test_everything_but_the_gui_imports_without_qt_or_pyplot():
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL_BUT_GUI], capture_output=True, text=True, check=True
    )
    count, pyplot, qt = result.stdout.split()
    assert int(count) >= 8, "expected to import every package but the GUI"
    assert pyplot == "no-pyplot"
    assert qt == "no-qt"


_NO_NETWORK = textwrap.dedent(
    """
    import importlib, pkgutil, socket, sys, io, contextlib

    class NoNetwork(socket.socket):
        def __init__(self, *args, **kwargs):
            raise AssertionError("Career Planner tried to open a network socket")

    def refuse(*args, **kwargs):
        raise AssertionError("Career Planner tried to open a network connection")

    socket.socket = NoNetwork
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    import careerplanner
    from careerplanner.cli import main
    for info in pkgutil.walk_packages(careerplanner.__path__, "careerplanner."):
        if info.name != "careerplanner.__main__":
            importlib.import_module(info.name)
    for argv in COMMANDS:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                main(argv)
            except SystemExit:
                pass
    print("offline")
    """
)

#: Commands that run without a window, each run with sockets made to fail.
CLI_RUNS = [
    ["--version"],
    ["--help"],
    ["knowledge", "--format", "json"],
    ["gap", "--format", "json"],
    ["plan", "--to", "ml-engineer", "--format", "json"],
]


def test_the_app_opens_no_network_connection(tmp_path):
    database = str(tmp_path / "offline.db")
    runs = [run if run[0].startswith("-") else [*run, "--db", database] for run in CLI_RUNS]
    script = _NO_NETWORK.replace("COMMANDS", repr(runs))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("offline")


_SKILLS_PAGE_ONLY = textwrap.dedent(
    """
    import os, sys, tempfile
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # a new user's window: the Skills page
    from pathlib import Path
    from careerplanner.gui.app import create_application
    from careerplanner.gui.main_window import MainWindow
    from careerplanner.gui.session import Session
    from careerplanner.knowledge import default_knowledge
    from careerplanner.services.opening import open_planner
    app = create_application()
    path = Path(sys.argv[1])
    window = MainWindow(Session(open_planner(path, default_knowledge())), path)
    window.show()
    app.processEvents()
    print(window.current_page_key())
    for library in ("matplotlib", "icalendar", "sqlite_utils", "numpy"):
        print(library if library in sys.modules else "no-" + library)
    """
)


def test_the_window_opens_on_the_skills_page_without_loading_matplotlib(tmp_path):
    path = tmp_path / "me.db"
    planner = open_planner(path, default_knowledge())  # made, so the open has no migration
    planner.create_profile("Me", "software-engineer", "ai-engineer", 8)
    planner.close()
    result = subprocess.run(
        [sys.executable, "-c", _SKILLS_PAGE_ONLY, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    page, *libraries = result.stdout.split()
    assert page == "skills"
    assert libraries == ["no-matplotlib", "no-icalendar", "no-sqlite_utils", "no-numpy"], (
        "matplotlib loads with the first chart, the calendar library with the first calendar, "
        "sqlite-utils (and numpy) with the first migration"
    )
