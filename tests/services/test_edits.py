"""Every edit, Qt-free: apply then revert leaves the data exactly as before; redo restores it."""

from __future__ import annotations

from datetime import date

import pytest

from careerplanner.knowledge.model import Requirement, SkillId, SourceId, Weight
from careerplanner.services import edits, posting_edits
from careerplanner.services.changes import ChangeSet
from careerplanner.services.edits import (
    AddCheckin,
    AnswerFit,
    DeleteCheckin,
    DeleteProfile,
    EditCheckin,
    EditTogether,
    MarkItem,
    RateSkill,
    Replan,
    SetNote,
    UpdateProfile,
)
from careerplanner.services.planner import Planner
from careerplanner.services.posting_edits import PlanForPosting, RemovePosting, SavePosting
from careerplanner.storage import StorageError
from careerplanner.storage.records import timestamp
from tests.storage_fixtures import add_plan_snapshot, dump, make_profile


@pytest.fixture
def ws(fresh_db, kb):
    planner = Planner(fresh_db, kb)
    planner.create_profile("me", "software-engineer", "ml-engineer", 10, date(2026, 1, 1))
    return planner


@pytest.fixture
def me(ws):
    return ws.active_profile()


#: The id of the check-in logged before each example (a fresh database's first).
FIRST_CHECKIN = 1


def _posting(me, title: str = "Data engineer") -> SavePosting:
    python = Requirement(SkillId("python"), 2, Weight.SECONDARY, SourceId("s1"))
    return SavePosting(me.id, title, "Python, SQL and Docker.", None, [python])


#: The posting every undo test saves first: the first one in a fresh file has id 1.
SAVED_POSTING_ID = 1

#: At least one example of every edit there is; ``test_every_edit_has_an_example`` fails when
#: an edit class is added without one here.
EXAMPLES = {
    "rate": lambda me: RateSkill(me.id, "python", 4),
    "rate with a note": lambda me: RateSkill(
        me.id, "pytorch", 2, note="did the course", skill_name="PyTorch"
    ),
    "note": lambda me: SetNote(me.id, "python", "github.com/me/project"),
    "note removed": lambda me: SetNote(me.id, "sql", ""),
    "profile fields": lambda me: UpdateProfile(
        me.id, name="future me", hours_per_week=12.5, start_month=date(2026, 3, 1)
    ),
    "target": lambda me: UpdateProfile(me.id, target="ai-engineer"),
    "mark on the latest plan": lambda me: MarkItem(me.id, "skill:pytorch:3", "done"),
    "mark cleared": lambda me: MarkItem(me.id, "skill:python:4", None),
    "check-in": lambda me: AddCheckin(
        me.id, date(2026, 2, 3), 2.5, "notebooks", ["python", "pytorch"]
    ),
    "check-in with plan items": lambda me: AddCheckin(
        me.id, date(2026, 2, 4), 1, "", (), ["skill:python:4", "activity:swe-to-ml:1:1"]
    ),
    # FIRST_CHECKIN is logged before each example (see the test below).
    "check-in edited": lambda me: EditCheckin(
        FIRST_CHECKIN, date(2026, 2, 2), 3, "longer", ["sql"], ["skill:sql:2"]
    ),
    "check-in deleted": lambda me: DeleteCheckin(FIRST_CHECKIN, date(2026, 2, 1)),
    "rating with the steps it ticks": lambda me: EditTogether(
        "Rate PyTorch 2",
        RateSkill(me.id, "pytorch", 2),
        MarkItem(me.id, "skill:pytorch:1", "done"),
        MarkItem(me.id, "skill:pytorch:2", "done"),
    ),
    "delete profile": lambda me: DeleteProfile(me.id, "me"),
    "fit answers": lambda me: AnswerFit(
        me.id, {"deliverable": "llm-feature", "stack": "training-stack"}, "Save fit answers"
    ),
    "re-plan": lambda me: Replan(
        me.id, date(2026, 6, 1), {"done_items": ["skill:python:4"]}, {"months": []}
    ),
    "save posting": lambda me: _posting(me),
    "remove posting": lambda me: RemovePosting(me.id, SAVED_POSTING_ID, "Saved"),
    "plan for a new posting": lambda me: PlanForPosting(me.id, me.target, save=_posting(me)),
    "plan for a saved posting": lambda me: PlanForPosting(me.id, me.target, SAVED_POSTING_ID),
}


def _edit_classes() -> set[type]:
    return {
        value
        for module in (edits, posting_edits)
        for name, value in vars(module).items()
        if isinstance(value, type)
        and not name.startswith("_")
        and value.__module__ == module.__name__
        and value is not edits.Edit  # the protocol itself
        and callable(getattr(value, "apply", None))
        and callable(getattr(value, "revert", None))
    }


