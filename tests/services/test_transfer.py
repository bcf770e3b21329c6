"""Export and import: the JSON round-trip, all-or-nothing imports with clear errors, and CSV."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from careerplanner.services.edits import AddCheckin, MarkItem, RateSkill, SetNote
from careerplanner.services.planner import Planner
from careerplanner.services.transfer import (
    MAX_BYTES,
    ImportFileError,
)
from careerplanner.storage import open_database
from careerplanner.storage.stores import FitAnswerStore, PostingStore
from tests.storage_fixtures import add_plan_snapshot, dump, make_profile


def fill(ws: Planner, db) -> None:
    """A database with something in every table, edge cases included."""
    me = make_profile(ws, "me now", "software-engineer", "ai-engineer", 7.5, date(2026, 1, 1))
    ws.do(RateSkill(me.id, "llm-apps", 2, note="RAG demo — github.com/me/rag ✓"))
    ws.do(RateSkill(me.id, "python", 4))
    ws.do(SetNote(me.id, "sql", 'line one\nline two, with "quotes"'))
    add_plan_snapshot(db, me.id, {"hours_per_week": 7.5}, {"months": [{"index": 1, "x": 0.1}]})
    ws.do(MarkItem(me.id, "skill:llm-apps:3", "done"))
    nested = {"months": [], "nested": {"a": [1, None]}}
    add_plan_snapshot(db, me.id, {"hours_per_week": 10}, nested)
    ws.do(MarkItem(me.id, "skill:python:4", "skipped"))
    ws.do(MarkItem(me.id, "skill:llm-apps:3", None))
    ws.do(AddCheckin(me.id, date(2026, 2, 1), 2, "", ["python", "llm-apps"]))
    ws.do(AddCheckin(me.id, date(2026, 1, 15), 0, "rest day"))
    answers = FitAnswerStore(db)
    answers.add(me.id, "deliverable", "llm-feature")
    answers.add(me.id, "deliverable", None)  # cleared again: the history keeps both
    posting = PostingStore(db).add(
        me.id,
        "AI Engineer, Search",
        "We want RAG and Python.\nRemote.",
        "ai-engineer",
        [
            {"skill": "llm-apps", "level": 3, "weight": "core", "source": "s1"},
            {
                "skill": "python",
                "level": 2,
                "weight": "secondary",
                "source": "ours",
                "reason": "the role names no level",
            },
        ],
    )
    PostingStore(db).set_target(me.id, posting, "ai-engineer")
    ws.create_profile("what if ML", "student", "ml-engineer", 20, prefill=False)
    ws.use_profile("me now")


@pytest.fixture
def ws(fresh_db, kb):
    workspace = Planner(fresh_db, kb)
    fill(workspace, fresh_db)
    return workspace


def test_export_then_import_into_an_empty_file_then_export_gives_the_same_json(ws, kb, db_path):
    source = db_path.parent / "export.json"
    source.parent.mkdir(parents=True)
    ws.export_file(source)
    target = Planner(open_database(db_path), kb)

    summary = target.import_file(source)

    assert summary.profiles == ["me now", "what if ML"]
    assert str(summary) == "'me now', 'what if ML': 4 ratings, 2 plans, 2 check-ins"
    assert target.export_json() == source.read_text(encoding="utf-8")
    target.close()


def test_the_export_is_versioned_and_complete(ws):
    document = ws.export_document()
    assert (document["format"], document["version"]) == ("careerplanner-export", 1)
    assert document["active_profile"] == "me now"
    me = document["profiles"][0]
    assert [r["skill"] for r in me["ratings"]] == ["python", "sql", "llm-apps", "python"]
    assert me["notes"][1] == {
        "skill": "sql",
        "note": 'line one\nline two, with "quotes"',
        "updated": me["notes"][1]["updated"],
    }
    assert [m["plan"] for m in me["marks"]] == [0, 1, 1]  # each on the latest plan of its day
    assert [c["day"] for c in me["checkins"]] == ["2026-02-01", "2026-01-15"]


def test_import_adds_profiles_to_a_database_that_has_some(ws, kb):
    document = ws.export_document()
    other = Planner(open_database(None), kb)
    mine = make_profile(other, "student me", "student", "ml-engineer", 5)
    other.import_bytes(json.dumps(document).encode(), "file.json")
    assert [p.name for p in other.profiles()] == ["student me", "me now", "what if ML"]
    assert other.active_profile() == mine  # an import does not switch profiles


def _valid(ws) -> dict:
    return ws.export_document()


def _break(document: dict, path: str, value) -> dict:
    broken = copy.deepcopy(document)
    keys = path.split("/")
    target = broken
    for key in keys[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    last = keys[-1]
    if isinstance(target, list):
        target[int(last)] = value
    elif value is _DELETE:
        del target[last]
    else:
        target[last] = value
    return broken


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("format", "something-else", "not a Career Planner export"),
        ("version", 2, "version 2 is not supported (from a newer Career Planner"),
        ("version", "1", "expected a whole number"),
        ("profiles", {}, "profiles: expected a list"),
        (
            "profiles/0/ratings/0/level",
            5,
            "profiles[0].ratings[0].level: expected a whole number 0 to 4",
        ),
        ("profiles/0/ratings/0/level", -1, "0 to 4, got -1"),
        ("profiles/0/ratings/0/level", 2.0, "0 to 4, got 2.0"),
        ("profiles/0/ratings/0/level", True, "0 to 4, got True"),
        ("profiles/0/ratings/0/skill", "pyhton", "unknown skill 'pyhton'; did you mean Python"),
        ("profiles/0/checkins/0/skills/0", "kubernetis", "unknown skill 'kubernetis'"),
        ("profiles/0/target", "astronaut", "unknown role 'astronaut'"),
        ("profiles/0/hours_per_week", "ten", "hours_per_week: expected a number, got text"),
        ("profiles/0/hours_per_week", 0, "expected from 1 to 80; got 0"),
        ("profiles/0/hours_per_week", 150, "expected from 1 to 80; got 150"),
        ("profiles/0/start_month", "9999-12", "between 1990 and 2100"),
        ("profiles/0/checkins/0/hours", 150, "expected from 0 to 24, got 150"),
        ("profiles/0/start_month", "2026-13", "expected YYYY-MM"),
        ("profiles/0/created", "yesterday", "expected a date and time"),
        ("profiles/0/checkins/0/day", "2026-02-30", "expected a date YYYY-MM-DD"),
        ("profiles/0/marks/0/plan", 7, "the index of one of the 2 plans"),
        ("profiles/0/marks/0/status", "finished", "expected 'done', 'skipped' or null"),
        ("profiles/0/plans/0/plan", [], "expected an object, got a list"),
        ("profiles/0/notes/0/note", "\ud800", "cannot be stored"),
        ("profiles/1/name", "ME NOW", "the name 'ME NOW' is used twice"),
        ("profiles/0/ratings", _DELETE, "missing 'ratings'"),
        ("profiles/0/surprise", 1, "unexpected key 'surprise'"),
        ("active_profile", "nobody", "no profile is named 'nobody'"),
        ("profiles/0/hours_per_week", 1e-320, "expected from 1 to 80; got 9.99989e-321"),
        ("profiles/0/checkins/0/day", "0001-01-01", "a day in 1990 or later, got '0001-01-01'"),
        ("profiles/0/ratings/0/day", "0001-01-01", "ratings[0].day: expected a day in 1990"),
        ("active_profile", "n" * 100_000, "no profile is named 'nnnnnnnnn"),
        ("profiles/0/surprise" + "!" * 100_000, 1, "unexpected key 'surprise!!!!"),
    ],
)
def test_a_bad_value_is_a_clear_error_that_names_its_place(ws, kb, path, value, message):
    document = _break(_valid(ws), path, value)
    db = open_database(None)
    target = Planner(db, kb)
    before = dump(db)
    with pytest.raises(ImportFileError) as raised:
        target.import_bytes(json.dumps(document).encode(), "in.json")
    assert message in str(raised.value)
    assert str(raised.value).startswith("in.json")
    assert len(str(raised.value)) < 300, "a refused value is cut short, never echoed whole"
    assert dump(db) == before


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"format": ', "not valid JSON (line 1, column 12"),
        (b'{"format": "caf\xe9"}', "in.json is not UTF-8 text (its byte 16 cannot"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(200)),
            "in.json is not a text file (it looks like binary data",
        ),
        (b'{"version": NaN}', "not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "in.json nests lists or objects 100,000 deep"),
        (b"[]", "the document: expected an object, got a list"),
        (b"", "not valid JSON"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(kb, fresh_db, raw, message):
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(")):
        Planner(fresh_db, kb).import_bytes(raw, "in.json")


def test_an_oversized_file_is_refused_before_it_is_read(kb, fresh_db, tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(ImportFileError, match="larger than 20 MB"):
        Planner(fresh_db, kb).import_file(big)


def test_a_missing_file_is_a_clear_error(kb, fresh_db, tmp_path):
    with pytest.raises(ImportFileError, match=r"import file not found: .*nope\.json"):
        Planner(fresh_db, kb).import_file(tmp_path / "nope.json")


def test_importing_a_taken_name_writes_nothing(ws, kb, db_path):
    document = ws.export_document()
    db = open_database(db_path)
    target = Planner(db, kb)
    target.create_profile("What If ML", "student", "ml-engineer", 5)
    before = dump(db)
    with pytest.raises(ImportFileError, match="already has a profile named 'what if ML'"):
        target.import_bytes(json.dumps(document).encode(), "in.json")
    assert dump(db) == before
    target.close()


def test_current_skills_export_as_csv(ws, tmp_path):
    me = ws.active_profile()
    assert ws.skills_csv(me.id).splitlines() == [
        "skill,name,level,note",
        "python,Python,4,",
        'sql,SQL,2,"line one',
        'line two, with ""quotes"""',
        "llm-apps,LLM applications,2,RAG demo — github.com/me/rag ✓",
    ]


