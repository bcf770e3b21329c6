"""``careerplanner cohort``: each student's row is what their own ``progress --format json``
says on the same day; broken and newer files are listed while the others are shown; CSV and
the table; nothing is written to the instructor's database; ``export --for-instructor``."""

from __future__ import annotations

import json

import pytest

from careerplanner.cli import main
from tests import cohort_files as files
from tests.cohort_files import TODAY_TEXT

STUDENT_KEYS = {
    "file",
    "profile",
    "background",
    "target",
    "readiness",
    "status",
    "weeks_behind",
    "hours_last_4_weeks",
    "forecast_finish",
    "last_checkin",
}
FROM_PROGRESS = ("status", "weeks_behind", "readiness", "forecast_finish")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path):
    return files.class_folder(tmp_path / "class")


def test_each_row_is_what_the_students_own_progress_says(capsys, tmp_path, folder):
    code, out, _err = run(capsys, "cohort", str(folder), "--today", TODAY_TEXT, "--format", "json")
    assert code == 0
    rows = {row["profile"]: row for row in json.loads(out)["students"]}
    assert {name: row["status"] for name, row in rows.items()} == {
        "Ada": "ahead",
        "Ben": "behind",
        "Noor": "no_data",
    }
    for name in rows:
        # The student's own app: their file imported into their own database.
        own_db = tmp_path / f"{name}.db"
        student_file = folder / f"{name.lower()}.json"
        assert run(capsys, "--db", str(own_db), "import", str(student_file))[0] == 0
        code, out, _err = run(
            capsys, "--db", str(own_db), "progress", "--today", TODAY_TEXT, "--format", "json"
        )
        own = json.loads(out)
        assert code == 0 and own["profile"] == name
        assert {key: rows[name][key] for key in FROM_PROGRESS} == {
            key: own[key] for key in FROM_PROGRESS
        }
        assert rows[name]["target"] == own["target"]
    ada, ben, noor = rows["Ada"], rows["Ben"], rows["Noor"]
    assert ada["weeks_behind"] < 0 < ben["weeks_behind"] and noor["weeks_behind"] == 0
    assert ada["readiness"] > 0 and noor["readiness"] == 0
    assert noor["forecast_finish"] is None and noor["last_checkin"] is None


def test_the_json_follows_the_contract(capsys, folder):
    code, out, _err = run(capsys, "cohort", str(folder), "--today", TODAY_TEXT, "--format", "json")
    doc = json.loads(out)
    assert code == 0 and set(doc) == {"students", "common_gaps", "errors"}
    assert all(set(row) == STUDENT_KEYS for row in doc["students"])
    ada = next(row for row in doc["students"] if row["profile"] == "Ada")
    # 5 h every other day from 2 March to 5 April: 14 of those days fall in the 28 days from
    # 10 March to 6 April.
    assert ada["hours_last_4_weeks"] == 70
    assert ada["last_checkin"] == "2026-04-05"
    assert ada["file"] == str(folder / "ada.json")
    assert (ada["background"], ada["target"]) == ("software-engineer", "ml-engineer")
    assert all(set(gap) == {"skill", "name", "students"} for gap in doc["common_gaps"])
    counts = [gap["students"] for gap in doc["common_gaps"]]
    assert counts == sorted(counts, reverse=True) and counts[0] == 3


def test_broken_and_newer_files_are_listed_and_the_others_shown(capsys, folder):
    code, out, err = run(capsys, "cohort", str(folder), "--today", TODAY_TEXT, "--format", "json")
    doc = json.loads(out)
    assert code == 0 and err == ""
    assert sorted(row["profile"] for row in doc["students"]) == ["Ada", "Ben", "Noor"]
    errors = {e["file"]: e["error"] for e in doc["errors"]}
    assert set(errors) == {str(folder / "broken.json"), str(folder / "newer.json")}
    assert errors[str(folder / "broken.json")].startswith("this file is not valid JSON (line 1")
    assert "format version 2 is not supported" in errors[str(folder / "newer.json")]
    assert "newer Career Planner" in errors[str(folder / "newer.json")]


def test_files_and_folders_together_each_file_once(capsys, tmp_path, folder):
    other = files.write(
        tmp_path / "late.json",
        files.document(files.export_profile("Lee", "student", "ml-engineer", 5)),
    )
    code, out, _err = run(
        capsys,
        "cohort",
        str(folder),
        str(folder / "ada.json"),
        str(other),
        str(tmp_path / "gone"),
        "--today",
        TODAY_TEXT,
        "--format",
        "json",
    )
    doc = json.loads(out)
    assert code == 0
    assert [row["profile"] for row in doc["students"]] == ["Ada", "Ben", "Noor", "Lee"]
    assert {"file": str(tmp_path / "gone"), "error": "there is no such file or folder"} in doc[
        "errors"
    ]


