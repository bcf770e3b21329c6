"""``gap --profile`` and ``plan --profile``: the levels, target and pace a user saved."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def saved(cli):
    assert (
        cli(
            "profile",
            "create",
            "Me",
            "--from",
            "software-engineer",
            "--to",
            "ml-engineer",
            "--hours",
            "12",
            "--start",
            "2027-03",
        )[0]
        == 0
    )
    assert cli("rate", "pytorch", "3")[0] == 0
    return cli


def test_gap_uses_the_levels_saved_in_the_active_profile(saved):
    code, out, _ = saved("gap", "--profile", "--format", "json")
    typical = json.loads(saved("gap", "--format", "json")[1])
    document = json.loads(out)
    assert code == 0
    assert document["input"]["levels"]["pytorch"] == 3
    assert typical["input"]["levels"].get("pytorch", 0) < 3


def test_plan_takes_target_hours_and_start_from_the_profile(saved):
    code, out, _ = saved("plan", "--profile", "Me", "--format", "json")
    plan = json.loads(out)
    assert code == 0
    assert (plan["from"], plan["to"], plan["hours_per_week"]) == (
        "software-engineer",
        "ml-engineer",
        12,
    )
    assert plan["months"][0]["start"] == "2027-03-01"
    planned = {s["id"] for m in plan["months"] for s in m["skills"]}
    assert "pytorch" not in planned  # rated 3, which is what ML Engineer asks for or more


def test_options_given_on_the_command_line_win_over_the_profile(saved):
    plan = json.loads(
        saved("plan", "--profile", "--to", "ai-engineer", "--hours", "20", "--format", "json")[1]
    )
    assert (plan["to"], plan["hours_per_week"]) == ("ai-engineer", 20)


def test_plan_without_a_target_or_profile_says_what_to_give(cli):
    code, out, err = cli("plan")
    assert code == 1 and out == ""
    assert (
        err
        == "careerplanner: error: say where you want to go with --to ROLE, or use --profile NAME\n"
    )


def test_skills_and_profile_together_are_refused(saved, tmp_path):
    code, _, err = saved("gap", "--profile", "--skills", str(tmp_path / "x.json"))
    assert code == 1 and "use one of them" in err


def test_an_unknown_profile_names_the_ones_there_are(saved):
    code, _, err = saved("gap", "--profile", "Nobody")
    assert code == 1 and "the profiles are: Me" in err


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "--to", "ai-engineer", "--start", "9999-12"],
        [
            "profile",
            "create",
            "B",
            "--from",
            "student",
            "--to",
            "ai-engineer",
            "--hours",
            "5",
            "--start",
            "9999-12",
        ],
        ["plan", "--to", "ai-engineer", "--hours", "0.0001"],
    ],
)
def test_out_of_range_values_are_one_line_errors(cli, args):
    code, out, err = cli(*args)
    assert code == 1 and out == ""
    assert err.startswith("careerplanner: error: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_profile_delete_asks_for_yes_then_deletes(saved):
    code, _, err = saved("profile", "delete", "Me")
    assert code == 1 and "add --yes" in err
    assert "Me" in saved("profile", "list")[1]
    code, out, _ = saved("profile", "delete", "me", "--yes")
    assert code == 0 and out == "Deleted profile 'Me'.\n"
    assert "No profiles yet" in saved("profile", "list")[1]
