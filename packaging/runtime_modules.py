"""Use Career Planner from end to end (each command of the command line, every page of the
window with its charts drawn, every plan export) and print the modules it imported.

    python packaging/runtime_modules.py [--block MODULE,MODULE...]

``--block`` makes importing those modules fail, as in a bundle that leaves them out; any
failure then ends this with a non-zero exit. The spec runs it with the modules it leaves out
and refuses to build a bundle that lacks one of the modules printed. It writes only into a
temporary folder of its own and needs no screen (Qt's offscreen platform).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.abc
import os
import sys
import tempfile
from pathlib import Path


def exercise_the_app(folder: Path) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["CAREERPLANNER_DATA_DIR"] = str(folder / "data")
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["MPLCONFIGDIR"] = str(folder / "matplotlib")

    from careerplanner.cli import main

    commands = [
        ["knowledge"],
        ["knowledge", "--format", "json"],
        ["gap"],
        ["gap", "--format", "json"],
        *(["plan", "--to", "ml-engineer", "--format", f] for f in ("markdown", "json", "csv")),
        *(["plan", "--to", "ai-engineer", "--format", f] for f in ("ics", "html")),
        [
            "profile",
            "create",
            "Probe",
            "--from",
            "software-engineer",
            "--to",
            "ai-engineer",
            "--hours",
            "8",
        ],
        ["profile", "list", "--format", "json"],
        ["rate", "k8s", "3", "--note", "ran CI on it"],
        ["checkin", "--hours", "2", "--skills", "python"],
        ["plan", "--profile", "--format", "ics", "--out", str(folder / "plan.ics")],
        ["export", "--out", str(folder / "export.json")],
        ["export", "--csv", "--out", str(folder / "skills.csv")],
    ]
    with (
        open(os.devnull, "w") as sink,
        contextlib.redirect_stdout(sink),
        contextlib.redirect_stderr(sink),
    ):
        failed = [command for command in commands if main(command) != 0]
        # Refused, as the profile's name is taken: the error path.
        main(["import", str(folder / "export.json")])
    if failed:
        raise SystemExit(f"careerplanner {' '.join(failed[0])} failed")

    from careerplanner.gui.app import create_application
    from careerplanner.gui.main_window import PAGES, MainWindow
    from careerplanner.gui.plan_export import FORMATS, write_plan
    from careerplanner.gui.session import Session
    from careerplanner.knowledge import default_knowledge
    from careerplanner.paths import default_db_path
    from careerplanner.services.opening import open_planner

    app = create_application()
    kb = default_knowledge()
    session = Session(open_planner(default_db_path(), kb))
    window = MainWindow(session, default_db_path())
    window.resize(1280, 800)
    window.show()
    for key, _, _ in PAGES:
        window.show_page(key)
        for _ in range(10):  # charts draw once their page is on screen
            app.processEvents()
    for fmt in FORMATS:
        write_plan(session.snapshot(), kb, fmt, folder / f"plan{fmt.suffix}")
    window.close()


class _Blocker(importlib.abc.MetaPathFinder):
    """Imports of the blocked modules (and their submodules) fail as if they were absent."""

    def __init__(self, names: set[str]) -> None:
        self.names = names

    def find_spec(self, fullname, path=None, target=None):
        if any(fullname == name or fullname.startswith(name + ".") for name in self.names):
            raise ModuleNotFoundError(f"No module named {fullname!r} (blocked)", name=fullname)
        return None


def loaded_from_files(names) -> list[str]:
    """The modules among ``names`` loaded from a file: a bundle must carry these. Built-in and
    frozen modules, namespace packages and modules a binary embeds (shiboken's) have no file."""
    found = []
    for name in names:
        origin = getattr(getattr(sys.modules[name], "__spec__", None), "origin", None)
        if origin and os.path.isfile(origin):
            found.append(name)
    return sorted(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--block", default="", help="comma-separated modules to make absent")
    blocked = {name for name in parser.parse_args().block.split(",") if name}
    if blocked & set(sys.modules):
        raise SystemExit(f"already imported, cannot block: {sorted(blocked & set(sys.modules))}")
    sys.meta_path.insert(0, _Blocker(blocked))
    at_start = set(sys.modules)
    with tempfile.TemporaryDirectory(prefix="careerplanner-modules-") as folder:
        exercise_the_app(Path(folder))
    print("\n".join(loaded_from_files(set(sys.modules) - at_start)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
