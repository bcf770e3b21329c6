"""``careerplanner knowledge``: the JSON contract other tools read, the table, and broken data."""

from __future__ import annotations

import json

import pytest

from careerplanner.cli import main
from tests.helpers import run_cli

NAMED_LISTS = ["sources", "skills", "roles", "paths", "salaries"]


@pytest.fixture(scope="module")
def document() -> dict:
    result = run_cli("knowledge", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_json_is_one_object_with_the_documented_lists(capsys):
    assert main(["knowledge", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in [*NAMED_LISTS, "categories", "disagreements", "facts"]:
        assert isinstance(data[key], list) and data[key], key
    assert data["format_version"] == 2


def test_every_entry_has_an_id_and_a_name(document):
    for key in [*NAMED_LISTS, "categories", "disagreements"]:
        for entry in document[key]:
            assert isinstance(entry["id"], str) and entry["id"], key
            if key != "salaries":  # a salary band has no name of its own
                assert isinstance(entry["name"], str) and entry["name"], key


def test_references_are_ids_that_exist(document):
    ids = {key: {e["id"] for e in document[key]} for key in NAMED_LISTS}
    for path in document["paths"]:
        assert path["from"] in ids["roles"]
        assert path["to"] is None or path["to"] in ids["roles"]
        for phase in path["phases"]:
            assert set(phase["skills"]) <= ids["skills"]
    for band in document["salaries"]:
        assert band["role"] in ids["roles"]
        assert band["source"] in ids["sources"]
    for role in document["roles"]:
        for requirement in role["requirements"]:
            assert set(requirement) == {"skill", "level", "weight", "source", "reason"}
            assert requirement["source"] in ids["sources"] | {"ours"}
            assert (requirement["source"] == "ours") == bool(requirement["reason"])
            assert requirement["skill"] in ids["skills"]
            assert requirement["weight"] in {"core", "secondary"}
        for fact in role["interview_loop"] + role["facts"]:
            assert fact["source"] in ids["sources"]


def test_skills_carry_aliases_levels_and_hours_as_lists(document):
    kubernetes = next(s for s in document["skills"] if s["id"] == "kubernetes")
    assert "k8s" in kubernetes["aliases"]
    assert len(kubernetes["levels"]) == 5
    assert len(kubernetes["hours_per_step"]) == 4


def test_paths_carry_duration_range_and_weekly_hours(document):
    paths = {p["id"]: p for p in document["paths"]}
    assert paths["swe-to-ml"]["duration_range"] == {
        "min": 12,
        "max": 18,
        "sources": ["careerchoice-us"],
    }
    assert paths["swe-to-ai"]["duration_range"]["sources"] == [
        "careerchoice-us",
        "ayautomate-hiring",
    ]
    assert paths["ds-to-ml"]["duration_range"] == {"min": None, "max": None, "sources": []}
    assert paths["swe-to-ai"]["from"] == "software-engineer"
    assert paths["swe-to-ai"]["to"] == "ai-engineer"
    for path in paths.values():
        assert isinstance(path["weekly_hours"], int)


def test_salary_amounts_are_plain_numbers_in_the_currency_unit(document):
    band = next(b for b in document["salaries"] if b["id"] == "clarup-ai-senior-product")
    assert (band["low"], band["high"], band["currency"]) == (5000000, 12000000, "INR")


def test_table_format_summarises_every_section(capsys):
    assert main(["knowledge", "--format", "table"]) == 0
    out = capsys.readouterr().out
    for heading in ["Sources (5)", "Skills (", "Roles (", "Pivot paths (7)", "Salary bands ("]:
        assert heading in out
    assert "swe-to-ai" in out and "2-3 months [careerchoice-us]" in out
    assert "no source gives a duration" in out


def test_broken_data_stops_with_one_line_naming_file_and_key(edit, capsys):
    folder = edit("skills.toml", '"helm"]', '"docker"]', within="kubernetes")
    assert main(["knowledge", "--data", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err == (
        "careerplanner: error: skills.toml: skills[kubernetes].aliases[2]: "
        "'docker' already names skill 'docker'\n"
    )


def test_broken_data_in_a_child_process_prints_no_traceback(edit):
    folder = edit("paths.toml", 'id = "ai-to-ml"', 'id = "ai-to-ml')
    result = run_cli("knowledge", "--format", "json", "--data", str(folder))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("careerplanner: error: paths.toml: invalid TOML: ")
    assert "Traceback" not in result.stderr


def test_table_marks_a_basis_the_article_does_not_state(capsys):
    assert main(["knowledge"]) == 0
    out = capsys.readouterr().out
    h2k_entry = next(line for line in out.splitlines() if "85,000-110,000" in line)
    assert "basis not stated range" in h2k_entry
    ayautomate_entry = next(line for line in out.splitlines() if "130,000-170,000" in line)
    assert "base range" in ayautomate_entry


def test_each_duration_claim_carries_the_pace_we_read_into_it(document):
    paths = {p["id"]: p for p in document["paths"]}
    essay, ay = paths["swe-to-ai"]["claims"]
    assert (essay["source"], ay["source"]) == ("careerchoice-us", "ayautomate-hiring")
    assert isinstance(essay["weekly_hours"], int) and isinstance(ay["weekly_hours"], int)
    assert essay["weekly_hours"] > ay["weekly_hours"]  # 2-3 months needs more hours than six
    assert essay["weekly_hours_source"] == ay["weekly_hours_source"] == "ours"
    (clarup,) = paths["ml-to-ai"]["claims"]
    assert clarup["weekly_hours"] is None
    assert clarup["weekly_hours_rationale"].startswith("No sensible pace")


def test_steps_and_milestones_say_whose_they_are(document):
    for path in document["paths"]:
        for phase in path["phases"]:
            assert [s["text"] for s in phase["cited_steps"]] == phase["steps"]
            for cited in [
                *phase["cited_steps"],
                {"source": phase["milestone_source"], "reason": phase["milestone_reason"]},
            ]:
                assert (cited["source"] == "ours") == bool(cited["reason"]), path["id"]
            assert "ours" not in phase["sources"]


def test_table_labels_our_readings_and_the_pay_details(capsys):
    assert main(["knowledge"]) == 0
    out = capsys.readouterr().out
    assert "implied pace: about 40 h/week (our reading)" in out
    assert "no sensible pace gives these months (our reading)" in out
    h2k_senior = next(line for line in out.splitlines() if "140,000-170,000" in line)
    assert "140,000-170,000+ " in h2k_senior
    mts = next(line for line in out.splitlines() if "Member of Technical Staff" in line)
    assert "US (our reading)" in mts and " all " in mts
    assert "expectation" in next(line for line in out.splitlines() if "360,000-410,000" in line)
