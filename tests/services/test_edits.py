"""Every edit, Qt-free: apply then revert leaves the data exactly as before; redo restores it."""

from __future__ import annotations

from datetime import date

import pytest

from careerplanner.services.changes import ChangeSet
from careerplanner.services.edits import (
    AddCheckin,
    DeleteProfile,
    MarkItem,
    RateSkill,
    Replan,
    SetNote,
    UpdateProfile,
)
from careerplanner.services.profiles import Workspace
from careerplanner.storage.records import timestamp
from tests.storage_fixtures import dump


@pytest.fixture
def ws(fresh_db, kb):
    workspace = Workspace(fresh_db, kb)
    workspace.create_profile("me", "software-engineer", "ml-engineer", 10, date(2026, 1, 1))
    return workspace


@pytest.fixture
def me(ws):
    return ws.active_profile()


def _edits(me, plan_id):
    return [
        RateSkill(me.id, "python", 4),
        RateSkill(me.id, "pytorch", 2, note="did the course", skill_name="PyTorch"),
        SetNote(me.id, "python", "github.com/me/project"),
        SetNote(me.id, "sql", ""),
        UpdateProfile(me.id, name="future me", hours_per_week=12.5, start_month=date(2026, 3, 1)),
        UpdateProfile(me.id, target="ai-engineer"),
        MarkItem(me.id, plan_id, "skill:pytorch:3", "done"),
        MarkItem(me.id, plan_id, "skill:python:4", None),
        AddCheckin(me.id, date(2026, 2, 3), 2.5, "notebooks", ["python", "pytorch"]),
        DeleteProfile(me.id, "me"),
        Replan(me.id, date(2026, 6, 1), {"done_items": ["skill:python:4"]}, {"months": []}),
    ]


@pytest.mark.parametrize("index", range(11))
def test_apply_then_revert_leaves_the_data_as_before(ws, me, index):
    plan_id = ws.save_plan(me.id, {"hours": 10}, {"months": []})
    ws.apply(RateSkill(me.id, "sql", 1, note="old note"))
    ws.apply(MarkItem(me.id, plan_id, "skill:python:4", "skipped"))
    edit = _edits(me, plan_id)[index]
    before = dump(ws.db)

    applied = ws.apply(edit)
    after = dump(ws.db)
    assert after != before, f"{edit.text} changed nothing"
    reverted = ws.revert(edit)

    assert dump(ws.db) == before
    assert applied == reverted and applied  # each says what it touched
    ws.apply(edit)  # redo
    assert dump(ws.db) == after


def test_an_edit_is_committed_when_it_returns(db_path, kb):
    from careerplanner.storage import open_database

    db = open_database(db_path)
    ws = Workspace(db, kb)
    me = ws.create_profile("me", "student", "ml-engineer", 5)
    ws.apply(RateSkill(me.id, "sql", 3))
    assert not db.conn.in_transaction
    other = open_database(db_path)  # a second connection sees it without any close or flush
    assert Workspace(other, kb).levels(me.id)["sql"] == 3
    other.close()
    db.close()


def test_rating_history_is_append_only_and_the_latest_rating_wins(ws, me):
    ws.apply(RateSkill(me.id, "python", 1))
    ws.apply(RateSkill(me.id, "python", 4))
    assert ws.levels(me.id)["python"] == 4
    assert [r.level for r in ws.rating_history(me.id, "python")] == [3, 1, 4]


def test_undoing_a_rating_brings_back_the_level_and_note_before_it(ws, me):
    ws.apply(RateSkill(me.id, "python", 2, note="first"))
    edit = RateSkill(me.id, "python", 4, note="second")
    ws.apply(edit)
    assert (ws.levels(me.id)["python"], ws.notes(me.id)["python"]) == (4, "second")
    ws.revert(edit)
    assert (ws.levels(me.id)["python"], ws.notes(me.id)["python"]) == (2, "first")


def test_edit_texts_name_what_they_do(me):
    assert RateSkill(me.id, "python", 3, skill_name="Python").text == "Rate Python 3"
    assert MarkItem(me.id, 1, "x", "done").text == "Mark item done"
    assert UpdateProfile(me.id, name="x").text == "Rename profile"


def test_a_level_outside_zero_to_four_is_refused(me):
    with pytest.raises(ValueError, match="0 to 4"):
        RateSkill(me.id, "python", 5)
    with pytest.raises(ValueError, match="status"):
        MarkItem(me.id, 1, "x", "finished")


def test_profile_hours_above_eighty_and_check_ins_above_a_day_are_refused(me):
    from careerplanner.errors import UsageError

    with pytest.raises(UsageError, match=r"from 1 to 80 .*, not 81"):
        UpdateProfile(me.id, hours_per_week=81)
    UpdateProfile(me.id, hours_per_week=80)
    with pytest.raises(UsageError, match=r"from 0 to 24 \(one day's study\), not 24.5"):
        AddCheckin(me.id, date(2026, 1, 1), 24.5)
    assert AddCheckin(me.id, date(2026, 1, 1), 24).hours == 24


def test_renaming_to_a_taken_name_is_a_clear_error_and_changes_nothing(ws, me):
    from careerplanner.errors import UsageError

    ws.create_profile("other", "student", "ai-engineer", 4)
    before = dump(ws.db)
    with pytest.raises(UsageError, match="'OTHER' already exists"):
        ws.apply(UpdateProfile(me.id, name="OTHER"))
    assert dump(ws.db) == before


def test_change_sets_combine():
    assert ChangeSet(ratings=True) | ChangeSet(plan=True) == ChangeSet(ratings=True, plan=True)
    assert not ChangeSet()


def test_timestamps_are_stored_in_utc():
    from datetime import datetime, timedelta, timezone

    moment = datetime(2026, 1, 1, 12, 0, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert timestamp(moment) == "2026-01-01T06:30:00+00:00"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"hours_per_week": 0}, "from 1 to 80"),
        ({"hours_per_week": "8"}, "'8'"),
        ({"name": " "}, "name"),
    ],
)
def test_a_profile_update_with_a_bad_value_is_refused_before_it_is_applied(me, fields, message):
    from careerplanner.errors import UsageError

    with pytest.raises(UsageError, match=message):
        UpdateProfile(me.id, **fields)


def test_deleting_a_profile_removes_everything_it_holds_and_no_other(ws, me):
    other = ws.create_profile("other", "student", "ai-engineer", 4)
    ws.use_profile(me.id)
    plan_id = ws.save_plan(me.id, {}, {})
    ws.apply(MarkItem(me.id, plan_id, "skill:python:4", "done"))
    ws.apply(AddCheckin(me.id, date(2026, 2, 3), 1, "", []))
    ws.apply(SetNote(me.id, "python", "x"))
    tables = ["ratings", "skill_notes", "plans", "plan_items", "checkins"]

    def rows_of(profile_id):
        return {
            table: ws.db.execute(
                f"SELECT * FROM {table} WHERE profile_id = ?", [profile_id]
            ).fetchall()
            for table in tables
        }

    others = rows_of(other.id)
    assert all(rows_of(me.id).values())

    ws.apply(DeleteProfile(me.id, "me"))

    assert [p.name for p in ws.profiles()] == ["other"]
    assert ws.active_profile() == other
    assert not any(rows_of(me.id).values())
    assert rows_of(other.id) == others
