"""``careerplanner plan --format csv|ics|html [--out FILE]``."""

from __future__ import annotations

import csv
import io
from datetime import date

from icalendar import Calendar

from careerplanner.cli import main
from tests.helpers import run_cli

PLAN = ["plan", "--to", "ml-engineer", "--hours", "10", "--start", "2027-01"]


def test_ics_out_writes_a_calendar_file_and_nothing_to_stdout(tmp_path, capsys):
    target = tmp_path / "plan.ics"
    assert main([*PLAN, "--format", "ics", "--out", str(target)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err == f"Wrote {target}\n"
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert len(events) == 27
    assert events[0].decoded("dtstart") == date(2027, 1, 1)
    assert not list(tmp_path.glob("*.partial"))


def test_csv_goes_to_stdout_with_crlf_line_ends():
    result = run_cli(*PLAN, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["month"] == "1" and rows[0]["month_start"] == "2027-01-01"
    assert {r["status"] for r in rows} == {""}  # no profile, no marks
    assert rows[-1]["month"] == "27"


def test_html_out_is_a_whole_document(tmp_path, capsys):
    target = tmp_path / "plan.html"
    assert main([*PLAN, "--format", "html", "--out", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert "<h2>Month 27: 1–31 March 2029</h2>" in text


def test_a_profiles_html_plan_names_the_profile_and_the_day(tmp_path, capsys):
    db = str(tmp_path / "me.db")
    create = ["profile", "create", "Ana", "--from", "student", "--to", "ml-engineer"]
    main_out(capsys, *create, "--hours", "10", "--db", db)
    html = main_out(capsys, "plan", "--profile", "--format", "html", "--db", db)
    today = date.today()
    assert f"<p>Prepared for Ana, on {today:%a} {today.day} {today:%b %Y}.</p>" in html


def test_out_to_a_missing_folder_is_one_line(tmp_path, capsys):
    target = tmp_path / "no such folder" / "plan.csv"
    assert main([*PLAN, "--format", "csv", "--out", str(target)]) == 1
    assert capsys.readouterr().err.startswith(f"careerplanner: error: Cannot write {target}")


def test_profile_marks_show_in_the_csv(tmp_path, capsys):
    db = str(tmp_path / "me.db")
    create = ["profile", "create", "Me", "--from", "software-engineer", "--to", "ml-engineer"]
    main_out(capsys, *create, "--hours", "10", "--start", "2027-01", "--db", db)
    first = _rows(main_out(capsys, "plan", "--profile", "--format", "csv", "--db", db))[0]
    _mark(db, first["item_id"], "done")
    rows = _rows(main_out(capsys, "plan", "--profile", "--format", "csv", "--db", db))
    assert rows[0]["item_id"] == first["item_id"] and rows[0]["status"] == "done"
    assert [r["status"] for r in rows[1:]] == [""] * (len(rows) - 1)


def main_out(capsys, *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _mark(db: str, item_id: str, status: str) -> None:
    from careerplanner.knowledge import default_knowledge
    from careerplanner.services.edits import MarkItem
    from careerplanner.services.planner import Planner
    from careerplanner.storage import open_database

    planner = Planner(open_database(db), default_knowledge())
    me = planner.active_profile()
    planner.do(MarkItem(me.id, item_id, status))
    planner.close()
