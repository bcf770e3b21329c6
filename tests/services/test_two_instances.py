"""Two windows (or a window and the CLI) on one file: undo and redo in one never touch the
other's rows, because ids are never handed out twice."""

from __future__ import annotations

from careerplanner.knowledge import default_knowledge
from careerplanner.services.edits import RateSkill
from careerplanner.services.profiles import Workspace
from careerplanner.storage.database import open_database


def test_undo_redo_in_one_instance_never_touches_the_others_rows(tmp_path):
    path = tmp_path / "shared.db"
    kb = default_knowledge()
    window = Workspace(open_database(path), kb)
    me = window.create_profile("Me", "software-engineer", "ml-engineer", 10)
    terminal = Workspace(open_database(path), kb)

    mine = RateSkill(me.id, "python", 4)
    window.apply(mine)
    window.revert(mine)  # Ctrl+Z in the window: its row is gone
    terminal.apply(RateSkill(me.id, "sql", 3))  # the CLI rates meanwhile
    window.apply(mine)  # Ctrl+Shift+Z: the same row comes back, no clash
    assert window.levels(me.id)["python"] == 4
    window.revert(mine)  # Ctrl+Z again removes the window's row only
    assert terminal.levels(me.id)["sql"] == 3
    assert window.levels(me.id)["python"] != 4
