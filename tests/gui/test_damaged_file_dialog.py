"""The window reaches its damaged-file dialog, with the restore offer, for damage that used to
end in "Something went wrong": schema text that is not UTF-8, an emptied file, a dropped table."""

from __future__ import annotations

import sqlite3
import sys

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


def _garble_index_entry(path, index: str, text: bytes) -> None:
    """Two bytes of ``text`` overwritten where ``index`` holds it (SQLite's own page map)."""
    with sqlite3.connect(path) as conn:
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
        pages = [row[0] for row in conn.execute("SELECT pageno FROM dbstat WHERE name=?", [index])]
    conn.close()
    data = bytearray(path.read_bytes())
    spot = next(
        n
        for page in pages
        for n in range((page - 1) * page_size, page * page_size)
        if data.startswith(text, n)
    )
    data[spot + 4 : spot + 6] = b"\xff\xfe"
    path.write_bytes(bytes(data))


def test_a_read_in_the_window_that_meets_damage_says_so_closes_and_offers_the_backup(
    qtbot, kb, db_path, monkeypatch, capsys
):
    """A later open the same day looks quickly and misses a garbled entry in the index that
    readiness over time is read through: the Progress page's read meets it. The window says the
    file is damaged (no traceback, not "Something went wrong") and closes; the next start looks
    thoroughly and offers the backup."""
    from careerplanner.gui.main_window import MainWindow
    from careerplanner.gui.session import Session

    workspace = Planner(open_database(db_path), kb, db_path)
    me = make_profile(workspace, "Me", "software-engineer", "ai-engineer", 10)
    workspace.do(RateSkill(me.id, "pytorch", 2))
    workspace.close()
    _garble_index_entry(db_path, "ratings_by_time", b"pytorch")

    ask = FakeAsk(confirm=False)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    app._report_unexpected_errors(ask, db_path)
    planner = app.open_planner_or_say_why(db_path, ask)
    assert planner is not None and ask.infos == [] and ask.errors == []
    window = MainWindow(Session(planner), db_path)
    qtbot.addWidget(window)
    window.show()
    window.show_page("progress")

    title, text = ask.errors[-1]
    assert title == "Your data file is damaged"
    assert f"The database {db_path} is damaged" in text and "start it again to restore" in text
    assert "Traceback" not in capsys.readouterr().err
    qtbot.waitUntil(lambda: not window.isVisible())
    planner.close()

    again = FakeAsk(confirm=False)
    assert app.open_planner_or_say_why(db_path, again) is None
    title, text = again.infos[-1]
    assert title == "Your data file is damaged" and "Restore the latest good backup" in text