def test_csv_has_one_row_per_student(capsys, folder):
    code, out, err = run(capsys, "cohort", str(folder), "--today", TODAY_TEXT, "--format", "csv")
    assert code == 0
    lines = out.split("\r\n")
    assert lines[0] == (
        "file,profile,background,target,readiness,status,weeks_behind,hours_last_4_weeks,"
        "forecast_finish,last_checkin"
    )
    assert len(lines) == 5 and lines[-1] == ""
    assert lines[3] == f"{folder / 'noor.json'},Noor,data-scientist,ml-engineer,0,no_data,0,0,,"
    # The CSV holds students; the files not read are said on stderr.
    assert "Not read: " in err and "broken.json" in err and "newer.json" in err


def test_the_table_puts_the_furthest_behind_first(capsys, folder):
    code, out, _err = run(capsys, "cohort", str(folder), "--today", TODAY_TEXT)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "3 students from 5 files, as on Mon 6 Apr 2026"
    names = [line.split()[0] for line in lines[3:6]]
    assert names == ["Ben", "Noor", "Ada"]
    assert "4 weeks behind" in lines[3] and "no data yet" in lines[4] and "weeks ahead" in lines[5]
    assert "Not read (2):" in out


def test_nobody_read_is_one_clear_line(capsys, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("not json", "utf-8")
    code, out, err = run(capsys, "cohort", str(broken), str(tmp_path / "gone"))
    assert (code, out) == (1, "")
    assert err == (
        f"careerplanner: error: No student could be read: {broken}: this file is not valid JSON "
        "(line 1, column 1: Expecting value) (and 1 other path could not be read either)\n"
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _out, err = run(capsys, "cohort", str(empty))
    assert code == 1 and err.count("\n") == 1 and "holds no .json files" in err


def test_nothing_is_written_to_the_instructors_database(capsys, tmp_path, folder):
    own = tmp_path / "instructor.db"
    create = ["profile", "create", "Me", "--from", "student", "--to", "ml-engineer", "--hours", "5"]
    assert run(capsys, "--db", str(own), *create)[0] == 0
    before = {p.name: p.read_bytes() for p in tmp_path.glob("instructor.db*")}
    for fmt in ("table", "json", "csv"):
        assert run(capsys, "--db", str(own), "cohort", str(folder), "--format", fmt)[0] == 0
    assert {p.name: p.read_bytes() for p in tmp_path.glob("instructor.db*")} == before
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["ada.json", "ben.json", "noor.json", "broken.json", "newer.json", "notes.txt"]
    )


# -- export --for-instructor ---------------------------------------------------------------------


@pytest.fixture
def student_db(capsys, tmp_path):
    """A student's own database with two profiles, a rating note, a skill note and check-in
    notes."""
    db = str(tmp_path / "student.db")
    for name, target in (("Sam", "ml-engineer"), ("What if", "ai-engineer")):
        create = ["profile", "create", name, "--from", "student", "--to", target, "--hours", "9"]
        assert run(capsys, "--db", db, *create)[0] == 0
    assert run(capsys, "--db", db, "profile", "use", "Sam")[0] == 0
    assert run(capsys, "--db", db, "rate", "python", "3", "--note", "my side project")[0] == 0
    assert run(capsys, "--db", db, "checkin", "--hours", "2", "--note", "felt lost")[0] == 0
    return db


def test_for_instructor_leaves_the_notes_out(capsys, tmp_path, student_db):
    out_file = tmp_path / "sam.json"
    code, _out, err = run(
        capsys, "--db", student_db, "export", "--for-instructor", "--out", str(out_file)
    )
    assert code == 0 and "Wrote" in err
    text = out_file.read_text("utf-8")
    assert "my side project" not in text and "felt lost" not in text
    doc = json.loads(text)
    (profile,) = doc["profiles"]  # the active profile alone
    assert profile["name"] == "Sam" and doc["active_profile"] == "Sam"
    assert profile["notes"] == []
    assert all(r["note"] is None for r in profile["ratings"])
    assert [(c["hours"], c["note"]) for c in profile["checkins"]] == [(2, "")]
    assert any(r["skill"] == "python" and r["level"] == 3 for r in profile["ratings"])
    # It is an export like any other: the cohort reads it, and so does import.
    code, out, _err = run(capsys, "cohort", str(out_file), "--format", "json")
    assert code == 0 and json.loads(out)["students"][0]["hours_last_4_weeks"] == 2
    assert run(capsys, "--db", str(tmp_path / "other.db"), "import", str(out_file))[0] == 0


def test_for_instructor_keeps_the_notes_when_asked(capsys, student_db):
    code, out, _err = run(
        capsys,
        "--db",
        student_db,
        "export",
        "--for-instructor",
        "--include-notes",
        "--profile",
        "What if",
    )
    assert code == 0
    (profile,) = json.loads(out)["profiles"]
    assert profile["name"] == "What if"
    code, out, _err = run(
        capsys, "--db", student_db, "export", "--for-instructor", "--include-notes"
    )
    (profile,) = json.loads(out)["profiles"]
    assert [c["note"] for c in profile["checkins"]] == ["felt lost"]
    assert "my side project" in [r["note"] for r in profile["ratings"]]


def test_include_notes_alone_is_one_clear_line(capsys, student_db):
    code, _out, err = run(capsys, "--db", student_db, "export", "--include-notes")
    assert code == 1
    assert err == (
        "careerplanner: error: --include-notes goes with --for-instructor; a JSON export has "
        "them all\n"
    )