def test_a_key_given_twice_is_refused_naming_the_key(ws, kb):
    text = ws.export_json().replace('"hours_per_week": 7.5,', '"hours_per_week": 7.5, "name": "x",')
    target = Planner(open_database(None), kb)
    with pytest.raises(ImportFileError) as raised:
        target.import_bytes(text.encode(), "in.json")
    assert str(raised.value) == (
        "in.json: the key 'name' appears twice in one object; keep one of them"
    )
    assert target.profiles() == []


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_an_export_saved_again_by_an_editor_imports(ws, kb, tmp_path, encoding):
    path = tmp_path / "edited.json"
    path.write_bytes(ws.export_json().replace("\n", "\r\n").encode(encoding))
    target = Planner(open_database(None), kb)
    assert target.import_file(path).profiles == ["me now", "what if ML"]


def test_the_fit_quiz_answers_and_saved_postings_travel_with_the_profile(ws, kb):
    me = ws.export_document()["profiles"][0]
    assert [(a["question"], a["option"]) for a in me["fit_answers"]] == [
        ("deliverable", "llm-feature"),
        ("deliverable", None),
    ]
    (posting,) = me["postings"]
    assert (posting["title"], posting["target_over"]) == ("AI Engineer, Search", "ai-engineer")
    assert posting["requirements"][1]["reason"] == "the role names no level"
    target = Planner(open_database(None), kb)
    target.import_bytes(json.dumps(ws.export_document()).encode(), "in.json")
    assert target.export_document()["profiles"][0]["postings"] == me["postings"]


def test_an_export_from_before_fit_answers_and_postings_still_imports(ws, kb):
    document = ws.export_document()
    for profile in document["profiles"]:
        del profile["fit_answers"], profile["postings"]
    target = Planner(open_database(None), kb)
    summary = target.import_bytes(json.dumps(document).encode(), "old.json")
    assert summary.profiles == ["me now", "what if ML"]


def test_two_postings_cannot_both_be_the_plans_target(ws, kb):
    document = ws.export_document()
    postings = document["profiles"][0]["postings"]
    postings.append(dict(postings[0]))
    with pytest.raises(ImportFileError, match="only one posting can be the plan's target"):
        Planner(open_database(None), kb).import_bytes(json.dumps(document).encode(), "in.json")
