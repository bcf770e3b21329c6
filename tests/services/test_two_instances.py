"""Two windows (or a window and the CLI) on one file: undo and redo in one never touch the
other's rows, because ids are never handed out twice."""

from __future__ import annotations

from careerplanner.knowledge import default_knowledge
from careerplanner.services.edits import RateSkill
from careerplanner.services.planner import Planner
from careerplanner.storage.database import open_database
from tests.storage_fixtures import make_profile


def test_undo_redo_in_one_instance_never_touches_the_others_rows(tmp_path):
    path = tmp_path / "shared.db"
    kb = default_knowledge()
    window = Planner(open_database(path), kb)
    me = make_profile(window, "Me", "software-engineer", "ml-engineer", 10)
    terminal = Planner(open_database(path), kb)

    window.do(RateSkill(me.id, "python", 4))
    window.undo()  # Ctrl+Z in the window: its row is gone
    terminal.do(RateSkill(me.id, "sql", 3))  # the CLI rates meanwhile
    window.redo()  # Ctrl+Shift+Z: the same row comes back, no clash
    assert window.levels(me.id)["python"] == 4
    window.undo()  # Ctrl+Z again removes the window's row only
    assert terminal.levels(me.id)["sql"] == 3
    assert window.levels(me.id)["python"] != 4
