"""The skills CSV the app writes (``export --csv``, the window's Export Skills) reads back as a
skills file, whatever the notes hold: the longest note allowed, quotes, commas, line breaks,
and notes kept from before notes had a length limit."""

from __future__ import annotations

from careerplanner.core.limits import MAX_NOTE_LENGTH
from careerplanner.files import write_whole
from careerplanner.services.edits import RateSkill
from careerplanner.services.planner import Planner
from careerplanner.services.skill_files import read_skill_levels
from careerplanner.storage.stores import NoteStore
from tests.storage_fixtures import make_profile


def test_the_csv_export_reads_back_with_the_longest_and_the_oddest_notes(fresh_db, kb, tmp_path):
    workspace = Planner(fresh_db, kb)
    me = make_profile(workspace, "me", "software-engineer", "ml-engineer", 10)
    workspace.do(RateSkill(me.id, "python", 4, note="n" * MAX_NOTE_LENGTH))
    workspace.do(RateSkill(me.id, "sql", 1, note='line one\r\nline "two", three\rfour'))
    # A note from before notes had a limit, longer than the csv module's 131,072 by default.
    NoteStore(fresh_db).put_row(
        {"profile_id": me.id, "skill_id": "pytorch", "note": "old " * 50_000, "updated": "x"}
    )
    path = tmp_path / "skills.csv"
    write_whole(path, workspace.skills_csv(me.id))

    assert read_skill_levels(path, kb) == {**workspace.levels(me.id), "pytorch": 0}
