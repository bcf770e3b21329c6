"""The data commands (profile, rate, checkin, export, import) against the shipped knowledge base:
each is one committed edit, and every mistake is one line on stderr with a non-zero exit."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from careerplanner.cli import main
from careerplanner.knowledge import default_knowledge
from careerplanner.services.planner import Planner
from careerplanner.storage import open_database
from tests.helpers import run_cli
from tests.storage_fixtures import dump


def _planner(db_path) -> Planner:
    return Planner(open_database(db_path), default_knowledge())


def _error(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("careerplanner: error: ")
    return err


def test_profile_create_list_and_use(cli, db_path):
    code, out, _ = cli(
        "profile",
        "create",
        "me now",
        "--from",
        "Software Engineer",
        "--to",
        "ai-engineer",
        "--hours",
        "8",
        "--start",
        "2026-01",
    )
    assert code == 0 and "it is now active" in out
    cli(
        "profile",
        "create",
        "what if ML",
        "--from",
        "software-engineer",
        "--to",
        "ml-engineer",
        "--hours",
        "15",
        "--no-prefill",
    )
    assert cli("profile", "list")[1].splitlines() == [
        "  me now      Software Engineer -> AI Engineer, 8 h/week from 2026-01",
        f"* what if ML  Software Engineer -> Machine Learning Engineer, 15 h/week from "
        f"{date.today():%Y-%m}",
    ]
    assert cli("profile", "use", "ME NOW")[0] == 0
    listed = json.loads(cli("profile", "list", "--format", "json")[1])["profiles"]
    assert [(p["name"], p["active"]) for p in listed] == [("me now", True), ("what if ML", False)]
    ws = _planner(db_path)
    me, what_if = ws.profiles()
    assert ws.levels(me.id)["python"] == 3 and ws.levels(what_if.id) == {}
    ws.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "ml-engineer", "--hours", "ten"], "--hours (hours a week) needs a number"),
        (
            ["--to", "ml-engineer", "--hours", "0"],
            "must be from 1 to 80 (1 hour to a full-time job and a half), not 0",
        ),
        (
            ["--to", "ml-engineer", "--hours", "81"],
            "must be from 1 to 80 (1 hour to a full-time job and a half), not 81",
        ),
        (["--to", "ml enginer", "--hours", "5"], "Unknown role 'ml enginer'; did you mean"),
        (["--to", "student", "--hours", "5"], "is not a role to aim at"),
        (["--to", "ml-engineer", "--hours", "5", "--start", "2026-13"], "YYYY-MM"),
    ],
)
def test_profile_create_mistakes_are_one_line_errors(cli, db_path, args, message):
    assert message in _error(cli("profile", "create", "x", "--from", "student", *args))
    assert cli("profile", "list")[1].startswith("No profiles yet")


def test_profile_create_refuses_a_background_that_is_not_a_starting_point(cli):
    err = _error(
        cli(
            "profile",
            "create",
            "x",
            "--from",
            "ml-platform-engineer",
            "--to",
            "ai-engineer",
            "--hours",
            "5",
        )
    )
    assert "is not a starting background; choose one of: " in err
    assert "software-engineer" in err and "student" in err
    assert cli("profile", "list")[1].startswith("No profiles yet")


def test_rating_a_skill_by_alias_adds_to_its_history(cli, db_path):
    cli("profile", "create", "me", "--from", "student", "--to", "ml-engineer", "--hours", "10")
    code, out, _ = cli("rate", "K8S", "2", "--note", "ran a cluster at work")
    assert code == 0 and out.startswith("Kubernetes: unrated -> 2")
    cli("rate", "kubernetes", "3")
    ws = _planner(db_path)
    me = ws.active_profile()
    assert [r.level for r in ws.rating_history(me.id, "kubernetes")] == [2, 3]
    assert ws.notes(me.id) == {"kubernetes": "ran a cluster at work"}
    ws.close()


def test_rate_mistakes_are_one_line_errors_and_change_nothing(cli, db_path):
    cli("profile", "create", "me", "--from", "student", "--to", "ml-engineer", "--hours", "10")
    db = open_database(db_path)
    before = dump(db)
    db.close()
    assert "Unknown skill 'pyton'; did you mean Python" in _error(cli("rate", "pyton", "3"))
    assert "0 to 4, not '5'" in _error(cli("rate", "python", "5"))
    assert "0 to 4, not '2.5'" in _error(cli("rate", "python", "2.5"))
    assert "no profile named 'you'" in _error(cli("rate", "python", "2", "--profile", "you"))
    db = open_database(db_path)
    assert dump(db) == before
    db.close()


def test_rating_before_any_profile_says_how_to_make_one(cli):
    assert "careerplanner profile create NAME" in _error(cli("rate", "python", "3"))


def test_checkin_logs_hours_note_day_and_skills(cli, db_path):
    cli("profile", "create", "me", "--from", "student", "--to", "ml-engineer", "--hours", "10")
    code, out, _ = cli(
        "checkin",
        "--hours",
        "2.5",
        "--note",
        "notebook",
        "--date",
        "2026-03-02",
        "--skills",
        "python, torch,Python",
    )
    assert code == 0 and "Logged 2.5 h on 2026-03-02 (Python, PyTorch)" in out
    cli("checkin", "--hours", "1")
    ws = _planner(db_path)
    got = [(c.day, c.hours, c.note, c.skills) for c in ws.checkins(ws.active_profile().id)]
    assert got == [
        (date(2026, 3, 2), 2.5, "notebook", ("python", "pytorch")),
        (date.today(), 1.0, "", ()),
    ]
    ws.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--hours", "-1"], "--hours must be from 0 to 24 (one day's study)"),
        (["--hours", "25"], "(one day's study), not 25"),
        (["--hours", "2", "--date", "0001-01-01"], "must be in 1990 or later"),
        (["--hours", "2", "--date", "02/03/2026"], "YYYY-MM-DD"),
        (["--hours", "2", "--date", "2999-01-01"], "in the future"),
        (["--hours", "2", "--skills", "python,cobol"], "Unknown skill 'cobol'"),
    ],
)
def test_checkin_mistakes_are_one_line_errors(cli, args, message):
    cli("profile", "create", "me", "--from", "student", "--to", "ml-engineer", "--hours", "10")
    assert message in _error(cli("checkin", *args))


def test_export_import_export_round_trips_through_the_command_line(cli, db_path, tmp_path, capsys):
    cli(
        "profile", "create", "me", "--from", "data-scientist", "--to", "ml-engineer", "--hours", "6"
    )
    cli("rate", "pytorch", "3", "--note", "shipped a model")
    cli("checkin", "--hours", "3", "--skills", "pytorch")
    exported = cli("export")[1]
    assert json.loads(exported)["format"] == "careerplanner-export"
    out_file = tmp_path / "me.json"
    assert cli("export", "--out", str(out_file))[0] == 0
    assert out_file.read_text(encoding="utf-8") == exported

    other = tmp_path / "other.db"
    assert main(["import", str(out_file), "--db", str(other)]) == 0
    assert "Imported 'me'" in capsys.readouterr().out
    main(["export", "--db", str(other)])
    assert capsys.readouterr().out == exported


def test_a_failed_import_leaves_the_file_byte_for_byte_as_it_was(cli, db_path, tmp_path):
    cli("profile", "create", "me", "--from", "student", "--to", "ml-engineer", "--hours", "10")
    exported = json.loads(cli("export")[1])
    exported["profiles"][0]["name"] = "someone else"
    exported["profiles"][0]["ratings"][0]["level"] = 9
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(exported))
    before = db_path.read_bytes()
    message = _error(cli("import", str(bad)))
    assert "profiles[0].ratings[0].level: expected a whole number 0 to 4, got 9" in message
    assert db_path.read_bytes() == before


def _empty_profile(cli) -> None:
    """An active profile with no ratings at all."""
    args = ["--from", "student", "--to", "ml-engineer", "--hours", "10", "--no-prefill"]
    assert cli("profile", "create", "me", *args)[0] == 0


def test_csv_export_lists_the_current_skills(cli):
    _empty_profile(cli)
    cli("rate", "sql", "2", "--note", "joins, windows")
    assert cli("export", "--csv")[1] == 'skill,name,level,note\nsql,SQL,2,"joins, windows"\n'


def test_the_csv_export_reads_back_as_a_skills_file(cli, tmp_path):
    _empty_profile(cli)
    cli("rate", "sql", "3", "--note", "joins, windows")
    cli("rate", "python", "2")
    out = tmp_path / "skills.csv"
    assert cli("export", "--csv", "--out", str(out))[0] == 0
    code, text, _ = cli("gap", "--skills", str(out), "--format", "json")
    assert code == 0
    assert json.loads(text)["input"]["levels"] == {"python": 2, "sql": 3}


def test_exporting_a_database_that_does_not_exist_is_an_error(cli, db_path):
    assert "There is no database at" in _error(cli("export"))
    assert not db_path.exists()


def test_the_installed_command_reports_a_damaged_database_in_one_line(tmp_path):
    damaged = tmp_path / "careerplanner.db"
    damaged.write_bytes(b"SQLite format 3\0" + b"\xff" * 5000)
    result = run_cli("profile", "list", "--db", str(damaged))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and str(damaged) in result.stderr
    assert "damaged" in result.stderr and "Traceback" not in result.stderr
    assert damaged.read_bytes() == b"SQLite format 3\0" + b"\xff" * 5000


def test_a_read_that_meets_damage_after_a_quick_open_is_the_damaged_file_in_one_line(cli, db_path):
    """A later open the same day looks quickly, so a rating note that is not UTF-8 is met by the
    export, not the open: the command still ends with the damaged-file error in one line, and
    the next command's open looks thoroughly and refuses the file before reading it."""
    cli("profile", "create", "me", "--from", "student", "--to", "ml-engineer", "--hours", "10")
    cli("rate", "python", "2", "--note", "ran a course")  # after the day's backup
    with sqlite3.connect(db_path) as other_program:
        other_program.execute("UPDATE ratings SET note = CAST(x'6e6fff7465' AS TEXT)")
    other_program.close()
    assert cli("profile", "list")[0] == 0  # what does not meet the note works
    met = _error(cli("export"))
    assert f"The database {db_path} is damaged" in met and "The latest good backup is" in met
    assert "Traceback" not in met
    refused = _error(cli("profile", "list"))
    assert "(a text value in ratings.note is garbled)" in refused


def test_profile_create_suggests_only_roles_valid_for_the_option(cli):
    to = _error(
        cli("profile", "create", "x", "--from", "student", "--to", "studnt", "--hours", "5")
    )
    assert "Student" not in to
    start = _error(
        cli(
            "profile",
            "create",
            "x",
            "--from",
            "ml platform enginer",
            "--to",
            "ai-engineer",
            "--hours",
            "5",
        )
    )
    assert "did you mean" in start and "Platform" not in start.split("did you mean")[1]


def test_a_mistyped_db_path_is_not_created_by_commands_that_need_data(tmp_path, capsys):
    missing = tmp_path / "typo" / "x.db"
    for args in (["rate", "python", "3"], ["checkin", "--hours", "1"], ["profile", "use", "Me"]):
        assert main([*args, "--db", str(missing)]) == 1
        err = capsys.readouterr().err
        assert f"There is no database at {missing} yet" in err
    assert main(["profile", "list", "--db", str(missing)]) == 0
    assert "No profiles yet" in capsys.readouterr().out
    assert not missing.parent.exists(), "nothing is created for a path that was mistyped"
