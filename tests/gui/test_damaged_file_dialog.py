"""The window reaches its damaged-file dialog, with the restore offer, for damage that used to
end in "Something went wrong": schema text that is not UTF-8, an emptied file, a dropped table."""

from __future__ import annotations

import sqlite3

import pytest

from careerplanner.gui import app
from careerplanner.paths import backups_dir
from careerplanner.services.edits import RateSkill
from careerplanner.services.planner import Planner
from careerplanner.storage.database import open_database
from tests.gui.conftest import FakeAsk
from tests.storage_fixtures import make_profile


def _not_utf8_schema(path):
    data = bytearray(path.read_bytes())
    start = data.index(b'CREATE TABLE "ratings"')
    data[start + 3 : start + 5] = b"\xff\xfe"
    path.write_bytes(bytes(data))


def _emptied(path):
    path.write_bytes(b"")


def _table_dropped(path):
    with sqlite3.connect(path) as other_program:
        other_program.execute("DROP TABLE checkins")
    other_program.close()


@pytest.mark.parametrize("damage", [_not_utf8_schema, _emptied, _table_dropped])
def test_the_damaged_file_dialog_offers_the_backup_and_restores_it(qapp, kb, db_path, damage):
    workspace = Planner(open_database(db_path), kb, db_path)
    me = make_profile(workspace, "Me", "software-engineer", "ai-engineer", 10)
    workspace.do(RateSkill(me.id, "python", 4, note="kept in the backup"))
    workspace.close()
    for backup in backups_dir(db_path).iterdir():
        backup.unlink()  # the day's backup is made again, with the rating in it
    open_database(db_path).close()
    damage(db_path)

    ask = FakeAsk(confirm=True)
    restored = app.open_planner_or_say_why(db_path, ask)

    title, text = ask.infos[-1]
    assert title == "Your data file is damaged" and "Restore the latest good backup" in text
    assert "with 1 profile" in text
    assert ask.errors == []
    assert restored is not None
    assert restored.levels(restored.active_profile().id)["python"] == 4
    restored.close()
