"""``careerplanner progress``: the JSON contract and the CSV for a fixed --today, the table, the
HTML report, errors; the same document from an export file; ``rate`` ticking plan steps."""

from __future__ import annotations

import json
from datetime import date

from careerplanner.knowledge import default_knowledge
from careerplanner.services import progress as progress_service

CONTRACT = {
    "profile",
    "target",
    "plan_start",
    "plan_end",
    "hours_per_week",
    "hours_logged",
    "hours_logged_before_start",
    "hours_planned_to_date",
    "status",
    "weeks_behind",
    "forecast_finish",
    "forecast_note",
    "this_week",
    "weekly",
    "items",
    "readiness",
    "readiness_over_time",
}


def student(cli) -> None:
    """A student at 15 h a week whose plan began on Sunday 1 March 2026, with 5 h logged in
    February and 3 h on each of seven days in March."""
    create = "profile create Stu --from student --to ml-engineer --hours 15 --start 2026-03"
    assert cli(*create.split())[0] == 0
    days = ["2026-02-20", *(f"2026-03-{d:02d}" for d in (2, 4, 9, 11, 16, 23, 30))]
    for day in days:
        hours = "5" if day.startswith("2026-02") else "3"
        assert cli("checkin", "--hours", hours, "--date", day)[0] == 0


def test_json_follows_the_contract_for_a_given_day(cli):
    student(cli)
    code, out, err = cli("progress", "--today", "2026-04-06", "--format", "json")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert set(doc) == CONTRACT
    assert doc["profile"] == "Stu" and doc["target"] == "ml-engineer"
    assert doc["plan_start"] == "2026-03-01"
    assert doc["hours_per_week"] == 15
    # 21 h since 1 March, 5 h before it; 15 h x 36 days / 7 = 77.14 h planned by 6 April:
    # 51.1 h short, 3.4 weeks, said as 3.
    assert (doc["hours_logged"], doc["hours_logged_before_start"]) == (21, 5)
    assert doc["hours_planned_to_date"] == 77.14
    assert (doc["status"], doc["weeks_behind"]) == ("behind", 3)
    assert doc["forecast_finish"] > doc["plan_end"]  # 3 h a week lately: long after the end
    assert doc["this_week"] == {
        "week_start": "2026-04-06",
        "hours_planned": 15,
        "hours_logged": 0,
        "items": doc["this_week"]["items"],
    }
    assert all(set(item) == {"id", "kind", "text"} for item in doc["this_week"]["items"])
    weekly = doc["weekly"]
    assert weekly[0] == {"week_start": "2026-02-16", "planned": 0, "logged": 5}
    assert weekly[1] == {"week_start": "2026-02-23", "planned": 15, "logged": 0}
    assert weekly[-1]["week_start"] == "2026-04-06"
    assert sum(w["logged"] for w in weekly) == 26
    assert set(doc["items"]) == {"done", "skipped", "open_in_started_months", "total"}
    # The profile was rated when it was made (today), after --today: nothing rated by then.
    assert (doc["readiness"], doc["readiness_over_time"]) == (0, [])
    now = json.loads(cli("progress", "--format", "json")[1])
    assert 0 < now["readiness"] <= 1
    assert now["readiness_over_time"][-1] == {
        "day": date.today().isoformat(),
        "readiness": now["readiness"],
    }


def test_csv_has_one_row_per_week(cli):
    student(cli)
    code, out, _err = cli("progress", "--today", "2026-04-06", "--format", "csv")
    assert code == 0
    lines = out.split("\r\n")
    assert lines[0] == "week_start,planned,logged"
    assert lines[1:4] == ["2026-02-16,0,5", "2026-02-23,15,0", "2026-03-02,15,6"]
    assert lines[-2] == "2026-04-06,15,0" and lines[-1] == ""


def test_the_table_says_what_the_page_says(cli):
    student(cli)
    code, out, _err = cli("progress", "--today", "2026-04-06")
    assert code == 0
    assert "3 weeks behind: 51 h short" in out
    assert "5 h of them before your plan began" in out
    assert "This week (from Mon 6 Apr 2026): 0 h logged of 15 h planned" in out
    assert "(plan began this week)" in out  # the week of 23 Feb held the plan's first day


def test_the_html_report_is_one_file_with_its_charts(cli, tmp_path):
    student(cli)
    out_file = tmp_path / "report.html"
    code, _out, err = cli(
        "progress", "--today", "2026-04-06", "--format", "html", "--out", str(out_file)
    )
    assert code == 0 and "Wrote" in err
    html = out_file.read_text()
    assert "<h1>Progress report: Stu</h1>" in html
    assert "<h2>3 weeks behind: 51 h short</h2>" in html
    assert html.count("data:image/png;base64,") == 3
    assert "(before your plan began)" in html


def test_a_bad_day_or_no_profile_is_one_clear_line(cli):
    code, _out, err = cli("progress")
    assert code == 1 and "create a profile first" in err
    student(cli)
    code, _out, err = cli("progress", "--today", "6 April")
    assert code == 1
    assert err.strip() == (
        "careerplanner: error: --today needs a day written YYYY-MM-DD, e.g. 2026-03-02; "
        "got '6 April'"
    )
    code, _out, err = cli("progress", "--profile", "Nobody")
    assert code == 1 and "There is no profile named 'Nobody'" in err


def test_an_export_file_gives_the_same_document(cli, tmp_path):
    student(cli)
    _code, out, _err = cli("progress", "--today", "2026-04-06", "--format", "json")
    export = tmp_path / "export.json"
    assert cli("export", "--out", str(export))[0] == 0
    profile = json.loads(export.read_text())["profiles"][0]
    data = progress_service.from_export(profile)
    document = progress_service.progress_document(default_knowledge(), data, date(2026, 4, 6))
    assert document == json.loads(out)


def test_rate_ticks_the_plan_steps_it_reaches(cli):
    student(cli)
    _code, out, _err = cli("plan", "--profile", "--format", "json")
    plan = json.loads(out)
    step = next(i for m in plan["months"] for i in m["items"] if i["kind"] == "skill")
    skill, level = step["id"].split(":")[1], step["id"].split(":")[2]
    before = json.loads(cli("progress", "--format", "json")[1])["items"]["done"]
    assert cli("rate", skill, level)[0] == 0
    after = json.loads(cli("progress", "--format", "json")[1])["items"]["done"]
    assert after >= before + 1
    _code, out, _err = cli("plan", "--profile", "--format", "json")
    assert step["id"] not in {i["id"] for m in json.loads(out)["months"] for i in m["items"]}
