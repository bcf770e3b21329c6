"""``gap --hours`` and ``gap --profile`` give every role the months its plan takes, equal to
``plan --to ROLE``; ``fit`` lists the quiz and ranks roles for a file of answers."""

from __future__ import annotations

import json

import pytest


def create_profile(cli, hours: str, *options: str) -> None:
    code, _out, err = cli(
        "profile",
        "create",
        "Me",
        "--from",
        "software-engineer",
        "--to",
        "ai-engineer",
        "--hours",
        hours,
        *options,
    )
    assert code == 0, err


def as_json(result: tuple[int, str, str]) -> dict:
    code, out, err = result
    assert code == 0, err
    return json.loads(out)


def assert_months_are_the_plans(cli, document: dict, *options: str) -> None:
    """Each role's months are those of ``plan --to ROLE`` with the same options."""
    for role in document["roles"]:
        plan = as_json(cli("plan", "--to", role["id"], *options, "--format", "json"))
        assert role["months"] == plan["total_months"], role["id"]


@pytest.mark.parametrize(
    "options",
    [
        ("--hours", "8"),
        ("--hours", "20", "--from", "data-scientist"),
        ("--hours", "3", "--from", "student"),
    ],
)
def test_gap_hours_months_equal_the_plan_for_every_role(cli, options):
    document = as_json(cli("gap", *options, "--format", "json"))
    assert document["input"]["hours_per_week"] == float(options[1])
    assert_months_are_the_plans(cli, document, *options)


def test_gap_hours_with_a_skills_file_uses_those_levels_for_the_months(cli, tmp_path):
    skills = tmp_path / "me.json"
    skills.write_text(json.dumps({"skills": {"python": 4, "rag": 3, "llm-evals": 3}}))
    options = ("--skills", str(skills), "--hours", "10")
    document = as_json(cli("gap", *options, "--format", "json"))
    assert_months_are_the_plans(cli, document, *options)


def test_gap_profile_months_use_the_profiles_hours_and_equal_its_plans(cli):
    create_profile(cli, "6", "--start", "2027-01")
    assert cli("rate", "rag", "2")[0] == 0
    document = as_json(cli("gap", "--profile", "--format", "json"))
    assert document["input"]["hours_per_week"] == 6
    assert_months_are_the_plans(cli, document, "--profile")
    faster = as_json(cli("gap", "--profile", "--hours", "24", "--format", "json"))
    assert faster["input"]["hours_per_week"] == 24
    for slow, fast in zip(document["roles"], faster["roles"], strict=True):
        assert fast["months"] <= slow["months"]


def test_gap_without_hours_has_no_months(cli):
    document = as_json(cli("gap", "--format", "json"))
    assert all("months" not in role for role in document["roles"])
    assert "hours_per_week" not in document["input"]


def test_gap_table_with_hours_has_a_months_column(cli):
    code, out, _ = cli("gap", "--hours", "8")
    assert code == 0
    assert "months at 8 hours a week" in out
    assert out.splitlines()[2].split()[:6] == [
        "Role",
        "Ready",
        "Hours",
        "Months",
        "Most",
        "important",
    ]


def test_gap_hours_out_of_range_is_one_clear_line(cli):
    code, out, err = cli("gap", "--hours", "0")
    assert code == 1 and out == ""
    assert err.startswith("careerplanner: error: --hours") and len(err.splitlines()) == 1


# -- fit


def test_fit_questions_json_follows_the_contract(cli):
    document = as_json(cli("fit", "--questions", "--format", "json"))
    questions = document["questions"]
    assert 8 <= len(questions) <= 12
    for question in questions:
        assert {"id", "text", "source", "options"} <= set(question)
        for option in question["options"]:
            assert {"id", "text", "leans"} <= set(option)
            assert option["leans"] and all(isinstance(v, int) for v in option["leans"].values())
    assert "not a psychometric test" in document["about"]


def answers_file(tmp_path, answers: dict) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"answers": answers}))
    return str(path)


ML_ANSWERS = {
    "deliverable": "production-model",
    "stack": "training-stack",
    "strength": "maths-systems",
}


def test_fit_answers_rank_the_roles_with_reasons(cli, tmp_path):
    document = as_json(
        cli("fit", "--answers", answers_file(tmp_path, ML_ANSWERS), "--format", "json")
    )
    ranking = document["ranking"]
    assert ranking[0] == {"role": "ml-engineer", "name": "Machine Learning Engineer", "score": 1.0}
    scores = [r["score"] for r in ranking]
    assert scores == sorted(scores, reverse=True)
    assert 2 <= len(document["reasons"]) <= 3
    assert {r["question"] for r in document["reasons"]} <= set(ML_ANSWERS)


def test_fit_with_profile_saves_the_answers_and_shows_them_again(cli, tmp_path):
    create_profile(cli, "8")
    path = answers_file(tmp_path, ML_ANSWERS)
    code, out, err = cli("fit", "--answers", path, "--profile", "--format", "json")
    assert code == 0 and "Saved the answers with profile 'Me'" in err
    saved = as_json(cli("fit", "--profile", "Me", "--format", "json"))
    assert saved == json.loads(out)
    fewer = answers_file(tmp_path, {"deliverable": "llm-feature"})
    assert cli("fit", "--answers", fewer, "--profile")[0] == 0
    again = as_json(cli("fit", "--profile", "--format", "json"))
    assert again["answered"] == 1 and again["ranking"][0]["role"] == "ai-engineer"


def test_fit_table_names_the_best_fit_and_what_decided_it(cli, tmp_path):
    code, out, _ = cli("fit", "--answers", answers_file(tmp_path, ML_ANSWERS))
    assert code == 0
    assert out.startswith("Fit from 3 of 11 questions answered")
    assert "What decided it for Machine Learning Engineer:" in out
    assert "not a psychometric test" in " ".join(out.split())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"answers": {"deliverables": "llm-feature"}}', "unknown question 'deliverables'"),
        ('{"answers": {"stack": "pytorch"}}', "'stack': unknown answer \"pytorch\"; choose one of"),
        ("[1, 2]", 'expected {"answers": '),
        ('{"answers": {}, "extra": 1}', "unknown key 'extra'"),
        ("not json", "not valid JSON"),
    ],
)
def test_a_bad_answers_file_is_one_clear_line(cli, tmp_path, content, message):
    path = tmp_path / "answers.json"
    path.write_text(content)
    code, out, err = cli("fit", "--answers", str(path))
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and message in err


def test_fit_needs_questions_or_answers(cli):
    code, _, err = cli("fit")
    assert code == 1 and "--questions lists the quiz" in err
    code, _, err = cli("fit", "--questions", "--profile")
    assert code == 1 and "--profile goes with --answers" in err
