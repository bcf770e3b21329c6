"""``careerplanner gap`` and ``careerplanner plan``: the JSON contract, and one clear line for
every user mistake."""

from __future__ import annotations

import json
from datetime import date

import pytest

from careerplanner.cli import main
from tests.helpers import run_cli


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv: str) -> dict:
    code, out, err = run(capsys, *argv, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_gap_json_ranks_every_target_role_best_ready_first(capsys):
    document = run_json(capsys, "gap")
    roles = document["roles"]
    assert {"ml-engineer", "ai-engineer", "ml-platform-engineer"} <= {r["id"] for r in roles}
    assert "software-engineer" not in {r["id"] for r in roles}  # a background, not a target
    readiness = [r["readiness"] for r in roles]
    assert readiness == sorted(readiness, reverse=True)
    assert all(0 <= r <= 1 for r in readiness)
    gap = roles[-1]["gaps"][0]
    assert {"skill", "current", "required", "weight"} <= set(gap)
    assert gap["current"] < gap["required"] and gap["weight"] in {"core", "secondary"}
    # Without --skills and --from: the typical levels of a software engineer.
    assert document["input"]["from"] == "software-engineer"


def test_gap_reads_a_skills_file_by_name_and_alias(capsys, tmp_path):
    path = tmp_path / "me.csv"
    path.write_text("skill,level\nPython,3\nRAG,3\nprompt engineering,3\nllm-evals,3\n")
    document = run_json(capsys, "gap", "--skills", str(path))
    ai = next(r for r in document["roles"] if r["id"] == "ai-engineer")
    assert "rag" not in {g["skill"] for g in ai["gaps"]}
    assert document["input"]["levels"]["rag"] == 3


def test_gap_table_names_each_role_with_its_readiness(capsys):
    code, out, _ = run(capsys, "gap", "--from", "data-scientist", "--format", "table")
    assert code == 0
    assert out.startswith("Typical levels of a Data Scientist")
    assert "Machine Learning Engineer" in out and "%" in out


def test_plan_json_follows_the_product_contract(capsys):
    document = run_json(capsys, "plan", "--to", "ml-engineer", "--start", "2027-03")
    assert document["from"] == "software-engineer" and document["to"] == "ml-engineer"
    assert document["hours_source"] == "path" and document["hours_per_week"] == 16
    assert document["duration_range"]["min"] == 12 and document["duration_range"]["max"] == 18
    assert document["duration_range"]["sources"] == ["careerchoice-us"]
    assert document["total_months"] == len(document["months"])
    assert 12 <= document["total_months"] <= 18
    first = document["months"][0]
    assert first["index"] == 1 and first["start"] == "2027-03-01"
    assert document["months"][1]["start"] == "2027-04-01"
    assert first["activities"] and first["milestone"] and first["hours"] > 0
    assert {"id", "name", "from_level", "to_level"} <= set(first["skills"][0])


def test_plan_with_more_hours_takes_fewer_months_and_says_whose_hours(capsys):
    slow = run_json(capsys, "plan", "--to", "ml-engineer", "--start", "2027-01")
    fast = run_json(capsys, "plan", "--to", "ml-engineer", "--hours", "32", "--start", "2027-01")
    assert fast["hours_source"] == "user" and fast["hours_per_week"] == 32
    assert fast["total_months"] <= slow["total_months"] / 2 + 1


def test_plan_markdown_has_one_section_per_month(capsys):
    code, out, _ = run(capsys, "plan", "--to", "AI Engineer", "--start", "2027-01")
    assert code == 0
    assert out.startswith("# Plan: Software Engineer -> AI Engineer")
    assert "## Month 1: 1–31 January 2027" in out and "**Milestone:**" in out
    assert "- [ ] " in out  # the checklist the window exports, ready to tick


def test_plan_without_a_direct_path_says_it_borrowed_one(capsys):
    document = run_json(capsys, "plan", "--from", "student", "--to", "ml-platform-engineer")
    assert document["path_is_direct"] is False
    assert document["duration_range"]["min"] is None
    assert any("borrowed" in note for note in document["notes"])


def _bad_files(tmp_path):
    files = {
        "unknown.json": '{"skills": {"pytorc": 2}}',
        "level.csv": "skill,level\npython,5\n",
        "word.csv": "python,three\n",
        "broken.json": '{"skills": {"python": 2',
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["gap", "--skills", "{tmp}/unknown.json"], "unknown skill 'pytorc'; did you mean PyTorch"),
        (["gap", "--skills", "{tmp}/level.csv"], "must be 0-4, got 5"),
        (["plan", "--to", "ml-engineer", "--skills", "{tmp}/word.csv"], "whole number 0-4"),
        (["gap", "--skills", "{tmp}/missing.json"], "skills file not found"),
        (["gap", "--skills", "{tmp}/broken.json"], "is not valid JSON"),
        (["plan", "--to", "ml-enginer"], "unknown role 'ml-enginer' for --to; did you mean"),
        (["gap", "--from", "astronaut"], "unknown role 'astronaut' for --from"),
        (["plan", "--to", "software-engineer"], "is not a target role for --to"),
        (["plan", "--to", "ai-engineer", "--from", "ml-platform-engineer"], "not a starting"),
        (["plan", "--to", "ml-engineer", "--hours", "0"], "must be from 1 to 80"),
        (["plan", "--to", "ml-engineer", "--hours", "-5"], "must be from 1 to 80"),
        (
            ["plan", "--to", "ml-engineer", "--hours", "81"],
            "from 1 to 80 (1 hour to a full-time job and a half), not 81",
        ),
        (
            ["plan", "--to", "ml-engineer", "--hours", "lots"],
            "--hours (hours a week) needs a number",
        ),
        (["plan", "--to", "ml-engineer", "--start", "2026-13"], "--start must be a month"),
        (["plan", "--to", "ml-engineer", "--start", "2026/01"], "written YYYY-MM"),
        (["plan", "--to", "ml-engineer", "--start", "next month"], "written YYYY-MM"),
    ],
)
def test_each_user_mistake_is_one_line_and_exit_1(capsys, tmp_path, argv, message):
    _bad_files(tmp_path)
    code, out, err = run(capsys, *(a.replace("{tmp}", str(tmp_path)) for a in argv))
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("careerplanner: error: ")
    assert message in err


@pytest.mark.parametrize(
    "argv",
    [
        ["plan", "--to", "ml-enginer"],
        ["plan", "--to", "ml-engineer", "--hours", "0"],
        ["gap", "--skills", "does-not-exist.csv"],
    ],
)
def test_mistakes_show_no_traceback_from_a_real_process(tmp_path, argv):
    result = run_cli(*argv, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_plan_without_start_gives_this_month_only_the_days_left(capsys, monkeypatch):
    import careerplanner.commands.plan as plan_command

    class Late(date):
        @classmethod
        def today(cls):
            return cls(2026, 11, 23)

    monkeypatch.setattr(plan_command, "date", Late)
    monkeypatch.setattr("careerplanner.commands._options.date", Late)
    late = run_json(capsys, "plan", "--to", "ai-engineer", "--hours", "7")
    assert late["months"][0]["start"] == "2026-11-23"  # the plan starts today
    assert late["months"][0]["hours"] <= 8  # 23-30 November: 8 days at 1 hour a day
    chosen = run_json(capsys, "plan", "--to", "ai-engineer", "--hours", "7", "--start", "2026-11")
    assert chosen["months"][0]["hours"] == 30