def test_every_edit_has_an_example(me):
    covered = {type(make(me)) for make in EXAMPLES.values()}
    assert _edit_classes() - covered == set()


@pytest.mark.parametrize("name", EXAMPLES)
def test_do_undo_redo_leave_the_data_exactly_as_expected(fresh_db, ws, me, name):
    add_plan_snapshot(fresh_db, me.id, {"hours": 10}, {"months": []})
    ws.do(RateSkill(me.id, "sql", 1, note="old note"))
    ws.do(MarkItem(me.id, "skill:python:4", "skipped"))
    logged = ws.do(AddCheckin(me.id, date(2026, 2, 1), 1.5, "first", ["python"]))
    assert logged.checkins and ws.checkins(me.id)[0].id == FIRST_CHECKIN
    ws.do(_posting(me, "Saved"))
    assert ws.saved_postings()[0].id == SAVED_POSTING_ID
    edit = EXAMPLES[name](me)
    before = dump(fresh_db)

    applied = ws.do(edit)
    after = dump(fresh_db)
    assert after != before, f"{edit.text} changed nothing"
    reverted = ws.undo()

    assert dump(fresh_db) == before
    assert applied == reverted and applied  # each says what it touched
    assert ws.redo() == applied
    assert dump(fresh_db) == after


def test_the_first_mark_stores_its_plan_in_the_same_edit_and_undo_removes_both(fresh_db, ws):
    before = dump(fresh_db)
    item = ws.snapshot().plan.months[0].items[0].id
    change = ws.mark_item(item, "done")
    assert change.marks and change.plans
    assert ws.latest_plan(ws.active_profile().id) is not None
    ws.undo()
    assert dump(fresh_db) == before  # no plan snapshot left behind
    ws.redo()
    assert ws.item_statuses(ws.active_profile().id) == {item: "done"}


class _FailingStore:
    """Makes every delete or insert of rows fail as a locked disk would."""

    def __init__(self, monkeypatch) -> None:
        from careerplanner.storage.stores import IdStore

        def fail(*_args, **_kwargs):
            raise StorageError("Could not save the change: database is locked")

        self.arm = lambda: (
            monkeypatch.setattr(IdStore, "delete", fail),
            monkeypatch.setattr(IdStore, "insert_row", fail),
        )
        self.disarm = monkeypatch.undo


def test_a_failing_undo_leaves_the_history_and_the_data_as_they_were(fresh_db, ws, me, monkeypatch):
    ws.do(RateSkill(me.id, "python", 1, skill_name="Python"))
    before, texts = dump(fresh_db), (ws.history.undo_text, ws.history.redo_text)
    failing = _FailingStore(monkeypatch)
    failing.arm()
    with pytest.raises(StorageError):
        ws.undo()
    failing.disarm()
    assert dump(fresh_db) == before
    assert (ws.history.undo_text, ws.history.redo_text) == texts == ("Rate Python 1", "")
    ws.undo()  # and it still works once the disk is back
    assert ws.levels(me.id)["python"] == 3


def test_a_failing_redo_leaves_the_history_and_the_data_as_they_were(fresh_db, ws, me, monkeypatch):
    ws.do(RateSkill(me.id, "python", 1, skill_name="Python"))
    ws.undo()
    before = dump(fresh_db)
    failing = _FailingStore(monkeypatch)
    failing.arm()
    with pytest.raises(StorageError):
        ws.redo()
    failing.disarm()
    assert dump(fresh_db) == before
    assert (ws.history.undo_text, ws.history.redo_text) == ("", "Rate Python 1")
    ws.redo()
    assert ws.levels(me.id)["python"] == 1


def test_a_new_edit_forgets_what_was_undone(ws, me):
    ws.do(RateSkill(me.id, "python", 1))
    ws.undo()
    ws.do(RateSkill(me.id, "sql", 1))
    assert not ws.history.can_redo


def test_switching_profile_forgets_the_undo_history(ws, me):
    ws.do(RateSkill(me.id, "python", 1))
    make_profile(ws, "other", "student", "ai-engineer", 4)
    assert not ws.history.can_undo
    ws.do(RateSkill(ws.active_profile().id, "python", 1))
    ws.use_profile("me")
    assert not ws.history.can_undo


def test_an_edit_is_committed_when_it_returns(db_path, kb):
    from careerplanner.storage import open_database

    db = open_database(db_path)
    ws = Planner(db, kb)
    me = make_profile(ws, "me", "student", "ml-engineer", 5)
    ws.do(RateSkill(me.id, "sql", 3))
    assert not db.conn.in_transaction
    other = open_database(db_path)  # a second connection sees it without any close or flush
    assert Planner(other, kb).levels(me.id)["sql"] == 3
    other.close()
    db.close()


def test_rating_history_is_append_only_and_the_latest_rating_wins(ws, me):
    ws.do(RateSkill(me.id, "python", 1))
    ws.do(RateSkill(me.id, "python", 4))
    assert ws.levels(me.id)["python"] == 4
    assert [r.level for r in ws.rating_history(me.id, "python")] == [3, 1, 4]


def test_undoing_a_rating_brings_back_the_level_and_note_before_it(ws, me):
    ws.do(RateSkill(me.id, "python", 2, note="first"))
    ws.do(RateSkill(me.id, "python", 4, note="second"))
    assert (ws.levels(me.id)["python"], ws.notes(me.id)["python"]) == (4, "second")
    ws.undo()
    assert (ws.levels(me.id)["python"], ws.notes(me.id)["python"]) == (2, "first")


def test_edit_texts_name_what_they_do(me):
    assert RateSkill(me.id, "python", 3, skill_name="Python").text == "Rate Python 3"
    assert MarkItem(me.id, "x", "done").text == "Mark item done"
    assert UpdateProfile(me.id, name="x").text == "Rename profile"


def test_a_level_outside_zero_to_four_is_refused(me):
    with pytest.raises(ValueError, match="0 to 4"):
        RateSkill(me.id, "python", 5)
    with pytest.raises(ValueError, match="status"):
        MarkItem(me.id, "x", "finished")


def test_profile_hours_above_eighty_and_check_ins_above_a_day_are_refused(me):
    from careerplanner.errors import UsageError

    with pytest.raises(UsageError, match=r"from 1 to 80 .*, not 81"):
        UpdateProfile(me.id, hours_per_week=81)
    UpdateProfile(me.id, hours_per_week=80)
    with pytest.raises(UsageError, match=r"from 0 to 24 \(one day's study\), not 24.5"):
        AddCheckin(me.id, date(2026, 1, 1), 24.5)
    assert AddCheckin(me.id, date(2026, 1, 1), 24).hours == 24


def test_renaming_to_a_taken_name_is_a_clear_error_and_changes_nothing(fresh_db, ws, me):
    from careerplanner.errors import UsageError

    make_profile(ws, "other", "student", "ai-engineer", 4)
    before = dump(fresh_db)
    with pytest.raises(UsageError, match="'OTHER' already exists"):
        ws.do(UpdateProfile(me.id, name="OTHER"))
    assert dump(fresh_db) == before


def test_change_sets_combine_and_keep_the_skills_they_name():
    assert ChangeSet(levels=True) | ChangeSet(marks=True) == ChangeSet(levels=True, marks=True)
    assert not ChangeSet()
    python = ChangeSet(levels=True, skills=frozenset({"python"}))
    sql = ChangeSet(notes=True, skills=frozenset({"sql"}))
    assert (python | sql).skills == {"python", "sql"}
    assert (python | ChangeSet(levels=True)).skills == frozenset()  # any skill may have changed
    assert (python | ChangeSet(checkins=True)).skills == {"python"}
    assert ChangeSet(switched=True).any_of("checkins")


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


def test_deleting_a_profile_removes_everything_it_holds_and_no_other(fresh_db, ws, me):
    other = make_profile(ws, "other", "student", "ai-engineer", 4)
    ws.use_profile(me.id)
    ws.mark_item("skill:python:4", "done")
    ws.do(AddCheckin(me.id, date(2026, 2, 3), 1, "", []))
    ws.do(SetNote(me.id, "python", "x"))
    tables = ["ratings", "skill_notes", "plans", "plan_items", "checkins"]

    def rows_of(profile_id):
        return {
            table: fresh_db.execute(
                f"SELECT * FROM {table} WHERE profile_id = ?", [profile_id]
            ).fetchall()
            for table in tables
        }

    others = rows_of(other.id)
    assert all(rows_of(me.id).values())

    ws.delete_profile(me.id)

    assert [p.name for p in ws.profiles()] == ["other"]
    assert ws.active_profile() == other
    assert not any(rows_of(me.id).values())
    assert rows_of(other.id) == others


def test_a_note_longer_than_the_limit_is_refused_before_anything_is_saved(me):
    from careerplanner.core.limits import MAX_NOTE_LENGTH, LimitError

    for make in (
        lambda note: RateSkill(me.id, "python", 2, note=note),
        lambda note: SetNote(me.id, "python", note),
    ):
        with pytest.raises(LimitError, match="at most 10,000 characters"):
            make("x" * (MAX_NOTE_LENGTH + 1))
        make("x" * MAX_NOTE_LENGTH)  # the longest allowed is fine
